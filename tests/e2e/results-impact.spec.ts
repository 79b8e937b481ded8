import { expect, logInAs, test, workspaceDay } from './fixtures';

/**
 * Management sees a KPI's actual value against its target on the goal page: an editor proposes
 * a goal with a KPI on a metric of its own and imports a result for a blog piece in Lotse's
 * format; the goal page then shows the actual value, the target and the piece that contributed,
 * as a chart with its figures in a table and as a CSV download.
 */
/** a published demo blog piece (results are imported for published pieces only) */
const PUBLISHED_SLUG = 'how-to-put-in-your-first-lenses-a-step-by-step-guide';
/** the scheduled demo blog piece the second journey publishes */
const SLUG = 'die-fuenf-haeufigsten-pflegefehler-und-wie-sie-sie-vermeiden';

test('management sees a KPI’s actual value against its target on the goal page', async ({
  page,
  t,
  lang,
}) => {
  // both languages share one database: each run measures its own metric
  const label = lang === 'en' ? 'Newsletter sign-ups' : 'Newsletter-Anmeldungen';
  const metric = lang === 'en' ? 'custom:newsletter_sign_ups' : 'custom:newsletter_anmeldungen';
  const title = lang === 'en' ? 'Grow the newsletter' : 'Den Newsletter ausbauen';
  const today = workspaceDay();
  const count = (n: string) => `${n} ${t('strategy.units.count')}`;
  const thousands = lang === 'en' ? '1,240' : '1.240';
  const target = lang === 'en' ? '5,000' : '5.000';

  await logInAs(page, t, 'editor');
  await page.goto('/strategy/goals/new');
  await page.getByLabel(t('strategy.goal.title'), { exact: true }).fill(title);
  await page.getByLabel(t('strategy.goal.category')).selectOption({
    label: t('strategy.categories.new_customers'),
  });
  await page.getByLabel(t('strategy.goal.weight')).fill('10');
  await page.getByRole('button', { name: t('strategy.goal.propose') }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const goalPage = page.url();
  await page
    .getByLabel(t('strategy.kpi.metric'), { exact: true })
    .selectOption({ label: t('strategy.metrics.custom') });
  await page.getByLabel(t('strategy.kpi.customLabel')).fill(label);
  await page.getByLabel(t('strategy.kpi.target')).fill('5000');
  await page.getByRole('button', { name: t('strategy.kpi.addSubmit') }).click();
  await expect(page.getByRole('status')).toHaveText(t('strategy.notices.kpiSaved'));

  await page.goto('/results/import');
  await page.getByLabel(t('results.import.file')).setInputFiles({
    name: `newsletter-${lang}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `date,url,metric,value\n${today},https://klarblick.example/blog/${PUBLISHED_SLUG},${metric},1240\n`,
    ),
  });
  await page.getByRole('button', { name: t('results.import.check') }).click();
  await page.getByRole('button', { name: t('results.import.commit_one', { count: 1 }) }).click();
  await expect(page.getByRole('status')).toHaveText(t('results.import.imported'));
  await page.context().clearCookies();

  await logInAs(page, t, 'management');
  await page.goto(goalPage);
  const results = page.getByRole('region', { name: t('strategy.results.title') });
  const bullet = results.getByRole('figure', {
    name: t('strategy.results.bulletTitle', { name: label }),
  });
  await expect(
    bullet.getByRole('img', { name: t('strategy.results.bulletTitle', { name: label }) }),
  ).toBeVisible();
  const actual = bullet.getByRole('row', { name: new RegExp(t('strategy.results.actual')) });
  await expect(actual.getByRole('cell')).toHaveText([
    count(thousands),
    t('strategy.results.targetText', { value: count(target) }),
    t('strategy.results.statusWord.onTrack'),
  ]);
  await expect(
    results.getByRole('figure', { name: t('strategy.results.trendTitle', { name: label }) }),
  ).toBeVisible();
  const pieces = results.getByRole('table', {
    name: t('strategy.results.piecesTitle', { name: label }),
  });
  await expect(pieces.getByRole('cell', { name: count(thousands), exact: true })).toBeVisible();

  // the trend's figures as a file
  const download = results.getByRole('link', {
    name: t('strategy.results.download', {
      chart: t('strategy.results.trendTitle', { name: label }),
    }),
  });
  const csv = await page.request.get((await download.getAttribute('href'))!);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(`${today},1240,5000`);
});

/**
 * An expert sees what their knowledge achieved: the editor publishes a piece made from the demo
 * expert's topic and imports its readers; the expert's topic then says, in words and in the
 * reader's number format, what the piece reached.
 */
test('an expert sees the impact of their knowledge item', async ({ page, t, lang }) => {
  const piece = 'Die fünf häufigsten Pflegefehler – und wie Sie sie vermeiden';
  const topic = 'Kontaktlinsenpflege im Alltag: die fünf häufigsten Fehler';
  // both languages share one database: each run imports a metric of its own (not page views,
  // which other journeys sort the demo blog by)
  const metric = lang === 'en' ? 'visitors' : 'referral_visits';
  const today = workspaceDay();

  await logInAs(page, t, 'editor');
  await page.goto('/calendar');
  await page.getByRole('link', { name: t('calendar.view.agenda') }).click();
  await page
    .getByRole('region', { name: t('calendar.agenda') })
    .getByRole('link', { name: piece, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: piece })).toBeVisible();
  // published by whichever language's run came first
  const publish = page.getByRole('button', {
    name: t('calendar.moveTo', { status: t('status.piece.published') }),
  });
  if (await publish.count()) {
    await publish.click();
    await expect(page.getByText(t('status.piece.published')).first()).toBeVisible();
  }

  await page.goto('/results/import');
  await page.getByLabel(t('results.import.file')).setInputFiles({
    name: `readers-${lang}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `date,url,metric,value\n${today},https://klarblick.example/blog/${SLUG},${metric},1240\n`,
    ),
  });
  await page.getByRole('button', { name: t('results.import.check') }).click();
  await page.getByRole('button', { name: t('results.import.commit_one', { count: 1 }) }).click();
  await expect(page.getByRole('status')).toHaveText(t('results.import.imported'));
  await page.context().clearCookies();

  await logInAs(page, t, 'expert');
  await page.getByRole('link', { name: topic, exact: true }).first().click();
  const impact = page.getByRole('region', { name: t('impact.title') });
  await expect(impact.getByRole('link', { name: new RegExp(piece) })).toContainText(
    t(`impact.phrases.${metric}`, { value: lang === 'en' ? '1,240' : '1.240' }),
  );
});
