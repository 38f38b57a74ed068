import autocannon from 'autocannon';
import { loadOf, sequential, type Load, type Request } from './bench-load';

/**
 * The heaviest public operation the limits admit: every scope's scorecard with each status's daily
 * history (13 × 50 × 367 objects by the cost directives, under LIMIT_COST), live actuals included.
 */
export const HEAVIEST_PUBLIC = `{ scorecards(year: 2020) { scope statuses { indicatorCode actual progress status history { day actual } } } }`;

export interface Hostile {
  /** The national dashboard, one client, nothing else running. */
  idle: Load;
  /** The same while `clients` anonymous clients send HEAVIEST_PUBLIC (each with a text of its own) as fast as they are answered. */
  underStorm: Load;
  /** A small query of a third caller during the storm. */
  small: Load;
  /** The storm itself, as its clients saw it (429s from the bound on requests in flight included in errors). */
  storm: Load;
  clients: number;
}

/** How often a person's dashboard and small queries are sent: what the caller's own rate limit admits (1,200 a minute). */
const PACE = 5;

/**
 * One caller holding the gateway: while 16 anonymous clients (one address) send the most expensive
 * operation the limits admit, another caller's dashboard is timed, and a small query of a third,
 * each paced as a person's. `gateway` runs as configured by default (its rate limit and its bound
 * on requests in flight on).
 */
export async function hostileScenario(gateway: string, dashboard: Request, small: Request, seconds: number, clients = 16): Promise<Hostile> {
  await sequential(gateway, dashboard, 2, PACE); // warmed (its first answers compile the plans), within the caller's rate
  const idle = await sequential(gateway, dashboard, seconds, PACE);
  const storming = storm(gateway, seconds + 2, clients);
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // the storm under way
  const [underStorm, smallAnswers] = await Promise.all([sequential(gateway, dashboard, seconds, PACE), sequential(gateway, small, seconds, PACE)]);
  return { idle, underStorm, small: smallAnswers, storm: await storming, clients };
}

/** `clients` anonymous connections sending HEAVIEST_PUBLIC, each request with a text of its own (a comment), as a hostile caller would to get past the response cache. */
async function storm(url: string, seconds: number, clients: number): Promise<Load> {
  let n = 0;
  const result = await autocannon({
    url,
    duration: seconds,
    connections: clients,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ query: `${HEAVIEST_PUBLIC} # ${n++}` }) }),
      },
    ],
  });
  return loadOf(result);
}
