import AxeBuilder from '@axe-core/playwright';
import { expect, logInAs, test } from './fixtures';

const OPINION_LEADERS = 'Meinungsbildner: Augenoptiker & Fachpresse / Opinion leaders';

// An editor records how often opinion leaders mentioned the company in a quarter, for that
// audience rather than the whole workspace, finds it under the audience's heading (and not under
// the workspace's), and deletes it again.
test('an editor records a number for an audience and finds it under the audience', async ({
  page,
  t,
  lang,
}) => {
  // each language its own quarter and note, so that journeys running side by side never meet
  const [from, to] = lang === 'de' ? ['2025-04-01', '2025-06-30'] : ['2025-07-01', '2025-09-30'];
  const note = `Media monitoring ${lang}`;
  await logInAs(page, t, 'editor');
  await page.goto('/results/workspace');
  await expect(
    page.getByRole('heading', { level: 1, name: t('results.workspace.title') }),
  ).toBeVisible();

  const form = page.getByRole('region', { name: t('results.workspace.enterTitle') });
  const measuredFor = form.getByLabel(t('results.workspace.for'));
  await expect(measuredFor).toHaveValue('workspace');
  await measuredFor.selectOption({ label: OPINION_LEADERS });
  await form.getByLabel(t('results.workspace.metric')).selectOption('mentions');
  await form.getByLabel(t('results.workspace.value')).fill('14');
  await form.getByLabel(t('results.workspace.periodStart')).fill(from);
  await form.getByLabel(t('results.workspace.periodEnd')).fill(to);
  await form.getByLabel(t('results.workspace.note')).fill(note);
  await form.getByRole('button', { name: t('results.workspace.save') }).click();
  await expect(page.getByRole('status')).toHaveText(t('results.workspace.entered'));

  const audience = page.getByRole('region', {
    name: t('results.workspace.audienceHeading', { audience: OPINION_LEADERS }),
  });
  await expect(
    audience.getByRole('heading', {
      level: 2,
      name: t('results.workspace.audienceHeading', { audience: OPINION_LEADERS }),
    }),
  ).toBeVisible();
  // the page's own navigation leads to the audience's numbers
  await page
    .getByRole('navigation', { name: t('results.workspace.subjectsNav') })
    .getByRole('link', {
      name: t('results.workspace.audienceHeading', { audience: OPINION_LEADERS }),
    })
    .click();
  await expect(page).toHaveURL(/#subject-audience-/);
  const mentions = audience.getByRole('table', {
    name: t('results.workspace.tableCaption', { metric: t('strategy.metrics.mentions') }),
  });
  const row = mentions.getByRole('row', { name: new RegExp(note) });
  await expect(row).toContainText('14');
  // the whole workspace's numbers do not show it
  await expect(
    page
      .getByRole('region', { name: t('results.workspace.wholeWorkspace'), exact: true })
      .getByRole('row', { name: new RegExp(note) }),
  ).toHaveCount(0);

  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );

  await row.getByRole('button', { name: t('results.workspace.delete') }).click();
  await expect(page.getByRole('status')).toHaveText(t('results.workspace.deleted'));
  await expect(page.getByRole('row', { name: new RegExp(note) })).toHaveCount(0);
});
