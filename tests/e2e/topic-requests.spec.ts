import type { Page } from '@playwright/test';
import { expect, logInAs, test, type T } from './fixtures';

/**
 * A topic request's life: an editor asks the demo expert's department (Optometrie) for a topic
 * a need lacks, the expert is notified, sees the request on the dashboard and submits a topic
 * for it; once the editor accepts that topic, the need's page shows the request as answered and
 * the expert's dashboard no longer lists it. A request no longer needed is withdrawn.
 */

/** An editor creates an audience with a need nothing serves yet, and opens the need's page. */
async function needWithGap(page: Page, t: T, audience: string, need: string) {
  await page.getByRole('link', { name: t('nav.audiences'), exact: true }).click();
  await page.getByRole('link', { name: t('audiences.new') }).click();
  await page.getByLabel(t('audiences.form.name')).fill(audience);
  await page.getByRole('button', { name: t('audiences.form.create') }).click();
  await expect(page.getByRole('status')).toHaveText(t('audiences.created'));
  await page.getByRole('link', { name: t('needs.new') }).click();
  await page.getByLabel(t('needs.form.text')).fill(need);
  await page.getByLabel(t('needs.form.language')).selectOption('de');
  await page.getByRole('button', { name: t('needs.form.create') }).click();
  await expect(page.getByRole('status')).toHaveText(t('needs.created'));
  await page.getByRole('link', { name: t('needs.seeSuggestions') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(need);
}

/** Asks the Optometrie experts on the need's page. */
async function ask(page: Page, t: T, text: string) {
  const gap = page.getByRole('region', { name: t('gaps.title') });
  await gap.getByLabel(t('topicRequests.form.department')).selectOption('Optometrie');
  await gap.getByLabel(t('topicRequests.form.text')).fill(text);
  await gap.getByRole('button', { name: t('topicRequests.form.submit') }).click();
  await expect(page.getByRole('status')).toContainText(t('matches.done.asked'));
}

test('an editor asks an expert, the expert answers, accepting the answer closes the request', async ({
  browser,
  page,
  t,
  lang,
  locale,
}) => {
  const need = `Wie schützt man Kontaktlinsen beim Regattasegeln vor Gischt? (${lang})`;
  const request = `Linsenpflege auf der Regattayacht bei Gischt (${lang})`;
  const spare = `Regatta: Ersatzlinsen an Bord, brauchen wir das? (${lang})`;
  const title = `Kontaktlinsen vor Gischt schützen (${lang})`;

  await logInAs(page, t, 'editor');
  await needWithGap(page, t, `Regattateam ${lang}`, need);
  const needPage = page.url();
  await ask(page, t, request);
  await ask(page, t, spare);
  const open = page.getByRole('region', { name: t('topicRequests.openForNeed') });
  await expect(open).toContainText(request);
  await expect(open).toContainText(spare);

  // a request no longer needed is withdrawn and leaves the list
  await open
    .getByRole('button', { name: t('topicRequests.withdrawNamed', { text: spare }) })
    .click();
  await expect(page.getByRole('status')).toHaveText(t('matches.done.withdrawn'));
  await expect(open).not.toContainText(spare);
  await expect(open).toContainText(request);

  // the demo expert works in Optometrie: notified, and the request is on the dashboard
  const expertContext = await browser.newContext({ locale });
  const expert = await expertContext.newPage();
  await logInAs(expert, t, 'expert');
  await expert.goto('/notifications');
  const note = expert.getByRole('row').filter({ hasText: request });
  await expect(note).toContainText(t('notifications.events.topic.requested'));
  await expect(expert.getByRole('row').filter({ hasText: spare })).toContainText(
    t('notifications.events.topic.requested'),
  );
  await expert.goto('/');
  const requests = expert.getByRole('region', { name: t('dashboard.expert.topicRequests') });
  await expect(requests).toContainText(request);
  await expect(requests).not.toContainText(spare);

  // submitting a topic for it: the form says which request it answers
  await requests
    .getByRole('link', { name: t('dashboard.expert.answerRequestNamed', { text: request }) })
    .click();
  const answering = expert.getByRole('region', { name: t('topicRequests.answer.title') });
  await expect(answering).toContainText(request);
  await expect(answering).toContainText(need);
  await expect(expert.getByLabel(t('knowledge.form.department'))).toHaveValue('Optometrie');
  await expert.getByLabel(t('knowledge.form.title')).fill(title);
  await expert
    .getByLabel(t('knowledge.form.summary'))
    .fill(
      'Gischt trocknet Salz auf die Linse: mit Süßwasser spülen, Ersatzlinsen wasserdicht lagern.',
    );
  await expert.getByRole('button', { name: t('knowledge.form.submit') }).click();
  await expect(expert.getByRole('status')).toHaveText(t('knowledge.done.submitted'));
  const itemPage = expert.url().replace(/\?.*$/, '');
  // the item's page says which request it answers, still open
  const answers = expert.getByRole('region', { name: t('topicRequests.answer.title') });
  await expect(answers).toContainText(request);
  await expect(answers).toContainText(need);
  await expect(answers).toContainText(t('topicRequests.answer.states.open'));

  // the editor accepts the topic: the request is answered
  await page.goto(itemPage);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: t('knowledge.review.accept') }).click();
  await expect(page.getByRole('status')).toHaveText(t('knowledge.done.accept'));
  const answeredHere = page.getByRole('region', { name: t('topicRequests.answer.title') });
  await expect(answeredHere).toContainText(t('topicRequests.answer.states.answered'));
  // editors reach the need from the item
  await expect(answeredHere.getByRole('link', { name: need })).toHaveAttribute(
    'href',
    new URL(needPage).pathname,
  );
  await page.goto(needPage);
  const answered = page.getByRole('region', { name: t('topicRequests.answeredForNeed') });
  await expect(answered).toContainText(request);
  await answered.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.goto(needPage);
  await expect(page.getByRole('region', { name: t('topicRequests.openForNeed') })).toHaveCount(0);

  // and gone from the expert's dashboard
  await expert.goto('/');
  await expect(
    expert.getByRole('region', { name: t('dashboard.expert.topicRequests') }),
  ).not.toContainText(request);
  await expertContext.close();
});
