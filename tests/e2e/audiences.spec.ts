import { expect, logInAs, test } from './fixtures';

test('an editor adds an audience and a need in company words, and a glossary concept connects it to a study', async ({
  page,
  t,
  lang,
}) => {
  // a word only this company uses; each browser language has its own
  const jargon = lang === 'de' ? 'Zorbulak' : 'Quendrix';
  const audienceName = `Schulsport ${lang}`;
  await logInAs(page, t, 'editor');
  await page.getByRole('link', { name: t('nav.audiences'), exact: true }).click();
  await page.getByRole('link', { name: t('audiences.new') }).click();

  // nothing is saved without a name
  await page.getByRole('button', { name: t('audiences.form.create') }).click();
  await expect(page.getByText(t('validation.required'))).toBeVisible();
  await page.getByLabel(t('audiences.form.name')).fill(audienceName);
  await page.getByLabel(t('audiences.form.description')).fill('Sportlehrkräfte an Schulen');
  await page.getByRole('button', { name: t('audiences.form.create') }).click();
  await expect(page.getByRole('status')).toHaveText(t('audiences.created'));
  await expect(page.getByRole('heading', { level: 1, name: audienceName })).toBeVisible();

  // a need, in the words the audience uses
  await page.getByRole('link', { name: t('needs.new') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('needs.new') })).toBeVisible();
  // the audience it was opened from is chosen already
  await expect(page.getByLabel(t('needs.form.audience'), { exact: true })).toHaveValue(/.+/);
  await page.getByLabel(t('needs.form.text')).fill(`${jargon}?`);
  await page.getByLabel(t('needs.form.language')).selectOption('de');
  await page.getByRole('button', { name: t('needs.form.create') }).click();
  await expect(page.getByRole('status')).toHaveText(t('needs.created'));

  // nothing in the inventory speaks of it yet
  await page.getByRole('link', { name: t('needs.seeSuggestions') }).click();
  await expect(page.getByText(t('matches.noSuggestions'))).toBeVisible();

  // the glossary says what the word means; a concept of one term alone is refused
  await page.goto('/matches');
  await page.getByRole('link', { name: t('glossary.title') }).click();
  await page.getByRole('link', { name: t('glossary.new') }).click();
  await page.getByLabel(t('glossary.form.de')).fill(jargon);
  await page.getByRole('button', { name: t('glossary.form.create') }).click();
  await expect(page.getByText(t('glossary.form.twoTerms'))).toBeVisible();
  await page.getByLabel(t('glossary.form.en')).fill('silicone hydrogel');
  await page.getByRole('button', { name: t('glossary.form.create') }).click();
  await expect(page.getByRole('status')).toHaveText(t('glossary.created'));

  // it is listed, found by its company term
  await page.getByRole('link', { name: t('glossary.back') }).click();
  await page.getByLabel(t('glossary.search')).fill(jargon.toLowerCase());
  await page.getByRole('button', { name: t('glossary.apply') }).click();
  await expect(
    page.getByRole('link', { name: t('glossary.editNamed', { name: jargon }) }),
  ).toBeVisible();

  // and now the need finds the English study, with the concept as the reason
  await page.goto('/audiences');
  await page.getByRole('link', { name: audienceName, exact: true }).click();
  await page.getByRole('link', { name: t('needs.suggestionsFor', { need: `${jargon}?` }) }).click();
  const suggestion = page
    .locator('ol.suggestions > li')
    .filter({ hasText: /Silicone hydrogel explained/ });
  await expect(suggestion.first()).toBeVisible();
  await expect(suggestion.first().locator('ul.reasons')).toContainText(jargon.toLowerCase());
});
