import { codes, gql, ok } from '../../../test/support';

describe('indicators subgraph', () => {
  it('publishes the catalogue of the monitoring system', async () => {
    const { indicators } = ok(await gql(`{ indicators { code name nameEn kind unit } }`, { service: 'indicators' }));
    const codes = indicators.map((i: any) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'AE_APPLICATIONS',
        'AE_REGISTRATIONS',
        'REGISTRATION_RATE',
        'WOMEN_SHARE',
        'TURNOVER',
        'TAX_CONTRIBUTION',
        'BENEFICIARIES_HONOUR_LOAN',
        'HONOUR_LOAN_AMOUNT',
        'ADVISORS_TRAINED',
        'AWARENESS_EVENTS',
        'WORKSHOPS',
        'REGIONAL_COUNCILS_ENGAGED',
      ]),
    );
    expect(indicators.some((i: any) => i.kind === 'QUALITATIVE')).toBe(true);
  });

  it('holds the national and Fès-Meknès targets of the sources', async () => {
    const { registrations, toDate } = ok(
      await gql(
        `{
      registrations: indicator(code: "AE_REGISTRATIONS") { targets { regionCode fromYear toYear value source } }
      toDate: indicator(code: "AE_REGISTERED_TO_DATE") { targets { regionCode toYear value } }
    }`,
        { service: 'indicators' },
      ),
    );
    expect(registrations.targets.map((t: any) => [t.regionCode, t.fromYear, t.toYear, t.value])).toEqual(
      expect.arrayContaining([
        [null, 2018, 2019, 150_000],
        ['MA-03', 2019, 2019, 500],
        ['MA-03', 2019, 2020, 1_500],
      ]),
    );
    expect(toDate.targets).toEqual([{ regionCode: null, toYear: 2020, value: 100_000 }]);
  });

  it('answers the regional scorecard with the convention target for each year', async () => {
    const { y2019, y2020, statuses } = ok(
      await gql(
        `{
      y2019: _entities(representations: [{ __typename: "Region", code: "MA-03" }]) { ... on Region { scorecardFor(year: 2019) { periods } } }
      y2020: _entities(representations: [{ __typename: "Region", code: "MA-03" }]) { ... on Region { scorecardFor(year: 2020) { periods } } }
      statuses: _entities(representations: [
        { __typename: "Scorecard", scope: "MA-03", year: 2019, periods: "2019-2019", registryFigures: null, programmeFigures: null }
        { __typename: "Scorecard", scope: "MA-03", year: 2020, periods: "2019-2020 2020-2020", registryFigures: null, programmeFigures: null }
      ]) { ... on Scorecard { statuses { indicatorCode fromYear toYear target } } }
    }`,
        { service: 'indicators' },
      ),
    );
    const pick = (rows: any[], code: string) => rows.find((s) => s.indicatorCode === code);
    // The key names the periods the owners must hand figures for: the convention's targets set them.
    expect([y2019[0].scorecardFor.periods, y2020[0].scorecardFor.periods]).toEqual(['2019-2019', '2019-2020 2020-2020']);
    expect(pick(statuses[0].statuses, 'AE_REGISTRATIONS')).toMatchObject({ fromYear: 2019, toYear: 2019, target: 500 });
    expect(pick(statuses[1].statuses, 'AE_REGISTRATIONS')).toMatchObject({ fromYear: 2019, toYear: 2020, target: 1500 });
    expect(pick(statuses[1].statuses, 'BENEFICIARIES_PROJECT_HOLDER_SUPPORT').target).toBe(600);
  });

  it('treats missing register figures as unknown, never as zero', async () => {
    const { _entities } = ok(
      await gql(
        `{ _entities(representations: [
      { __typename: "IndicatorStatus", indicatorCode: "AE_REGISTRATIONS", scope: "MA", fromYear: 2018, toYear: 2019, registryFigures: null }
    ]) { ... on IndicatorStatus { target actual status } } }`,
        { service: 'indicators' },
      ),
    );
    expect(_entities).toEqual([{ target: 150_000, actual: null, status: 'NO_DATA' }]);
    const card = ok(
      await gql(
        `{ _entities(representations: [
      { __typename: "Scorecard", scope: "MA", year: 2019, periods: "2018-2019 2019-2019", registryFigures: null, programmeFigures: null }
    ]) { ... on Scorecard { statuses { indicatorCode target actual status } } } }`,
        { service: 'indicators' },
      ),
    );
    expect(card._entities[0].statuses.find((s: any) => s.indicatorCode === 'AE_REGISTRATIONS')).toEqual({
      indicatorCode: 'AE_REGISTRATIONS',
      target: 150_000,
      actual: null,
      status: 'NO_DATA',
    });
  });

  it('refuses a scorecard key that is not one, straight to the subgraph', async () => {
    for (const [scope, periods] of [
      ['MA-13', '2019-2019'],
      ['MA', '2019'],
      ['MA', '2020-2019'],
      ['MA', `${'2019-2019 '.repeat(21).trim()}`],
    ]) {
      const result = await gql(
        `query($scope: ID!, $periods: String!) { _entities(representations: [{ __typename: "Scorecard", scope: $scope, year: 2019, periods: $periods }]) { ... on Scorecard { registryFigures { fromYear } } } }`,
        {
          service: 'registry',
          variables: { scope, periods },
        },
      );
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    }
  });
});
