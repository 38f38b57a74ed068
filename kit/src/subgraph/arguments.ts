import { badInput } from '../core/errors';

/** Validation of the arguments every subgraph takes: each refusal is BAD_USER_INPUT naming the field. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function uuidArg(id: string, field = 'id'): string {
  if (!UUID.test(id)) throw badInput(`"${id}" is not an id (a UUID)`, field);
  return id;
}

/** A year of the register's life: 2015 (it opened) to 2100. */
export function yearArg(year: number, field = 'year'): number {
  if (!Number.isInteger(year) || year < 2015 || year > 2100) throw badInput('The year must be 2015 (the register opened) or later', field);
  return year;
}

export function optionalYearArg(year: number | null | undefined, field = 'year'): number | null {
  return year === null || year === undefined ? null : yearArg(year, field);
}

/** Throws a rule's message (null when the rule holds) as BAD_USER_INPUT on `field`. */
export function check(message: string | null, field: string): void {
  if (message) throw badInput(message, field);
}

/**
 * The periods of a scorecard's key ("2018-2019 2020-2020", see the indicators subgraph's Scorecard):
 * [first, last] years, at most 20 of them.
 */
export function periodsArg(periods: string, field = 'periods'): Array<[number, number]> {
  const parsed = /^\d{4}-\d{4}( \d{4}-\d{4}){0,19}$/.test(periods) ? periods.split(' ').map((p) => p.split('-').map(Number) as [number, number]) : [];
  if (parsed.length === 0 || parsed.some(([from, to]) => from > to || from < 2015 || to > 2100)) {
    throw badInput('The periods are "first-last" years from 2015 on, separated by spaces, e.g. "2018-2019 2020-2020"', field);
  }
  return parsed;
}
