import { gql, ok, sqlOn } from '../../../test/support';

const THIS_YEAR = new Date().getUTCFullYear();

/** Marrakech-Safi (MA-07) is a still region (test/regions.ts): its figures hold still while this file reads them. */
describe('registrations year by year', () => {
  it('adds up, year by year, to the all-years figures of a region and of the nation', async () => {
    const data = ok(
      await gql(`{
      region(code: "MA-07") { registrationStats { applications registered women } registrationsByYear { year applications registered women registeredToDate } }
    }`),
    ).region;
    const years = data.registrationsByYear;
    expect(years.length).toBeGreaterThan(3);
    expect(years.map((y: any) => y.year)).toEqual(years.map((_: unknown, i: number) => years[0].year + i)); // no gap
    const sum = (field: string) => years.reduce((total: number, y: any) => total + y[field], 0);
    expect({ applications: sum('applications'), registered: sum('registered'), women: sum('women') }).toEqual(data.registrationStats);
    expect(years[years.length - 1].registeredToDate).toBe(data.registrationStats.registered);
    expect(years.some((y: any) => y.registered > 0 && y.women > 0 && y.women < y.registered)).toBe(true);
  });

  it('gives the national timeline from 2015, when the register opened', async () => {
    const data = ok(await gql(`{ registrationsByYear { year registered registeredToDate } }`));
    expect(data.registrationsByYear[0].year).toBeGreaterThanOrEqual(2015);
    const last = data.registrationsByYear[data.registrationsByYear.length - 1];
    expect(last.registeredToDate).toBe(data.registrationsByYear.reduce((total: number, y: any) => total + y.registered, 0));
  });

  it('runs the demo register from 2015 to this year without a gap year, in the shape of the register statistics', async () => {
    const { registrationsByYear } = ok(await gql(`{ registrationsByYear { year applications registered } }`));
    const years = registrationsByYear.map((y: any) => y.year);
    expect(years).toEqual(Array.from({ length: THIS_YEAR - 2015 + 1 }, (_, i) => 2015 + i));
    for (const year of registrationsByYear) expect(year.registered).toBeGreaterThan(0);
    // Growth after 2018 (123,075 applications in March 2019, 302,577 in June 2020): 2019 is well above 2017.
    const of = (year: number) => registrationsByYear.find((y: any) => y.year === year).applications;
    expect(of(2019)).toBeGreaterThan(2 * of(2017));
  });

  it('strikes off about the share of the register the statistics give (118,116 of 615,660 applications by March 2024)', async () => {
    const [{ applications, struck }] = await sqlOn(
      'registry',
      `SELECT count(*) FILTER (WHERE submitted_at < '2024-04-01T00:00:00Z')::int AS applications,
              count(*) FILTER (WHERE struck_off_at < '2024-04-01T00:00:00Z')::int AS struck
       FROM auto_entrepreneur`, // rows written by the tests are all dated after March 2024
    );
    const source = 118_116 / 615_660;
    expect(struck / applications).toBeGreaterThan(source - 0.05);
    expect(struck / applications).toBeLessThan(source + 0.05);
  });
});
