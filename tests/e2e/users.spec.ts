import { expect, logIn, logInAs, test } from './fixtures';

test('an admin creates a user, who logs in, and deactivates them again', async ({
  page,
  browser,
  t,
  lang,
  locale,
}) => {
  const email = `rita.${lang}@demo.lotse`;
  await logInAs(page, t, 'admin');
  await page.getByRole('link', { name: t('nav.users'), exact: true }).click();
  await page.getByRole('link', { name: t('users.new') }).click();

  // bad input: clear messages next to the fields, nothing saved
  await page.getByLabel(t('users.name')).fill('Rita Reporter');
  await page.getByLabel(t('users.email')).fill('not-an-email');
  await page.getByLabel(t('users.password')).fill('short');
  await page.getByRole('button', { name: t('users.create') }).click();
  await expect(page.getByText(t('validation.email'))).toBeVisible();
  await expect(page.getByText(t('validation.passwordTooShort', { min: 10 }))).toBeVisible();
  await expect(page.getByLabel(t('users.email'))).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel(t('users.email')).fill(email);
  await page.getByLabel(t('users.password')).fill('a-long-enough-password');
  await page.getByLabel(t('roles.expert')).uncheck();
  await page.getByLabel(t('roles.editor')).check();
  await page.getByRole('button', { name: t('users.create') }).click();
  await expect(page.getByRole('status')).toHaveText(t('users.created', { email }));
  await expect(page.getByRole('row', { name: new RegExp(email) })).toContainText(t('roles.editor'));

  // the same email again, in other letter case, is refused
  await page.getByRole('link', { name: t('users.new') }).click();
  await page.getByLabel(t('users.name')).fill('Rita Again');
  await page.getByLabel(t('users.email')).fill(email.toUpperCase());
  await page.getByLabel(t('users.password')).fill('a-long-enough-password');
  await page.getByRole('button', { name: t('users.create') }).click();
  await expect(page.getByText(t('validation.emailTaken'))).toBeVisible();

  const rita = await browser.newContext({ locale });
  const ritaPage = await rita.newPage();
  await logIn(ritaPage, t, email, 'a-long-enough-password');
  await expect(ritaPage.getByRole('link', { name: t('nav.calendar') })).toBeVisible();

  await page.goto('/users');
  await page
    .getByRole('row', { name: new RegExp(email) })
    .getByRole('link', { name: 'Rita Reporter' })
    .click();
  await page.getByLabel(t('users.status')).selectOption({ label: t('users.inactive') });
  await page.getByRole('button', { name: t('users.save') }).click();
  await expect(page.getByRole('row', { name: new RegExp(email) })).toContainText(
    t('users.inactive'),
  );

  // her open session ended, and she cannot log in again
  await ritaPage.goto('/calendar');
  await expect(ritaPage).toHaveURL(/\/login/);
  await logIn(ritaPage, t, email, 'a-long-enough-password');
  await expect(ritaPage.getByRole('alert')).toHaveText(t('login.failed'));
  await rita.close();
});

test('an admin cannot take away their own admin role', async ({ page, t }) => {
  await logInAs(page, t, 'admin');
  await page.goto('/users');
  await page.getByRole('link', { name: 'Ada Brandt' }).click();
  await page.getByLabel(t('roles.editor')).check();
  await page.getByLabel(t('roles.admin')).uncheck();
  await page.getByRole('button', { name: t('users.save') }).click();
  await expect(page.getByRole('alert')).toHaveText(t('users.cannotRemoveOwnAdmin'));
});
