import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage, LANGUAGE_NAMES, LANGUAGES, type Lang } from './languages';

/** The language switch of both pages: each language named in itself; the choice is remembered (languages.ts). */
export function LanguageSelect({ label, className }: { label: string; className: string }) {
  const { i18n } = useTranslation();
  return (
    <label className={className}>
      {label}{' '}
      <select name="language" value={currentLanguage(i18n.resolvedLanguage)} onChange={(e) => chooseLanguage(e.target.value as Lang)}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
