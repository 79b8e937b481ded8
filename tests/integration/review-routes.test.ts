import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '~/utils/db.server';
import { call, setUpDemoWorkspace } from './route-harness';

/**
 * The review pages as a browser uses them: what the forms send (the KPI versions next to the
 * targets they show) and what the server answers to a stale tab, a sign-off and a last review
 * day set back into a signed off period.
 */

const REVIEW = 'routes/strategy.reviews.$reviewId';
const REVIEWS = 'routes/strategy.reviews._index';
const STRATEGY = 'routes/strategy._index';

type Loaded = {
  review: { id: string; version: number; status: string };
  subjects: { goals: { kpis: { id: string; target: number; version: number }[] }[] };
};
type Failure = { intent: string; problem: string | null; errors: Record<string, { key: string }> };

let reviewId = '';

beforeAll(async () => {
  await setUpDemoWorkspace();
  // the demo's last review was half a year ago: a review is due today
  const opened = await call(REVIEWS, 'POST', 'management', { form: { intent: 'open' } });
  expect(opened.status).toBe(302);
  reviewId = /\/strategy\/reviews\/([^?]+)/.exec(opened.location ?? '')![1]!;
}, 60_000);

async function page(): Promise<Loaded> {
  const loaded = await call(REVIEW, 'GET', 'management', { params: { reviewId } });
  expect(loaded.status).toBe(200);
  return loaded.body as Loaded;
}

/** The decision form as the page renders it: the KPI versions it showed, one KPI chosen. */
function decisionForm(shown: Loaded, kpiId: string, target: string) {
  const kpis = shown.subjects.goals.flatMap((g) => g.kpis);
  return {
    intent: 'decision',
    kind: 'kpi_target',
    text: `Target ${target}`,
    kpiId,
    target,
    kpiVersions: kpis.map((k) => `${k.id}:${k.version}`).join(','),
  };
}

describe('a KPI decision from a tab opened before another one was recorded', () => {
  it('is refused with 409 and changes nothing; reloaded, it is recorded', async () => {
    const tabA = await page();
    const tabB = await page();
    const kpi = tabA.subjects.goals.flatMap((g) => g.kpis)[0]!;
    const first = await call(REVIEW, 'POST', 'management', {
      params: { reviewId },
      form: decisionForm(tabA, kpi.id, String(kpi.target + 50)),
    });
    expect(first.status).toBe(302);
    const stale = await call(REVIEW, 'POST', 'management', {
      params: { reviewId },
      form: decisionForm(tabB, kpi.id, String(kpi.target + 100)),
    });
    expect(stale.status).toBe(409);
    expect((stale.body as Failure).problem).toBe('kpiChanged');
    const stored = await prisma.kpi.findUniqueOrThrow({ where: { id: kpi.id } });
    expect(stored.target).toBe(kpi.target + 50);
    expect(await prisma.reviewDecision.count({ where: { reviewId } })).toBe(1);
    // a form without the versions it showed cannot have seen the current target either
    const { kpiVersions: _, ...blind } = decisionForm(tabB, kpi.id, String(kpi.target + 100));
    const without = await call(REVIEW, 'POST', 'management', { params: { reviewId }, form: blind });
    expect(without.status).toBe(409);
    // reloaded, the tab shows the new target and its decision records the change it saw
    const reloaded = await call(REVIEW, 'POST', 'management', {
      params: { reviewId },
      form: decisionForm(await page(), kpi.id, String(kpi.target + 100)),
    });
    expect(reloaded.status).toBe(302);
    const decisions = await prisma.reviewDecision.findMany({
      where: { reviewId },
      orderBy: { createdAt: 'asc' },
    });
    expect(decisions.map((d) => [d.fromValue, d.toValue])).toEqual([
      [kpi.target, kpi.target + 50],
      [kpi.target + 50, kpi.target + 100],
    ]);
  });
});

describe('the sign-off', () => {
  it('signs the review off at once: it is final, and the page says so beside the button', async () => {
    const { review } = await page();
    const signed = await call(REVIEW, 'POST', 'management', {
      params: { reviewId },
      form: { intent: 'signoff', expectedVersion: String(review.version) },
    });
    expect(signed.status).toBe(302);
    expect((await page()).review.status).toBe('signed_off');
  });
});

describe('the last review on the strategy page', () => {
  it('cannot be set back into the signed off period: a field error, nothing saved', async () => {
    const signed = await prisma.strategyReview.findUniqueOrThrow({ where: { id: reviewId } });
    const before = await prisma.strategy.findUniqueOrThrow({ where: { id: 1 } });
    const refused = await call(STRATEGY, 'POST', 'management', {
      form: {
        intent: 'cadence',
        cadenceMonths: '6',
        lastReviewOn: '2026-04-01',
        expectedVersion: String(before.version),
      },
    });
    expect(refused.status).toBe(400);
    expect((refused.body as Failure).errors.lastReviewOn?.key).toBe(
      'strategy.review.lastBeforeSignedOff',
    );
    const after = await prisma.strategy.findUniqueOrThrow({ where: { id: 1 } });
    expect(after).toMatchObject({ lastReviewOn: before.lastReviewOn, version: before.version });
    // the end of the signed off review itself is a day it may be set to
    const accepted = await call(STRATEGY, 'POST', 'management', {
      form: {
        intent: 'cadence',
        cadenceMonths: '6',
        lastReviewOn: signed.periodEnd,
        expectedVersion: String(before.version),
      },
    });
    expect(accepted.status).toBe(302);
  });

  it('set back directly, still opens no review over the signed off period', async () => {
    await prisma.strategy.update({ where: { id: 1 }, data: { lastReviewOn: '2026-04-01' } });
    const opened = await call(REVIEWS, 'POST', 'management', { form: { intent: 'open' } });
    expect(opened.status).toBe(409);
    expect((opened.body as Failure).problem).toBe('overlaps');
    expect(await prisma.strategyReview.count({ where: { periodStart: '2026-04-01' } })).toBe(0);
  });
});
