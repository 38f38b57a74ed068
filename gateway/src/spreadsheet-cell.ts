/**
 * One CSV cell as a spreadsheet will read it, neutralised against formula injection as OWASP
 * recommends: a text that a spreadsheet would evaluate (it begins with `=`, `+`, `-` or `@`, or
 * with a tab or carriage return, or with one of those characters after spaces some spreadsheets
 * skip, or with their full-width forms that some spreadsheets also accept) is given a
 * leading apostrophe, which every spreadsheet shows as text. Quoting and embedded quotes are the
 * CSV writer's job. Numbers stay numbers, negative ones included, whether the graph gave them as
 * numbers or as decimal strings (amounts): `-1250.5` is a value, never a formula.
 *
 * Pure, with no Node.js import: the gateway's exports and the dashboard's per-chart CSV in the
 * browser use this same function.
 */
export function spreadsheetCell(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = String(value);
  if (NUMBER.test(text)) return text;
  return FORMULA.test(text) ? `'${text}` : text;
}

/** A plain decimal number: what a spreadsheet reads as a value, not a formula. */
const NUMBER = /^-?\d+(\.\d+)?$/;
/** A formula's first character, after any whitespace a spreadsheet may skip, or a leading tab or carriage return. */
const FORMULA = /^(\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r])/;
