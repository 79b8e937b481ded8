import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'lotse-demo';

/**
 * Logs in through the real form, as a person would, and waits until the answer has arrived:
 * on success until the browser has left the login page.
 */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login',
    ),
    page.getByRole('button', { name: 'Log in' }).click(),
  ]);
  if (response.status() < 400) await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function logInAs(page: Page, role: 'admin' | 'editor' | 'expert' | 'management') {
  await logIn(page, `${role}@demo.lotse`);
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main navigation' });
}
