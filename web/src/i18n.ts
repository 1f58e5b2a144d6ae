import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

// Each domain keeps its own namespace file (i18n/en/<domain>.json, i18n/fr/<domain>.json).
const files = import.meta.glob('./i18n/*/*.json', { eager: true, import: 'default' }) as Record<string, Record<string, unknown>>;
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, strings] of Object.entries(files)) {
  const [, lang, ns] = /\.\/i18n\/(\w+)\/([\w-]+)\.json$/.exec(file)!;
  resources[lang!] ??= {};
  resources[lang!]![ns!] = strings;
}

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

function initialLanguage(): Language {
  const saved = localStorage.getItem('foule.lang');
  if (saved === 'en' || saved === 'fr') return saved;
  return navigator.language?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  defaultNS: 'core',
  ns: Object.keys(resources.en ?? {}),
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language;

/** Switches the language and remembers it in this browser. */
export function setLanguage(lang: Language) {
  localStorage.setItem('foule.lang', lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export default i18n;
