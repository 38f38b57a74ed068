import { ar } from '../web/dashboard/locales/ar';
import { en } from '../web/dashboard/locales/en';
import { fr } from '../web/dashboard/locales/fr';
import { EXPLORER_TRANSLATIONS } from '../web/explorer/locales';

/** Every text of the dashboard and of the explorer's pane, in Arabic, French and English. */
type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') found.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) found.set(k, v);
  }
  return found;
}

const PAGES: Array<[string, Record<'ar' | 'fr' | 'en', Tree>]> = [
  ['dashboard', { ar, fr, en }],
  ['explorer', EXPLORER_TRANSLATIONS],
];
/** What stays as it is in every language: placeholders, markup and what is in <code>. */
const markers = (text: string) => [...text.matchAll(/\{\{\w+\}\}|<code>.*?<\/code>|<\/?\w+>/g)].map((m) => m[0]).sort();

describe('translations', () => {
  it.each(PAGES)('of the %s have every key in every language, none empty', (_page, languages) => {
    const reference = [...leaves(languages.fr).keys()].sort();
    expect(reference.length).toBeGreaterThan(10);
    for (const lang of ['ar', 'en'] as const) {
      const texts = leaves(languages[lang]);
      expect([lang, [...texts.keys()].sort()]).toEqual([lang, reference]);
      expect([lang, [...texts].filter(([, text]) => text.trim() === '').map(([key]) => key)]).toEqual([lang, []]);
    }
  });

  it.each(PAGES)('of the %s keep placeholders and markup, and are written in Arabic in Arabic', (_page, languages) => {
    const french = leaves(languages.fr);
    const arabic = leaves(languages.ar);
    for (const [key, text] of french) {
      for (const lang of ['ar', 'en'] as const) expect([key, lang, markers(leaves(languages[lang]).get(key)!)]).toEqual([key, lang, markers(text)]);
      // Every Arabic text has Arabic letters (codes such as "Code" columns aside, none is left in French).
      expect([key, /[\u0600-\u06FF]/.test(arabic.get(key)!)]).toEqual([key, true]);
    }
  });
});
