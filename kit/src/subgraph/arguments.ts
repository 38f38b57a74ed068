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

/** Free text a user records: trimmed, `min` to `max` characters. */
export function textArg(value: string, field: string, min = 2, max = 200): string {
  const text = value.trim();
  if (text.length < min || text.length > max) throw badInput(`The ${field} must be ${min} to ${max} characters long`, field);
  return text;
}

export function optionalTextArg(value: string | null | undefined, field: string, min = 2, max = 200): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : textArg(value, field, min, max);
}

/** A calendar day (YYYY-MM-DD) from `from` to `to` (ISO days, both included). */
export function dayArg(value: string, field: string, from: string, to: string): string {
  const day =
    /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) : null;
  if (day !== value) throw badInput(`"${value.slice(0, 40)}" is not a day (YYYY-MM-DD)`, field);
  if (value < from) throw badInput(`The ${field} cannot be before ${from}`, field);
  if (value > to) throw badInput(`The ${field} cannot be after ${to}`, field);
  return value;
}

/** A count of people: a whole number from 0 to 100,000. */
export function countArg(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 100_000) throw badInput(`The ${field} must be a whole number from 0 to 100,000`, field);
  return value;
}

/** A code of the reference data (partner, programme…): capitals, digits and dashes, 2 to 40 characters. */
export function codeArg(value: string, field: string): string {
  if (!/^[A-Z0-9][A-Z0-9-]{1,39}$/.test(value)) throw badInput(`"${value.slice(0, 40)}" is not a code (capitals, digits and dashes)`, field);
  return value;
}

/** Today as an ISO day (UTC). */
export const today = (now = new Date()): string => now.toISOString().slice(0, 10);
