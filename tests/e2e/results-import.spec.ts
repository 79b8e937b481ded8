import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { exclusively } from './exclusive';
import { expect, logInAs, test, workspaceDay, type T } from './fixtures';

const daysAgo = (days: number) => workspaceDay(-days);

/** A text whose counts are nested (`$t(key, {"count": n })`), as the app shows it. */
function counted(t: T, key: string, values: Record<string, string | number>) {
  return t(key, values).replace(/\$t\(([\w.]+), \{"count": (\d+) \}\)/g, (_, nested: string, n) =>
    t(`${nested}_${Number(n) === 1 ? 'one' : 'other'}`, { count: n as string }),
  );
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The undo buttons of a file's imports: each names the file, when and by whom it was imported. */
function undoButtons(page: Page, t: T, fileName: string) {
  const [before = '', between = '', after = ''] = t('results.import.undoNamed', {
    name: fileName,
    date: '\u0000',
    by: '\u0000',
  })
    .split('\u0000')
    .map(escaped);
  return page.getByRole('button', { name: new RegExp(`^${before}.+${between}.+${after}$`) });
}

// An editor imports a Plausible pages export of the demo's blog (one page is no piece): the
// preview lists the unmatched row, the commit imports the rest; the same file again is imported
// after a warning, each import's undo names when it was made, and both are undone.
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
  const upload = () =>
    page.getByLabel(t('results.import.file')).setInputFiles({
      name: fileName,
      mimeType: 'text/csv',
      buffer: fs.readFileSync('tests/fixtures/results/plausible-demo.csv'),
    });
  await upload();
  await page.getByRole('button', { name: t('results.import.check') }).click();
  // Plausible's rows carry no dates: the period is asked for
  await expect(page.getByRole('alert')).toHaveText(t('results.problems.periodRequired'));

  // a period that has not ended yet is refused at its last day
  await upload();
  await page.getByLabel(t('results.import.from')).fill(daysAgo(70));
  await page.getByLabel(t('results.import.to')).fill(daysAgo(-7));
  await page.getByRole('button', { name: t('results.import.check') }).click();
  await expect(page.getByRole('alert')).toContainText(
    t('results.problems.periodInFuture', { today: '' }).split('(')[0]!.trim(),
  );
  await expect(page.getByLabel(t('results.import.to'))).toHaveAttribute('aria-invalid', 'true');

  // about three months back: both blog pieces were published before; each language has a period
  // of its own (and one no other journey imports), so no run finds the other's rows imported
  const [from, to] = lang === 'en' ? [daysAgo(100), daysAgo(91)] : [daysAgo(90), daysAgo(81)];
  const check = async () => {
    await upload();
    await page.getByLabel(t('results.import.from')).fill(from);
    await page.getByLabel(t('results.import.to')).fill(to);
    await page.getByRole('button', { name: t('results.import.check') }).click();
    await expect(
      page.getByRole('region', { name: t('results.import.preview') }).getByRole('status'),
    ).toHaveText(
      counted(t, 'results.import.summary', {
        preset: t('results.presets.plausible'),
        rows: 3,
        matched: 2,
        unmatched: 1,
        observations: 4,
      }),
    );
  };
  await check();
  const unmatched = page.getByRole('list', {
    name: t('results.import.unmatchedTitle_one', { count: 1 }),
  });
  await expect(unmatched.getByRole('listitem')).toHaveText([
    t('results.import.unmatchedRow', { row: 3, label: '/impressum' }),
  ]);
  await expect(
    page.getByRole('table', { name: t('results.import.tiedCaption') }).getByRole('row'),
  ).toHaveCount(3);
  await expect(page.getByRole('note')).toHaveCount(0);

  // the preview, with its tables and lists, passes axe (WCAG 2.1 A and AA)
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );

  await page.getByRole('button', { name: t('results.import.commit_other', { count: 4 }) }).click();
  await expect(page.getByRole('status')).toHaveText(t('results.import.imported'));
  await expect(undoButtons(page, t, fileName)).toHaveCount(1);
  const row = page.getByRole('row', { name: new RegExp(escaped(fileName)) });
  await expect(row).toContainText(
    counted(t, 'results.import.countsValue', { rows: 3, matched: 2, observations: 4 }),
  );

  // the same file again: the preview says it was imported before, and by whom
  await check();
  const note = page.getByRole('note');
  await expect(note).toContainText(t('results.import.alreadyImportedTitle'));
  await expect(note).toContainText(fileName);
  await expect(note).toContainText('Elena Richter');
  await page.getByRole('button', { name: t('results.import.commit_other', { count: 4 }) }).click();
  await expect(page.getByRole('region', { name: t('results.import.preview') })).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText(t('results.import.imported'));

  // two imports of one file: their undo buttons tell them apart
  const undos = undoButtons(page, t, fileName);
  await expect(undos).toHaveCount(2);
  const names = await undos.evaluateAll((buttons) =>
    buttons.map((b) => b.getAttribute('aria-label')),
  );
  expect(new Set(names).size).toBe(2);

  // while one undo is sent, only its button says so; the others keep their names
  await page.route('**/results/import**', async (route) => {
    if (route.request().method() === 'POST') await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.getByRole('button', { name: names[0]! }).click();
  await expect(page.getByRole('button', { name: names[0]! })).toHaveText(
    t('results.import.undoing'),
  );
  await expect(page.getByRole('button', { name: names[1]! })).toHaveText(t('results.import.undo'));
  await expect(page.getByRole('button', { name: t('results.import.check') })).toBeDisabled();
  await expect(page.getByRole('button', { name: t('results.mappings.save') })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(t('results.import.undoneNow'));
  await page.unroute('**/results/import**');
  await expect(undos).toHaveCount(1);
  await undos.click();
  await expect(page.getByRole('status')).toHaveText(t('results.import.undoneNow'));
  await expect(undos).toHaveCount(0);
  await expect(page.getByRole('row', { name: new RegExp(escaped(fileName)) })).toHaveCount(2);
  await expect(
    page.getByRole('row', { name: new RegExp(escaped(fileName)) }).first(),
  ).toContainText(t('results.import.undone', { date: '', name: '' }).split(' ')[0]!);
});

// Every control of the page has a name of its own: a search by a label's text (not only an
// exact one) finds one control.
test('the import page names each control unambiguously', async ({ page, t }) => {
  await logInAs(page, t, 'editor');
  await page.goto('/results/import');
  for (const key of [
    'results.import.file',
    'results.import.preset',
    'results.import.from',
    'results.import.to',
    'results.mappings.presetField',
    'results.mappings.name',
  ])
    await expect(page.getByLabel(t(key)), key).toHaveCount(1);
  await expect(page.getByRole('combobox', { name: t('results.import.preset') })).toHaveCount(1);
});

// A format chosen by hand that the file does not fit says what it expects and what the file
// looks like; an empty file is called empty.
test('an editor is told why a file does not fit the chosen format, or is empty', async ({
  page,
  t,
}) => {
  await logInAs(page, t, 'editor');
  await page.goto('/results/import');
  await page.getByLabel(t('results.import.file')).setInputFiles({
    name: 'pages.csv',
    mimeType: 'text/csv',
    buffer: fs.readFileSync('tests/fixtures/results/plausible-demo.csv'),
  });
  await page
    .getByLabel(t('results.import.preset'))
    .selectOption({ label: t('results.presets.zoom') });
  await page.getByRole('button', { name: t('results.import.check') }).click();
  await expect(page.getByRole('alert')).toHaveText(
    t('results.problems.otherFormat', {
      preset: t('results.presets.zoom'),
      expected: 'webinar id, actual start time, # registered / unique viewers',
      detected: t('results.presets.plausible'),
    }),
  );

  await page.getByLabel(t('results.import.file')).setInputFiles({
    name: 'empty.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(''),
  });
  await page.getByRole('button', { name: t('results.import.check') }).click();
  await expect(page.getByRole('alert')).toHaveText(t('results.problems.empty'));
});

test('an expert has no results import', async ({ page, t }) => {
  await logInAs(page, t, 'expert');
  expect((await page.goto('/results/import'))?.status()).toBe(403);
});

/** The page views KPI's actual value on its goal's page, as shown (e.g. "12,345 count"). */
function blogViewsActual(page: Page, t: T) {
  const name = t('strategy.metrics.page_views');
  return page
    .getByRole('region', { name: t('strategy.results.title') })
    .getByRole('figure', { name: t('strategy.results.bulletTitle', { name }) })
    .getByRole('row', { name: new RegExp(t('strategy.results.actual')) })
    .getByRole('cell')
    .first();
}

// An editor imports a Plausible pages export of the current goal period (one page is no piece):
// after the commit the goal whose KPI the blog's page views feed shows the new actual value,
// and after the undo the old one again.
test('an editor imports a Plausible export and the goal page shows the new actual value', async ({
  page,
  t,
  lang,
}) => {
  const goal = 'Become the first address for lens-care questions online';
  const fileName = `plausible-goal-${lang}.csv`;
  // the file's page views of the one page it ties to a piece
  const imported = 2960;
  const format = (n: number) =>
    `${new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB').format(n)} ${t('strategy.units.count')}`;
  // inside the goals' period (which started a month ago), a week of each language's own
  const [from, to] = lang === 'en' ? [daysAgo(16), daysAgo(10)] : [daysAgo(9), daysAgo(3)];

  await logInAs(page, t, 'editor');
  // The blog's page views KPI is one figure of the whole workspace, and the journeys of both
  // languages run at the same time on the same server: each waits for the other to finish, so that
  // the value it reads before its import is the one its import changes.
  await exclusively('blog-kpi', async () => {
    await page.goto('/strategy');
    await page.getByRole('link', { name: goal, exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: goal })).toBeVisible();
    const goalPage = page.url();
    const actual = blogViewsActual(page, t);
    const shown = (await actual.textContent()) ?? '';
    const before = Number(shown.replace(/\D/g, ''));
    expect(before, shown).toBeGreaterThan(0);

    await page.goto('/results/import');
    await page.getByLabel(t('results.import.file')).setInputFiles({
      name: fileName,
      mimeType: 'text/csv',
      buffer: fs.readFileSync('tests/fixtures/results/plausible-goal.csv'),
    });
    await page.getByLabel(t('results.import.from'), { exact: true }).fill(from);
    await page.getByLabel(t('results.import.to'), { exact: true }).fill(to);
    await page.getByRole('button', { name: t('results.import.check') }).click();
    await expect(page.getByRole('status')).toHaveText(
      counted(t, 'results.import.summary', {
        preset: t('results.presets.plausible'),
        rows: 2,
        matched: 1,
        unmatched: 1,
        observations: 2,
      }),
    );
    await expect(
      page
        .getByRole('list', { name: t('results.import.unmatchedTitle_one', { count: 1 }) })
        .getByRole('listitem'),
    ).toHaveText([t('results.import.unmatchedRow', { row: 2, label: '/impressum' })]);
    await page
      .getByRole('button', { name: t('results.import.commit_other', { count: 2 }) })
      .click();
    await expect(page.getByRole('status')).toHaveText(t('results.import.imported'));

    // the goal page: the KPI's actual value now includes the imported page views
    await page.goto(goalPage);
    await expect(actual).toHaveText(format(before + imported));

    // undone, the goal shows the value from before the import again
    await page.goto('/results/import');
    await undoButtons(page, t, fileName).click();
    await expect(page.getByRole('status')).toHaveText(t('results.import.undoneNow'));
    await page.goto(goalPage);
    await expect(actual).toHaveText(format(before));
  });
});

