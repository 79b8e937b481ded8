import { expect, logInAs, test } from './fixtures';

test('an editor proposes a goal with two KPIs, and management agrees to it', async ({
  page,
  t,
  lang,
}) => {
  const title = lang === 'de' ? 'Optiker als Fürsprecher gewinnen' : 'Win opticians as advocates';
  await logInAs(page, t, 'editor');
  await page.getByRole('link', { name: t('nav.strategy'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('strategy.title') })).toBeVisible();
  await page.getByRole('link', { name: t('strategy.goal.new') }).click();

  // nothing is proposed without a title and a category
  await page.getByRole('button', { name: t('strategy.goal.propose') }).click();
  await expect(page.getByText(t('validation.required'))).toBeVisible();
  await page.getByLabel(t('strategy.goal.title'), { exact: true }).fill(title);
  await page.getByLabel(t('strategy.goal.category')).selectOption({
    label: t('strategy.categories.brand_image'),
  });
  await page.getByLabel(t('strategy.goal.weight')).fill('15');
  await page.getByRole('button', { name: t('strategy.goal.propose') }).click();
  await expect(page.getByRole('status')).toHaveText(t('strategy.notices.created'));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // the first KPI: leads in the whole workspace
  const metric = page.getByLabel(t('strategy.kpi.metric'), { exact: true });
  await metric.selectOption({ label: t('strategy.metrics.leads') });
  await page.getByLabel(t('strategy.kpi.baseline')).fill('40');
  await page.getByLabel(t('strategy.kpi.target')).fill('90');
  await page.getByRole('button', { name: t('strategy.kpi.addSubmit') }).click();
  await expect(page.getByRole('status')).toHaveText(t('strategy.notices.kpiSaved'));

  // the second: webinar attendees, measured on the webinar channel
  await metric.selectOption({ label: t('strategy.metrics.webinar_attendees') });
  await page.getByLabel(t('strategy.kpi.target')).fill('120');
  await page.getByLabel(t('strategy.kpi.scope')).selectOption('channel');
  await page.getByLabel(t('strategy.kpi.channel')).selectOption('webinar');
  await page.getByRole('button', { name: t('strategy.kpi.addSubmit') }).click();
  await expect(page.getByRole('status')).toHaveText(t('strategy.notices.kpiSaved'));
  const kpis = page.getByRole('table', { name: t('strategy.kpi.caption', { title }) });
  await expect(
    kpis.getByRole('rowheader', { name: t('strategy.metrics.leads'), exact: true }),
  ).toBeVisible();
  await expect(
    kpis.getByRole('rowheader', { name: t('strategy.metrics.webinar_attendees') }),
  ).toBeVisible();
  // the editor cannot agree to it
  await expect(page.getByRole('button', { name: t('strategy.decision.agree') })).toHaveCount(0);

  // management finds it waiting and agrees
  await page.context().clearCookies();
  await logInAs(page, t, 'management');
  await page.getByRole('link', { name: t('nav.strategy'), exact: true }).click();
  const waiting = page.getByRole('region', { name: t('strategy.goals.waiting') });
  await waiting.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: t('strategy.decision.agree') }).click();
  await expect(page.getByRole('status')).toHaveText(t('strategy.notices.agreed'));
  await expect(page.getByText(t('strategy.statuses.agreed'), { exact: true })).toBeVisible();

  // it now counts among the agreed goals
  await page.getByRole('link', { name: t('strategy.back') }).click();
  const agreed = page.getByRole('region', { name: t('strategy.goals.agreed') });
  await expect(agreed.getByRole('link', { name: title })).toBeVisible();
  await expect(waiting.getByRole('link', { name: title })).toHaveCount(0);

  // the goal mix now sets it against its weight
  const mixTable = page.getByRole('table', { name: t('strategy.mix.caption', { weeks: 6 }) });
  await expect(mixTable.getByRole('rowheader', { name: title, exact: true })).toBeVisible();

  // no planned piece serves it yet: the coverage aid names it
  const coverage = page.getByRole('region', { name: t('strategy.coverage.title', { weeks: 6 }) });
  const warning = coverage.getByRole('note');
  await expect(warning.getByText(title, { exact: true })).toBeVisible();

  // the editor links a planned piece to it, and the warning for it goes away
  await page.context().clearCookies();
  await logInAs(page, t, 'editor');
  await page.getByRole('link', { name: t('nav.strategy'), exact: true }).click();
  await agreed.getByRole('link', { name: title }).click();
  const choice = page.getByLabel(t('strategy.pieces.choose', { goal: title }));
  const piece = 'Linsen einsetzen leicht gemacht: Schritt für Schritt';
  const value = await choice.locator('option', { hasText: piece }).getAttribute('value');
  await choice.selectOption(value ?? '');
  await page.getByRole('button', { name: t('strategy.pieces.link') }).click();
  await expect(page.getByRole('status')).toHaveText(t('strategy.notices.linked'));
  const serving = page.getByRole('region', { name: t('strategy.pieces.title') });
  await expect(serving.getByRole('link', { name: piece })).toBeVisible();
  await page.getByRole('link', { name: t('strategy.back') }).click();
  await expect(coverage.getByRole('row', { name: new RegExp(title) })).toContainText(
    t('strategy.coverage.covered'),
  );
  await expect(warning.getByText(title, { exact: true })).toHaveCount(0);
});

