import { exclusively } from './exclusive';
import { expect, logInAs, test } from './fixtures';

test('the glossary shows a concept whose terms mean different things until an editor fixes it', async ({
  page,
  t,
}) => {
  await logInAs(page, t, 'editor');
  // both browser languages work on the same concept, one after the other: what the glossary
  // flags is the whole workspace's
  await exclusively('glossary-health', async () => {
    await page.goto('/glossary');
    const toCheck = page.getByRole('region', { name: t('glossary.health.title') });
    await expect(toCheck).toBeVisible();
    // the demo's own glossary is sound: no concept's terms are used in different contexts
    await expect(toCheck.getByText(t('glossary.health.contexts'))).toHaveCount(0);

    // a company concept that makes care products mean the same as an analysis
    await page
      .getByRole('link', { name: t('glossary.new') })
      .first()
      .click();
    await page.getByLabel(t('glossary.form.de')).fill('Pflegemittel\nPflegeprodukte\nAuswertung');
    await page.getByRole('button', { name: t('glossary.form.create') }).click();
    await expect(page.getByRole('status')).toHaveText(t('glossary.created'));
    // its own page says at once what is wrong with it
    const callout = page.getByRole('region', { name: t('glossary.health.conceptTitle') });
    await expect(callout).toContainText(t('glossary.health.contexts'));
    await expect(callout).toContainText('Auswertung');

    // the glossary lists it under the concepts to check, with the evidence
    await page.getByRole('link', { name: t('glossary.back') }).click();
    const flagged = toCheck.getByRole('article', { name: /Pflegemittel/ });
    await expect(flagged).toBeVisible();
    await expect(flagged).toContainText(t('glossary.health.contexts'));
    // "“Pflegemittel” (in 3 texts) is used with …; “Auswertung” (in 4 texts) with …"
    const pair = t('glossary.health.contextPair', {
      first: 'Pflegemittel',
      firstCount: 3,
      firstWords: '\u0000',
      second: 'Auswertung',
      secondCount: 4,
      secondWords: '\u0000',
    })
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replaceAll('\u0000', '.+');
    await expect(flagged).toContainText(new RegExp(pair));
    // and marks its row in the table, in words
    await expect(page.getByRole('row', { name: /^Pflegemittel/ })).toContainText(
      t('glossary.health.rowFlag'),
    );

    // the editor opens it from there and takes the wrong term out
    await flagged
      .getByRole('link', { name: t('glossary.health.edit', { name: 'Pflegemittel' }) })
      .click();
    await page.getByLabel(t('glossary.form.de')).fill('Pflegemittel\nPflegeprodukte');
    await page.getByRole('button', { name: t('glossary.form.save') }).click();
    await expect(page.getByRole('status')).toHaveText(t('glossary.saved'));
    await expect(callout).toHaveCount(0);
    await page.getByRole('link', { name: t('glossary.back') }).click();
    await expect(toCheck).toBeVisible();
    await expect(toCheck.getByRole('article', { name: /Pflegemittel/ })).toHaveCount(0);
    await expect(toCheck.getByText(t('glossary.health.contexts'))).toHaveCount(0);
    await expect(page.getByRole('row', { name: /^Pflegemittel/ })).not.toContainText(
      t('glossary.health.rowFlag'),
    );

    // the concept goes again, so the other language starts from the demo's glossary
    await page
      .getByRole('link', { name: t('glossary.editNamed', { name: 'Pflegemittel' }) })
      .click();
    await page.getByLabel(t('glossary.deleteConfirm')).check();
    await page.getByRole('button', { name: t('glossary.delete') }).click();
    await expect(page.getByRole('status')).toContainText('Pflegemittel');
  });
});

test('a new concept can start from a term handed in the address', async ({ page, t }) => {
  await logInAs(page, t, 'editor');
  await page.goto('/glossary/new?term=Linsenetui&lang=de');
  await expect(page.getByLabel(t('glossary.form.de'))).toHaveValue('Linsenetui');
  await expect(page.getByLabel(t('glossary.form.en'))).toHaveValue('');
  await page.goto('/glossary/new?term=lens%20case&lang=en');
  await expect(page.getByLabel(t('glossary.form.en'))).toHaveValue('lens case');
  await expect(page.getByLabel(t('glossary.form.de'))).toHaveValue('');
  // what is no term is left out
  await page.goto(`/glossary/new?term=${'x'.repeat(120)}`);
  await expect(page.getByLabel(t('glossary.form.de'))).toHaveValue('');
});
