import { REGION_CODES, pickWeighted, streamFor } from '@moukawil/kit/domain';
import { EventKind } from '../entities/enums';

/**
 * The advisor network and events as the sources count them at 15 February 2018: 355 advisors
 * trained in 20 workshops, about 400 awareness events with local partners, 9 regional councils
 * sensitised. Fixed at every scale: they are facts, not a sample.
 */
export const ADVISORS_TRAINED = 355;
export const WORKSHOPS = 20;
export const AWARENESS_EVENTS = 400;
export const COUNCILS = ['MA-01', 'MA-02', 'MA-03', 'MA-04', 'MA-05', 'MA-06', 'MA-07', 'MA-08', 'MA-09'];

const uuid = (prefix: string, i: number) => `${prefix}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const DAY = 86_400_000;
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Weights of activity per region (close to the register's shares). */
const WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['MA-06', 18],
  ['MA-04', 12],
  ['MA-07', 10],
  ['MA-01', 9],
  ['MA-03', 9],
  ['MA-09', 9],
  ['MA-02', 8],
  ['MA-05', 7],
  ['MA-08', 7],
  ['MA-11', 4],
  ['MA-10', 4],
  ['MA-12', 3],
];
const PARTNERS = ['CCIS', 'CR', 'CRI'];
const CITIES: Record<string, string> = {
  'MA-01': 'Tanger',
  'MA-02': 'Oujda',
  'MA-03': 'Fès',
  'MA-04': 'Rabat',
  'MA-05': 'Béni Mellal',
  'MA-06': 'Casablanca',
  'MA-07': 'Marrakech',
  'MA-08': 'Errachidia',
  'MA-09': 'Agadir',
  'MA-10': 'Guelmim',
  'MA-11': 'Laâyoune',
  'MA-12': 'Dakhla',
};
const FIRST = ['Youssef', 'Salma', 'Hicham', 'Nawal', 'Adil', 'Houda', 'Reda', 'Ilham', 'Tarik', 'Meriem', 'Aziz', 'Btissam'];
const LAST = ['Kabbaj', 'Fassi Fihri', 'Sqalli', 'Benjelloun', 'Amrani', 'Cherkaoui', 'Tahiri', 'Lamrani', 'Ouali', 'Saidi'];

export interface EventSeed {
  id: string;
  kind: EventKind;
  title: string;
  region: string;
  partner: string;
  heldOn: string;
  attendance: number;
}
export interface AdvisorSeed {
  id: string;
  fullName: string;
  region: string;
  partner: string;
  workshopId: string;
  trainedOn: string;
}

export function events(): EventSeed[] {
  const rows: EventSeed[] = [];
  // Workshops: every region at least once, the larger ones twice, in 2016-2017.
  const workshopRegions = [...REGION_CODES, 'MA-06', 'MA-04', 'MA-07', 'MA-01', 'MA-03', 'MA-09', 'MA-02', 'MA-05'];
  workshopRegions.slice(0, WORKSHOPS).forEach((region, i) => {
    const random = streamFor(i, 21);
    rows.push({
      id: uuid('f0000000', i),
      kind: EventKind.ADVISOR_WORKSHOP,
      region,
      partner: `CCIS-${region.slice(3)}`,
      title: `Atelier de formation des conseillers auto-entrepreneur — ${CITIES[region]}`,
      heldOn: date(Date.UTC(2016, 3, 1) + Math.floor(random() * 600) * DAY),
      attendance: 0,
    });
  });
  for (let i = 0; i < AWARENESS_EVENTS; i++) {
    const random = streamFor(i, 22);
    const region = pickWeighted(random, WEIGHTS);
    rows.push({
      id: uuid('f1000000', i),
      kind: EventKind.AWARENESS,
      region,
      partner: `${PARTNERS[Math.floor(random() * PARTNERS.length)]}-${region.slice(3)}`,
      title: `Journée de sensibilisation au statut de l'auto-entrepreneur — ${CITIES[region]}`,
      heldOn: date(Date.UTC(2015, 9, 1) + Math.floor(random() * 860) * DAY),
      attendance: 30 + Math.floor(random() * 170),
    });
  }
  COUNCILS.forEach((region, i) =>
    rows.push({
      id: uuid('f2000000', i),
      kind: EventKind.COUNCIL_SENSITISATION,
      region,
      partner: `CR-${region.slice(3)}`,
      title: `Sensibilisation du Conseil régional — ${CITIES[region]}`,
      heldOn: date(Date.UTC(2017, 1, 1) + i * 30 * DAY),
      attendance: 15 + i,
    }),
  );
  return rows;
}

/** The day the sources' figures stop (FACTS: the network and events "at 15 February 2018"); later events are the demo's. */
export const SOURCES_END = Date.UTC(2018, 1, 15);

/**
 * After the sources, to today: in every region and year, a few awareness days and one refresher
 * workshop of its advisors, so that every year of the demo has events and workshops to show.
 * Deterministic for a given day; nothing in the future.
 */
export function laterEvents(today: Date): EventSeed[] {
  const rows: EventSeed[] = [];
  const until = today.getTime() - DAY;
  let n = 0;
  for (let year = 2018; year <= today.getUTCFullYear(); year++)
    for (const region of REGION_CODES) {
      const from = Math.max(Date.UTC(year, 0, 1), SOURCES_END + DAY);
      const to = Math.min(Date.UTC(year, 11, 31), until);
      if (to < from) continue;
      const random = streamFor(year * 100 + Number(region.slice(3)), 24);
      const on = () => date(from + Math.floor(random() * ((to - from) / DAY + 1)) * DAY);
      for (let k = 3 + Math.floor(random() * 5); k > 0; k--)
        rows.push({
          id: uuid('f4000000', n++),
          kind: EventKind.AWARENESS,
          region,
          partner: `${PARTNERS[Math.floor(random() * PARTNERS.length)]}-${region.slice(3)}`,
          title: `Journée de sensibilisation au statut de l'auto-entrepreneur — ${CITIES[region]}`,
          heldOn: on(),
          attendance: 30 + Math.floor(random() * 170),
        });
      rows.push({
        id: uuid('f4000000', n++),
        kind: EventKind.ADVISOR_WORKSHOP,
        region,
        partner: `CCIS-${region.slice(3)}`,
        title: `Atelier de perfectionnement des conseillers — ${CITIES[region]}`,
        heldOn: on(),
        attendance: 0,
      });
    }
  return rows;
}

/** Who attends a refresher workshop: up to 8 of its region's advisors, trained before it. */
export function refresherAttendance(workshop: EventSeed, network: AdvisorSeed[]): string[] {
  return network
    .filter((a) => a.region === workshop.region && a.trainedOn < workshop.heldOn)
    .slice(0, 8)
    .map((a) => a.id);
}

/** 355 advisors, spread over the 20 workshops; each works in the workshop's region. */
export function advisors(workshops: EventSeed[]): AdvisorSeed[] {
  return Array.from({ length: ADVISORS_TRAINED }, (_, i) => {
    const workshop = workshops[i % workshops.length];
    const random = streamFor(i, 23);
    return {
      id: uuid('c0000000', i),
      fullName: `${FIRST[Math.floor(random() * FIRST.length)]} ${LAST[Math.floor(random() * LAST.length)]}`,
      region: workshop.region,
      partner: workshop.partner,
      workshopId: workshop.id,
      trainedOn: workshop.heldOn,
    };
  });
}
