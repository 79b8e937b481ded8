import { createCookie } from '@remix-run/node';
import { createInstance, type TFunction } from 'i18next';
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

// one instance per language: the catalogs are bundled and never change while the server runs
const fixedTs = new Map<Locale, Promise<TFunction>>();

/** A translation function for server-written texts (CSV headers, iCal, e-mail-like notices). */
export async function getFixedT(locale: Locale): Promise<TFunction> {
  let fixed = fixedTs.get(locale);
  if (!fixed) {
    const instance = createInstance();
    fixed = instance.init({ ...i18nConfig, lng: locale }).then(() => instance.getFixedT(locale));
    fixed.catch(() => fixedTs.delete(locale));
    fixedTs.set(locale, fixed);
  }
  return fixed;
}