test('an expert reads the strategy but has no controls to change it', async ({ page, t }) => {
  await logInAs(page, t, 'expert');
  await page.getByRole('link', { name: t('nav.strategy'), exact: true }).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: t('strategy.title') })).toBeVisible();
  await expect(main.getByText(t('strategy.owner.named', { name: 'Jonas Weber' }))).toBeVisible();
  await expect(
    main.getByRole('link', { name: 'Win first-time lens wearers', exact: true }),
  ).toBeVisible();
  await expect(main.getByRole('heading', { name: t('strategy.stock.title') })).toBeVisible();
  await expect(main.getByRole('heading', { name: t('strategy.timeline.title') })).toBeVisible();

  // the planning aids: each a chart with a text summary and a table of the same figures
  const coverage = main.getByRole('region', { name: t('strategy.coverage.title', { weeks: 6 }) });
  await expect(coverage.getByRole('note')).toContainText('Keep subscribers for a second year');
  const mix = main.getByRole('region', { name: t('strategy.mix.title', { weeks: 6 }) });
  await expect(mix.getByRole('img', { name: t('strategy.mix.chartTitle') })).toBeVisible();
  const mixTable = mix.getByRole('table', { name: t('strategy.mix.caption', { weeks: 6 }) });
  await expect(
    mixTable.getByRole('rowheader', { name: 'Win first-time lens wearers', exact: true }),
  ).toBeVisible();
  await expect(
    mixTable.getByRole('columnheader', { name: t('strategy.mix.wanted') }),
  ).toBeVisible();
  const matrix = main.getByRole('region', { name: t('strategy.matrix.title') });
  await expect(matrix.getByRole('img', { name: t('strategy.matrix.chartTitle') })).toBeVisible();
  const matrixTable = matrix.getByRole('table', { name: t('strategy.matrix.chartTitle') });
  await expect(
    matrixTable.getByRole('columnheader', { name: t('channels.podcast'), exact: true }),
  ).toBeVisible();
  await expect(matrixTable.getByRole('rowheader').first()).toBeVisible();

  // and no control to change anything
  await expect(main.getByRole('button')).toHaveCount(0);
  await expect(main.getByRole('textbox')).toHaveCount(0);
  await expect(main.getByRole('combobox')).toHaveCount(0);
  await expect(main.getByRole('link', { name: t('strategy.goal.new') })).toHaveCount(0);
  await expect(
    main.getByRole('link', {
      name: t('strategy.stock.edit', { text: 'A large base of subscribers' }),
    }),
  ).toHaveCount(0);

  // a goal's page shows its KPIs, and no decision or edit
  await main.getByRole('link', { name: 'Win first-time lens wearers', exact: true }).click();
  await expect(
    main.getByRole('heading', { level: 1, name: 'Win first-time lens wearers' }),
  ).toBeVisible();
  await expect(
    main.getByRole('rowheader', { name: t('strategy.metrics.whitepaper_downloads') }),
  ).toBeVisible();
  await expect(main.getByRole('button')).toHaveCount(0);
  await expect(main.getByRole('combobox')).toHaveCount(0);

  // and the server refuses a proposal
  const response = await page.goto('/strategy/goals/new');
  expect(response?.status()).toBe(403);
});

