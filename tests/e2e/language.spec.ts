import { expect, test } from '@playwright/test';

// Runs once (project "en"): it sets its own browser languages.

test.describe('German browser', () => {
  test.use({ locale: 'de-DE', extraHTTPHeaders: { 'Accept-Language': 'de-DE,de;q=0.9' } });

  test('sees the login in German, and the choice follows the user across sessions', async ({
    page,
    browser,
  }) => {
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { name: 'Bei Lotse anmelden' })).toBeVisible();
    await page.getByLabel('E-Mail').fill('sophie.dekker@demo.lotse');
    await page.getByLabel('Passwort').fill('lotse-demo');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByRole('link', { name: 'Kalender' })).toBeVisible();

    // switch to English: saved on the user
    await page.getByLabel('Sprache').selectOption('en');
    await page.getByRole('button', { name: 'Sprache wechseln' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('link', { name: 'Calendar' })).toBeVisible();

    // a new session in another German browser: still English after login
    const other = await browser.newContext({
      locale: 'de-DE',
      extraHTTPHeaders: { 'Accept-Language': 'de-DE' },
    });
    const otherPage = await other.newPage();
    await otherPage.goto('/login');
    await otherPage.getByLabel('E-Mail').fill('sophie.dekker@demo.lotse');
    await otherPage.getByLabel('Passwort').fill('lotse-demo');
    await otherPage.getByRole('button', { name: 'Anmelden' }).click();
    await expect(otherPage.locator('html')).toHaveAttribute('lang', 'en');
    await expect(otherPage.getByRole('heading', { level: 1 })).toHaveText('Welcome, Sophie Dekker');
    await other.close();
  });
});

test('an English browser sees the login in English', async ({ page }) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Log in to Lotse' })).toBeVisible();
});
