import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, logIn, logInAs, test, type T } from './fixtures';

// each browser language works on pieces of its own, so the two runs never meet
const PIECES = {
  en: {
    journey: 'Never run out: how the lens subscription works',
    need: 'How can I make sure my new lenses arrive before the old ones run out?',
    knowledge: 'How our lens subscription works – and how to pause it',
    expert: 'Sophie Dekker',
    conflict: 'Order questions answered: the first-order FAQ',
  },
  de: {
    journey: 'Kontaktlinsen und Sport: was geht, was nicht',
    need: 'Kann ich mit Kontaktlinsen Sport treiben und schwimmen gehen?',
    knowledge: 'Kontaktlinsen beim Sport: Fußball, Schwimmen, Skifahren',
    expert: 'Tobias Krüger',
    conflict: 'Augeninfektionen: Risiken richtig einordnen',
  },
} as const;

/** The page as it is now has no serious or critical WCAG 2.1 A/AA violation (axe). */
async function expectAccessible(page: Page, name: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const blocking = results.violations.filter((v) =>
    ['serious', 'critical'].includes(v.impact ?? ''),
  );
  expect(
    blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    name,
  ).toEqual([]);
}

async function openPiece(page: Page, title: string) {
  await page.goto('/calendar?view=agenda');
  await page.getByRole('link', { name: title }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

function expertBox(page: Page, t: T) {
  return page.getByRole('combobox', { name: t('calendar.form.experts') });
}

function chosenExperts(page: Page, t: T) {
  return page.getByRole('list', { name: t('expertPicker.chosen') });
}

test('an editor picks contributing experts with the keyboard, previews the body and sees where the piece came from', async ({
  page,
  t,
  lang,
}) => {
  const piece = PIECES[lang];
  await logInAs(page, t, 'editor');
  await openPiece(page, piece.journey);

  // where the piece came from: the need with its audience, the knowledge item, the expert
  const origin = page.getByRole('region', { name: t('calendar.origin.title') });
  await expect(origin.getByRole('link', { name: piece.need })).toHaveAttribute(
    'href',
    /^\/needs\/[\w-]+$/,
  );
  await expect(
    origin.getByRole('link', { name: 'Bestandskunden / Existing customers' }),
  ).toHaveAttribute('href', /^\/audiences\/[\w-]+$/);
  await expect(origin.getByRole('link', { name: piece.knowledge })).toHaveAttribute(
    'href',
    /^\/knowledge\/[\w-]+$/,
  );
  await expect(origin.getByRole('link', { name: piece.expert })).toHaveAttribute(
    'href',
    /^\/experts\/[\w-]+$/,
  );

  // the contributing experts: a combobox under the same label, the current one as a chip
  const box = expertBox(page, t);
  await expect(box).toBeVisible();
  await expect(chosenExperts(page, t).getByRole('listitem')).toHaveText([new RegExp(piece.expert)]);
  await box.focus();
  // typing filters the list; the arrow key moves to the second match, Enter adds it
  await page.keyboard.type('in');
  const listbox = page.getByRole('listbox', { name: t('expertPicker.options') });
  await expect(listbox).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  const options = listbox.getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expectAccessible(page, 'the piece page with the expert list open');
  const names = await options.allTextContents();
  expect(names.length).toBeGreaterThan(1);
  for (const name of names) expect(name.toLowerCase()).toContain('in');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const second = names[1]!;
  await expect(chosenExperts(page, t).getByRole('listitem')).toHaveCount(2);
  await expect(box).toHaveValue('');
  await expect(box).toBeFocused();

  // another one, then Backspace in the empty box takes the last one off again
  await page.keyboard.type('Jan V');
  await expect(options).toHaveText(['Jan Vos']);
  await page.keyboard.press('Enter');
  await expect(
    chosenExperts(page, t).getByRole('button', {
      name: t('expertPicker.remove', { name: 'Jan Vos' }),
    }),
  ).toBeVisible();
  await page.keyboard.press('Backspace');
  await expect(chosenExperts(page, t).getByRole('listitem')).toHaveCount(2);
  await expect(chosenExperts(page, t)).not.toContainText('Jan Vos');

  // a third, removed with its chip's button, reached with Shift+Tab from the box
  await page.keyboard.type('luk');
  await page.keyboard.press('Enter');
  const removeLukas = page.getByRole('button', {
    name: t('expertPicker.remove', { name: 'Lukas Berger' }),
  });
  await expect(removeLukas).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect(removeLukas).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(removeLukas).toHaveCount(0);
  // the focus goes back to the box, not to the top of the page
  await expect(box).toBeFocused();

  // Escape closes the list
  await page.keyboard.type('a');
  await expect(listbox).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(listbox).toBeHidden();
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('');

  // the body in Markdown, then its preview (tabs, by keyboard)
  const body = page.getByLabel(t('calendar.form.body'));
  await body.fill(
    `## ${lang === 'de' ? 'Sport mit Linsen' : 'Never run out'}\n\nA **bold** line and <b>no raw HTML</b>.\n\n- one\n- two\n`,
  );
  const writeTab = page.getByRole('tab', { name: t('markdown.write') });
  const previewTab = page.getByRole('tab', { name: t('markdown.preview') });
  await expect(writeTab).toHaveAttribute('aria-selected', 'true');
  await writeTab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(previewTab).toBeFocused();
  await expect(previewTab).toHaveAttribute('aria-selected', 'true');
  const preview = page.getByRole('tabpanel', { name: t('markdown.preview') });
  await expect(
    preview.getByRole('heading', {
      level: 2,
      name: lang === 'de' ? 'Sport mit Linsen' : 'Never run out',
    }),
  ).toBeVisible();
  await expect(preview.locator('strong')).toHaveText('bold');
  await expect(preview.getByRole('listitem')).toHaveText(['one', 'two']);
  // HTML in the text is shown as text, never rendered
  await expect(preview).toContainText('<b>no raw HTML</b>');
  await expect(preview.locator('b')).toHaveCount(0);
  await expectAccessible(page, 'the piece page with the preview');
  await expect(body).toBeHidden();
  await page.keyboard.press('ArrowLeft');
  await expect(writeTab).toHaveAttribute('aria-selected', 'true');
  await expect(body).toBeVisible();

  await page.getByRole('button', { name: t('calendar.form.save') }).click();
  await expect(page.getByRole('status')).toHaveText(t('calendar.done.saved'));
  // saved: the two chosen experts are there after the page is loaded again
  await page.reload();
  const chosen = chosenExperts(page, t);
  await expect(chosen.getByRole('listitem')).toHaveCount(2);
  await expect(chosen).toContainText(piece.expert);
  await expect(chosen).toContainText(second);
  await expect(page.getByLabel(t('calendar.form.body'))).toHaveValue(/A \*\*bold\*\* line/);
});

test('a piece planned by hand says so, and an empty body has nothing to preview', async ({
  page,
  t,
  lang,
}) => {
  await logInAs(page, t, 'editor');
  await page.goto('/calendar/new');
  await page.getByLabel(t('calendar.form.title')).fill(`By hand ${lang}`);
  // the picker works on the new piece's form too
  await expertBox(page, t).focus();
  await page.keyboard.type('Nadia');
  await page.keyboard.press('Enter');
  await expect(chosenExperts(page, t)).toContainText('Nadia Lindqvist');
  await page.getByRole('tab', { name: t('markdown.preview') }).click();
  await expect(page.getByRole('tabpanel', { name: t('markdown.preview') })).toHaveText(
    t('markdown.empty'),
  );
  await page.getByRole('button', { name: t('calendar.form.create') }).click();
  await expect(page.getByRole('status')).toHaveText(t('calendar.done.created'));
  const origin = page.getByRole('region', { name: t('calendar.origin.title') });
  await expect(origin).toContainText(t('calendar.origin.byHand'));
  await expect(origin.getByRole('link')).toHaveCount(0);
  await expect(chosenExperts(page, t)).toContainText('Nadia Lindqvist');
});

test('two editors save the same piece: the second compares both versions and chooses explicitly', async ({
  page,
  browser,
  t,
  lang,
  locale,
}) => {
  const title = PIECES[lang].conflict;
  await logInAs(page, t, 'editor');
  await openPiece(page, title);
  const url = page.url();

  const otherContext = await browser.newContext({ locale });
  const other = await otherContext.newPage();
  await logIn(other, t, 'jonas.weber@demo.lotse');
  await other.goto(url);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(title);

  // the first editor renames the piece
  await page.getByLabel(t('calendar.form.title')).fill(`${title} (first)`);
  await page.getByRole('button', { name: t('calendar.form.save') }).click();
  await expect(page.getByRole('status')).toHaveText(t('calendar.done.saved'));

  // the second, still on the old version, writes a brief and saves: a conflict, compared
  await other.getByLabel(t('calendar.form.brief')).fill(`Brief ${lang}`);
  await other.getByRole('button', { name: t('calendar.form.save') }).click();
  const alert = other.getByRole('alert');
  await expect(alert).toContainText(t('calendar.problems.conflict'));
  const compare = alert.getByRole('table', { name: t('calendar.conflict.caption') });
  const titleRow = compare
    .getByRole('row')
    .filter({ has: other.getByRole('rowheader', { name: t('calendar.conflict.fields.title') }) });
  await expect(titleRow.getByRole('cell')).toHaveText([`${title} (first)`, title]);
  await expect(titleRow).toContainText(t('calendar.conflict.differs'));
  const briefRow = compare
    .getByRole('row')
    .filter({ has: other.getByRole('rowheader', { name: t('calendar.conflict.fields.brief') }) });
  await expect(briefRow.getByRole('cell').nth(1)).toHaveText(`Brief ${lang}`);
  const channelRow = compare
    .getByRole('row')
    .filter({ has: other.getByRole('rowheader', { name: t('calendar.conflict.fields.channel') }) });
  await expect(channelRow).not.toContainText(t('calendar.conflict.differs'));
  await expectAccessible(other, 'the piece page after a conflict');

  // saving again without choosing overwrites nothing: the same conflict
  await other.getByRole('button', { name: t('calendar.form.save') }).click();
  await expect(other.getByRole('alert')).toContainText(t('calendar.problems.conflict'));
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(`${title} (first)`);

  // "Apply my changes": mine are saved over theirs, on purpose
  await other.getByRole('button', { name: t('calendar.conflict.applyMine') }).click();
  await expect(other.getByRole('status')).toHaveText(t('calendar.done.saved'));
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(other.getByLabel(t('calendar.form.brief'))).toHaveValue(`Brief ${lang}`);

  // the next round: the first editor (now behind) saves, meets the conflict and keeps theirs
  await page.getByLabel(t('calendar.form.brief')).fill(`Other brief ${lang}`);
  await page.getByRole('button', { name: t('calendar.form.save') }).click();
  await expect(page.getByRole('alert')).toContainText(t('calendar.problems.conflict'));
  await page.getByRole('link', { name: t('calendar.conflict.reload') }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByLabel(t('calendar.form.title'))).toHaveValue(title);
  await expect(page.getByLabel(t('calendar.form.brief'))).toHaveValue(`Brief ${lang}`);
  await otherContext.close();
});

test('without JavaScript the experts are a plain multiple select and the body a plain text area', async ({
  browser,
  t,
  lang,
  locale,
}) => {
  const context = await browser.newContext({ locale, javaScriptEnabled: false });
  const page = await context.newPage();
  await logInAs(page, t, 'editor');
  await page.goto('/calendar/new');
  await page.getByLabel(t('calendar.form.title')).fill(`No script ${lang}`);
  await page.getByLabel(t('calendar.form.experts')).selectOption(['Anna Schmid', 'Jan Vos']);
  await expect(page.getByRole('tab')).toHaveCount(0);
  await page.getByLabel(t('calendar.form.body')).fill('Plain **text**');
  await page.getByRole('button', { name: t('calendar.form.create') }).click();
  await expect(page.getByRole('status')).toHaveText(t('calendar.done.created'));
  const experts = page.getByLabel(t('calendar.form.experts'));
  await expect(experts.locator('option:checked')).toHaveText(['Anna Schmid', 'Jan Vos']);
  await expect(page.getByLabel(t('calendar.form.body'))).toHaveValue('Plain **text**');
  await context.close();
});

test('an expert sees where a piece they contribute to came from, as far as they may', async ({
  page,
  t,
}) => {
  await logInAs(page, t, 'expert');
  await openPiece(page, 'Die fünf häufigsten Pflegefehler – und wie Sie sie vermeiden');
  const origin = page.getByRole('region', { name: t('calendar.origin.title') });
  await expect(
    origin.getByRole('link', { name: 'Kontaktlinsenpflege im Alltag: die fünf häufigsten Fehler' }),
  ).toHaveAttribute('href', /^\/knowledge\/[\w-]+$/);
  await expect(origin.getByRole('link', { name: 'Dr. Lena Hoffmann' })).toBeVisible();
  // audiences and their needs are planning data an expert does not read
  await expect(origin.getByRole('heading', { name: t('calendar.origin.needs') })).toHaveCount(0);
  await expect(origin.locator('a[href^="/needs/"], a[href^="/audiences/"]')).toHaveCount(0);
});
