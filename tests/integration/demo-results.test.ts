import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '~/domain/calendar/vocabulary';
import { publishedButBlocked } from '~/models/disclosure.server';
import type { ReviewSnapshot } from '~/domain/strategy/review-snapshot';
import { getKpiResults } from '~/models/results.server';
import { getDueReview } from '~/models/review.server';
import { getStrategySettings } from '~/models/strategy.server';
import { prisma } from '~/utils/db.server';
import { createDemoWorkspace } from '../../seeds/demo';
import { DEMO_IMPORTS, DEMO_PUBLISHED, seedDemoResults } from '../../seeds/demo-results';
import { ensureReferenceData } from '../../seeds/reference';

const NOW = new Date('2026-11-28T10:00:00Z');
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  await ensureReferenceData(prisma);
  await createDemoWorkspace(prisma, NOW);
}, 60_000);

describe('demo results', () => {
  it('has about ten pieces published over the past six months on all four channels', async () => {
    const published = await prisma.contentPiece.findMany({
      where: { status: 'published' },
      include: { experts: true, knowledge: true, needs: true, audiences: true, goals: true },
    });
    expect(published).toHaveLength(DEMO_PUBLISHED.length);
    expect(published.length).toBeGreaterThanOrEqual(9);
    expect(new Set(published.map((p) => p.channel))).toEqual(new Set(CHANNELS));
    const halfYearAgo = new Date(NOW.getTime() - 183 * DAY);
    for (const p of published) {
      expect(p.publishAt! < NOW && p.publishAt! > halfYearAgo, p.title).toBe(true);
      expect(p.experts.length, p.title).toBeGreaterThan(0);
      expect(p.knowledge.length, p.title).toBeGreaterThan(0);
      expect(p.needs.length, p.title).toBeGreaterThan(0);
      expect(p.audiences.length, p.title).toBeGreaterThan(0);
      expect(p.goals.length, p.title).toBeGreaterThan(0);
      if (p.channel === 'podcast' || p.channel === 'webinar')
        expect(p.platformId, p.title).toBeTruthy();
    }
    // they serve agreed goals only
    const goals = await prisma.goal.findMany({
      where: { id: { in: published.flatMap((p) => p.goals.map((g) => g.goalId)) } },
    });
    expect(goals.every((g) => g.status === 'agreed')).toBe(true);
  });

  it('breaks no blocking disclosure rule', async () => {
    expect(await publishedButBlocked()).toEqual([]);
  });

  it('has observations for every channel and the workspace', async () => {
    const byMetric = await prisma.metricObservation.groupBy({ by: ['metric'], _count: true });
    const metrics = new Set(byMetric.map((m) => m.metric));
    for (const metric of [
      'page_views',
      'visitors',
      'podcast_downloads_7d',
      'podcast_downloads_30d',
      'webinar_registrations',
      'webinar_attendees',
      'whitepaper_downloads',
      'leads',
      'nps',
      'mentions',
    ])
      expect(metrics, metric).toContain(metric);
    const workspace = await prisma.metricObservation.findMany({
      where: { subject: 'workspace', metric: 'nps' },
    });
    // a year of the workspace's numbers, half a year of the pieces'
    expect(workspace).toHaveLength(12);
    const all = await prisma.metricObservation.findMany();
    const halfYearAgo = new Date(NOW.getTime() - 183 * DAY).toISOString().slice(0, 10);
    const yearAgo = new Date(NOW.getTime() - 366 * DAY).toISOString().slice(0, 10);
    const today = NOW.toISOString().slice(0, 10);
    for (const o of all) {
      const since = o.subject === 'piece' ? halfYearAgo : yearAgo;
      expect(o.periodStart >= since && o.periodEnd < today, o.metric).toBe(true);
      expect(o.periodStart <= o.periodEnd).toBe(true);
      expect(o.value).toBeGreaterThan(0);
    }
  });

  it('has two committed imports that own the observations they count', async () => {
    const imports = await prisma.resultImport.findMany({
      include: { _count: { select: { results: true } } },
    });
    expect(imports.map((i) => i.fileName).sort()).toEqual(Object.values(DEMO_IMPORTS).sort());
    for (const i of imports) {
      expect(i.undoneAt).toBeNull();
      expect(i._count.results, i.fileName).toBe(i.observations);
      expect(i.observations).toBeGreaterThan(0);
      expect(i.matched).toBeLessThanOrEqual(i.rows);
    }
    const imported = await prisma.metricObservation.findMany({
      where: { importId: { not: null } },
    });
    expect(imported.every((o) => o.source === 'import')).toBe(true);
  });

  it('reaches a KPI target, so an early win shows, while others are still open', async () => {
    const management = await prisma.user.findUniqueOrThrow({
      where: { email: 'management@demo.lotse' },
      include: { roles: true },
    });
    const viewer = { id: management.id, roles: management.roles.map((r) => r.role) };
    const kpis = await prisma.kpi.findMany({ where: { goal: { status: 'agreed' } } });
    const results = await Promise.all(
      kpis.map((k) => getKpiResults({ viewer, kpiId: k.id, today: '2026-11-28' })),
    );
    const nps = results.find((r) => r?.kpi.metric === 'nps');
    expect(nps?.actual).toBe(46);
    expect(nps?.progress.reached).toBe(true);
    expect(
      results.filter((r) => r && r.actual !== null && !r.progress.reached).length,
    ).toBeGreaterThan(0);
  });

  it('has one signed-off review from half a year ago, so that the next one is due now', async () => {
    const reviews = await prisma.strategyReview.findMany({
      include: { findings: true, decisions: true },
    });
    expect(reviews).toHaveLength(1);
    const review = reviews[0]!;
    const strategy = await prisma.strategy.findUniqueOrThrow({ where: { id: 1 } });
    // signed off (the strategy's last review) half a year before the demo's day, 2026-11-28,
    // a week after it was due and opened; it covers the half-year up to its due day
    expect(strategy).toMatchObject({ reviewCadenceMonths: 6, lastReviewOn: '2026-05-28' });
    expect(review).toMatchObject({
      status: 'signed_off',
      dueOn: '2026-05-21',
      periodStart: '2025-11-21',
      periodEnd: '2026-05-21',
    });
    expect(review.openedAt!.toISOString().slice(0, 10)).toBe('2026-05-21');
    expect(review.signedOffAt!.toISOString().slice(0, 10)).toBe('2026-05-28');
    for (const entry of [...review.findings, ...review.decisions])
      expect(entry.createdAt > review.openedAt! && entry.createdAt < review.signedOffAt!).toBe(
        true,
      );
    expect(review.decisions.some((d) => d.kind === 'kpi_target')).toBe(true);

    // its snapshot is of its period, with the workspace's numbers of that half-year
    const snapshot = JSON.parse(review.snapshot) as ReviewSnapshot;
    expect(snapshot.period).toEqual({ from: '2025-11-21', to: '2026-05-21' });
    const mentions = snapshot.goals.flatMap((g) => g.kpis).find((k) => k.metric === 'mentions');
    expect(mentions?.actual).toBeGreaterThan(0);

    // the half-yearly cadence makes the next review due on the demo's day
    expect(await getDueReview('2026-11-27')).toBeNull();
    expect(await getDueReview('2026-11-28')).toMatchObject({
      dueOn: '2026-11-28',
      periodStart: '2026-05-28',
    });
    expect(await getStrategySettings()).toMatchObject({ nextReviewOn: '2026-11-28' });
  });

  it('changes nothing when seeded again', async () => {
    const before = await prisma.metricObservation.count();
    const pieces = await prisma.contentPiece.count();
    const audiences = new Map(
      (await prisma.audience.findMany()).map((a) => [a.name, a.id] as const),
    );
    await prisma.$transaction((tx) =>
      seedDemoResults(tx, {
        now: NOW,
        timeZone: 'Europe/Berlin',
        userId: () => {
          throw new Error('not expected');
        },
        itemId: () => '',
        needId: () => '',
        audiences,
      }),
    );
    expect(await prisma.metricObservation.count()).toBe(before);
    expect(await prisma.contentPiece.count()).toBe(pieces);
  });
});
