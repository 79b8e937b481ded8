import { expect, logInAs, test, type T } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * An editor links a planned piece to an agreed goal from the piece form, and the strategy page
 * stops warning that the goal has no planned piece; the calendar then filters by the goal and
 * shows the strategy's milestones.
 */

/** An editor proposes a goal and management agrees to it; the editor is signed in afterwards. */
async function agreedGoal(page: Page, t: T, title: string) {
  await logInAs(page, t, 'editor');
  await page.goto('/strategy/goals/new');
  await page.getByLabel(t('strategy.goal.title'), { exact: true }).fill(title);
  await page.getByLabel(t('strategy.goal.category')).selectOption({
    label: t('strategy.categories.customer_retention'),
  });
  await page.getByLabel(t('strategy.goal.weight')).fill('10');
  await page.getByRole('button', { name: t('strategy.goal.propose') }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const goalPage = page.url();
  await page.context().clearCookies();
  await logInAs(page, t, 'management');
  await page.goto(goalPage);
  await page.getByRole('button', { name: t('strategy.decision.agree') }).click();
  await expect(page.getByRole('status')).toHaveText(t('strategy.notices.agreed'));
  await page.context().clearCookies();
}

test('an editor links a planned piece to an uncovered goal from the piece form', async ({
  page,
  t,
  lang,
}) => {
  // the demo goal that no planned piece serves is named by the coverage aid; other journeys
  // rely on it staying so, and both languages share one database: each run links its own goal
  const demoGoal = 'Keep subscribers for a second year';
  const goal =
    lang === 'en' ? 'Keep opticians’ customers for good' : 'Abonnenten im zweiten Jahr halten';
  const piece =
    lang === 'en'
      ? 'Klarblick Podcast #13: Make-up und Kontaktlinsen'
      : 'Why your lenses are medical devices';
  const other = 'Myopia management in practice: data for opticians';
  await agreedGoal(page, t, goal);
  await logInAs(page, t, 'editor');

  // the strategy page warns that no planned piece serves the goal
  await page.getByRole('link', { name: t('nav.strategy'), exact: true }).click();
  const coverage = page.getByRole('region', { name: t('strategy.coverage.title', { weeks: 6 }) });
  const warning = coverage.getByRole('note');
  await expect(warning.getByText(demoGoal, { exact: true })).toBeVisible();
  await expect(warning.getByText(goal, { exact: true })).toBeVisible();

  // the editor opens a planned piece from the calendar's agenda and chooses the goal
  await page.getByRole('link', { name: t('nav.calendar'), exact: true }).click();
  await page.getByRole('link', { name: t('calendar.view.agenda') }).click();
  const agenda = page.getByRole('region', { name: t('calendar.agenda') });
  await agenda.getByRole('link', { name: piece, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: piece })).toBeVisible();
  const served = page.getByRole('region', { name: t('calendar.goals.title') });
  await expect(served.getByRole('link', { name: goal })).toHaveCount(0);
  const goals = page.getByRole('group', { name: t('calendar.form.goals') });
  await expect(goals).toContainText(t('calendar.form.goalsHint'));
  await goals.getByLabel(goal, { exact: true }).check();
  await page.getByRole('button', { name: t('calendar.form.save') }).click();
  await expect(page.getByRole('status')).toHaveText(t('calendar.done.saved'));
  await expect(goals.getByLabel(goal, { exact: true })).toBeChecked();
  // the piece names the goal it serves, with a link to the goal's page
  await served.getByRole('link', { name: goal }).click();
  await expect(page.getByRole('heading', { level: 1, name: goal })).toBeVisible();

  // the warning for the goal is gone
  await page.getByRole('link', { name: t('nav.strategy'), exact: true }).click();
  await expect(coverage.getByRole('row', { name: new RegExp(goal) })).toContainText(
    t('strategy.coverage.covered'),
  );
  await expect(warning.getByText(goal, { exact: true })).toHaveCount(0);
  await expect(warning.getByText(demoGoal, { exact: true })).toBeVisible();

  // the calendar's goal filter narrows the agenda to the pieces serving the goal
  await page.getByRole('link', { name: t('nav.calendar'), exact: true }).click();
  await page.getByRole('link', { name: t('calendar.view.agenda') }).click();
  await expect(agenda.getByRole('link', { name: other, exact: true })).toBeVisible();
  await expect(agenda.getByRole('link', { name: piece, exact: true })).toBeVisible();
  await page.getByLabel(t('calendar.goal'), { exact: true }).selectOption({ label: goal });
  await expect(page).toHaveURL(/[?&]goal=/);
  await expect(agenda.getByRole('link', { name: piece, exact: true })).toBeVisible();
  await expect(agenda.getByRole('link', { name: other, exact: true })).toHaveCount(0);
  await expect(page.getByLabel(t('calendar.goal'), { exact: true })).toHaveValue(/.+/);

  // the strategy's milestones are in the agenda, marked as such in words, linked to the timeline
  const milestones = page.getByRole('region', { name: t('calendar.milestones') });
  const milestone = milestones.getByRole('link', { name: /Care-question series starts/ });
  await expect(milestone).toContainText(t('calendar.milestone'));
  await milestone.click();
  await expect(page.getByRole('heading', { level: 1, name: t('strategy.title') })).toBeVisible();
});
