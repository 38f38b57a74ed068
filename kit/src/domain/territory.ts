import { badInput } from '../core/errors';
import { PROVINCE_NAMES_AR } from './province-names-ar';

/**
 * The territorial nomenclature (decree 2-15-40 of 2015): 12 regions keyed by ISO 3166-2:MA,
 * their 75 prefectures (":P") and provinces, RGPH 2024 populations. A public standard that
 * several subgraphs validate against; the regions subgraph serves it.
 */
type Row = [code: string, name: string, nameAr: string, capital: string, population: number, pilot: boolean, units: string[]];

const TERRITORY: Row[] = [
  [
    'MA-01',
    'Tanger-Tétouan-Al Hoceïma',
    'طنجة-تطوان-الحسيمة',
    'Tanger',
    4_030_222,
    false,
    ['TNG:Tanger-Assilah:P', "MDF:M'diq-Fnideq:P", 'TET:Tétouan', 'FAH:Fahs-Anjra', 'LAR:Larache', 'HOC:Al Hoceïma', 'CHE:Chefchaouen', 'OUZ:Ouezzane'],
  ],
  [
    'MA-02',
    "L'Oriental",
    'جهة الشرق',
    'Oujda',
    2_294_665,
    true,
    ['OUJ:Oujda-Angad:P', 'NAD:Nador', 'DRI:Driouch', 'JRA:Jerada', 'BER:Berkane', 'TAI:Taourirt', 'GUF:Guercif', 'FIG:Figuig'],
  ],
  [
    'MA-03',
    'Fès-Meknès',
    'فاس-مكناس',
    'Fès',
    4_467_911,
    false,
    ['FES:Fès:P', 'MEK:Meknès:P', 'HAJ:El Hajeb', 'IFR:Ifrane', 'MOU:Moulay Yacoub', 'SEF:Sefrou', 'BOM:Boulemane', 'TAO:Taounate', 'TAZ:Taza'],
  ],
  [
    'MA-04',
    'Rabat-Salé-Kénitra',
    'الرباط-سلا-القنيطرة',
    'Rabat',
    5_132_639,
    true,
    ['RAB:Rabat:P', 'SAL:Salé:P', 'SKH:Skhirate-Témara:P', 'KEN:Kénitra', 'KHE:Khémisset', 'SIK:Sidi Kacem', 'SIL:Sidi Slimane'],
  ],
  [
    'MA-05',
    'Béni Mellal-Khénifra',
    'بني ملال-خنيفرة',
    'Béni Mellal',
    2_525_801,
    false,
    ['BEM:Béni Mellal', 'AZI:Azilal', 'FQH:Fquih Ben Salah', 'KHN:Khénifra', 'KHO:Khouribga'],
  ],
  [
    'MA-06',
    'Casablanca-Settat',
    'الدار البيضاء-سطات',
    'Casablanca',
    7_688_967,
    false,
    [
      'CAS:Casablanca:P',
      'MOH:Mohammédia:P',
      'JDI:El Jadida',
      'NOU:Nouaceur',
      'MED:Médiouna',
      'BES:Benslimane',
      'BRR:Berrechid',
      'SET:Settat',
      'SIB:Sidi Bennour',
    ],
  ],
  [
    'MA-07',
    'Marrakech-Safi',
    'مراكش-آسفي',
    'Marrakech',
    4_892_393,
    false,
    ['MAR:Marrakech:P', 'CHI:Chichaoua', 'HAO:Al Haouz', 'KES:El Kelâa des Sraghna', 'ESI:Essaouira', 'REH:Rehamna', 'SAF:Safi', 'YUS:Youssoufia'],
  ],
  ['MA-08', 'Drâa-Tafilalet', 'درعة-تافيلالت', 'Errachidia', 1_655_623, true, ['ERR:Errachidia', 'OUA:Ouarzazate', 'MID:Midelt', 'TIN:Tinghir', 'ZAG:Zagora']],
  [
    'MA-09',
    'Souss-Massa',
    'سوس-ماسة',
    'Agadir',
    3_020_431,
    true,
    ['AGD:Agadir Ida-Outanane:P', 'INE:Inezgane-Aït Melloul:P', 'CHT:Chtouka-Aït Baha', 'TAR:Taroudant', 'TIZ:Tiznit', 'TAT:Tata'],
  ],
  ['MA-10', 'Guelmim-Oued Noun', 'كلميم-واد نون', 'Guelmim', 448_685, false, ['GUE:Guelmim', 'ASZ:Assa-Zag', 'TNT:Tan-Tan', 'SIF:Sidi Ifni']],
  ['MA-11', 'Laâyoune-Sakia El Hamra', 'العيون-الساقية الحمراء', 'Laâyoune', 451_028, false, ['LAA:Laâyoune', 'BOD:Boujdour', 'TAF:Tarfaya', 'ESM:Es-Semara']],
  ['MA-12', 'Dakhla-Oued Ed-Dahab', 'الداخلة-وادي الذهب', 'Dakhla', 219_965, false, ['OUD:Oued Ed-Dahab', 'AOU:Aousserd']],
];

