import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, logInAs, mainNav, test, workspaceDay, type T } from './fixtures';

// published pieces of the demo blog: only published pieces take results
const CARE = 'Kontaktlinsen am Bildschirm: was trockene Augen wirklich brauchen';
const LENS_BOX = 'Trockene Augen im Winter: sechs Tipps aus der Sprechstunde';
const daysAgo = (days: number) => workspaceDay(-days);

async function noSeriousAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );
}

/** The titles of the results table's rows, top to bottom. */
const rowTitles = (page: Page, t: T) =>
  page
    .getByRole('table', { name: t('results.table.caption') })
    .getByRole('rowheader')
    .allTextContents();

// An editor imports the demo blog's page views, opens the results from the main navigation and
// sorts the table by page views, both ways; the filter keeps the view in the address.
test('an editor finds imported results in the table, sorted by a metric', async ({
  page,
  t,
  lang,
}) => {
  await logInAs(page, t, 'editor');
  await page.goto('/results/import');
  const fileName = `plausible-overview-${lang}.csv`;
  const upload = () =>
    page.getByLabel(t('results.import.file')).setInputFiles({
      name: fileName,
      mimeType: 'text/csv',
      buffer: fs.readFileSync('tests/fixtures/results/plausible-demo.csv'),
    });
  await upload();
  // two months back: both pieces were published before
  await page.getByLabel(t('results.import.from'), { exact: true }).fill(daysAgo(70));
  await page.getByLabel(t('results.import.to'), { exact: true }).fill(daysAgo(41));
  await page.getByRole('button', { name: t('results.import.check') }).click();
  await page.getByRole('button', { name: t('results.import.commit_other', { count: 4 }) }).click();
  await expect(page.getByRole('status')).toHaveText(t('results.import.imported'));

  await mainNav(page, t)
    .getByRole('link', { name: t('nav.results'), exact: true })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: t('results.table.title') }),
  ).toBeVisible();
  const views = page.getByRole('button', { name: t('strategy.metrics.page_views'), exact: true });
  const viewsHeader = page.getByRole('columnheader', { name: t('strategy.metrics.page_views') });
  await views.click();
  await expect(viewsHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/sort=page_views&dir=desc/);
  let titles = await rowTitles(page, t);
  expect(titles.indexOf(CARE)).toBeGreaterThanOrEqual(0);
  expect(titles.indexOf(CARE)).toBeLessThan(titles.indexOf(LENS_BOX));
  // the imported page views (15,800) add to the piece's earlier ones
  const careRow = page.getByRole('row', { name: new RegExp(CARE) });
  await expect(careRow).toContainText(lang === 'de' ? /\d\d\.\d{3}/ : /\d\d,\d{3}/);

  await views.click();
  await expect(viewsHeader).toHaveAttribute('aria-sort', 'ascending');
  titles = await rowTitles(page, t);
  expect(titles.indexOf(LENS_BOX)).toBeLessThan(titles.indexOf(CARE));

  // a filter keeps the sorting in the address; a selection without results shows the empty state
  await page.getByLabel(t('results.table.filter.channel')).selectOption('blog');
  await page.getByRole('button', { name: t('results.table.filter.apply') }).click();
  await expect(page).toHaveURL(/\/results\?channel=blog&sort=page_views&dir=asc$/);
  await expect(
    page.getByRole('table', { name: t('results.table.caption') }).getByRole('cell', {
      name: t('channels.podcast'),
      exact: true,
    }),
  ).toHaveCount(0);
  await expect(page.getByRole('link', { name: CARE })).toHaveAttribute('href', /^\/calendar\//);
  await expect(page.getByRole('link', { name: t('results.table.exportCsv') })).toHaveAttribute(
    'href',
    '/results/export?channel=blog&sort=page_views&dir=asc',
  );
  await noSeriousAxeViolations(page);
  await page.goto('/results?audience=nobody');
  await expect(page.getByText(t('results.table.empty'))).toBeVisible();

  // the import is undone again: the other journeys see the demo as it was
  await page.goto('/results/import');
  await page
    .getByRole('row', { name: new RegExp(fileName) })
    .getByRole('button', { name: new RegExp(fileName) })
    .click();
  await expect(page.getByRole('status')).toHaveText(t('results.import.undoneNow'));
});

// An editor enters the NPS of a quarter (after a refused negative count of mentions), finds it in
// the period's table and deletes it; management reads the page without the form.
test('an editor enters and deletes a workspace number; management only reads', async ({
  page,
  browser,
  locale,
  t,
  lang,
}) => {
  // each language its own quarter, so that journeys running side by side never meet
  const [from, to] = lang === 'de' ? ['2026-04-01', '2026-06-30'] : ['2026-07-01', '2026-09-30'];
  await logInAs(page, t, 'editor');
  await page.goto('/results');
  await page.getByRole('link', { name: t('results.workspace.title') }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: t('results.workspace.title') }),
  ).toBeVisible();

  const form = page.getByRole('region', { name: t('results.workspace.enterTitle') });
  await form.getByLabel(t('results.workspace.metric')).selectOption('mentions');
  await form.getByLabel(t('results.workspace.value')).fill('-3');
  await form.getByLabel(t('results.workspace.periodStart')).fill(from);
  await form.getByLabel(t('results.workspace.periodEnd')).fill(to);
  await form.getByRole('button', { name: t('results.workspace.save') }).click();
  await expect(form.getByText(t('results.problems.negative'))).toBeVisible();
  await expect(form.getByLabel(t('results.workspace.value'))).toHaveAttribute(
    'aria-invalid',
    'true',
  );

  await form.getByLabel(t('results.workspace.metric')).selectOption('nps');
  await form.getByLabel(t('results.workspace.value')).fill('-12,5');
  await form.getByLabel(t('results.workspace.note')).fill(`Survey ${lang}`);
  await form.getByRole('button', { name: t('results.workspace.save') }).click();
  await expect(page.getByRole('status')).toHaveText(t('results.workspace.entered'));
  const nps = page.getByRole('table', {
    name: t('results.workspace.tableCaption', { metric: t('strategy.metrics.nps') }),
  });
  const row = nps.getByRole('row', { name: new RegExp(`Survey ${lang}`) });
  await expect(row).toContainText(lang === 'de' ? '-12,5' : '-12.5');
  await noSeriousAxeViolations(page);

  // management reads the numbers, without the form and without delete buttons
  const other = await browser.newContext({ locale });
  const managementPage = await other.newPage();
  await logInAs(managementPage, t, 'management');
  await managementPage.goto('/results/workspace');
  await expect(
    managementPage.getByRole('row', { name: new RegExp(`Survey ${lang}`) }),
  ).toBeVisible();
  await expect(
    managementPage.getByRole('button', { name: t('results.workspace.save') }),
  ).toHaveCount(0);
  await expect(
    managementPage.getByRole('button', { name: t('results.workspace.delete') }),
  ).toHaveCount(0);
  await other.close();

  await row.getByRole('button', { name: t('results.workspace.delete') }).click();
  await expect(page.getByRole('status')).toHaveText(t('results.workspace.deleted'));
  await expect(page.getByRole('row', { name: new RegExp(`Survey ${lang}`) })).toHaveCount(0);
});

test('an expert has no results table', async ({ page, t }) => {
  await logInAs(page, t, 'expert');
  await expect(mainNav(page, t).getByRole('link', { name: t('nav.results') })).toHaveCount(0);
  expect((await page.goto('/results'))?.status()).toBe(403);
  expect((await page.goto('/results/workspace'))?.status()).toBe(403);
});
