import type { Page } from '@playwright/test';
import { expect, logIn, logInAs, mainNav, test, type T } from './fixtures';

// The demo accounts keep their shared password (other journeys log in with it at the same time):
// these journeys work on people an administrator creates for them.
const FIRST = 'Leuchtturm Nebelhorn 1897';
const SECOND = 'Kompass Seekarte Ebbe 42';
const ONE_TIME = 'Hafenkran Sturmflut 7731';

async function createPerson(page: Page, t: T, name: string, email: string, password: string) {
  await logInAs(page, t, 'admin');
  await page.goto('/users/new');
  await page.getByLabel(t('users.name')).fill(name);
  await page.getByLabel(t('users.email')).fill(email);
  await page.getByLabel(t('users.password')).fill(password);
  await page.getByLabel(t('roles.expert')).uncheck();
  await page.getByLabel(t('roles.editor')).check();
  await page.getByRole('button', { name: t('users.create') }).click();
  await expect(page.getByRole('status')).toHaveText(t('users.created', { email }));
}

async function logOut(page: Page, t: T) {
  await page.getByRole('button', { name: t('app.logout') }).click();
  await expect(page).toHaveURL(/\/login/);
}

test('a user changes their own password and logs in with the new one', async ({
  page,
  browser,
  t,
  lang,
  locale,
}) => {
  const email = `pia.pfad.${lang}@example.com`;
  await createPerson(page, t, 'Pia Pfad', email, FIRST);

  const context = await browser.newContext({ locale });
  const pia = await context.newPage();
  await logIn(pia, t, email, FIRST);
  await expect(mainNav(pia, t)).toBeVisible();
  await pia.getByRole('link', { name: t('app.changePassword') }).click();
  await expect(pia.getByRole('heading', { name: t('account.password.title') })).toBeVisible();

  // a wrong current password is refused next to its field
  await pia.getByLabel(t('account.password.current'), { exact: true }).fill('not my password');
  await pia.getByLabel(t('account.password.new'), { exact: true }).fill(SECOND);
  await pia.getByLabel(t('account.password.confirm'), { exact: true }).fill(SECOND);
  await pia.getByRole('button', { name: t('account.password.submit') }).click();
  await expect(pia.getByText(t('account.password.wrongCurrent'))).toBeVisible();
  await expect(pia.getByLabel(t('account.password.current'), { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );

  await pia.getByLabel(t('account.password.current'), { exact: true }).fill(FIRST);
  await pia.getByLabel(t('account.password.new'), { exact: true }).fill(SECOND);
  await pia.getByLabel(t('account.password.confirm'), { exact: true }).fill(SECOND);
  await pia.getByRole('button', { name: t('account.password.submit') }).click();
  await expect(pia.getByRole('status')).toHaveText(t('account.password.changed'));

  await logOut(pia, t);
  await logIn(pia, t, email, FIRST);
  await expect(pia.getByRole('alert')).toHaveText(t('login.failed'));
  await logIn(pia, t, email, SECOND);
  await expect(mainNav(pia, t)).toBeVisible();
  await context.close();
});

test('an admin sets a one-time password, which the user must change at the next login', async ({
  page,
  browser,
  t,
  lang,
  locale,
}) => {
  const email = `otto.${lang}@example.com`;
  await createPerson(page, t, 'Otto Einmal', email, FIRST);

  await page.goto('/users');
  await page
    .getByRole('row', { name: new RegExp(email) })
    .getByRole('link', { name: 'Otto Einmal' })
    .click();
  await expect(page.getByRole('heading', { name: t('users.oneTimePassword') })).toBeVisible();
  await page.getByLabel(t('users.oneTimePasswordField'), { exact: true }).fill(ONE_TIME);
  await page.getByRole('button', { name: t('users.setOneTimePassword') }).click();
  await expect(page.getByRole('status')).toHaveText(t('users.oneTimePasswordSet'));

  const context = await browser.newContext({ locale });
  const otto = await context.newPage();
  // the old password no longer works
  await logIn(otto, t, email, FIRST);
  await expect(otto.getByRole('alert')).toHaveText(t('login.failed'));

  await logIn(otto, t, email, ONE_TIME);
  await expect(otto).toHaveURL(/\/account\/password/);
  await expect(otto.getByRole('status')).toHaveText(t('account.password.mustChange'));
  // every other page leads back here until the password is changed
  await otto.goto('/calendar');
  await expect(otto).toHaveURL(/\/account\/password\?redirectTo=%2Fcalendar/);
  await expect(mainNav(otto, t)).toBeHidden();

  await otto.getByLabel(t('account.password.oneTime'), { exact: true }).fill(ONE_TIME);
  await otto.getByLabel(t('account.password.new'), { exact: true }).fill(SECOND);
  await otto.getByLabel(t('account.password.confirm'), { exact: true }).fill(SECOND);
  await otto.getByRole('button', { name: t('account.password.submit') }).click();
  // on to where Otto was going
  await expect(otto).toHaveURL(/\/calendar/);
  await expect(mainNav(otto, t)).toBeVisible();

  await logOut(otto, t);
  await logIn(otto, t, email, SECOND);
  await expect(mainNav(otto, t)).toBeVisible();
  await context.close();
});
