import { beforeAll, describe, expect, it } from 'vitest';
import { parseSnapshot } from '~/domain/strategy/review-snapshot';
import {
  addDecision,
  addFinding,
  getDueReview,
  getReview,
  listReviews,
  mayReadReview,
  openReview,
  signOffReview,
} from '~/models/review.server';
import { createReminders } from '~/models/notification-delivery.server';
import { getStrategySettings, setReviewCadence } from '~/models/strategy.server';
import { prisma } from '~/utils/db.server';
import { createDemoWorkspace } from '../../seeds/demo';
import { ensureReferenceData } from '../../seeds/reference';

const NOW = new Date('2026-11-28T10:00:00Z');
const TODAY = '2026-11-28';
type Actor = { id: string; roles: string[] };
const people = new Map<string, Actor>();

async function actor(email: string): Promise<Actor> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { roles: true } });
  return { id: user.id, roles: user.roles.map((r) => r.role) };
}

beforeAll(async () => {
  await ensureReferenceData(prisma);
  await createDemoWorkspace(prisma, NOW);
  for (const [key, email] of [
    ['management', 'management@demo.lotse'],
    ['editor', 'editor@demo.lotse'],
    ['owner', 'jonas.weber@demo.lotse'],
    ['expert', 'expert@demo.lotse'],
    ['admin', 'admin@demo.lotse'],
  ] as const)
    people.set(key, await actor(email));
}, 60_000);

const who = (key: string) => people.get(key)!;

describe('the demo review', () => {
  it('is signed off, with findings, decisions and a snapshot of the half-year before it', async () => {
    const { reviews, due } = await listReviews(TODAY);
    // signed off half a year ago: with the half-yearly cadence the next one is due today
    expect(due).toEqual({ dueOn: TODAY, periodStart: '2026-05-28', periodEnd: TODAY });
    expect(reviews).toHaveLength(1);
    const review = await getReview(reviews[0]!.id);
    expect(review?.status).toBe('signed_off');
    expect(review?.findings.length).toBeGreaterThanOrEqual(2);
    expect(new Set(review?.decisions.map((d) => d.kind))).toEqual(
      new Set(['goal', 'kpi_target', 'channel_plan', 'audience']),
    );
    // its period is the half-year before its due day, when the content had not started yet
    expect(review).toMatchObject({ periodStart: '2025-11-21', periodEnd: '2026-05-21' });
    expect(review?.snapshot?.period).toEqual({ from: '2025-11-21', to: '2026-05-21' });
    expect(review?.snapshot?.published).toBe(0);
    expect(review?.snapshot?.unservedNeeds.length).toBeGreaterThan(0);
    const kpis = review?.snapshot?.goals.flatMap((g) => g.kpis) ?? [];
    expect(kpis.find((k) => k.metric === 'support_tickets')?.actual).toBeGreaterThan(0);
    // the strategy's last review is its sign-off day
    const strategy = await prisma.strategy.findUniqueOrThrow({ where: { id: 1 } });
    expect(strategy.lastReviewOn).toBe('2026-05-28');
    expect(review?.signedOffAt?.toISOString().slice(0, 10)).toBe(strategy.lastReviewOn);
  });
});