export interface ProvinceRef {
  /** Region code and three letters, e.g. "MA-02-OUJ" (a code of this graph, not ISO). */
  code: string;
  name: string;
  nameAr: string;
  kind: 'PREFECTURE' | 'PROVINCE';
  region: string;
}

export interface RegionRef {
  code: string;
  name: string;
  nameAr: string;
  capital: string;
  population: number;
  isPilot: boolean;
  provinces: ProvinceRef[];
}

export const REGIONS: readonly RegionRef[] = TERRITORY.map(([code, name, nameAr, capital, population, isPilot, units]) => ({
  code,
  name,
  nameAr,
  capital,
  population,
  isPilot,
  provinces: units.map((unit) => {
    const [abbr, provinceName, prefecture] = unit.split(':');
    const provinceCode = `${code}-${abbr}`;
    return {
      code: provinceCode,
      name: provinceName,
      nameAr: PROVINCE_NAMES_AR[provinceCode],
      kind: prefecture ? 'PREFECTURE' : 'PROVINCE',
      region: code,
    } as ProvinceRef;
  }),
}));

export const REGION_CODES: readonly string[] = REGIONS.map((r) => r.code);

const PROVINCES = new Map(REGIONS.flatMap((r) => r.provinces.map((p) => [p.code, p] as const)));

export function isRegionCode(code: string): boolean {
  return REGION_CODES.includes(code);
}

/** Validates a region argument: BAD_USER_INPUT for anything but MA-01 … MA-12. */
export function regionArg(code: string, field = 'region'): string {
  if (!isRegionCode(code)) throw badInput(`"${code}" is not a region code: use MA-01 … MA-12 (ISO 3166-2:MA)`, field);
  return code;
}

/** Validates a province argument, and that it lies in `region` when one is given. */
export function provinceArg(code: string, region?: string, field = 'province'): string {
  const province = PROVINCES.get(code);
  if (!province) throw badInput(`"${code}" is not a province code (e.g. "MA-09-AGD" for Agadir Ida-Outanane): see Region.provinces`, field);
  if (region && province.region !== region) throw badInput(`The province ${province.name} is not in the region ${region}`, field);
  return code;
}

export function provincesOf(region: string): ProvinceRef[] {
  return REGIONS.find((r) => r.code === region)?.provinces ?? [];
}

/** The scope of a nationwide figure or scorecard, beside the 12 region codes. */
export const NATIONAL_SCOPE = 'MA';

/** A scope: "MA" (the nation) or a region code. */
export function scopeArg(code: string, field = 'scope'): string {
  return code === NATIONAL_SCOPE ? code : regionArg(code, field);
}
