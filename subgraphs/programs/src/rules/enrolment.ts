import { EnrolmentStatus as S, ProgrammeKind } from '../entities/enums';

const NEXT: Record<S, S[]> = {
  [S.APPLIED]: [S.ACCEPTED, S.DROPPED],
  [S.ACCEPTED]: [S.ACTIVE, S.DROPPED],
  [S.ACTIVE]: [S.COMPLETED, S.DROPPED],
  [S.COMPLETED]: [],
  [S.DROPPED]: [],
};

export function transitionError(from: S, to: S): string | null {
  return NEXT[from].includes(to) ? null : `An enrolment that is ${from} cannot become ${to}`;
}

export const isLoan = (kind: ProgrammeKind) => kind === ProgrammeKind.HONOUR_LOAN || kind === ProgrammeKind.FINANCING;

export function checkLoanAmount(kind: ProgrammeKind, amount: number | null | undefined, max: number | null): string | null {
  if (!isLoan(kind)) return amount === null || amount === undefined ? null : 'Only loan programmes take an amount';
  if (amount === null || amount === undefined) return 'A loan programme needs the amount lent (MAD)';
  if (!(amount > 0)) return 'The amount must be more than zero (MAD)';
  if (max !== null && amount > max) return `The amount exceeds the programme's ceiling of ${max.toLocaleString('en')} MAD`;
  return null;
}

export function checkOpen(startYear: number, endYear: number | null, now: Date): string | null {
  const year = now.getUTCFullYear();
  if (year < startYear) return `The programme opens in ${startYear}`;
  if (endYear !== null && year > endYear) return `The programme ended in ${endYear}`;
  return null;
}
