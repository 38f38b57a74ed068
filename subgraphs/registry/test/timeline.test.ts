import { gql, ok } from '../../../test/support';

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
});
