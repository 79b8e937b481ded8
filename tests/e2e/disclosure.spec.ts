import ICAL from 'ical.js';
import { expect, logInAs, test } from './fixtures';

test('an editor sees why a piece is blocked, and it stays out of the feed and the export', async ({
  page,
  request,
  t,
}) => {
  await logInAs(page, t, 'editor');
  await page.goto('/calendar?view=agenda');
  // the calendar marks it as withheld from the feed and the exports, and names the rule
  const row = page.getByRole('row').filter({ hasText: 'Klarblick Podcast #12' });
  await expect(row).toContainText(t('calendar.withheld.label'));
  await expect(row).toContainText(
    t('calendar.withheld.reason', { rules: 'Projekt Falke (unreleased product)' }),
  );
  await expect(
    page.getByRole('row').filter({ hasText: 'Die fünf häufigsten Pflegefehler' }),
  ).not.toContainText(t('calendar.withheld.label'));
  // and says beside the export how many of the view's pieces are left out
  const note = page.getByRole('note');
  await expect(note).toContainText(/\d|One|Ein/);
  await expect(
    page.getByRole('link', { name: t('calendar.exportCsv') }),
  ).toHaveAccessibleDescription((await note.textContent())!.trim());
  // the month view marks it too: a short mark, the reason as a tooltip and for screen readers
  await page.goto('/calendar');
  const chip = page.getByRole('link', { name: /Klarblick Podcast #12/ });
  if (!(await chip.isVisible())) await page.getByRole('link', { name: t('calendar.next') }).click();
  await expect(chip).toContainText(t('calendar.withheld.short'));
  const reason = `${t('calendar.withheld.label')}. ${t('calendar.withheld.reason', { rules: 'Projekt Falke (unreleased product)' })}`;
  await expect(chip.locator('[title]')).toHaveAttribute('title', reason);
  await expect(chip).toHaveAccessibleName(new RegExp(reason.replace(/[.()]/g, '\\$&')));
  await page.goto('/calendar?view=agenda');
  await page.getByRole('link', { name: /Klarblick Podcast #12/ }).click();
  const panel = page.getByRole('region', { name: t('disclosure.blockedPiece') });
  await expect(panel).toContainText('Projekt Falke (unreleased product)');
  await expect(panel.locator('mark')).toHaveText('Projekt Falke');
  await expect(
    page.getByRole('button', {
      name: t('calendar.moveTo', { status: t('status.piece.approved') }),
    }),
  ).toBeDisabled();

  const feed = await page.goto('/calendar').then(() =>
    page
      .getByRole('region', { name: t('calendar.feed.title') })
      .getByRole('link')
      .getAttribute('href'),
  );
  const events = new ICAL.Component(
    ICAL.parse(await (await request.get(feed!)).text()),
  ).getAllSubcomponents('vevent');
  const titles = events.map((e) => String(e.getFirstPropertyValue('summary')));
  expect(titles.some((s) => s.includes('Klarblick Podcast #12'))).toBe(false);
  expect(titles.some((s) => s.includes('Die fünf häufigsten Pflegefehler'))).toBe(true);

  const csv = await (await page.request.get('/calendar/export?view=agenda')).text();
  expect(csv).not.toContain('Klarblick Podcast #12');
  expect(csv).toContain('Die fünf häufigsten Pflegefehler');

  // the print view covers the same range as the CSV and leaves the same piece out
  await page.goto('/calendar?view=agenda');
  await page.getByRole('link', { name: t('calendar.printView.open') }).click();
  const printed = page.getByRole('table');
  await expect(printed).toContainText('Die fünf häufigsten Pflegefehler');
  await expect(printed).not.toContainText('Klarblick Podcast #12');
  // and says that something was left out (how many depends on the demo's other pieces)
  await expect(page.getByRole('note')).toContainText(/\d|One|Ein/);
});

test('an expert is warned about passages that may not be published, without being stopped', async ({
  page,
  t,
}) => {
  await logInAs(page, t, 'editor');
  await page.goto('/knowledge?q=Regionale');
  await page.getByRole('link', { name: /Regionale Unterschiede/ }).click();
  const note = page.getByRole('region', { name: t('disclosure.blockedKnowledge') });
  await expect(note.locator('mark')).toHaveText('Umsatz');
  await expect(page.getByRole('button', { name: t('knowledge.review.accept') })).toBeEnabled();
});

test('management adds a rule that blocks a scheduled piece; the editor sees why, asks for an exemption, management grants it', async ({
  page,
  browser,
  request,
  t,
  lang,
  locale,
}) => {
  const word = `Zanderwerk${lang}`;
  const title = `Ausblick auf das ${word}`;
  const day = lang === 'de' ? '2027-09-20' : '2027-08-20';
  // the editor plans and schedules a piece
  await logInAs(page, t, 'editor');
  await page.goto(`/calendar/new?date=${day}`);
  await page.getByLabel(t('calendar.form.title')).fill(title);
  await page.getByRole('button', { name: t('calendar.form.create') }).click();
  for (const status of ['in_production', 'in_review', 'approved', 'scheduled']) {
    await page
      .getByRole('button', { name: t('calendar.moveTo', { status: t(`status.piece.${status}`) }) })
      .click();
    await expect(page.getByRole('status')).toHaveText(t('calendar.done.status'));
  }
  const pieceUrl = page.url().replace(/\?.*$/, '');
  const feedUrl = async () => {
    await page.goto('/calendar');
    return page
      .getByRole('region', { name: t('calendar.feed.title') })
      .getByRole('link')
      .getAttribute('href');
  };
  const feedHas = async () => {
    const text = await (await request.get((await feedUrl())!)).text();
    return new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents('vevent')
      .some((e) => String(e.getFirstPropertyValue('summary')).includes(word));
  };
  const csvHas = async () =>
    (await (await page.request.get(`/calendar/export?view=agenda&date=${day}`)).text()).includes(
      word,
    );
  expect(await feedHas()).toBe(true);
  expect(await csvHas()).toBe(true);

  // management adds a rule; its own examples are checked before it may be active
  const mgmtContext = await browser.newContext({ locale });
  const mgmt = await mgmtContext.newPage();
  await logInAs(mgmt, t, 'management');
  await mgmt.goto('/rules/new');
  await mgmt.getByLabel(t('rules.form.key')).fill(`R-E2E-${lang.toUpperCase()}`);
  await mgmt.getByLabel(t('rules.form.name')).fill(`Unreleased plant ${lang}`);
  await mgmt.getByLabel(t('rules.form.patterns')).fill(word);
  await mgmt.getByLabel(t('rules.form.message')).fill('The plant is not announced yet.');
  await mgmt.getByLabel(t('rules.form.examplesMatch')).fill(`Das ${word} kommt`);
  await mgmt.getByLabel(t('rules.form.examplesNoMatch')).fill(word);
  await mgmt.getByRole('button', { name: t('rules.form.create') }).click();
  await expect(mgmt.getByRole('alert')).toContainText(t('rules.problems.examplesFail'));
  await mgmt.getByLabel(t('rules.form.examplesNoMatch')).fill('Zander am Haken');
  await mgmt.getByRole('button', { name: t('rules.form.create') }).click();
  await expect(mgmt.getByRole('status')).toBeVisible();

  // the piece went back to review; the editor sees why, and it left the feed and the export
  await page.goto(pieceUrl);
  await expect(page.getByText(t('status.piece.in_review')).first()).toBeVisible();
  const panel = page.getByRole('region', { name: t('disclosure.blockedPiece') });
  await expect(panel).toContainText(`Unreleased plant ${lang}`);
  await expect(panel).toContainText('The plant is not announced yet.');
  await expect(
    page.getByRole('button', {
      name: t('calendar.moveTo', { status: t('status.piece.approved') }),
    }),
  ).toBeDisabled();
  expect(await feedHas()).toBe(false);
  expect(await csvHas()).toBe(false);

  // an exemption, asked for and granted
  await page.goto(pieceUrl);
  await page
    .getByLabel(t('rules.exemptions.reason'))
    .fill('Announced at the press conference this morning.');
  await page.getByRole('button', { name: t('rules.exemptions.submit') }).click();
  await expect(page.getByRole('status')).toHaveText(t('calendar.done.exemptionRequested'));
  await mgmt.goto('/rules');
  await mgmt.getByRole('button', { name: t('rules.exemptions.grantFor', { title }) }).click();
  await expect(
    mgmt.getByRole('status').filter({ hasText: t('rules.exemptions.done') }),
  ).toBeVisible();

  await page.goto(pieceUrl);
  await expect(page.getByText(t('disclosure.exempted')).first()).toBeVisible();
  await page
    .getByRole('button', { name: t('calendar.moveTo', { status: t('status.piece.approved') }) })
    .click();
  await expect(page.getByRole('status')).toHaveText(t('calendar.done.status'));
  expect(await feedHas()).toBe(true);
  expect(await csvHas()).toBe(true);
  await mgmtContext.close();
});