// An editor saves how an export with other column names is read, finds it to choose for the
// next import, is told that a name is taken, and deletes the mapping again.
test('an editor saves a column mapping, chooses it, and deletes it', async ({ page, t, lang }) => {
  const name = lang === 'en' ? 'Plausible, spreadsheet copy' : 'Plausible, Tabellenkopie';
  await logInAs(page, t, 'editor');
  await page.goto('/results/import');
  const section = page.getByRole('region', { name: t('results.mappings.title') });
  await section.getByLabel(t('results.mappings.name'), { exact: true }).fill(name);
  await section
    .getByLabel(t('results.mappings.presetField'), { exact: true })
    .selectOption({ label: t('results.presets.plausible') });
  await section.getByLabel(t('results.mappings.fields.path'), { exact: true }).fill('Seite');
  await section
    .getByLabel(t('results.mappings.valueColumn', { n: 1 }), { exact: true })
    .fill('Aufrufe');
  await section.getByRole('button', { name: t('results.mappings.save') }).click();
  // a result column needs its metric
  await expect(section.getByText(t('validation.choose'))).toBeVisible();
  await section
    .getByLabel(t('results.mappings.valueMetric', { n: 1 }), { exact: true })
    .selectOption({ label: t('strategy.metrics.page_views') });
  await section.getByRole('button', { name: t('results.mappings.save') }).click();
  await expect(page.getByRole('status')).toHaveText(t('results.mappings.saved'));

  // listed with what it maps, and chosen for the next import
  const saved = page.getByRole('table', { name: t('results.mappings.caption') });
  const row = saved.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText(
    t('results.mappings.columnMaps', {
      header: 'Seite',
      meaning: t('results.mappings.fields.path'),
    }),
  );
  await expect(page.getByLabel(t('results.import.mapping')).locator('option:checked')).toHaveText(
    name,
  );

  // the same name again is refused at the name field
  await section.getByLabel(t('results.mappings.name'), { exact: true }).fill(name.toUpperCase());
  await section.getByRole('button', { name: t('results.mappings.save') }).click();
  await expect(section.getByText(t('results.problems.nameTaken'))).toBeVisible();
  await expect(section.getByLabel(t('results.mappings.name'), { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );

  await page.getByRole('button', { name: t('results.mappings.deleteNamed', { name }) }).click();
  await expect(page.getByRole('status')).toHaveText(t('results.mappings.deleted', { name }));
  await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
});
