import { exclusively } from './exclusive';
import { expect, logInAs, test } from './fixtures';

function monthsAgo(months: number) {
  const day = new Date();
  day.setUTCMonth(day.getUTCMonth() - months);
  return day.toISOString().slice(0, 10);
}

/**
 * The demo's last review was half a year ago, so a review is due. Reviews never overlap, so one
 * review is opened on a test server: the journey that comes first opens it, the one that comes
 * second finds it open and signs it off. Each raises a KPI target of its own by a decision.
 */
test('management opens the due review, raises a KPI target by a decision and signs it off', async ({
  page,
  t,
  lang,
}) => {
  const plan =
    lang === 'de'
      ? { metric: 'webinar_registrations', from: '400', to: '450', stale: '500' }
      : { metric: 'whitepaper_downloads', from: '600', to: '750', stale: '800' };
  const goal = 'Win first-time lens wearers';
  // The review is one setting of the whole workspace (the last review day), and the journeys of
  // both languages run at the same time on the same server: each waits for the other to finish.
  await exclusively('review', async () => {
    await logInAs(page, t, 'management');
    await page.getByRole('link', { name: t('nav.strategy'), exact: true }).click();

    // a last review before the end of the signed off review is refused at its field
    const settings = page.getByRole('region', { name: t('strategy.review.title'), exact: true });
    const last = settings.getByLabel(t('strategy.review.last'), { exact: true });
    const lastBefore = await last.inputValue();
    await last.fill(monthsAgo(9));
    await settings.getByRole('button', { name: t('strategy.review.save') }).click();
    await expect(last).toHaveAttribute('aria-invalid', 'true');
    await expect(
      settings.getByText(t('strategy.review.lastBeforeSignedOff', { day: '@' }).split('@')[0]!),
    ).toBeVisible();
    await page.reload();
    await expect(last).toHaveValue(lastBefore);

    await page.getByRole('link', { name: t('reviews.history.all') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('reviews.title') })).toBeVisible();
    const open = page.getByRole('button', { name: t('reviews.due.open') });
    const first = (await open.count()) > 0;
    if (first) {
      await open.click();
      await expect(page.getByRole('status')).toHaveText(t('reviews.notices.opened'));
    } else {
      // opened by the other language's journey
      await page
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: t('reviews.statuses.open'), exact: true }) })
        .getByRole('link')
        .click();
    }
    await expect(
      page.getByRole('table', { name: t('reviews.snapshot.kpisOf', { goal }) }),
    ).toBeVisible();

    // a decision without what it changes is refused, with a message at the field
    const decisions = page.getByRole('region', { name: t('reviews.decisions.title'), exact: true });
    await decisions
      .getByLabel(t('reviews.decision.kind'), { exact: true })
      .selectOption({ label: t('reviews.decision.kinds.kpi_target') });
    await decisions
      .getByLabel(t('reviews.decision.text'), { exact: true })
      .fill('More registrations are realistic.');
    await decisions.getByRole('button', { name: t('reviews.decision.add') }).click();
    await expect(decisions.getByText(t('reviews.decision.targetRequired'))).toBeVisible();

    // a second tab shows the review as it is now, with the same target
    const option = {
      label: t('reviews.decision.kpiOption', {
        goal,
        kpi: t(`strategy.metrics.${plan.metric}`),
        target: plan.from,
      }),
    };
    const tab = await page.context().newPage();
    await tab.goto(page.url());

    // the decision that raises the KPI target
    await decisions.getByLabel(t('reviews.decision.kpi'), { exact: true }).selectOption(option);
    await decisions.getByLabel(t('reviews.decision.target'), { exact: true }).fill(plan.to);
    await decisions.getByRole('button', { name: t('reviews.decision.add') }).click();
    await expect(page.getByRole('status')).toHaveText(t('reviews.notices.decisionAdded'));
    const change = t('reviews.decision.targetChange', { from: plan.from, to: plan.to });
    await expect(decisions.getByText(change, { exact: false })).toBeVisible();

    // the second tab still shows the old target: its decision is refused, nothing is recorded
    const stale = tab.getByRole('region', { name: t('reviews.decisions.title'), exact: true });
    await stale
      .getByLabel(t('reviews.decision.kind'), { exact: true })
      .selectOption({ label: t('reviews.decision.kinds.kpi_target') });
    await stale.getByLabel(t('reviews.decision.text'), { exact: true }).fill('Even more.');
    await stale.getByLabel(t('reviews.decision.kpi'), { exact: true }).selectOption(option);
    await stale.getByLabel(t('reviews.decision.target'), { exact: true }).fill(plan.stale);
    await stale.getByRole('button', { name: t('reviews.decision.add') }).click();
    await expect(tab.getByRole('alert')).toHaveText(t('reviews.problems.kpiChanged'));
    await tab.close();
    await page.reload();
    await expect(decisions.getByText(change, { exact: false })).toBeVisible();
    await expect(
      decisions.getByText(t('reviews.decision.targetChange', { from: plan.to, to: plan.stale }), {
        exact: false,
      }),
    ).toHaveCount(0);

    // the review is signed off by the second journey; the button says that it is final
    if (first) return;
    const signOff = page.getByRole('region', { name: t('reviews.signOff.title'), exact: true });
    const button = signOff.getByRole('button', { name: t('reviews.signOff.submit') });
    await expect(button).toHaveAccessibleDescription(t('reviews.signOff.hint'));
    await button.click();
    await expect(page.getByRole('status')).toHaveText(t('reviews.notices.signedOff'));

    // signed off, the review is frozen: no more forms
    await expect(page.getByText(t('reviews.frozen'))).toBeVisible();
    await expect(page.getByText(t('reviews.findings.noneRecorded'))).toBeVisible();
    await expect(page.getByRole('button', { name: t('reviews.decision.add') })).toHaveCount(0);
    await expect(page.getByRole('button', { name: t('reviews.print') })).toBeVisible();

    // the strategy's history lists it
    await page.getByRole('link', { name: t('reviews.backToList') }).click();
    await expect(
      page
        .getByRole('table', { name: t('reviews.history.title') })
        .getByRole('cell', { name: t('reviews.statuses.signed_off') })
        .first(),
    ).toBeVisible();
    await expect(
      page.getByRole('cell', { name: t('reviews.statuses.open'), exact: true }),
    ).toHaveCount(0);
    await expect(page.getByRole('button', { name: t('reviews.due.open') })).toHaveCount(0);
  });
});
