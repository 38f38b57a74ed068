import { REGIONS } from '@moukawil/kit/domain';

type TargetRow = [indicator: string, region: string, fromYear: number, toYear: number, value: number, source: string];

/** The national committee's 150,000 registrations over 2018-2019: 75,000 a year for the nation. */
const NATIONAL_REGISTRATIONS_A_YEAR = 75_000;
const ROADMAP = (region: string) => `Feuille de route régionale ${region} (démo)`;
/** Set by their convention (catalogue.ts, TARGETS): no demo target beside them. */
const BY_CONVENTION = new Set(['AE_REGISTRATIONS MA-03 2019', 'AE_REGISTRATIONS MA-03 2020']);

/**
 * Demo targets of every region (the sources give only the nation's and Fès-Meknès's): each
 * council's yearly roadmap from 2018 to the year of seeding. Registrations are the region's share
 * of the national objective by its population (RGPH 2024); events and workshops a plausible pace
 * for a council (about five awareness days and one advisors' workshop a year); women a third of
 * the registrations. Yearly periods only, so each regional scorecard still measures its one year.
 */
export function regionalTargets(thisYear: number): TargetRow[] {
  const nation = REGIONS.reduce((sum, r) => sum + r.population, 0);
  const rows: TargetRow[] = [];
  for (const { code, population } of REGIONS)
    for (let year = 2018; year <= thisYear; year++) {
      const registrations = Math.round((NATIONAL_REGISTRATIONS_A_YEAR * population) / nation / 50) * 50;
      const share = `${ROADMAP(code)} : part de l'objectif national (75 000 par an) au prorata de la population`;
      const yearly: TargetRow[] = [
        ['AE_REGISTRATIONS', code, year, year, registrations, share],
        ['AWARENESS_EVENTS', code, year, year, 5, `${ROADMAP(code)} : cinq journées de sensibilisation par an`],
        ['WORKSHOPS', code, year, year, 1, `${ROADMAP(code)} : un atelier de formation des conseillers par an`],
        ['WOMEN_SHARE', code, year, year, 0.35, `${ROADMAP(code)} : 35 % de femmes parmi les inscrits`],
      ];
      rows.push(...yearly.filter(([indicator]) => !BY_CONVENTION.has(`${indicator} ${code} ${year}`)));
    }
  return rows;
}
