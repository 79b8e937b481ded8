import type { Page } from '@playwright/test';
import { expect, logInAs, mainNav, test, type T } from './fixtures';

/**
 * The header's main navigation stays on one line at common laptop widths, for every role and in
 * both languages (German labels are longer): every section is a link on that line, their boxes
 * share one row, and nothing is moved into the "More" menu. At narrower widths what does not fit
 * moves into that menu, and the line still holds.
 */

const SECTIONS = {
  expert: ['dashboard', 'knowledge', 'experts', 'calendar', 'strategy'],
  editor: [
    'dashboard',
    'knowledge',
    'experts',
    'audiences',
    'matches',
    'calendar',
    'strategy',
    'results',
  ],
  management: [
    'dashboard',
    'knowledge',
    'experts',
    'audiences',
    'matches',
    'calendar',
    'strategy',
    'results',
    'rules',
    'audit',
  ],
  admin: ['dashboard', 'strategy', 'users', 'mailQueue', 'audit'],
} as const;
type Role = keyof typeof SECTIONS;

/** The boxes of the navigation's visible links, and of the "More" button when it shows. */
async function navBoxes(page: Page, t: T) {
  const nav = mainNav(page, t);
  const links = nav.getByRole('link');
  await expect(links.first()).toBeVisible();
  const boxes = [];
  for (const link of await links.all()) {
    const box = await link.boundingBox();
    if (box) boxes.push({ name: (await link.textContent())?.trim() ?? '', ...box });
  }
  const more = nav.locator('summary');
  const moreBox = (await more.isVisible()) ? await more.boundingBox() : null;
  return { boxes, moreBox, navBox: await nav.boundingBox() };
}

/** Whether boxes stand on one row: vertically, each overlaps every other by most of its height. */
function oneRow(boxes: { y: number; height: number }[]) {
  const top = Math.max(...boxes.map((b) => b.y));
  const bottom = Math.min(...boxes.map((b) => b.y + b.height));
  const lowest = Math.min(...boxes.map((b) => b.height));
  return bottom - top >= lowest * 0.75;
}

for (const width of [1280, 1366]) {
  for (const role of Object.keys(SECTIONS) as Role[]) {
    test(`the ${role}'s navigation stays on one line at ${width} px`, async ({ page, t }) => {
      await page.setViewportSize({ width, height: 800 });
      await logInAs(page, t, role);
      const { boxes, moreBox, navBox } = await navBoxes(page, t);
      // every section is on the line itself, none in the "More" menu
      expect(boxes.map((b) => b.name)).toEqual(SECTIONS[role].map((s) => t(`nav.${s}`)));
      expect(moreBox).toBeNull();
      expect(oneRow(boxes), JSON.stringify(boxes)).toBe(true);
      // left to right in order, inside the navigation and the window
      for (let i = 1; i < boxes.length; i++)
        expect(boxes[i]!.x).toBeGreaterThan(boxes[i - 1]!.x + boxes[i - 1]!.width - 1);
      expect(boxes.at(-1)!.x + boxes.at(-1)!.width).toBeLessThanOrEqual(
        navBox!.x + navBox!.width + 1,
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
    });
  }
}

for (const width of [1440, 1024]) {
  test(`every role's navigation stays on one line at ${width} px`, async ({ page, t, lang }) => {
    await page.setViewportSize({ width, height: 800 });
    for (const role of Object.keys(SECTIONS) as Role[]) {
      await page.context().clearCookies();
      await logInAs(page, t, role);
      const { boxes, moreBox } = await navBoxes(page, t);
      // management's ten sections with their German labels are wider than 1024 px: the last two
      // (disclosure rules, audit log) move into the "More" menu there
      const moved = width === 1024 && lang === 'de' && role === 'management' ? 2 : 0;
      const all = SECTIONS[role].map((s) => t(`nav.${s}`));
      expect(boxes.map((b) => b.name)).toEqual(all.slice(0, all.length - moved));
      if (moved) expect(moreBox).not.toBeNull();
      else expect(moreBox).toBeNull();
      expect(oneRow(boxes), `${role}: ${JSON.stringify(boxes)}`).toBe(true);
    }
  });
}

test('at a narrow width the sections that do not fit move into the "More" menu', async ({
  page,
  t,
}) => {
  await page.setViewportSize({ width: 560, height: 800 });
  await logInAs(page, t, 'management');
  const nav = mainNav(page, t);
  const { boxes, moreBox } = await navBoxes(page, t);
  expect(moreBox).not.toBeNull();
  expect(boxes.length).toBeLessThan(SECTIONS.management.length);
  expect(oneRow([...boxes, moreBox!])).toBe(true);
  // the menu opens with the keyboard and holds the rest of the sections
  const more = nav.locator('summary');
  await more.focus();
  await page.keyboard.press('Enter');
  const moved = SECTIONS.management.slice(boxes.length).map((s) => t(`nav.${s}`));
  for (const name of moved)
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(nav.getByRole('link', { name: moved.at(-1)!, exact: true })).toBeHidden();
  await expect(more).toBeFocused();
  // a section from the menu opens, and the menu closes
  await more.click();
  await nav.getByRole('link', { name: t('nav.audit'), exact: true }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(nav.getByRole('link', { name: t('nav.audit'), exact: true })).toBeHidden();
  // wider again: everything is back on the line
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(nav.locator('summary')).toBeHidden();
  await expect(nav.getByRole('link')).toHaveText(SECTIONS.management.map((s) => t(`nav.${s}`)));
});
