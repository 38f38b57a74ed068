import { demoPerson, pickWeighted, provincesOf, streamFor, type DemoPerson } from '@moukawil/kit/domain';
import { ActivityCategory as C, PopulationSegment as P } from '../entities/enums';
import { ACTIVITIES } from './activities';

const WOMEN = [
  'Fatima',
  'Khadija',
  'Aicha',
  'Meryem',
  'Salma',
  'Nadia',
  'Hanane',
  'Imane',
  'Samira',
  'Zineb',
  'Loubna',
  'Siham',
  'Hajar',
  'Naima',
  'Rajae',
  'Soukaina',
  'Ikram',
  'Asmae',
];
const MEN = [
  'Mohammed',
  'Ahmed',
  'Youssef',
  'Omar',
  'Hassan',
  'Rachid',
  'Karim',
  'Said',
  'Abdelilah',
  'Mustapha',
  'Hamza',
  'Anas',
  'Mehdi',
  'Ayoub',
  'Brahim',
  'Driss',
  'Khalid',
  'Yassine',
];
const FAMILY = [
  'El Amrani',
  'Benali',
  'Alaoui',
  'Idrissi',
  'Bennani',
  'Tazi',
  'El Fassi',
  'Chraibi',
  'Ouazzani',
  'Berrada',
  'Amazigh',
  'Ait Ouahmane',
  'El Mansouri',
  'Lahlou',
  'Ziani',
  'Bouzid',
  'Haddaoui',
  'Naciri',
  'Kettani',
  'Sbai',
  'Ait Lahcen',
  'Belkadi',
  'Chakir',
  'Rami',
];

/** CIN letter prefixes by region (illustrative, after the issuing cities). */
const CIN_PREFIX: Record<string, string> = {
  'MA-01': 'K',
  'MA-02': 'F',
  'MA-03': 'C',
  'MA-04': 'A',
  'MA-05': 'I',
  'MA-06': 'BE',
  'MA-07': 'E',
  'MA-08': 'U',
  'MA-09': 'J',
  'MA-10': 'JA',
  'MA-11': 'SH',
  'MA-12': 'SJ',
};

/** 2020 mix: commerce 44 %, services 38.7 %, industry 9.7 %, crafts 7.6 %. */
const CATEGORY_SHARES: ReadonlyArray<readonly [C, number]> = [
  [C.COMMERCIAL, 44],
  [C.SERVICES, 38.7],
  [C.INDUSTRIAL, 9.7],
  [C.ARTISANAL, 7.6],
];

const SEGMENT_SHARES: ReadonlyArray<readonly [P, number]> = [
  [P.TRADITIONAL_OR_INFORMAL, 45],
  [P.UNEMPLOYED, 20],
  [P.STUDENT, 10],
  [P.OTHER, 17],
  [P.MOROCCAN_ABROAD, 4],
  [P.SPECIAL_NEEDS, 2],
  [P.RESIDENT_FOREIGNER, 2],
];

export interface SeedPerson extends DemoPerson {
  fullName: string;
  nationalId: string;
  birthDate: string;
  phone: string;
  province: string;
  segment: P;
  activityCode: string;
  category: C;
  /** Yearly turnover level this person declares around, MAD. */
  yearlyTurnover: number;
}

const DAY = 86_400_000;
const TURNOVER_MEAN = 13_600;

export function seedPerson(i: number, today = new Date()): SeedPerson {
  const base = demoPerson(i, today);
  const random = streamFor(i, 2);
  const first = base.gender === 'FEMALE' ? WOMEN[Math.floor(random() * WOMEN.length)] : MEN[Math.floor(random() * MEN.length)];
  const family = FAMILY[Math.floor(random() * FAMILY.length)];
  const category = pickWeighted(random, CATEGORY_SHARES);
  const choices = ACTIVITIES.filter(([, c]) => c === category);
  const [activityCode] = choices[Math.floor(random() * choices.length)];
  const ageDays = Math.floor((19 + random() * 41) * 365.25);
  const birthDate = new Date(base.submittedAt.getTime() - ageDays * DAY).toISOString().slice(0, 10);
  // Exponential turnovers: 99 % at most 100,000 MAD a year (2021); services earn about twice commerce.
  // Calibrated so that 85,000 people give about the 416 M MAD declared in 2018.
  const mean = category === C.SERVICES ? TURNOVER_MEAN * 2 : TURNOVER_MEAN;
  const yearlyTurnover = Math.round(-Math.log(1 - random() * 0.999) * mean);
  const provinces = provincesOf(base.region);
  const province = provinces[Math.floor(random() * provinces.length)].code;
  return {
    ...base,
    fullName: `${first} ${family}`,
    nationalId: `${CIN_PREFIX[base.region]}${String(100_000 + i).padStart(6, '0')}`,
    birthDate,
    phone: `06${String(10_000_000 + ((i * 7_919) % 89_999_999)).padStart(8, '0')}`,
    province,
    segment: pickWeighted(random, SEGMENT_SHARES),
    activityCode,
    category,
    yearlyTurnover,
  };
}
