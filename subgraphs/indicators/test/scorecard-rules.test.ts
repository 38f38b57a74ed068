import { Direction, IndicatorSource as Source, StatusCode as S } from '../src/entities/enums';
import { actualOf } from '../src/rules/actuals';
import { averageRating, elapsed, progressOf, statusOf, targetFor, trendOf } from '../src/rules/scorecard';

const figures = { applications: 200, registered: 150, active: 140, registeredToDate: 900, women: 45, turnover: 1000, taxContribution: 10 };
const programmes = {
  honourLoanBeneficiaries: 0,
  honourLoanAmount: 0,
  digitalInclusionBeneficiaries: 0,
  tpmePromotionBeneficiaries: 0,
  projectHolderBeneficiaries: 0,
  postCreationBeneficiaries: 0,
  advisorsTrained: 0,
  awarenessEvents: 0,
  workshops: 0,
  councilsEngaged: 0,
};
const during2020 = new Date('2020-07-02T00:00:00Z');

describe('scorecard rules', () => {
  it('picks the target due first among those covering the year', () => {
    const targets = [
      { fromYear: 2019, toYear: 2020, value: 1500 },
      { fromYear: 2019, toYear: 2019, value: 500 },
    ];
    expect(targetFor(targets, 2019)?.value).toBe(500);
    expect(targetFor(targets, 2020)?.value).toBe(1500);
    expect(targetFor(targets, 2021)).toBeNull();
  });

  it('derives actuals from the register figures, and null when unknown', () => {
    expect(actualOf(Source.REGISTRATIONS, { registryFigures: figures })).toBe(150);
    expect(actualOf(Source.WOMEN_SHARE, { registryFigures: figures })).toBeCloseTo(0.3);
    expect(actualOf(Source.REGISTRATION_RATE, { registryFigures: figures })).toBeCloseTo(0.75);
    expect(actualOf(Source.REGISTRATIONS, { registryFigures: null })).toBeNull();
    expect(actualOf(Source.ADVISORS_TRAINED, { registryFigures: figures })).toBeNull(); // programs did not answer
    expect(actualOf(Source.ADVISORS_TRAINED, { programmeFigures: { ...programmes, advisorsTrained: 355 } })).toBe(355);
    expect(actualOf(Source.ASSESSMENTS, { registryFigures: figures })).toBeNull(); // qualitative: from assessments
  });

  it('averages the ratings of a region, or of every region for the nation', () => {
    const assessments = [
      { regionCode: 'MA-09', year: 2018, rating: 4 },
      { regionCode: 'MA-02', year: 2018, rating: 2 },
      { regionCode: 'MA-09', year: 2019, rating: 5 },
    ];
    expect(averageRating(assessments, 'MA-09', 2018, 2018)).toBe(4);
    expect(averageRating(assessments, null, 2018, 2018)).toBe(3);
    expect(averageRating(assessments, 'MA-09', 2018, 2019)).toBe(4.5);
    expect(averageRating(assessments, 'MA-04', 2018, 2019)).toBeNull();
    expect(trendOf(3, 4)).toBe('UP');
    expect(trendOf(4, 4)).toBe('FLAT');
    expect(trendOf(null, 4)).toBe('UNKNOWN');
  });

  it('grades a target against the time elapsed', () => {
    const base = { fromYear: 2019, toYear: 2020, direction: Direction.HIGHER_IS_BETTER };
    expect(elapsed(2019, 2020, during2020)).toBeCloseTo(0.75, 2);
    expect(statusOf({ ...base, target: 1500, actual: 1500 }, during2020)).toBe(S.ACHIEVED);
    expect(statusOf({ ...base, target: 1500, actual: 1100 }, during2020)).toBe(S.ON_TRACK);
    expect(statusOf({ ...base, target: 1500, actual: 600 }, during2020)).toBe(S.AT_RISK);
    expect(statusOf({ ...base, target: 1500, actual: 600 }, new Date('2021-01-01T00:00:00Z'))).toBe(S.MISSED);
    expect(statusOf({ ...base, target: null, actual: 600 }, during2020)).toBe(S.NO_TARGET);
    expect(statusOf({ ...base, target: 1500, actual: null }, during2020)).toBe(S.NO_DATA);
    expect(progressOf(750, 1500)).toBe(0.5);
    expect(progressOf(null, 1500)).toBeNull();
  });
});
