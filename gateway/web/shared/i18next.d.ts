import type { ExplorerTranslation } from '../explorer/locales';
import type { Translation } from '../dashboard/locales/fr';

/** The pages' translations, typed: a key missing from French (the reference) is a compile error. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation; explorer: ExplorerTranslation };
  }
}
