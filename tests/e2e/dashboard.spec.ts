import { expect, logInAs, test } from './fixtures';

test('the editor dashboard counts the submissions to review and links to all of them', async ({
  page,
  t,
}) => {
  await logInAs(page, t, 'editor');
  const region = page.getByRole('region', { name: t('dashboard.editor.toReview') });
  // how many depends on the other journeys running beside this one
  await expect(region).toContainText(/\d+|One|Eine/);
  const listed = await region.getByRole('listitem').count();
  expect(listed).toBeGreaterThan(0);
  await region.getByRole('link', { name: t('dashboard.editor.toReviewAll') }).click();
  await expect(page).toHaveURL(/\/knowledge\?status=submitted&sort=updated&dir=asc$/);
  const rows = page
    .getByRole('table')
    .getByRole('row')
    .filter({ hasNot: page.getByRole('columnheader') });
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(listed);
  for (const row of await rows.all())
    await expect(row).toContainText(t('status.knowledge.submitted'));
});
