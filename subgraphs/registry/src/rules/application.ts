/** Validation rules of an application; each returns an error message, or null when valid. */

/** CIN (carte d'identité nationale): one or two letters then digits, e.g. "JB123456". */
export const CIN_PATTERN = /^[A-Z]{1,2}[0-9]{1,7}$/;

/** A Moroccan phone number: 0 or +212, then 5, 6 or 7 and eight digits. */
export const PHONE_PATTERN = /^(?:\+212|0)[5-7][0-9]{8}$/;

export function normaliseNationalId(value: string): string {
  return value.trim().toUpperCase().replace(/\s+/g, '');
}

export function checkNationalId(value: string): string | null {
  return CIN_PATTERN.test(value) ? null : 'The national ID (CIN) must be one or two letters followed by digits, e.g. "JB123456"';
}

export function checkFullName(value: string): string | null {
  const name = value.trim();
  if (name.length < 3 || name.length > 120) return 'The full name must be 3 to 120 characters long';
  if (!/^[\p{L}][\p{L}\p{M}' .-]*$/u.test(name)) return 'The full name may hold only letters, spaces, apostrophes and hyphens';
  return null;
}

export function normalisePhone(value: string): string {
  return value.replace(/[\s.-]/g, '');
}

export function checkPhone(value: string): string | null {
  return PHONE_PATTERN.test(value) ? null : 'The phone must be a Moroccan number, e.g. "0612345678" or "+212612345678"';
}

/** Age in whole years on `today` of someone born on `birthDate` (ISO). */
export function ageOn(birthDate: Date, today: Date): number {
  const age = today.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    today.getUTCMonth() < birthDate.getUTCMonth() || (today.getUTCMonth() === birthDate.getUTCMonth() && today.getUTCDate() < birthDate.getUTCDate());
  return beforeBirthday ? age - 1 : age;
}

export function checkBirthDate(value: string, today: Date): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'The birth date must be an ISO date, e.g. "1990-04-21"';
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return `"${value}" is not a real date`;
  const age = ageOn(date, today);
  if (age < 18) return 'The applicant must be 18 or older';
  if (age > 100) return 'The birth date is more than 100 years ago';
  return null;
}
