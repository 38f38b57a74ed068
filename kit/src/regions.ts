import { badInput } from './errors';

/** ISO 3166-2:MA codes of the 12 regions: a stable standard every subgraph may know. */
export const REGION_CODES: readonly string[] = Array.from({ length: 12 }, (_, i) => `MA-${String(i + 1).padStart(2, '0')}`);

export function isRegionCode(code: string): boolean {
  return REGION_CODES.includes(code);
}

/** Validates a region argument: BAD_USER_INPUT for anything but MA-01 … MA-12. */
export function regionArg(code: string, field = 'region'): string {
  if (!isRegionCode(code)) throw badInput(`"${code}" is not a region code: use MA-01 … MA-12 (ISO 3166-2:MA)`, field);
  return code;
}
