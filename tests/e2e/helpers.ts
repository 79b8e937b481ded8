import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'lotse-demo';

/** Logs in through the real form, as a person would. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

export async function logInAs(page: Page, role: 'admin' | 'editor' | 'expert' | 'management') {
  await logIn(page, `${role}@demo.lotse`);
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main navigation' });
}
