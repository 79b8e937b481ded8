import { expect, test } from '@playwright/test';
import { logIn, logInAs } from './helpers';

test('an admin creates a user, who logs in, and deactivates them again', async ({
  page,
  browser,
}) => {
  await logInAs(page, 'admin');
  await page.getByRole('link', { name: 'Users', exact: true }).click();
  await page.getByRole('link', { name: 'New user' }).click();

  // bad input: clear messages next to the fields, nothing saved
  await page.getByLabel('Name').fill('Rita Reporter');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Initial password').fill('short');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText('Enter a valid email address.')).toBeVisible();
  await expect(page.getByText('The password needs at least 10 characters.')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Email').fill('rita@demo.lotse');
  await page.getByLabel('Initial password').fill('a-long-enough-password');
  await page.getByLabel('Subject expert').uncheck();
  await page.getByLabel('Editor').check();
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('status')).toHaveText('User rita@demo.lotse was created.');
  await expect(page.getByRole('row', { name: /Rita Reporter/ })).toContainText('Editor');

  // the same email again is refused
  await page.getByRole('link', { name: 'New user' }).click();
  await page.getByLabel('Name').fill('Rita Again');
  await page.getByLabel('Email').fill('RITA@demo.lotse');
  await page.getByLabel('Initial password').fill('a-long-enough-password');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText('A user with this email address already exists.')).toBeVisible();

  const rita = await browser.newContext();
  const ritaPage = await rita.newPage();
  await logIn(ritaPage, 'rita@demo.lotse', 'a-long-enough-password');
  await expect(ritaPage.getByRole('link', { name: 'Calendar' })).toBeVisible();

  await page.goto('/users');
  await page.getByRole('link', { name: 'Rita Reporter' }).click();
  await page.getByLabel('Status').selectOption({ label: 'Deactivated' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('row', { name: /Rita Reporter/ })).toContainText('Deactivated');

  // her open session ended, and she cannot log in again
  await ritaPage.goto('/calendar');
  await expect(ritaPage).toHaveURL(/\/login/);
  await logIn(ritaPage, 'rita@demo.lotse', 'a-long-enough-password');
  await expect(ritaPage.getByRole('alert')).toHaveText(
    'Login failed. Check your email and password and try again.',
  );
  await rita.close();
});

test('an admin cannot take away their own admin role', async ({ page }) => {
  await logInAs(page, 'admin');
  await page.goto('/users');
  await page.getByRole('link', { name: 'Ada Brandt' }).click();
  await page.getByLabel('Editor').check();
  await page.getByLabel('Administrator').uncheck();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'You cannot remove your own administrator role.',
  );
});
