import de from './locales/de.json';
import en from './locales/en.json';

/** Interface languages. Catalogs are bundled, so pages render in the right language at once. */
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export const resources = { en: { common: en }, de: { common: de } } as const;

export const i18nConfig = {
  supportedLngs: [...LOCALES],
  fallbackLng: DEFAULT_LOCALE,
  defaultNS: 'common',
  ns: ['common'],
  resources,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
} as const;