test('an editor changes a stock-take entry and a milestone in place', async ({ page, t, lang }) => {
  const text = lang === 'de' ? 'Kurze Pflegevideos' : 'Short care videos';
  const fair = lang === 'de' ? 'Optikmesse' : 'Optics fair';
  await logInAs(page, t, 'editor');
  await page.getByRole('link', { name: t('nav.strategy'), exact: true }).click();

  const stock = page.getByRole('region', { name: t('strategy.stock.title') });
  await stock.getByLabel(t('strategy.stock.text')).fill(text);
  await stock.getByRole('button', { name: t('strategy.stock.addSubmit') }).click();
  await expect(page.getByText(t('strategy.notices.stockAdded'))).toBeVisible();

  // the entry opens in its own form, filled in; the change replaces it
  await stock.getByRole('link', { name: t('strategy.stock.edit', { text }) }).click();
  await expect(
    stock.getByRole('heading', { name: t('strategy.stock.editTitle', { text }) }),
  ).toBeVisible();
  const field = stock.getByLabel(t('strategy.stock.text'));
  await expect(field).toHaveValue(text);
  await field.fill('');
  await stock.getByRole('button', { name: t('strategy.stock.save') }).click();
  await expect(stock.getByText(t('validation.required'))).toBeVisible();
  await field.fill(`${text} 2027`);
  await stock.getByLabel(t('strategy.stock.kind')).selectOption({
    label: t('strategy.stockKinds.trend'),
  });
  await stock.getByRole('button', { name: t('strategy.stock.save') }).click();
  await expect(page.getByText(t('strategy.notices.stockSaved'))).toBeVisible();
  const row = stock
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: `${text} 2027`, exact: true }) });
  await expect(row).toContainText(t('strategy.stockKinds.trend'));
  await expect(stock.getByRole('rowheader', { name: text, exact: true })).toHaveCount(0);

  // a milestone the same way
  const timeline = page.getByRole('region', { name: t('strategy.timeline.title') });
  await timeline.getByLabel(t('strategy.timeline.milestoneTitle')).fill(fair);
  await timeline.getByLabel(t('strategy.timeline.date')).fill('2027-05-10');
  await timeline.getByRole('button', { name: t('strategy.timeline.addSubmit') }).click();
  await expect(page.getByText(t('strategy.notices.milestoneAdded'))).toBeVisible();
  await timeline.getByRole('link', { name: t('strategy.timeline.edit', { title: fair }) }).click();
  await expect(
    timeline.getByRole('heading', { name: t('strategy.timeline.editTitle', { title: fair }) }),
  ).toBeVisible();
  await timeline.getByLabel(t('strategy.timeline.milestoneTitle')).fill(`${fair} Berlin`);
  await timeline.getByRole('button', { name: t('strategy.timeline.save') }).click();
  await expect(page.getByText(t('strategy.notices.milestoneSaved'))).toBeVisible();
  await expect(timeline.getByText(`${fair} Berlin`, { exact: true })).toBeVisible();
  await expect(timeline.getByText(fair, { exact: true })).toHaveCount(0);

  // the calendar's planning aids lead to the strategy's aids
  await page.goto('/calendar');
  await page.locator('details.planning-aids > summary').click();
  await page
    .getByRole('navigation', { name: t('strategy.aids.title') })
    .getByRole('link', { name: t('strategy.aids.mix') })
    .click();
  await expect(
    page.getByRole('heading', { name: t('strategy.mix.title', { weeks: 6 }) }),
  ).toBeVisible();
});
