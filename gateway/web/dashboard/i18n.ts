import { useTranslation } from 'react-i18next';
import { currentLanguage, startLanguages, type Lang } from '../shared/languages';
import { ar } from './locales/ar';
import { en } from './locales/en';
import { fr, type Translation } from './locales/fr';

export type { Lang } from '../shared/languages';
export const TRANSLATIONS: Record<Lang, Translation> = { ar, fr, en };

/** Number formats of each language: Moroccan Arabic and French, British English. */
const LOCALES: Record<Lang, string> = { ar: 'ar-MA', fr: 'fr-MA', en: 'en-GB' };
export const localeOf = (lang: Lang) => LOCALES[lang];

startLanguages('translation', TRANSLATIONS);

/** The translation function, the language and its writing direction. */
export function useLabels() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.resolvedLanguage);
  return { t, lang, rtl: lang === 'ar' };
}

export function formatNumber(lang: Lang, value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString(LOCALES[lang], { maximumFractionDigits: digits });
}

export const formatShare = (lang: Lang, value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${formatNumber(lang, value * 100, 1)} %`;

/** A name of the territory in the user's language: Arabic where the graph has it, else the French name (also used in English). */
export const placeName = (lang: Lang, place: { name: string; nameAr?: string | null }) => (lang === 'ar' && place.nameAr ? place.nameAr : place.name);
