import { expect, logIn, logInAs, test } from './fixtures';

test('a need shows its strong suggestions first, a content gap its "why not", and an editor asks an expert', async ({
  page,
  t,
  lang,
}) => {
  const audienceName = `Segelclub ${lang}`;
  const needText = 'Wie reinige ich Kontaktlinsen nach dem Segeln im Meerwasser?';
  const request = `Kontaktlinsen auf dem Segelboot: Pflege mit Meerwasser (${lang})`;
  await logInAs(page, t, 'editor');
  await page.getByRole('link', { name: t('nav.audiences'), exact: true }).click();
  await page.getByRole('link', { name: t('audiences.new') }).click();
  await page.getByLabel(t('audiences.form.name')).fill(audienceName);
  await page.getByRole('button', { name: t('audiences.form.create') }).click();
  await expect(page.getByRole('status')).toHaveText(t('audiences.created'));
  await page.getByRole('link', { name: t('needs.new') }).click();
  await page.getByLabel(t('needs.form.text')).fill(needText);
  await page.getByLabel(t('needs.form.language')).selectOption('de');
  await page.getByRole('button', { name: t('needs.form.create') }).click();
  await expect(page.getByRole('status')).toHaveText(t('needs.created'));
  await page.getByRole('link', { name: t('needs.seeSuggestions') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(needText);

  // the strong suggestions come first; the weaker ones wait behind a disclosure
  const strong = page.locator('ol.suggestions').first().locator('> li');
  await expect(strong.first()).toBeVisible();
  const weaker = page.locator('details.weak-suggestions');
  await expect(weaker.locator('ol.suggestions > li').first()).toBeHidden();
  const summary = weaker.locator('summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(weaker.locator('ol.suggestions > li').first()).toBeVisible();
  // weak ones can be decided like the others
  await expect(
    weaker
      .locator('ol.suggestions > li')
      .first()
      .getByRole('button', { name: t('matches.dismiss') }),
  ).toBeVisible();

  // nothing serves the need yet: the nearest items and the words no item covers
  const gap = page.getByRole('region', { name: t('gaps.title') });
  await expect(gap.getByRole('heading', { name: t('gaps.nearest') })).toBeVisible();
  await expect(gap.locator('ul.missing-words')).toContainText('segeln');
  await expect(gap.locator('ul.missing-words')).toContainText('meerwasser');

  // asking the experts of a department: a request that says too little is refused
  await gap.getByLabel(t('topicRequests.form.department')).selectOption('Optometrie');
  await expect(gap.getByLabel(t('topicRequests.form.text'))).toHaveValue(/segeln/);
  await gap.getByLabel(t('topicRequests.form.text')).fill('Segeln');
  await gap.getByRole('button', { name: t('topicRequests.form.submit') }).click();
  await expect(gap.getByText(t('topicRequests.form.textTooShort'))).toBeVisible();
  await gap.getByLabel(t('topicRequests.form.text')).fill(request);
  await gap.getByRole('button', { name: t('topicRequests.form.submit') }).click();
  await expect(page.getByRole('status')).toContainText(t('matches.done.asked'));
  // the form starts afresh for the next request
  await expect(gap.getByLabel(t('topicRequests.form.text'))).toHaveValue(/segeln/);
  await expect(page.getByRole('region', { name: t('topicRequests.openForNeed') })).toContainText(
    request,
  );

  // the department's expert sees it on the dashboard
  await page.context().clearCookies();
  await logIn(page, t, 'expert@demo.lotse');
  await expect(
    page.getByRole('region', { name: t('dashboard.expert.topicRequests') }),
  ).toContainText(request);
});
