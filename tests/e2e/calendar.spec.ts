import ICAL from 'ical.js';
import { expect, logInAs, test, type T } from './fixtures';
import type { Page } from '@playwright/test';

// each browser language works in its own month, so the two runs never meet
const monthOf = (lang: string) => (lang === 'de' ? '2027-07' : '2027-06');

async function createPiece(
  page: Page,
  t: T,
  {
    channel,
    title,
    date,
    extra,
  }: { channel: string; title: string; date: string; extra?: () => Promise<void> },
) {
  await page.goto(`/calendar/new?date=${date}`);
  await page.getByLabel(t('calendar.form.channel')).selectOption(channel);
  await page.getByLabel(t('calendar.form.title')).fill(title);
  if (extra) await extra();
  await page.getByRole('button', { name: t('calendar.form.create') }).click();
  await expect(page.getByRole('status')).toHaveText(t('calendar.done.created'));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

function dayCell(page: Page, date: string) {
  return page.locator(`td[data-day="${date}"]`);
}

test('an editor creates a piece on each channel with the fields it needs', async ({
  page,
  t,
  lang,
}) => {
  const m = monthOf(lang);
  await logInAs(page, t, 'editor');
  await page.goto(`/calendar/new?date=${m}-01`);
  await page.getByLabel(t('calendar.form.title')).fill(`Blog ${lang}: Linsen im Winter`);
  await page.getByLabel(t('calendar.form.slug')).fill('Not A Slug');
  await page.getByRole('button', { name: t('calendar.form.create') }).click();
  // a bad slug is refused next to its field; fixed, the piece is created
  await expect(page.getByText(t('calendar.form.badSlug'))).toBeVisible();
  await page.getByLabel(t('calendar.form.slug')).fill(`linsen-im-winter-${lang}`);
  await page.getByRole('button', { name: t('calendar.form.create') }).click();
  await expect(page.getByRole('status')).toHaveText(t('calendar.done.created'));

  await createPiece(page, t, {
    channel: 'podcast',
    title: `Podcast ${lang}: Trockene Augen`,
    date: `${m}-02`,
    extra: async () => {
      await page.getByLabel(t('calendar.form.episodeNumber')).fill('42');
      await page.getByLabel(t('calendar.form.guests')).fill('Dr. Lena Hoffmann, Tobias Krüger');
      await page.getByLabel(t('calendar.form.duration')).fill('35');
    },
  });
  await createPiece(page, t, {
    channel: 'whitepaper',
    title: `Whitepaper ${lang}: Tragegewohnheiten`,
    date: `${m}-03`,
    extra: async () => {
      await page.getByLabel(t('calendar.form.gated')).selectOption('yes');
      await page.getByLabel(t('calendar.form.pages')).fill('16');
    },
  });
  await createPiece(page, t, {
    channel: 'webinar',
    title: `Webinar ${lang}: Myopie-Management`,
    date: `${m}-04`,
    extra: async () => {
      await page.getByLabel(t('calendar.form.publishAt')).fill('');
      await page.getByLabel(t('calendar.form.start')).fill(`${m}-04T16:00`);
      await page.getByLabel(t('calendar.form.end')).fill(`${m}-04T15:00`);
      await page.getByRole('button', { name: t('calendar.form.create') }).click();
      await expect(page.getByText(t('calendar.form.endBeforeStart'))).toBeVisible();
      await page.getByLabel(t('calendar.form.end')).fill(`${m}-04T17:00`);
      await page.getByLabel(t('calendar.form.speakers')).fill('Dr. Ines Carvalho');
      await page
        .getByLabel(t('calendar.form.registrationUrl'))
        .fill('https://example.org/register');
    },
  });
  // the webinar is published when it starts
  await expect(page.getByText(/16:00/).first()).toBeVisible();

  await page.goto(`/calendar?date=${m}-15`);
  for (const [day, name] of [
    ['01', `Blog ${lang}`],
    ['02', `Podcast ${lang}`],
    ['03', `Whitepaper ${lang}`],
    ['04', `Webinar ${lang}`],
  ] as const) {
    await expect(
      dayCell(page, `${m}-${day}`).getByRole('link', { name: new RegExp(name) }),
    ).toBeVisible();
  }
});

test('pieces move by drag and drop, by keyboard, and from the backlog', async ({
  page,
  t,
  lang,
}) => {
  const m = monthOf(lang);
  await logInAs(page, t, 'editor');
  await createPiece(page, t, { channel: 'blog', title: `Mover ${lang}`, date: `${m}-09` });
  await page.goto(`/calendar?date=${m}-15`);
  const chip = page.getByRole('link', { name: new RegExp(`Mover ${lang}`) });
  await expect(
    dayCell(page, `${m}-09`).getByRole('link', { name: new RegExp(`Mover ${lang}`) }),
  ).toBeVisible();

  // drag and drop onto the 16th
  await chip.dragTo(dayCell(page, `${m}-16`));
  await expect(
    dayCell(page, `${m}-16`).getByRole('link', { name: new RegExp(`Mover ${lang}`) }),
  ).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: t('calendar.moved') })).toBeVisible();

  // keyboard: Alt + arrow right moves it a day later
  await dayCell(page, `${m}-16`)
    .getByRole('link', { name: new RegExp(`Mover ${lang}`) })
    .focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(
    dayCell(page, `${m}-17`).getByRole('link', { name: new RegExp(`Mover ${lang}`) }),
  ).toBeVisible();

  // the time of day is kept
  await dayCell(page, `${m}-17`)
    .getByRole('link', { name: new RegExp(`Mover ${lang}`) })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Mover ${lang}`);
  await expect(page.getByText(/09:00/).first()).toBeVisible();

  // an idea from the backlog, scheduled with the form alternative
  await page.goto('/calendar/new');
  // the browser is told the years the calendar plans for (the server refuses others too)
  await expect(page.getByLabel(t('calendar.form.publishAt'))).toHaveAttribute(
    'max',
    '2999-12-31T23:59',
  );
  await page.getByLabel(t('calendar.form.title')).fill(`Idea ${lang}`);
  await page.getByRole('button', { name: t('calendar.form.create') }).click();
  await expect(page.getByText(t('calendar.unscheduled'))).toBeVisible();
  await page.goto(`/calendar?date=${m}-15`);
  const backlog = page.getByRole('complementary', { name: t('calendar.backlog') });
  // the backlog shows a page of ideas at a time: find this one by its title
  const filter = backlog.getByRole('search', { name: t('calendar.backlogFilter.label') });
  await filter.getByLabel(t('calendar.backlogFilter.field')).fill(`idea ${lang}`);
  await filter.getByRole('button', { name: t('calendar.backlogFilter.apply') }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]idea=idea(\\+|%20)${lang}`));
  await expect(page).toHaveURL(new RegExp(`[?&]date=${m}-15`));
  await expect(backlog.getByRole('listitem').filter({ hasText: `Idea ${lang}` })).toHaveCount(1);
  await expect(
    backlog.getByRole('listitem').filter({ hasNotText: new RegExp(`idea ${lang}`, 'i') }),
  ).toHaveCount(0);
  // the calendar's own navigation keeps the filter
  const nav = page.getByRole('navigation', { name: t('calendar.viewNav') });
  // (each step waits for the new month's address, so the next click is on the new page)
  const following = lang === 'de' ? '2027-08' : '2027-07';
  await nav.getByRole('link', { name: t('calendar.next'), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]date=${following}-15(&|$)`));
  await expect(page).toHaveURL(/[?&]idea=/);
  await expect(backlog.getByLabel(t('calendar.backlogFilter.field'))).toHaveValue(`idea ${lang}`);
  await nav.getByRole('link', { name: t('calendar.previous'), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]date=${m}-15(&|$)`));
  const scheduleOn = backlog.getByLabel(t('calendar.scheduleOn', { title: `Idea ${lang}` }));
  await expect(scheduleOn).toHaveAttribute('min', '1900-01-01');
  await scheduleOn.fill(`${m}-22`);
  await backlog
    .getByRole('listitem')
    .filter({ hasText: `Idea ${lang}` })
    .getByRole('button', { name: t('calendar.schedule') })
    .click();
  await expect(
    dayCell(page, `${m}-22`).getByRole('link', { name: new RegExp(`Idea ${lang}`) }),
  ).toBeVisible();
  await expect(backlog.getByRole('link', { name: new RegExp(`Idea ${lang}`) })).toHaveCount(0);
  await expect(
    backlog.getByText(t('calendar.backlogNoMatch', { search: `idea ${lang}` })),
  ).toBeVisible();
  await backlog.getByRole('link', { name: t('calendar.backlogFilter.clear') }).click();
  await expect(page).not.toHaveURL(/[?&]idea=/);
  await expect(backlog.getByLabel(t('calendar.backlogFilter.field'))).toHaveValue('');
});

