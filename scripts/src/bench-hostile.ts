import { load, sequential, type Load, type Request } from './bench-load';

/**
 * The heaviest public operation the limits admit: every scope's scorecard with each status's daily
 * history (13 × 50 × 367 objects by the cost directives, under LIMIT_COST), live actuals included.
 */
export const HEAVIEST_PUBLIC = `{ scorecards(year: 2020) { scope statuses { indicatorCode actual progress status history { day actual } } } }`;

export interface Hostile {
  /** The national dashboard, one client, nothing else running. */
  idle: Load;
  /** The same while `clients` anonymous clients send HEAVIEST_PUBLIC as fast as they are answered. */
  underStorm: Load;
  /** A small query of a third caller during the storm. */
  small: Load;
  /** The storm itself, as its clients saw it (429s from the bound on requests in flight included in errors). */
  storm: Load;
  clients: number;
}

/**
 * One caller holding the gateway: while 16 anonymous clients (one address) send the most expensive
 * operation the limits admit, another caller's dashboard is timed, and a small query of a third.
 */
export async function hostileScenario(gateway: string, dashboard: Request, small: Request, seconds: number, clients = 16): Promise<Hostile> {
  const idle = await sequential(gateway, dashboard, seconds);
  const storming = load(gateway, { query: HEAVIEST_PUBLIC, token: null }, seconds + 2, clients);
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // the storm under way
  const [underStorm, smallAnswers] = await Promise.all([sequential(gateway, dashboard, seconds), sequential(gateway, small, seconds)]);
  return { idle, underStorm, small: smallAnswers, storm: await storming, clients };
}
