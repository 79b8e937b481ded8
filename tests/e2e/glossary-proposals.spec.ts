import { expect, logInAs, test } from './fixtures';

// the demo's accepted suggestions propose two entries, a new concept and a new term for a built-in
// concept; each browser language confirms its own
const PROPOSALS = {
  en: {
    pair: 'Hornhaut = cornea',
    extends: null,
    need: 'Wie formt eine Nachtlinse die Hornhaut um, und wem hilft das?',
    item: 'Orthokeratology: lenses you wear only at night',
    de: /Hornhaut/,
    en: /cornea/,
  },
  de: {
    pair: 'Sehstärke = prescription',
    extends: { terms: '“Sehstärke”', concept: 'Rezept' },
    need: 'Wo finde ich meine Sehstärke, wenn ich neue Linsen bestellen will?',
    item: 'Reading the lens box: every symbol and abbreviation explained',
    de: /Sehstärke/,
    en: /prescription/,
  },
} as const;

test('an editor confirms a glossary entry that accepted suggestions propose, after reading why', async ({
  page,
  t,
  lang,
}) => {
  const expected = PROPOSALS[lang as keyof typeof PROPOSALS];
  await logInAs(page, t, 'editor');
  await page.goto('/matches');
  await page.getByRole('link', { name: t('glossary.title') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('glossary.title') })).toBeVisible();

  const proposals = page.getByRole('region', { name: t('glossary.proposals.title') });
  const proposal = proposals.getByRole('article', {
    name: t('glossary.proposals.named', { pair: expected.pair }),
  });
  await expect(proposal).toContainText(t('glossary.proposals.kind.translation'));
  if (expected.extends) {
    await expect(proposal).toContainText(
      t('glossary.proposals.extends', { terms: expected.extends.terms }),
    );
    await expect(proposal.getByRole('link', { name: expected.extends.concept })).toBeVisible();
  } else {
    await expect(proposal).toContainText(t('glossary.proposals.creates'));
  }

  // the evidence: the needs and the items accepted for them, behind a disclosure
  const need = proposal.getByRole('link', { name: expected.need });
  await expect(need).toBeHidden();
  await proposal.locator('summary').click();
  await expect(need).toBeVisible();
  await expect(proposal.getByRole('link', { name: expected.item })).toBeVisible();

  await proposal
    .getByRole('button', { name: t('glossary.proposals.confirmNamed', { pair: expected.pair }) })
    .click();
  await expect(page.getByRole('status')).toContainText(t('glossary.proposals.confirmed'));
  // decided: the proposal is gone from the list
  await expect(proposal).toHaveCount(0);

  // the concept holds both terms, each in its language
  await page.getByRole('link', { name: t('glossary.proposals.openConfirmed') }).click();
  await expect(page.getByLabel(t('glossary.form.de'))).toHaveValue(expected.de);
  await expect(page.getByLabel(t('glossary.form.en'))).toHaveValue(expected.en);
});

test('proposals are for editors: management reads the glossary without them', async ({
  page,
  t,
}) => {
  await logInAs(page, t, 'management');
  await page.goto('/glossary');
  await expect(page.getByRole('heading', { level: 1, name: t('glossary.title') })).toBeVisible();
  await expect(page.getByRole('region', { name: t('glossary.proposals.title') })).toHaveCount(0);
});
