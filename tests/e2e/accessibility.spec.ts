import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, logInAs, test } from './fixtures';

// WCAG 2.1 A and AA: what the reliability goal promises for every main page
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Runs axe on the page as it is now and records (softly, so one run lists every page's
 * problems) each serious or critical violation with its rule, help text and the elements hit.
 */
async function expectAccessible(page: Page, name: string) {
  await page.waitForLoadState('load');
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(results.passes.length, `axe checked ${name}`).toBeGreaterThan(0);
  const blocking = results.violations.filter((v) => BLOCKING_IMPACTS.has(v.impact ?? ''));
  const report = blocking
    .map(
      (v) =>
        `[${v.impact}] ${v.id}: ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n'),
    )
    .join('\n');
  expect.soft(blocking, `${name} (${page.url()}):\n${report}`).toEqual([]);
}

/** Opens the first link in the main content whose address matches, so that no id is hard-coded. */
async function followFirstLink(page: Page, address: RegExp) {
  const hrefs = await page
    .locator('main a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => address.test(h));
  expect(href, `a link to ${address} on ${page.url()}`).toBeTruthy();
  await page.goto(href!);
}

// axe needs a few seconds per page on a busy machine; every test checks several pages
test.beforeEach(() => test.setTimeout(180_000));

async function visit(page: Page, path: string, name = path) {
  await page.goto(path);
  await expectAccessible(page, name);
}

test('the login page, also after a failed login, passes axe', async ({ page, t }) => {
  await visit(page, '/login', 'login');
  await page.getByLabel(t('login.email')).fill('editor@demo.lotse');
  await page.getByLabel(t('login.password')).fill('not-the-password');
  await page.getByRole('button', { name: t('login.submit') }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page, 'login after a failed attempt');
});

test('the subject expert’s pages pass axe', async ({ page, t }) => {
  await logInAs(page, t, 'expert');
  await expectAccessible(page, 'expert dashboard');
  await visit(page, '/knowledge/new');
  await page.getByRole('button', { name: t('knowledge.form.saveDraft') }).click();
  await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
  await expectAccessible(page, '/knowledge/new after a failed submit');
});

test('the editor’s inventory, expert and audience pages pass axe', async ({ page, t }) => {
  await logInAs(page, t, 'editor');
  await expectAccessible(page, 'editor dashboard');

  await visit(page, '/knowledge');
  await followFirstLink(page, /^\/knowledge\/(?!new|import|export)[\w-]+$/);
  await expectAccessible(page, 'a knowledge item');

  await visit(page, '/experts');
  await followFirstLink(page, /^\/experts\/[\w-]+$/);
  await expectAccessible(page, 'an expert');

  await visit(page, '/audiences');
  await followFirstLink(page, /^\/audiences\/(?!new)[\w-]+$/);
  await expectAccessible(page, 'an audience');
  await visit(page, '/needs/new');
});

test('the editor’s matching and glossary pages pass axe', async ({ page, t }) => {
  await logInAs(page, t, 'editor');
  await visit(page, '/matches');
  await followFirstLink(page, /^\/matches\/[\w-]+$/);
  await expectAccessible(page, 'the suggestions for a need');

  await visit(page, '/glossary');
  await visit(page, '/glossary/new');

  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expectAccessible(page, 'the 404 page');
});

test('the editor’s calendar pages pass axe', async ({ page, t }) => {
  await logInAs(page, t, 'editor');
  for (const view of ['month', 'week', 'agenda']) await visit(page, `/calendar?view=${view}`);
  await followFirstLink(page, /^\/calendar\/(?!new|plans|export|feed)[\w-]+$/);
  await expectAccessible(page, 'a content piece');
  await visit(page, '/calendar/plans');
  await visit(page, '/calendar/new');
  await page.getByLabel(t('calendar.form.slug')).fill('Not A Slug');
  await page.getByRole('button', { name: t('calendar.form.create') }).click();
  await expect(page.getByText(t('calendar.form.badSlug'))).toBeVisible();
  await expectAccessible(page, '/calendar/new after a failed submit');
});

test('management’s pages pass axe', async ({ page, t }) => {
  await logInAs(page, t, 'management');
  await expectAccessible(page, 'management dashboard');
  await visit(page, '/rules');
  await followFirstLink(page, /^\/rules\/(?!new|export)[\w-]+$/);
  await expectAccessible(page, 'a disclosure rule');
  await visit(page, '/rules/new');
  await visit(page, '/audit');
});

test('the administrator’s pages pass axe', async ({ page, t }) => {
  await logInAs(page, t, 'admin');
  await expectAccessible(page, 'admin dashboard');
  await visit(page, '/users');
  await visit(page, '/users/new');
  await page.getByLabel(t('users.name')).fill('Nina Neu');
  await page.getByRole('button', { name: t('users.create') }).click();
  await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
  await expectAccessible(page, '/users/new after a failed submit');
  await visit(page, '/audit');
});

/** Focus is on the element, and the browser shows it as keyboard focus with a visible outline. */
async function expectKeyboardFocus(target: Locator) {
  await expect(target).toBeFocused();
  expect(
    await target.evaluate(
      (el) => el.matches(':focus-visible') && getComputedStyle(el).outlineStyle !== 'none',
    ),
    'a visible focus ring',
  ).toBe(true);
}

/** Presses Tab (or Shift+Tab) until the control has the focus: it must be reachable. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 40 } = {}) {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expectKeyboardFocus(target);
}

test('an editor plans a piece with the keyboard only', async ({ page, t, lang }) => {
  const title = `Keyboard journey ${lang}`;
  await page.goto('/login');

  // the email field has the focus; the skip link, first on the page, leads back to it
  const email = page.getByLabel(t('login.email'));
  await expect(email).toBeFocused();
  await tabTo(page, page.getByRole('link', { name: t('app.skipToContent') }), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Tab');
  await expectKeyboardFocus(email);
  await page.keyboard.type('editor@demo.lotse');
  await page.keyboard.press('Tab');
  await expectKeyboardFocus(page.getByLabel(t('login.password')));
  await page.keyboard.type('lotse-demo');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === '/');

  const nav = page.getByRole('navigation', { name: t('app.mainNavigation') });
  await tabTo(page, nav.getByRole('link', { name: t('nav.calendar') }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: t('calendar.title') })).toBeVisible();

  await tabTo(page, page.getByRole('link', { name: t('calendar.newPiece'), exact: true }));
  await page.keyboard.press('Enter');
  const channel = page.getByLabel(t('calendar.form.channel'));
  await tabTo(page, channel);
  // the arrow keys pick the channel; the podcast's own fields appear
  await page.keyboard.press('ArrowDown');
  await expect(channel).toHaveValue('podcast');
  await expect(page.getByLabel(t('calendar.form.episodeNumber'))).toBeVisible();
  await page.keyboard.press('Tab');
  await expectKeyboardFocus(page.getByLabel(t('calendar.form.title')));
  await page.keyboard.type(title);
  await tabTo(page, page.getByLabel(t('calendar.form.episodeNumber')));
  await page.keyboard.type('7');
  await tabTo(page, page.getByRole('button', { name: t('calendar.form.create') }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText(t('calendar.done.created'));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // one status forward, with the space bar on the workflow button
  const forward = page.getByRole('button', {
    name: t('calendar.moveTo', { status: t('status.piece.planned') }),
  });
  await tabTo(page, forward);
  await page.keyboard.press('Space');
  await expect(
    page.getByRole('button', {
      name: t('calendar.moveTo', { status: t('status.piece.in_production') }),
    }),
  ).toBeVisible();
  await expect(forward).toHaveCount(0);
});
