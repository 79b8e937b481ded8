import { expect, logInAs, test } from './fixtures';

test('a date the browser cannot read is refused next to the date field, and nothing is saved', async ({
  page,
  t,
  lang,
}) => {
  const title = `Impossible date ${lang}`;
  await logInAs(page, t, 'editor');
  await page.goto('/calendar/new');
  const publishAt = page.getByLabel(t('calendar.form.publishAt'));
  // the form checks itself once the page is hydrated
  await expect(page.locator('form', { has: publishAt })).toHaveAttribute('novalidate', '');
  await page.getByLabel(t('calendar.form.title')).fill(title);

  // 30 February, typed in (both browser languages show the day first)
  await publishAt.click();
  await page.keyboard.type('30022027');
  await page.keyboard.type('1000');
  expect(await publishAt.evaluate((el: HTMLInputElement) => el.validity.badInput)).toBe(true);
  await page.getByRole('button', { name: t('calendar.form.create') }).click();

  const message = page.locator('#field-publishAt-error');
  await expect(message).toHaveText(t('validation.dateInvalid'));
  await expect(publishAt).toHaveAttribute('aria-invalid', 'true');
  await expect(publishAt).toHaveAttribute('aria-describedby', /field-publishAt-error/);
  await expect(page).toHaveURL(/\/calendar\/new$/);

  // the server refuses it too: an empty date the form says was typed is not an idea
  const response = await page.request.post('/calendar/new', {
    form: { intent: 'save', channel: 'blog', title, publishAt: '', enteredDates: 'publishAt' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(400);

  // nothing was saved, not even as an unscheduled idea
  await page.goto('/calendar');
  await expect(page.getByRole('complementary', { name: t('calendar.backlog') })).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
});
