import { expect, logIn, logInAs, test, type T } from './fixtures';
import type { Page } from '@playwright/test';

async function openItem(page: Page, t: T, title: string) {
  await page.goto('/knowledge');
  await page.getByLabel(t('knowledge.filters.search')).fill(title);
  await page.getByRole('button', { name: t('knowledge.filters.apply') }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('an expert submits a topic, an editor requests changes, the expert revises, the editor accepts and finds it', async ({
  browser,
  page,
  t,
  lang,
  locale,
}) => {
  const title = `Kontaktlinsen im Winter (${lang})`;
  // the expert proposes a topic
  await logInAs(page, t, 'expert');
  await page.getByRole('link', { name: t('nav.knowledge'), exact: true }).click();
  await page.getByRole('link', { name: t('knowledge.new') }).click();
  // nothing is saved on invalid input
  await page.getByRole('button', { name: t('knowledge.form.submit') }).click();
  await expect(page.getByText(t('validation.required')).first()).toBeVisible();
  await page.getByLabel(t('knowledge.form.title')).fill(title);
  await page
    .getByLabel(t('knowledge.form.summary'))
    .fill(
      'Warum die Augen bei Kälte und Heizungsluft trockener werden und was Linsenträger dagegen tun können.',
    );
  // the language is suggested from the text
  await expect(
    page.getByText(t('knowledge.form.languageSuggested', { language: t('contentLanguages.de') })),
  ).toBeVisible();
  await expect(page.getByLabel(t('knowledge.form.language'))).toHaveValue('de');
  await page.getByLabel(t('knowledge.form.kind')).selectOption('expertise');
  const tagField = page.getByLabel(t('knowledge.form.tags'), { exact: true });
  await tagField.fill(`Winter-${lang}`);
  await tagField.press('Enter');
  await tagField.fill('trockenes auge');
  await tagField.press('Enter');
  await expect(
    page.getByRole('button', { name: t('knowledge.form.removeTag', { tag: `winter-${lang}` }) }),
  ).toBeVisible();
  await page.getByRole('button', { name: t('knowledge.form.submit') }).click();
  await expect(page.getByRole('status')).toHaveText(t('knowledge.done.submitted'));
  await expect(page.getByText(t('status.knowledge.submitted')).first()).toBeVisible();

  // the editor asks for changes
  const editorContext = await browser.newContext({ locale });
  const editor = await editorContext.newPage();
  await logInAs(editor, t, 'editor');
  await expect(
    editor
      .getByRole('region', { name: t('dashboard.editor.toReview') })
      .getByRole('link', { name: title }),
  ).toBeVisible();
  await openItem(editor, t, title);
  await editor.getByRole('button', { name: t('knowledge.review.request_changes') }).click();
  await expect(editor.getByText(t('knowledge.review.commentRequired'))).toBeVisible();
  await editor
    .getByLabel(t('knowledge.review.comment'))
    .fill('Bitte eine Quelle zur Luftfeuchtigkeit ergänzen.');
  await editor.getByRole('button', { name: t('knowledge.review.request_changes') }).click();
  await expect(editor.getByRole('status')).toHaveText(t('knowledge.done.request_changes'));

  // the expert sees it waiting, with the comment, and revises
  await page.goto('/');
  const waiting = page.getByRole('region', { name: t('dashboard.expert.waiting') });
  await waiting.getByRole('link', { name: title }).click();
  await expect(page.getByRole('note')).toContainText(
    'Bitte eine Quelle zur Luftfeuchtigkeit ergänzen.',
  );
  await page.getByRole('link', { name: t('knowledge.review.edit') }).click();
  await page.getByLabel(t('knowledge.form.links')).fill('https://example.org/luftfeuchtigkeit');
  await page.getByRole('button', { name: t('knowledge.form.submit') }).click();
  await expect(page.getByRole('status')).toHaveText(t('knowledge.done.submitted'));

  // the editor accepts and finds it through the filters
  await openItem(editor, t, title);
  await editor.getByRole('button', { name: t('knowledge.review.accept') }).click();
  await expect(editor.getByRole('status')).toHaveText(t('knowledge.done.accept'));
  await editor.goto('/knowledge');
  await editor
    .getByLabel(t('knowledge.columns.expert'))
    .selectOption({ label: 'Dr. Lena Hoffmann' });
  await expect(editor).toHaveURL(/expert=/);
  await editor.getByLabel(t('knowledge.columns.status')).selectOption('accepted');
  await expect(editor).toHaveURL(/status=accepted/);
  await editor.getByLabel(t('knowledge.filters.tag'), { exact: true }).fill(`winter-${lang}`);
  await editor.getByRole('button', { name: t('knowledge.filters.apply') }).click();
  await expect(editor.getByRole('row')).toHaveCount(2);
  await expect(editor.getByRole('row').nth(1)).toContainText(title);
  // the view survives a reload
  await editor.reload();
  await expect(editor.getByRole('row').nth(1)).toContainText(title);
  // the history shows every step
  await editor.getByRole('link', { name: title }).click();
  await expect(
    editor.getByRole('listitem').filter({ hasText: t('status.knowledge.changes_requested') }),
  ).toContainText('Bitte eine Quelle');
  await editorContext.close();
});

test('sorting, paging and hidden columns live in the URL', async ({ page, t }) => {
  await logInAs(page, t, 'editor');
  await page.goto('/knowledge');
  await expect(page.getByRole('columnheader').first()).toBeVisible();
  await page
    .getByRole('columnheader', { name: t('knowledge.columns.title') })
    .getByRole('button')
    .click();
  await expect(page).toHaveURL(/sort=title&dir=asc/);
  await expect(
    page.getByRole('columnheader', { name: t('knowledge.columns.title') }),
  ).toHaveAttribute('aria-sort', 'ascending');
  const first = await page.getByRole('row').nth(1).getByRole('link').first().textContent();
  await page
    .getByRole('columnheader', { name: t('knowledge.columns.title') })
    .getByRole('button')
    .click();
  await expect(page).toHaveURL(/sort=title&dir=desc/);
  await expect(page.getByRole('row').nth(1).getByRole('link').first()).not.toHaveText(first ?? '');
  await page.getByLabel(t('knowledge.table.pageSize')).selectOption('10');
  await expect(page.getByRole('row')).toHaveCount(11);
  await page.getByRole('link', { name: t('knowledge.table.next') }).click();
  await expect(page).toHaveURL(/page=2/);
  await page
    .locator('summary')
    .filter({ hasText: t('knowledge.table.columns') })
    .click();
  await page
    .getByRole('checkbox', {
      name: t('knowledge.table.showColumn', { column: t('knowledge.columns.department') }),
    })
    .uncheck();
  await expect(page).toHaveURL(/hide=department/);
  await expect(
    page.getByRole('columnheader', { name: t('knowledge.columns.department') }),
  ).toHaveCount(0);
});

test('an import with one bad row is refused with the row’s error and writes nothing', async ({
  page,
  t,
  lang,
}) => {
  await logInAs(page, t, 'editor');
  await page.goto('/knowledge/import');
  const rows = [
    {
      id: `imp-${lang}-1`,
      title: `Importiertes Thema A (${lang})`,
      description: 'Eine Analyse.',
      tags: ['import'],
      expert: 'Anna Schmid',
    },
    {
      id: `imp-${lang}-2`,
      title: `Imported topic B (${lang})`,
      description: 'A study.',
      tags: ['import'],
      kind: 'survey',
    },
  ];
  await page.getByLabel(t('knowledge.import.file')).setInputFiles({
    name: 'topics.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(rows)),
  });
  await page.getByRole('button', { name: t('knowledge.import.check') }).click();
  await expect(page.getByRole('alert')).toHaveText(t('knowledge.import.refused', { count: 1 }));
  await expect(page.getByRole('row', { name: new RegExp(`imp-${lang}-2`) })).toContainText(
    t('import.kind'),
  );
  await expect(page.getByRole('button', { name: /Import|importieren/ })).toHaveCount(0);
  await page.goto(`/knowledge?q=${encodeURIComponent(`Importiertes Thema A (${lang})`)}`);
  await expect(page.getByText(t('knowledge.empty'))).toBeVisible();

  // corrected, it goes in
  await page.goto('/knowledge/import');
  rows[1]!.kind = 'study';
  await page.getByLabel(t('knowledge.import.file')).setInputFiles({
    name: 'topics.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(rows)),
  });
  await page.getByRole('button', { name: t('knowledge.import.check') }).click();
  await expect(page.getByRole('status')).toHaveText(t('knowledge.import.ready', { count: 2 }));
  await page.getByRole('button', { name: t('knowledge.import.commit', { count: 2 }) }).click();
  await expect(page.getByRole('status')).toHaveText(
    t('knowledge.import.done', { created: 2, updated: 0 }),
  );
  await page.goto(`/knowledge?tag=import&q=${encodeURIComponent(`(${lang})`)}`);
  await expect(page.getByRole('row')).toHaveCount(3);
});

test('an expert sees their own drafts and the accepted inventory, and no review controls', async ({
  page,
  t,
}) => {
  await logIn(page, t, 'tobias.krueger@demo.lotse');
  await page.goto('/knowledge?status=submitted');
  // someone else's submitted item is not visible to an expert
  await expect(page.getByRole('link', { name: /Myopie-Management bei Kindern/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: t('knowledge.bulk.accept') })).toHaveCount(0);
  await expect(page.getByRole('link', { name: t('knowledge.import.title') })).toHaveCount(0);
  const response = await page.goto('/knowledge/import');
  expect(response?.status()).toBe(403);
});
