import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, logInAs, test } from './fixtures';

// An editor imports a Plausible pages export of the demo's blog (one page is no piece): the
// preview lists the unmatched row, the commit imports the rest, and the import can be undone.
test('an editor imports a Plausible export, sees the unmatched row, and undoes the import', async ({
  page,
  t,
  lang,
}) => {
  await logInAs(page, t, 'editor');
  await page.goto('/results/import');
  await expect(
    page.getByRole('heading', { level: 1, name: t('results.import.title') }),
  ).toBeVisible();
  const fileName = `plausible-pages-${lang}.csv`;
  await page.getByLabel(t('results.import.file')).setInputFiles({
    name: fileName,
    mimeType: 'text/csv',
    buffer: fs.readFileSync('tests/fixtures/results/plausible-demo.csv'),
  });
  await page.getByRole('button', { name: t('results.import.check') }).click();
  // Plausible's rows carry no dates: the period is asked for
  await expect(page.getByRole('alert')).toHaveText(t('results.problems.periodRequired'));

  await page.getByLabel(t('results.import.file')).setInputFiles({
    name: fileName,
    mimeType: 'text/csv',
    buffer: fs.readFileSync('tests/fixtures/results/plausible-demo.csv'),
  });
  await page.getByLabel(t('results.import.from'), { exact: true }).fill('2026-10-01');
  await page.getByLabel(t('results.import.to'), { exact: true }).fill('2026-10-31');
  await page.getByRole('button', { name: t('results.import.check') }).click();
  await expect(page.getByRole('status')).toHaveText(
    t('results.import.summary', {
      preset: t('results.presets.plausible'),
      rows: 3,
      matched: 2,
      unmatched: 1,
      observations: 4,
    }),
  );
  const unmatched = page.getByRole('list', {
    name: t('results.import.unmatchedTitle_one', { count: 1 }),
  });
  await expect(unmatched.getByRole('listitem')).toHaveText([
    t('results.import.unmatchedRow', { row: 3, label: '/impressum' }),
  ]);
  await expect(
    page.getByRole('table', { name: t('results.import.tiedCaption') }).getByRole('row'),
  ).toHaveCount(3);

  // the preview, with its tables and lists, passes axe (WCAG 2.1 A and AA)
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );

  await page.getByRole('button', { name: t('results.import.commit_other', { count: 4 }) }).click();
  await expect(page.getByRole('status')).toHaveText(t('results.import.imported'));
  const undo = page.getByRole('button', {
    name: t('results.import.undoNamed', { name: fileName }),
  });
  await expect(undo).toHaveCount(1);
  await undo.click();
  await expect(page.getByRole('status')).toHaveText(t('results.import.undoneNow'));
  await expect(undo).toHaveCount(0);
  await expect(page.getByRole('row', { name: new RegExp(fileName) })).toContainText(
    t('results.import.undone', { date: '', name: '' }).split(' ')[0]!,
  );
});

test('an expert has no results import', async ({ page, t }) => {
  await logInAs(page, t, 'expert');
  expect((await page.goto('/results/import'))?.status()).toBe(403);
});
