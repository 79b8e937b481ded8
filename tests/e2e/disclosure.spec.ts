import ICAL from 'ical.js';
import { expect, logInAs, test } from './fixtures';

test('an editor sees why a piece is blocked, and it stays out of the feed and the export', async ({
  page,
  request,
  t,
}) => {
  await logInAs(page, t, 'editor');
  await page.goto('/calendar?view=agenda');
  await page.getByRole('link', { name: /Klarblick Podcast #12/ }).click();
  const panel = page.getByRole('region', { name: t('disclosure.blockedPiece') });
  await expect(panel).toContainText('Projekt Falke (unreleased product)');
  await expect(panel.locator('mark')).toHaveText('Projekt Falke');
  await expect(
    page.getByRole('button', {
      name: t('calendar.moveTo', { status: t('status.piece.scheduled') }),
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