test('two editors saving the same piece: the second gets a conflict message showing what changed', async ({
  page,
  browser,
  t,
  lang,
  locale,
}) => {
  const m = monthOf(lang);
  await logInAs(page, t, 'editor');
  await createPiece(page, t, { channel: 'blog', title: `Shared ${lang}`, date: `${m}-12` });
  const url = page.url();

  const otherContext = await browser.newContext({ locale });
  const other = await otherContext.newPage();
  await logInAs(other, t, 'editor');
  await other.goto(url);

  await page.getByLabel(t('calendar.form.title')).fill(`Shared ${lang} (first)`);
  await page.getByRole('button', { name: t('calendar.form.save') }).click();
  await expect(page.getByRole('status')).toHaveText(t('calendar.done.saved'));

  await other.getByLabel(t('calendar.form.brief')).fill('My brief');
  await other.getByRole('button', { name: t('calendar.form.save') }).click();
  const alert = other.getByRole('alert');
  await expect(alert).toContainText(t('calendar.problems.conflict'));
  await expect(alert).toContainText(`Shared ${lang} (first)`);
  await other.getByRole('link', { name: t('calendar.conflict.reload') }).click();
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(`Shared ${lang} (first)`);
  await otherContext.close();
});

test('the personal feed parses and holds the pieces the user may see', async ({
  page,
  request,
  t,
}) => {
  await logInAs(page, t, 'expert');
  await page.goto('/calendar');
  const feed = await page
    .getByRole('region', { name: t('calendar.feed.title') })
    .getByRole('link')
    .getAttribute('href');
  expect(feed).toMatch(/\/calendar\/feed\/[A-Za-z0-9_-]+\.ics$/);
  const response = await request.get(feed!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/calendar');
  const events = new ICAL.Component(ICAL.parse(await response.text())).getAllSubcomponents(
    'vevent',
  );
  const titles = events.map((e) => String(e.getFirstPropertyValue('summary')));
  // the expert's own pieces are there; a piece they do not work on is not
  expect(titles.some((s) => s.includes('Die fünf häufigsten Pflegefehler'))).toBe(true);
  expect(titles.some((s) => s.includes('Reading your lens box'))).toBe(false);
  // an expert can read the calendar but not plan it
  await expect(page.getByRole('link', { name: t('calendar.newPiece') })).toHaveCount(0);
  expect((await page.goto('/calendar/new'))?.status()).toBe(403);
});
