import { expect, logIn, logInAs, mainNav, test } from './fixtures';

const NAVIGATION = {
  expert: ['dashboard', 'knowledge', 'experts', 'calendar', 'strategy'],
  editor: [
    'dashboard',
    'knowledge',
    'experts',
    'audiences',
    'matches',
    'calendar',
    'strategy',
    'results',
  ],
  management: [
    'dashboard',
    'knowledge',
    'experts',
    'audiences',
    'matches',
    'calendar',
    'strategy',
    'results',
    'rules',
    'audit',
  ],
  admin: ['dashboard', 'strategy', 'users', 'mailQueue', 'audit'],
} as const;

for (const [role, sections] of Object.entries(NAVIGATION)) {
  test(`${role} logs in and sees the navigation of the role`, async ({ page, t }) => {
    await logInAs(page, t, role as keyof typeof NAVIGATION);
    await expect(page).toHaveURL(/\/$/);
    await expect(mainNav(page, t).getByRole('link')).toHaveText(sections.map((s) => t(`nav.${s}`)));
  });
}

test('the expert dashboard shows their submissions and what waits for them', async ({
  page,
  t,
}) => {
  await logInAs(page, t, 'expert');
  const waiting = page.getByRole('region', { name: t('dashboard.expert.waiting') });
  await expect(
    waiting.getByRole('link', { name: /Umstieg von Monatslinsen auf Tageslinsen/ }),
  ).toBeVisible();
  await expect(waiting.getByText(t('status.knowledge.changes_requested'))).toBeVisible();
});

test('the editor dashboard shows content gaps and submissions to review', async ({ page, t }) => {
  await logInAs(page, t, 'editor');
  await expect(
    page
      .getByRole('region', { name: t('dashboard.editor.gaps') })
      .getByRole('listitem')
      .first(),
  ).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: t('dashboard.editor.toReview') })
      .getByRole('link')
      .first(),
  ).toBeVisible();
});

test('management sees the rules and the open exemption request', async ({ page, t }) => {
  await logInAs(page, t, 'management');
  // other journeys may add rules meanwhile: the demo's 8 (6 blocking, 2 warning) are the least
  const escaped = t('dashboard.management.rulesSummary', {
    active: '§',
    block: '§',
    warn: '§',
  }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await expect(
    page.getByRole('link', { name: new RegExp(`^${escaped.replaceAll('§', '\\d+')}$`) }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: t('dashboard.management.exemptions') }),
  ).toContainText('Wearing habits 2026');
  await mainNav(page, t)
    .getByRole('link', { name: t('nav.rules') })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: t('rules.title') })).toBeVisible();
  expect(await page.getByRole('row').count()).toBeGreaterThanOrEqual(9);
});

test('an expert opening a management page gets 403', async ({ page, t }) => {
  await logInAs(page, t, 'expert');
  const response = await page.goto('/rules');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: t('errors.forbiddenTitle') })).toBeVisible();
  const users = await page.goto('/users');
  expect(users?.status()).toBe(403);
});

test('an expert cannot open another expert’s draft, also not by URL', async ({
  page,
  browser,
  t,
  locale,
}) => {
  // the draft of expert@demo.lotse, as seen by its owner
  await logInAs(page, t, 'expert');
  await page.goto('/knowledge?status=draft');
  await page
    .getByRole('link', { name: 'Blue light and contact lenses: what the evidence says' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Blue light and contact lenses: what the evidence says',
  );
  await expect(page).toHaveURL(/\/knowledge\/[a-z0-9]+$/);
  const draftUrl = page.url();

  const other = await browser.newContext({ locale });
  const otherPage = await other.newPage();
  await logIn(otherPage, t, 'tobias.krueger@demo.lotse');
  await otherPage.goto('/knowledge');
  await expect(
    otherPage.getByRole('heading', { level: 1, name: t('knowledge.title') }),
  ).toBeVisible();
  await expect(otherPage.getByRole('link', { name: /Blue light and contact lenses/ })).toHaveCount(
    0,
  );
  const response = await otherPage.goto(draftUrl);
  expect(response?.status()).toBe(404);
  await expect(otherPage.getByRole('heading', { name: t('errors.notFoundTitle') })).toBeVisible();
  await other.close();
});

test('anonymous visitors are sent to the login and come back afterwards', async ({ page, t }) => {
  await page.goto('/calendar');
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcalendar$/);
  await page.getByLabel(t('login.email')).fill('editor@demo.lotse');
  await page.getByLabel(t('login.password')).fill('lotse-demo');
  await page.getByRole('button', { name: t('login.submit') }).click();
  await expect(page).toHaveURL(/\/calendar$/);
  await expect(page.getByRole('heading', { level: 1, name: t('calendar.title') })).toBeVisible();
});

test('a bad login shows the same generic error for a wrong password and an unknown account', async ({
  page,
  t,
}) => {
  await logIn(page, t, 'editor@demo.lotse', 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText(t('login.failed'));
  await expect(page).toHaveURL(/\/login/);
  await logIn(page, t, 'nobody@demo.lotse', 'lotse-demo');
  await expect(page.getByRole('alert')).toHaveText(t('login.failed'));
});

test('logout ends the session on the server', async ({ page, context, t }) => {
  await logInAs(page, t, 'editor');
  const [session] = (await context.cookies()).filter((c) => c.name === 'lotse_session');
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Lax');
  await page.getByRole('button', { name: t('app.logout') }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/calendar');
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  // the old cookie, replayed, no longer opens anything
  await context.addCookies([session!]);
  await page.goto('/calendar');
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
});

test('a signed-in user gets a 404 page for an unknown address', async ({ page, t }) => {
  await logInAs(page, t, 'editor');
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: t('errors.notFoundTitle') })).toBeVisible();
  await page.getByRole('link', { name: t('errors.backHome') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    t('dashboard.welcome', { name: 'Elena Richter' }),
  );
});

test('dates are written in the language of the reader', async ({ page, t, lang }) => {
  await logInAs(page, t, 'editor');
  await page.goto('/calendar?view=agenda');
  const firstDate = page.getByRole('row').nth(1).getByRole('cell').first();
  // e.g. "30.11.2026, 09:00" in German, "30 Nov 2026, 09:00" in English
  await expect(firstDate).toHaveText(
    lang === 'de' ? /^\d\d\.\d\d\.\d{4}, \d\d:\d\d$/ : /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d$/,
  );
});
