import { gql, ok } from '../../../test/support';

describe('indicators subgraph', () => {
  it('publishes the catalogue of the monitoring system', async () => {
    const { indicators } = ok(await gql(`{ indicators { code name nameEn kind unit } }`, { service: 'indicators' }));
    const codes = indicators.map((i: any) => i.code);
    expect(codes).toEqual(expect.arrayContaining([
      'AE_APPLICATIONS', 'AE_REGISTRATIONS', 'REGISTRATION_RATE', 'WOMEN_SHARE', 'TURNOVER', 'TAX_CONTRIBUTION',
      'BENEFICIARIES_HONOUR_LOAN', 'HONOUR_LOAN_AMOUNT', 'ADVISORS_TRAINED', 'AWARENESS_EVENTS', 'WORKSHOPS', 'REGIONAL_COUNCILS_ENGAGED',
    ]));
    expect(indicators.some((i: any) => i.kind === 'QUALITATIVE')).toBe(true);
  });

  it('holds the national and Fès-Meknès targets of the sources', async () => {
    const { registrations, toDate } = ok(await gql(`{
      registrations: indicator(code: "AE_REGISTRATIONS") { targets { regionCode fromYear toYear value source } }
      toDate: indicator(code: "AE_REGISTERED_TO_DATE") { targets { regionCode toYear value } }
    }`, { service: 'indicators' }));
    expect(registrations.targets.map((t: any) => [t.regionCode, t.fromYear, t.toYear, t.value])).toEqual(expect.arrayContaining([
      [null, 2018, 2019, 150_000], ['MA-03', 2019, 2019, 500], ['MA-03', 2019, 2020, 1_500],
    ]));
    expect(toDate.targets).toEqual([{ regionCode: null, toYear: 2020, value: 100_000 }]);
  });

  it('answers the regional scorecard with the convention target for each year', async () => {
    const { y2019, y2020 } = ok(await gql(`{
      y2019: _entities(representations: [{ __typename: "Region", code: "MA-03" }]) { ... on Region { scorecard(year: 2019) { indicatorCode fromYear toYear target } } }
      y2020: _entities(representations: [{ __typename: "Region", code: "MA-03" }]) { ... on Region { scorecard(year: 2020) { indicatorCode fromYear toYear target } } }
    }`, { service: 'indicators' }));
    const pick = (rows: any[], code: string) => rows.find((s) => s.indicatorCode === code);
    expect(pick(y2019[0].scorecard, 'AE_REGISTRATIONS')).toMatchObject({ fromYear: 2019, toYear: 2019, target: 500 });
    expect(pick(y2020[0].scorecard, 'AE_REGISTRATIONS')).toMatchObject({ fromYear: 2019, toYear: 2020, target: 1500 });
    expect(pick(y2020[0].scorecard, 'BENEFICIARIES_PROJECT_HOLDER_SUPPORT').target).toBe(600);
  });

  it('treats missing register figures as unknown, never as zero', async () => {
    const { _entities } = ok(await gql(`{ _entities(representations: [
      { __typename: "IndicatorStatus", indicatorCode: "AE_REGISTRATIONS", scope: "MA", fromYear: 2018, toYear: 2019, registryFigures: null }
    ]) { ... on IndicatorStatus { target actual status } } }`, { service: 'indicators' }));
    expect(_entities).toEqual([{ target: 150_000, actual: null, status: 'NO_DATA' }]);
  });
});
