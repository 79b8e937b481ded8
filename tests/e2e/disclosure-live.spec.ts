import { expect, logInAs, test } from './fixtures';

test('an editor sees a codename hidden in an image’s alt text while writing, before saving', async ({
  page,
  t,
}) => {
  await logInAs(page, t, 'editor');
  await page.goto('/calendar?view=agenda');
  await page.getByRole('link', { name: /Linsen einsetzen leicht gemacht/ }).click();
  const live = page.getByRole('region', { name: t('disclosure.live.title') });
  // what is already written is checked when the form appears
  await expect(live).toContainText(t('disclosure.live.clean'));

  await page
    .getByLabel(t('calendar.form.body'))
    .fill('Schritt für Schritt.\n\n<img src="x.png" alt="Projekt Falke teaser">\n');
  await expect(live.locator('mark')).toHaveText('Projekt Falke');
  await expect(live).toContainText('Projekt Falke (unreleased product)');
  await expect(live).toContainText(
    'Projekt Falke is unannounced. Do not mention it before the launch.',
  );
  await expect(live).toContainText(t('calendar.form.body'));
  // the passage in its context, taken from the field
  await expect(live).toContainText('alt="Projekt Falke teaser"');
  await expect(live).toContainText(t('severity.block'));

  // nothing was saved: the piece as stored is unchanged
  await page.reload();
  await expect(page.getByLabel(t('calendar.form.body'))).not.toHaveValue(/Projekt Falke/);
});

test('management drafts a rule and sees which planned pieces it would block, before saving', async ({
  page,
  t,
  lang,
}) => {
  await logInAs(page, t, 'management');
  await page.goto('/rules/new');
  await page.getByLabel(t('rules.form.key')).fill(`R-SILIKON-${lang}`);
  await page.getByLabel(t('rules.form.name')).fill('Silikonhydrogel');
  await page.getByLabel(t('rules.form.patterns')).fill('Silikonhydrogel');

  const reach = page.getByRole('region', { name: t('rules.reach.title') });
  const row = reach.getByRole('row', { name: /Klarblick Podcast #14: Silikonhydrogel/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText(t('status.piece.planned'));
  await expect(row).toContainText(t('severity.block'));
  await expect(row.locator('mark').first()).toHaveText('Silikonhydrogel');
  await expect(
    row.getByRole('link', { name: 'Klarblick Podcast #14: Silikonhydrogel einfach erklärt' }),
  ).toHaveAttribute('href', /^\/calendar\//);

  // a pattern that does not compile says why, instead of failing
  await page.getByLabel(t('rules.form.kind')).selectOption('regex');
  await page.getByLabel(t('rules.form.patterns')).fill('Silikon(');
  await expect(reach).toContainText('RE2');

  // still a draft: nothing was saved
  await expect(page).toHaveURL(/\/rules\/new$/);
  await page.goto('/rules');
  await expect(page.getByRole('link', { name: 'Silikonhydrogel', exact: true })).toHaveCount(0);
});
