import { expect, logInAs, test } from './fixtures';

/**
 * The results of a published piece on its page: an editor opens a published demo piece from the
 * results table, enters a value and finds it listed; the expert who contributed to the piece
 * then reads the same results without the form or any delete button.
 */
const TITLE = 'Kontaktlinsen am Bildschirm: was trockene Augen wirklich brauchen';

test('an editor enters a result on a published piece; its expert reads it', async ({
  page,
  t,
  lang,
}) => {
  // both languages share one database: each run enters its own metric and period
  const metric = lang === 'en' ? 'leads' : 'referral_visits';
  const [start, end] = lang === 'en' ? ['2026-11-02', '2026-11-08'] : ['2026-11-09', '2026-11-15'];
  const note = lang === 'en' ? 'Newsletter campaign' : 'Newsletter-Aktion';
  const shown = lang === 'en' ? '1,234.5' : '1.234,5';
  const typed = lang === 'en' ? '1234.5' : '1234,5';

  await logInAs(page, t, 'editor');
  await page.goto('/results');
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const piecePage = page.url();
  const section = page.getByRole('region', { name: t('results.piece.title') });
  await expect(section).toBeVisible();

  // a bad value is answered next to its field and saves nothing
  await section.getByLabel(t('results.workspace.metric')).selectOption({
    label: t(`strategy.metrics.${metric}`),
  });
  await section.getByLabel(t('results.workspace.value')).fill('viele');
  await section.getByLabel(t('results.workspace.periodStart')).fill(start);
  await section.getByLabel(t('results.workspace.periodEnd')).fill(end);
  await section.getByLabel(t('results.workspace.note')).fill(note);
  await section.getByRole('button', { name: t('results.piece.save') }).click();
  await expect(section.getByText(t('results.problems.notANumberTyped'))).toBeVisible();

  await section.getByLabel(t('results.workspace.value')).fill(typed);
  await section.getByRole('button', { name: t('results.piece.save') }).click();
  await expect(page.getByRole('status')).toHaveText(t('results.piece.entered'));
  const row = section.getByRole('row').filter({ hasText: note });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(shown);
  await expect(
    row.getByRole('button', { name: new RegExp(t(`strategy.metrics.${metric}`)) }),
  ).toBeVisible();

  // the expert who contributed reads the results, without the controls
  await page.context().clearCookies();
  await logInAs(page, t, 'expert');
  await page.goto(piecePage);
  const readOnly = page.getByRole('region', { name: t('results.piece.title') });
  await expect(readOnly).toBeVisible();
  await expect(readOnly.getByRole('row').filter({ hasText: note })).toContainText(shown);
  await expect(readOnly.getByRole('button')).toHaveCount(0);
  await expect(readOnly.getByLabel(t('results.workspace.value'))).toHaveCount(0);
});