describe('a due review', () => {
  let reviewId = '';

  it('is not opened before it is due, nor by an editor who does not own the strategy', async () => {
    // the day before the demo's review is due
    expect(await openReview({ actor: who('management'), today: '2026-11-27' })).toEqual({
      ok: false,
      problem: 'notDue',
    });
    // a last review set back before the end of the signed off one (2026-05-21): the period
    // would be reviewed again, so no review is offered, and opening one is refused
    await prisma.strategy.update({ where: { id: 1 }, data: { lastReviewOn: '2026-04-20' } });
    expect(await getDueReview(TODAY)).toBeNull();
    expect(await openReview({ actor: who('management'), today: TODAY })).toEqual({
      ok: false,
      problem: 'overlaps',
    });
    expect((await listReviews(TODAY)).due).toBeNull();
    // a week more than the cadence since the end of the signed off review: due
    await prisma.strategy.update({ where: { id: 1 }, data: { lastReviewOn: '2026-05-21' } });
    expect(await getDueReview(TODAY)).toEqual({
      dueOn: '2026-11-21',
      periodStart: '2026-05-21',
      periodEnd: TODAY,
    });
    expect(await openReview({ actor: who('editor'), today: TODAY })).toEqual({
      ok: false,
      problem: 'notAllowed',
    });
    expect(await prisma.strategyReview.count()).toBe(1);
  });

  it('is announced once to the owner and management by the reminder round', async () => {
    await createReminders({ now: NOW });
    const where = { event: 'review.due', dedupeKey: 'review.due:2026-11-21' };
    const notes = await prisma.notification.findMany({ where });
    const management = await prisma.user.findMany({
      where: { roles: { some: { role: 'management' } } },
    });
    expect(new Set(notes.map((n) => n.recipientId))).toEqual(
      new Set([who('owner').id, ...management.map((m) => m.id)]),
    );
    expect(notes).toHaveLength(1 + management.length);
    expect(notes[0]?.link).toBe('/strategy/reviews');
    await createReminders({ now: new Date(NOW.getTime() + 3600_000) });
    expect(await prisma.notification.count({ where })).toBe(notes.length);
  });

  it('is opened by management with a snapshot of every agreed KPI, once', async () => {
    const opened = await openReview({ actor: who('management'), today: TODAY });
    expect(opened.ok).toBe(true);
    reviewId = (opened as { id: string }).id;
    const review = await getReview(reviewId);
    const kpis = await prisma.kpi.count({ where: { goal: { status: 'agreed' } } });
    expect(review?.snapshot?.goals.flatMap((g) => g.kpis)).toHaveLength(kpis);
    const nps = review?.snapshot?.goals.flatMap((g) => g.kpis).find((k) => k.metric === 'nps');
    expect(nps).toMatchObject({ actual: 46, reached: true });
    expect(review?.snapshot?.unservedNeeds.length).toBeGreaterThan(0);
    expect(await getDueReview(TODAY)).toBeNull();
    expect(await openReview({ actor: who('management'), today: TODAY })).toEqual({
      ok: false,
      problem: 'notDue',
    });
    const audit = await prisma.auditEvent.findMany({ where: { entityId: reviewId } });
    expect(audit.map((a) => a.action)).toEqual(['review.open']);
  });

  it('takes findings from the owner and management, not from other editors', async () => {
    expect(
      (await addFinding({ actor: who('owner'), reviewId, text: 'Blog carries reach.' })).ok,
    ).toBe(true);
    expect(await addFinding({ actor: who('editor'), reviewId, text: 'Mine' })).toEqual({
      ok: false,
      problem: 'notAllowed',
    });
    expect(await addFinding({ actor: who('management'), reviewId: 'nope', text: 'x' })).toEqual({
      ok: false,
      problem: 'notFound',
    });
    expect((await getReview(reviewId))?.findings.map((f) => f.text)).toEqual([
      'Blog carries reach.',
    ]);
  });

  it('applies a decision that raises a KPI target in the same write, audited', async () => {
    const kpi = await prisma.kpi.findFirstOrThrow({ where: { metric: 'whitepaper_downloads' } });
    const decided = await addDecision({
      actor: who('management'),
      reviewId,
      input: {
        kind: 'kpi_target',
        text: 'Aim higher',
        kpiId: kpi.id,
        target: 800,
        expectedKpiVersion: kpi.version,
      },
    });
    expect(decided.ok).toBe(true);
    const after = await prisma.kpi.findUniqueOrThrow({ where: { id: kpi.id } });
    expect(after.target).toBe(800);
    expect(after.version).toBe(kpi.version + 1);
    const decision = (await getReview(reviewId))?.decisions[0];
    expect(decision).toMatchObject({ kind: 'kpi_target', fromValue: kpi.target, toValue: 800 });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'kpi.update', entityId: kpi.id },
    });
    expect(JSON.parse(audit.before!)).toEqual({ target: kpi.target });
    // a decision about something gone changes nothing
    expect(
      await addDecision({
        actor: who('management'),
        reviewId,
        input: { kind: 'kpi_target', text: 'x', kpiId: 'gone', target: 1, expectedKpiVersion: 1 },
      }),
    ).toEqual({ ok: false, problem: 'subjectGone' });
    expect(
      await addDecision({
        actor: who('owner'),
        reviewId,
        input: { kind: 'channel_plan', text: 'Monthly webinars', channel: 'webinar' },
      }),
    ).toMatchObject({ ok: true });
  });

  it('refuses a KPI decision made on a target that changed meanwhile, writing nothing', async () => {
    // two tabs showed the KPI at the same version; the first one's decision was recorded above
    const kpi = await prisma.kpi.findFirstOrThrow({ where: { metric: 'whitepaper_downloads' } });
    const decisions = (await getReview(reviewId))?.decisions.length;
    const audits = await prisma.auditEvent.count();
    for (const expectedKpiVersion of [kpi.version - 1, undefined]) {
      expect(
        await addDecision({
          actor: who('management'),
          reviewId,
          input: {
            kind: 'kpi_target',
            text: 'Even higher',
            kpiId: kpi.id,
            target: 900,
            expectedKpiVersion,
          },
        }),
      ).toEqual({ ok: false, problem: 'kpiChanged' });
    }
    const after = await prisma.kpi.findUniqueOrThrow({ where: { id: kpi.id } });
    expect(after).toMatchObject({ target: 800, version: kpi.version });
    expect((await getReview(reviewId))?.decisions).toHaveLength(decisions!);
    expect(await prisma.auditEvent.count()).toBe(audits);
  });

  it('is signed off by management only, with the version seen', async () => {
    const review = await getReview(reviewId);
    expect(
      await signOffReview({
        actor: who('owner'),
        reviewId,
        expectedVersion: review!.version,
        today: TODAY,
      }),
    ).toEqual({ ok: false, problem: 'notAllowed' });
    expect(
      await signOffReview({
        actor: who('management'),
        reviewId,
        expectedVersion: review!.version - 1,
        today: TODAY,
      }),
    ).toEqual({ ok: false, problem: 'conflict' });
    expect(
      await signOffReview({
        actor: who('management'),
        reviewId,
        expectedVersion: review!.version,
        today: TODAY,
      }),
    ).toEqual({ ok: true });
    const strategy = await prisma.strategy.findUniqueOrThrow({ where: { id: 1 } });
    expect(strategy.lastReviewOn).toBe(TODAY);
    const actions = (
      await prisma.auditEvent.findMany({
        where: { entityId: reviewId },
        orderBy: { createdAt: 'asc' },
      })
    ).map((a) => a.action);
    expect(actions).toEqual([
      'review.open',
      'review.finding',
      'review.decision',
      'review.decision',
      'review.signoff',
    ]);
  });

  it('is frozen after the sign-off: later results leave it as it was, writes are refused', async () => {
    const before = await prisma.strategyReview.findUniqueOrThrow({ where: { id: reviewId } });
    await prisma.metricObservation.updateMany({ where: { metric: 'nps' }, data: { value: 10 } });
    await prisma.metricObservation.deleteMany({ where: { metric: 'page_views' } });
    const after = await prisma.strategyReview.findUniqueOrThrow({ where: { id: reviewId } });
    expect(after.snapshot).toBe(before.snapshot);
    const nps = parseSnapshot(after.snapshot)
      ?.goals.flatMap((g) => g.kpis)
      .find((k) => k.metric === 'nps');
    expect(nps?.actual).toBe(46);

    const kpi = await prisma.kpi.findFirstOrThrow({ where: { metric: 'leads' } });
    expect(await addFinding({ actor: who('management'), reviewId, text: 'Late' })).toEqual({
      ok: false,
      problem: 'signedOff',
    });
    expect(
      await addDecision({
        actor: who('management'),
        reviewId,
        input: {
          kind: 'kpi_target',
          text: 'Late',
          kpiId: kpi.id,
          target: 999,
          expectedKpiVersion: kpi.version,
        },
      }),
    ).toEqual({ ok: false, problem: 'signedOff' });
    expect((await prisma.kpi.findUniqueOrThrow({ where: { id: kpi.id } })).target).toBe(kpi.target);
    expect(
      await signOffReview({
        actor: who('management'),
        reviewId,
        expectedVersion: after.version,
        today: TODAY,
      }),
    ).toEqual({ ok: false, problem: 'signedOff' });
    const review = await getReview(reviewId);
    expect(review?.findings).toHaveLength(1);
    expect(review?.decisions).toHaveLength(2);
  });

  it('keeps the last review from being set back into a signed off period', async () => {
    // the review signed off above covers 2026-05-21 to TODAY
    const { version } = await getStrategySettings();
    for (const lastReviewOn of ['2026-04-01', '2026-11-27', null]) {
      expect(
        await setReviewCadence({
          actor: who('management'),
          cadenceMonths: 6,
          lastReviewOn,
          expectedVersion: version,
        }),
      ).toEqual({
        ok: false,
        problem: 'lastReviewTooEarly',
        errors: {
          lastReviewOn: { key: 'strategy.review.lastBeforeSignedOff', values: { day: TODAY } },
        },
      });
    }
    expect((await getStrategySettings()).lastReviewOn).toBe(TODAY);
    expect(
      await setReviewCadence({
        actor: who('management'),
        cadenceMonths: 6,
        lastReviewOn: TODAY,
        expectedVersion: version,
      }),
    ).toEqual({ ok: true });
    // a review of a period already signed off cannot be opened, even when it would be due
    await prisma.strategy.update({ where: { id: 1 }, data: { lastReviewOn: '2026-04-01' } });
    expect(await getDueReview('2026-12-03')).toBeNull();
    expect(await openReview({ actor: who('management'), today: '2026-12-03' })).toEqual({
      ok: false,
      problem: 'overlaps',
    });
    expect(await prisma.strategyReview.count()).toBe(2);
    await prisma.strategy.update({ where: { id: 1 }, data: { lastReviewOn: TODAY } });
  });

  it('is read by editors, management and the owner, not by experts or administrators', async () => {
    expect(await mayReadReview(who('editor'))).toBe(true);
    expect(await mayReadReview(who('management'))).toBe(true);
    expect(await mayReadReview(who('owner'))).toBe(true);
    expect(await mayReadReview(who('expert'))).toBe(false);
    expect(await mayReadReview(who('admin'))).toBe(false);
  });
});
