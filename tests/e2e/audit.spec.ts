import { expect, logInAs, mainNav, test } from './fixtures';

test('management finds an administrator’s change in the audit log', async ({
  page,
  browser,
  t,
  lang,
  locale,
}) => {
  // something to find: an administrator creates an account (a common password is refused first)
  const name = `Paula Protokoll ${lang}`;
  await logInAs(page, t, 'admin');
  await page.goto('/users/new');
  await page.getByLabel(t('users.name')).fill(name);
  await page.getByLabel(t('users.email')).fill(`paula.${lang}@example.com`);
  await page.getByLabel(t('users.password')).fill('Passwort2025!');
  await page.getByRole('button', { name: t('users.create') }).click();
  await expect(page.getByText(t('validation.passwordCommon'))).toBeVisible();
  await page.getByLabel(t('users.password')).fill('Kaffeetasse Nordsee Fahrrad');
  await page.getByRole('button', { name: t('users.create') }).click();
  await expect(page).toHaveURL(/\/users\?created=/);

  const context = await browser.newContext({ locale });
  const management = await context.newPage();
  await logInAs(management, t, 'management');
  await mainNav(management, t)
    .getByRole('link', { name: t('nav.audit') })
    .click();
  await expect(management.getByRole('heading', { level: 1 })).toHaveText(t('audit.title'));

  await management
    .getByLabel(t('audit.filters.action'))
    .selectOption({ label: t('audit.actions.user.create') });
  await expect(management).toHaveURL(/[?&]action=user\.create/);
  const rows = management.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toContainText(t('audit.actions.user.create'));
  // management may not open accounts: the entry says that one was created, and by whom
  const entry = rows.filter({ hasText: 'Ada Brandt' }).first();
  await expect(entry).toContainText(t('audit.entities.user'));
  await expect(entry).toContainText(t('audit.hidden'));
  // every row shown is of the chosen action
  for (const cell of await management.getByRole('row').locator('td:nth-child(3)').all())
    await expect(cell).toHaveText(t('audit.actions.user.create'));

  // the same entry, with its details, for the administrator
  await page.goto('/audit?action=user.create');
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText(
    `paula.${lang}@example.com`,
  );
  await context.close();
});

test('an editor has no audit log', async ({ page, t }) => {
  await logInAs(page, t, 'editor');
  await expect(mainNav(page, t).getByRole('link', { name: t('nav.audit') })).toHaveCount(0);
  const response = await page.goto('/audit');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('errors.forbiddenTitle'));
});
