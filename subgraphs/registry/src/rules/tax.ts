import { ActivityCategory } from '../entities/enums';

/** Yearly turnover ceilings of Law 114-13, MAD. */
export const CEILINGS: Record<ActivityCategory, number> = {
  COMMERCIAL: 500_000,
  INDUSTRIAL: 500_000,
  ARTISANAL: 500_000,
  SERVICES: 200_000,
};

/**
 * Tax on turnover: 1 % / 2 % (services) until 2018, 0.5 % / 1 % (services) since the
 * finance law 2019. No VAT.
 */
export function taxRate(category: ActivityCategory, year: number): number {
  const services = category === ActivityCategory.SERVICES;
  if (year >= 2019) return services ? 0.01 : 0.005;
  return services ? 0.02 : 0.01;
}

export function taxOn(amount: number, category: ActivityCategory, year: number): number {
  return Math.round(amount * taxRate(category, year) * 100) / 100;
}
