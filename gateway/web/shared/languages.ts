import i18next, { type Resource } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';

/** The pages' languages: Arabic (right to left), French (the default) and English. */
export const LANGUAGES = ['ar', 'fr', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Lang, string> = { ar: 'العربية', fr: 'Français', en: 'English' };

/**
 * Starts i18next for one page (the dashboard or the explorer) with its translations. The language:
 * the one the user chose last on either page (localStorage), else the first of the browser's
 * languages (navigator.languages, which is what it sends as Accept-Language) that the pages speak,
 * else French. The whole document follows it (`lang`, and `dir="rtl"` for Arabic) when
 * `wholePage`; the explorer keeps GraphiQL's editors left to right and turns only its own pane.
 */
export function startLanguages(namespace: 'translation' | 'explorer', translations: Record<Lang, object>, wholePage = true): void {
  void i18next
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: Object.fromEntries(LANGUAGES.map((lang) => [lang, { [namespace]: translations[lang] }])) as Resource,
      defaultNS: namespace,
      ns: [namespace],
      supportedLngs: [...LANGUAGES],
      nonExplicitSupportedLngs: true,
      fallbackLng: 'fr',
      detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: 'moukawil.lang', caches: ['localStorage'] },
      interpolation: { escapeValue: false },
      initAsync: false,
    });
  if (!wholePage) return;
  const follow = (lang: string) => {
    document.documentElement.lang = lang;
    document.documentElement.dir = i18next.dir(lang);
  };
  follow(i18next.resolvedLanguage ?? 'fr');
  i18next.on('languageChanged', follow);
}

/** The page's language among LANGUAGES (French when i18next resolved none). */
export const currentLanguage = (resolved: string | undefined): Lang => ((LANGUAGES as readonly string[]).includes(resolved ?? '') ? (resolved as Lang) : 'fr');

export const chooseLanguage = (lang: Lang) => void i18next.changeLanguage(lang);
