import { expect, logInAs, test } from './fixtures';

test('an editor sees explained suggestions for a need, accepts one, and finds the idea in the backlog', async ({
  page,
  t,
  lang,
}) => {
  // each browser language works on its own need
  const need =
    lang === 'de' ? /farbige Kontaktlinsen für Halloween/ : /mit Kontaktlinsen einschläft/;
  await logInAs(page, t, 'editor');
  await page.getByRole('link', { name: t('nav.matches'), exact: true }).click();
  await page.getByRole('link', { name: need }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(need);

  const first = page
    .locator('ol.suggestions > li')
    .filter({ has: page.getByRole('button', { name: t('matches.accept') }) })
    .first();
  await expect(first.getByText(t('matches.why'))).toBeVisible();
  await expect(first.locator('ul.reasons li').first()).toBeVisible();
  const title = (await first.getByRole('heading', { level: 3 }).textContent())!.trim();
  await first.getByRole('button', { name: t('matches.accept') }).click();
  await expect(page.getByRole('status')).toContainText(t('matches.done.accepted'));

  await page.goto('/calendar');
  const backlog = page.getByRole('complementary', { name: t('calendar.backlog') });
  await expect(
    backlog
      .getByRole('link', {
        name: new RegExp(title.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      })
      .first(),
  ).toBeVisible();
});

test('a dismissed suggestion is not suggested again', async ({ page, t, lang }) => {
  const need = lang === 'de' ? /Myopie-Management bei Kindern/ : /Real-world data on how people/;
  await logInAs(page, t, 'editor');
  await page.goto('/matches');
  await page.getByRole('link', { name: need }).first().click();
  const first = page
    .locator('ol.suggestions > li')
    .filter({ has: page.getByRole('button', { name: t('matches.dismiss') }) })
    .first();
  const title = (await first.getByRole('heading', { level: 3 }).textContent())!.trim();
  await first.getByRole('button', { name: t('matches.dismiss') }).click();
  await expect(page.getByRole('status')).toContainText(t('matches.done.dismissed'));
  await expect(page.locator('ol.suggestions h3', { hasText: title })).toHaveCount(0);
});

test('a knowledge item shows the audience needs it could serve, and why', async ({ page, t }) => {
  await logInAs(page, t, 'editor');
  await page.goto('/knowledge?q=Silicone+hydrogel');
  await page.getByRole('link', { name: /Silicone hydrogel explained/ }).click();
  const section = page.getByRole('region', { name: t('matches.couldServe') });
  await expect(section.getByRole('listitem').first()).toBeVisible();
  await expect(section.locator('ul.reasons li').first()).toBeVisible();
  // each need leads to its suggestions
  await section.getByRole('link').first().click();
  await expect(
    page.getByRole('heading', { level: 2, name: t('matches.suggestions') }),
  ).toBeVisible();
});

test('an accepted suggestion ranks first for a similar new need, with the reason', async ({
  page,
  t,
  lang,
}) => {
  // two needs of the same question, in the words of each browser language
  const [first, similar] =
    lang === 'de'
      ? [
          'Welche Kontaktlinsenpflege packe ich für einen Langstreckenflug ein?',
          'Kontaktlinsenpflege für einen Langstreckenflug packen',
        ]
      : [
          'Which contact lens care should I pack for a long flight?',
          'Packing contact lens care for a long flight abroad',
        ];
  await logInAs(page, t, 'editor');
  const createNeed = async (text: string) => {
    await page.goto('/needs/new');
    await page.getByLabel(t('needs.form.audience'), { exact: true }).selectOption({ index: 1 });
    await page.getByLabel(t('needs.form.text')).fill(text);
    await page.getByLabel(t('needs.form.language')).selectOption(lang);
    await page.getByRole('button', { name: t('needs.form.create') }).click();
    await expect(page.getByRole('status')).toHaveText(t('needs.created'));
    await page.getByRole('link', { name: t('needs.seeSuggestions') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text);
    return page.url();
  };
  const undecided = page
    .locator('ol.suggestions > li')
    .filter({ has: page.getByRole('button', { name: t('matches.accept') }) });
  const titles = () => page.locator('ol.suggestions > li h3').allTextContents();

  // the editor accepts the second suggestion for the first need
  await createNeed(first);
  const chosen = undecided.nth(1);
  const title = (await chosen.getByRole('heading', { level: 3 }).textContent())!.trim();
  await chosen.getByRole('button', { name: t('matches.accept') }).click();
  await expect(page.getByRole('status')).toContainText(t('matches.done.accepted'));
  // the need's own suggestions give no reason from itself
  await expect(
    page.getByText(t('matches.reason.feedback', { need: first }), { exact: true }),
  ).toHaveCount(0);

  // a similar need written afterwards gets that item first, and says why
  await createNeed(similar);
  expect((await titles()).map((x) => x.trim())[0]).toBe(title);
  const top = page.locator('ol.suggestions > li').first();
  await expect(
    top.locator('ul.reasons li', { hasText: t('matches.reason.feedback', { need: first }) }),
  ).toBeVisible();
});
