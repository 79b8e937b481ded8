import { expect, logInAs, test, type T } from './fixtures';

/**
 * Every results chart offers its figures as a CSV file: the charts of a published piece's
 * Results section (here read by the expert who contributed to it) and those of the workspace's
 * numbers. Each link downloads a file with the reader's column headers.
 */
const TITLE = 'Kontaktlinsen am Bildschirm: was trockene Augen wirklich brauchen';

/** The download links' names, whatever the chart is called. */
const downloadName = (t: T) => {
  const [before, after] = t('strategy.results.download', { chart: '\u0000' }).split('\u0000');
  const escape = (s = '') => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escape(before)}.+${escape(after)}$`);
};

test('the results charts of a piece and of the workspace download as CSV', async ({ page, t }) => {
  const header = [t('results.workspace.periodStart'), t('results.workspace.periodEnd')].join(',');

  await logInAs(page, t, 'editor');
  await page.goto('/results');
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const piecePage = page.url();
  await page.context().clearCookies();
  await logInAs(page, t, 'expert');
  await page.goto(piecePage);
  const section = page.getByRole('region', { name: t('results.piece.title') });
  const links = section.getByRole('link', { name: downloadName(t) });
  await expect(links.first()).toBeVisible();
  expect(await links.count()).toBe(await section.getByRole('figure').count());
  const pieceFile = await page.request.get((await links.first().getAttribute('href'))!);
  expect(pieceFile.status()).toBe(200);
  expect(pieceFile.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(await pieceFile.text()).toContain(header);

  await page.context().clearCookies();
  await logInAs(page, t, 'management');
  await page.goto('/results/workspace');
  const charts = page.getByRole('figure');
  const workspaceLinks = page.getByRole('link', { name: downloadName(t) });
  await expect(workspaceLinks.first()).toBeVisible();
  expect(await workspaceLinks.count()).toBe(await charts.count());
  const workspaceFile = await page.request.get(
    (await workspaceLinks.first().getAttribute('href'))!,
  );
  expect(workspaceFile.status()).toBe(200);
  expect(await workspaceFile.text()).toContain(header);
});
