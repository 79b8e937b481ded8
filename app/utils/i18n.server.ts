import { createCookie } from '@remix-run/node';
import { createInstance, type i18n as I18n, type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { RemixI18Next } from 'remix-i18next/server';
import { DEFAULT_LOCALE, i18nConfig, isLocale, LOCALES, type Locale } from '~/i18n';
import { getSessionUser } from './session.server';
import { secureCookiesEnabled } from './env.server';

/** The language chosen with the switcher before logging in (signed-in users: their profile). */
export const localeCookie = createCookie('lotse_lng', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
  get secure() {
    return secureCookiesEnabled();
  },
});

const remixI18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    cookie: localeCookie,
    // the signed-in user's saved preference, then the switcher's cookie, then the browser
    order: ['custom', 'cookie', 'header'],
    async findLocale(request) {
      const user = await getSessionUser(request);
      return user?.locale && isLocale(user.locale) ? user.locale : null;
    },
  },
  i18next: i18nConfig,
});

export async function getLocale(request: Request): Promise<Locale> {
  const locale = await remixI18next.getLocale(request);
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/**
 * One initialised i18next instance per language, shared by the page renderer and the server-written
 * texts: the catalogs are bundled, and nothing changes an instance's language on the server (the
 * switcher's effect runs in the browser), so a fresh instance per request would only repeat the
 * same set-up.
 */
const instances = new Map<Locale, Promise<I18n>>();
export function i18nFor(locale: Locale): Promise<I18n> {
  let instance = instances.get(locale);
  if (!instance) {
    const created = createInstance();
    instance = created
      .use(initReactI18next)
      .init({ ...i18nConfig, lng: locale, react: { useSuspense: false } })
      .then(() => created);
    instance.catch(() => instances.delete(locale));
    instances.set(locale, instance);
  }
  return instance;
}

/** A translation function for server-written texts (CSV headers, iCal, e-mail-like notices). */
export async function getFixedT(locale: Locale): Promise<TFunction> {
  return (await i18nFor(locale)).getFixedT(locale);
}
