import { test as base, expect, type Page } from '@playwright/test';
import de from '../../app/locales/de.json' with { type: 'json' };
import en from '../../app/locales/en.json' with { type: 'json' };

export const DEMO_PASSWORD = 'lotse-demo';

type Catalog = Record<string, unknown>;
export type T = (key: string, values?: Record<string, string | number>) => string;

/** The interface text of a key in a language, as the app shows it (for finding controls by name). */
export function translator(locale: string): T {
  const catalog: Catalog = locale.startsWith('de') ? de : en;
  return (key, values = {}) => {
    const text = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Catalog | undefined)?.[part], catalog);
    if (typeof text !== 'string') throw new Error(`no text for ${key}`);
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
  };
}

/** Every journey runs once per browser language (see playwright.config.ts): `t` speaks it. */
export const test = base.extend<{ t: T; lang: 'de' | 'en' }>({
  lang: async ({ locale }, use) => use(locale?.startsWith('de') ? 'de' : 'en'),
  t: async ({ lang }, use) => use(translator(lang)),
});
export { expect };

/**
 * A day as the demo workspace counts it (its time zone, Europe/Berlin), `days` from today: the
 * app takes "today" there, so a day computed in UTC is a day off between 23:00 and midnight UTC.
 */
export function workspaceDay(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
    new Date(Date.now() + days * 24 * 3600 * 1000),
  );
}

/**
 * Logs in through the real form, as a person would, and waits until the answer has arrived:
 * on success until the browser has left the login page.
 */
export async function logIn(page: Page, t: T, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel(t('login.email')).fill(email);
  await page.getByLabel(t('login.password')).fill(password);
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login',
    ),
    page.getByRole('button', { name: t('login.submit') }).click(),
  ]);
  if (response.status() < 400) await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function logInAs(
  page: Page,
  t: T,
  role: 'admin' | 'editor' | 'expert' | 'management',
) {
  await logIn(page, t, `${role}@demo.lotse`);
  await expect(mainNav(page, t)).toBeVisible();
}

export function mainNav(page: Page, t: T) {
  return page.getByRole('navigation', { name: t('app.mainNavigation') });
}
