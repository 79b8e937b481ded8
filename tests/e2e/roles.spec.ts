import { expect, test } from '@playwright/test';
import { logIn, logInAs, mainNav } from './helpers';

const NAVIGATION = {
  expert: ['Dashboard', 'Knowledge', 'Experts', 'Calendar'],
  editor: ['Dashboard', 'Knowledge', 'Experts', 'Audiences', 'Matches', 'Calendar'],
  management: [
    'Dashboard',
    'Knowledge',
    'Experts',
    'Audiences',
    'Matches',
    'Calendar',
    'Disclosure rules',
  ],
  admin: ['Dashboard', 'Users'],
} as const;

for (const [role, links] of Object.entries(NAVIGATION)) {
  test(`${role} logs in and sees the navigation of the role`, async ({ page }) => {
    await logInAs(page, role as keyof typeof NAVIGATION);
    await expect(page).toHaveURL(/\/$/);
    await expect(mainNav(page).getByRole('link')).toHaveText([...links]);
  });
}

test('the expert dashboard shows their submissions and what waits for them', async ({ page }) => {
  await logInAs(page, 'expert');
  const waiting = page.getByRole('region', { name: 'Waiting for you' });
  await expect(
    waiting.getByRole('link', { name: /Umstieg von Monatslinsen auf Tageslinsen/ }),
  ).toBeVisible();
  await expect(waiting.getByText('Changes requested')).toBeVisible();
});

test('the editor dashboard shows content gaps and submissions to review', async ({ page }) => {
  await logInAs(page, 'editor');
  await expect(
    page
      .getByRole('region', { name: 'Needs without accepted matches' })
      .getByRole('listitem')
      .first(),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Submissions to review' }).getByRole('link').first(),
  ).toBeVisible();
});

test('management sees the rules and the open exemption request', async ({ page }) => {
  await logInAs(page, 'management');
  await expect(
    page.getByRole('link', { name: /8 active rules \(6 blocking, 2 warning\)/ }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Open exemption requests' })).toContainText(
    'Wearing habits 2026',
  );
  await mainNav(page).getByRole('link', { name: 'Disclosure rules' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Disclosure rules' })).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(9);
});

test('an expert opening a management page gets 403', async ({ page }) => {
  await logInAs(page, 'expert');
  const response = await page.goto('/rules');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
  const users = await page.goto('/users');
  expect(users?.status()).toBe(403);
});

test('an expert cannot open another expert’s draft, also not by URL', async ({ page, browser }) => {
  // the draft of expert@demo.lotse, as seen by its owner
  await logInAs(page, 'expert');
  await page.goto('/knowledge');
  await page
    .getByRole('link', { name: 'Blue light and contact lenses: what the evidence says' })
    .click();
  const draftUrl = page.url();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Blue light and contact lenses: what the evidence says',
  );

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await logIn(otherPage, 'tobias.krueger@demo.lotse');
  await otherPage.goto('/knowledge');
  await expect(otherPage.getByRole('link', { name: /Blue light and contact lenses/ })).toHaveCount(
    0,
  );
  const response = await otherPage.goto(draftUrl);
  expect(response?.status()).toBe(404);
  await expect(otherPage.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await other.close();
});

test('anonymous visitors are sent to the login and come back afterwards', async ({ page }) => {
  await page.goto('/calendar');
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcalendar$/);
  await page.getByLabel('Email').fill('editor@demo.lotse');
  await page.getByLabel('Password').fill('lotse-demo');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/calendar$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Editorial calendar' })).toBeVisible();
});

test('a bad login shows the same generic error for a wrong password and an unknown account', async ({
  page,
}) => {
  await logIn(page, 'editor@demo.lotse', 'not-the-password');
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('Login failed. Check your email and password and try again.');
  await expect(page).toHaveURL(/\/login/);
  await logIn(page, 'nobody@demo.lotse', 'lotse-demo');
  await expect(page.getByRole('alert')).toHaveText(
    'Login failed. Check your email and password and try again.',
  );
});

test('logout ends the session on the server', async ({ page, context }) => {
  await logInAs(page, 'editor');
  const [session] = (await context.cookies()).filter((c) => c.name === 'lotse_session');
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Lax');
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/calendar');
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  // the old cookie, replayed, no longer opens anything
  await context.addCookies([session!]);
  await page.goto('/calendar');
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
});

test('a signed-in user gets a 404 page for an unknown address', async ({ page }) => {
  await logInAs(page, 'editor');
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Welcome/);
});
