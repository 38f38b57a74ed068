import { RegistrationStatus as S } from '../entities/enums';

/** The transitions of the register; anything else is refused. */
const ALLOWED: Record<S, S[]> = {
  [S.SUBMITTED]: [S.REGISTERED, S.REJECTED],
  [S.REGISTERED]: [S.STRUCK_OFF],
  [S.REJECTED]: [],
  [S.STRUCK_OFF]: [],
};

export function canMove(from: S, to: S): boolean {
  return ALLOWED[from].includes(to);
}

export function transitionError(from: S, to: S): string | null {
  if (canMove(from, to)) return null;
  return `An application that is ${from} cannot become ${to}`;
}

/** Statuses that hold a national ID: one CIN may have only one live application or registration. */
export const LIVE_STATUSES = [S.SUBMITTED, S.REGISTERED];

/** RNAE number: year of registration, region number, national sequence, e.g. "RNAE-2019-09-004213". */
export function registrationNumber(year: number, regionCode: string, sequence: number): string {
  return `RNAE-${year}-${regionCode.slice(3)}-${String(sequence).padStart(6, '0')}`;
}
