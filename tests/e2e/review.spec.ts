import { exclusively } from './exclusive';
import { expect, logInAs, test } from './fixtures';

function monthsAgo(months: number) {
  const day = new Date();
  day.setUTCMonth(day.getUTCMonth() - months);
  return day.toISOString().slice(0, 10);
}

test('management opens the due review, raises a KPI target by a decision and signs it off', async ({
  page,
  t,
  lang,
}) => {
  // each language reviews a half-year of its own and raises another KPI
  const plan =
    lang === 'de'
      ? { lastReview: monthsAgo(10), metric: 'webinar_registrations', from: '400', to: '450' }
      : { lastReview: monthsAgo(9), metric: 'whitepaper_downloads', from: '600', to: '750' };
  const goal = 'Win first-time lens wearers';
  // The review is one setting of the whole workspace (the last review day), and the journeys of
  // both languages run at the same time on the same server: each waits for the other to finish.
  await exclusively('review', async () => {
    await logInAs(page, t, 'management');
    await page.getByRole('link', { name: t('nav.strategy'), exact: true }).click();
    const review = page.getByRole('region', { name: t('strategy.review.title'), exact: true });
    await review.getByLabel(t('strategy.review.last'), { exact: true }).fill(plan.lastReview);
    await review.getByRole('button', { name: t('strategy.review.save') }).click();
    await expect(page.getByRole('status')).toHaveText(t('strategy.notices.cadenceSaved'));

    // the strategy page says a review is due; management opens it
    await page.getByRole('link', { name: t('reviews.due.title') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('reviews.title') })).toBeVisible();
    await page.getByRole('button', { name: t('reviews.due.open') }).click();
    await expect(page.getByRole('status')).toHaveText(t('reviews.notices.opened'));
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
      .fill('More downloads are realistic.');
    await decisions.getByRole('button', { name: t('reviews.decision.add') }).click();
    await expect(decisions.getByText(t('reviews.decision.targetRequired'))).toBeVisible();

    // the decision that raises the KPI target
    await decisions.getByLabel(t('reviews.decision.kpi'), { exact: true }).selectOption({
      label: t('reviews.decision.kpiOption', {
        goal,
        kpi: t(`strategy.metrics.${plan.metric}`),
        target: plan.from,
      }),
    });
    await decisions.getByLabel(t('reviews.decision.target'), { exact: true }).fill(plan.to);
    await decisions.getByRole('button', { name: t('reviews.decision.add') }).click();
    await expect(page.getByRole('status')).toHaveText(t('reviews.notices.decisionAdded'));
    await expect(
      decisions.getByText(t('reviews.decision.targetChange', { from: plan.from, to: plan.to }), {
        exact: false,
      }),
    ).toBeVisible();

    // signed off, the review is frozen: no more forms
    await page.getByRole('button', { name: t('reviews.signOff.submit') }).click();
    await expect(page.getByRole('status')).toHaveText(t('reviews.notices.signedOff'));
    await expect(page.getByText(t('reviews.frozen'))).toBeVisible();
    await expect(page.getByRole('button', { name: t('reviews.decision.add') })).toHaveCount(0);
    await expect(page.getByRole('button', { name: t('reviews.print') })).toBeVisible();

    // the strategy's history lists it, and the KPI has its new target
    await page.getByRole('link', { name: t('reviews.backToList') }).click();
    await expect(
      page.getByRole('cell', { name: t('reviews.statuses.signed_off') }).first(),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: t('reviews.due.open') })).toHaveCount(0);
  });
});
