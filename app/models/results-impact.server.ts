import { can } from '~/domain/permissions';
import {
  kpiActual,
  kpiProgress,
  type KpiForResults,
  type Observation,
  type Window,
} from '~/domain/results/aggregate';
import { impactSummary, pieceResults } from '~/domain/results/impact';
import { channelMedians, needVerdict, type NeedVerdict } from '~/domain/results/needs';
import { kpiObservationMetric } from '~/domain/results/presets';
import { kpiTrend } from '~/domain/results/trend';
import { CHANNEL_MAIN_METRIC, firstResultWins, kpiWins, pieceWins } from '~/domain/results/wins';
import type { KpiDirection, KpiScope } from '~/domain/strategy/vocabulary';
import type { Prisma } from '~/generated/prisma/client';
import { prisma } from '~/utils/db.server';
import { mayWriteResults, observationSelect, toDomain, type ResultsActor } from './results.server';

/**
 * What the results say about the strategy's goals: per KPI its actual value against the target,
 * its trend and the pieces that contributed. Those who read all results (editors, management)
 * and the strategy's owner see them; anyone else gets null.
 */

const kpiSelect = {
  id: true,
  metric: true,
  customLabel: true,
  unit: true,
  scope: true,
  channel: true,
  audienceId: true,
  direction: true,
  baseline: true,
  target: true,
  targetDate: true,
} satisfies Prisma.KpiSelect;

type KpiRow = Prisma.KpiGetPayload<{ select: typeof kpiSelect }>;

/**
 * A KPI's results up to `today`: its actual value over the goal's period up to its target date
 * (or today, if earlier), its progress, its trend and the pieces that contributed (by id).
 */
async function kpiResults(k: KpiRow, periodStart: string, today: string) {
  const forResults: KpiForResults = {
    id: k.id,
    metric: kpiObservationMetric(k),
    scope: k.scope as KpiScope,
    channel: k.channel,
    audienceId: k.audienceId,
    direction: k.direction as KpiDirection,
    baseline: k.baseline,
    target: k.target,
    targetDate: k.targetDate,
  };
  const window = { from: periodStart, to: k.targetDate < today ? k.targetDate : today };
  const rows = await prisma.metricObservation.findMany({
    where: {
      metric: forResults.metric,
      periodStart: { gte: window.from },
      periodEnd: { lte: window.to },
    },
    select: observationSelect,
  });
  const observations = rows.map(toDomain);
  const actual = kpiActual(forResults, observations, window);
  return {
    id: k.id,
    metric: k.metric,
    customLabel: k.customLabel,
    unit: k.unit,
    direction: forResults.direction,
    baseline: k.baseline,
    target: k.target,
    targetDate: k.targetDate,
    window,
    actual: actual.actual,
    basis: actual.basis,
    progress: kpiProgress(forResults, actual.actual, { start: periodStart, today }),
    trend: kpiTrend(forResults, observations, window),
    contributors:
      actual.basis === 'pieces' && !actual.contributors.length
        ? eachPiece(forResults, observations, window)
        : actual.contributors,
  };
}

/**
 * For a metric that does not add up over pieces (a share, a score, a custom metric read as its
 * latest value) kpiActual names no contributors: each piece in the KPI's scope with its own value.
 */
function eachPiece(kpi: KpiForResults, observations: readonly Observation[], window: Window) {
  const ids = [...new Set(observations.flatMap((o) => (o.pieceId ? [o.pieceId] : [])))];
  return ids
    .flatMap((pieceId) => {
      const own = kpiActual(
        kpi,
        observations.filter((o) => o.pieceId === pieceId),
        window,
      );
      return own.basis === 'pieces' && own.actual !== null ? [{ pieceId, value: own.actual }] : [];
    })
    .sort((a, b) => b.value - a.value || a.pieceId.localeCompare(b.pieceId));
}

/** Whether the viewer reads the results of the whole strategy. */
export async function mayReadStrategyResults(viewer: ResultsActor): Promise<boolean> {
  return can(viewer.roles, 'results:read') || mayWriteResults(viewer);
}

/**
 * A goal's KPIs with their results up to `today`: actual value (over the goal's period up to the
 * KPI's target date), progress, trend and contributing pieces (title, channel, value). Null when
 * the viewer may not read results; `goal: null` when there is no such goal.
 */
export async function getGoalResults({
  viewer,
  goalId,
  today,
}: {
  viewer: ResultsActor;
  goalId: string;
  today: string;
}) {
  if (!(await mayReadStrategyResults(viewer))) return null;
  const goal = await prisma.goal.findUnique({
    where: { id: goalId },
    select: {
      id: true,
      title: true,
      periodStart: true,
      kpis: { select: kpiSelect, orderBy: { createdAt: 'asc' } },
    },
  });
  if (!goal) return { goal: null, kpis: [] };
  const kpis = await Promise.all(goal.kpis.map((k) => kpiResults(k, goal.periodStart, today)));
  const pieceIds = [...new Set(kpis.flatMap((k) => k.contributors.map((c) => c.pieceId)))];
  const pieces = new Map(
    (
      await prisma.contentPiece.findMany({
        where: { id: { in: pieceIds } },
        select: { id: true, title: true, channel: true },
      })
    ).map((p) => [p.id, p]),
  );
  return {
    goal: { id: goal.id, title: goal.title, periodStart: goal.periodStart },
    kpis: kpis.map((k) => ({
      ...k,
      contributors: k.contributors.flatMap((c) => {
        const piece = pieces.get(c.pieceId);
        return piece ? [{ ...c, title: piece.title, channel: piece.channel }] : [];
      }),
    })),
  };
}

export type GoalResults = NonNullable<Awaited<ReturnType<typeof getGoalResults>>>;
export type GoalKpiResults = GoalResults['kpis'][number];

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** How far back the pieces' results count for the wins against their channel's median. */
export const WINS_LOOKBACK_DAYS = 180;
/** The most pieces named as wins against their channel's median. */
export const MAX_PIECE_WINS = 5;

/**
 * Early wins for the dashboard (rules in app/domain/results/wins.ts): the KPIs of agreed goals
 * at their target; the pieces above their channel's median on the channel's main metric, over
 * the results of the last WINS_LOOKBACK_DAYS days (the best MAX_PIECE_WINS); the channels whose
 * first results came in lately. Each with what its words and its link need.
 */
export async function earlyWins({ today }: { today: string }) {
  const goals = await prisma.goal.findMany({
    where: { status: 'agreed' },
    select: { id: true, title: true, periodStart: true, kpis: { select: kpiSelect } },
    orderBy: [{ weight: 'desc' }, { title: 'asc' }],
  });
  const kpis = (
    await Promise.all(
      goals.flatMap((g) =>
        g.kpis.map(async (k) => ({
          goal: { id: g.id, title: g.title },
          kpi: k,
          result: await kpiResults(k, g.periodStart, today),
        })),
      ),
    )
  ).map(({ goal, kpi, result }) => ({ goal, kpi, ...result }));
  const reached = kpiWins(kpis, today).flatMap((w) => {
    const k = w.kind === 'kpiReached' ? kpis.find((x) => x.id === w.kpiId) : undefined;
    return k && w.kind === 'kpiReached'
      ? [
          {
            kpiId: k.id,
            goalId: k.goal.id,
            goalTitle: k.goal.title,
            metric: k.kpi.metric,
            customLabel: k.kpi.customLabel,
            unit: k.kpi.unit,
            actual: w.actual,
            target: w.target,
          },
        ]
      : [];
  });

  const recent = await prisma.metricObservation.findMany({
    where: {
      subject: 'piece',
      metric: { in: Object.values(CHANNEL_MAIN_METRIC) },
      periodEnd: { gte: addDays(today, -WINS_LOOKBACK_DAYS), lte: today },
    },
    select: observationSelect,
  });
  const above = pieceWins(recent.map(toDomain)).slice(0, MAX_PIECE_WINS);
  const aboveIds = above.flatMap((w) => (w.kind === 'aboveMedian' ? [w.pieceId] : []));
  const titles = new Map(
    (
      await prisma.contentPiece.findMany({
        where: { id: { in: aboveIds } },
        select: { id: true, title: true },
      })
    ).map((p) => [p.id, p.title]),
  );
  const pieces = above.flatMap((w) =>
    w.kind === 'aboveMedian' && titles.has(w.pieceId)
      ? [{ ...w, title: titles.get(w.pieceId)! }]
      : [],
  );

  // the first results of each channel: the earliest period end per channel and per piece
  const [byChannel, byPiece] = await Promise.all([
    prisma.metricObservation.groupBy({
      by: ['channel'],
      where: { subject: 'channel' },
      _min: { periodEnd: true },
    }),
    prisma.metricObservation.groupBy({
      by: ['pieceId'],
      where: { subject: 'piece' },
      _min: { periodEnd: true },
    }),
  ]);
  const pieceChannels = new Map(
    (
      await prisma.contentPiece.findMany({
        where: { id: { in: byPiece.flatMap((p) => (p.pieceId ? [p.pieceId] : [])) } },
        select: { id: true, channel: true },
      })
    ).map((p) => [p.id, p.channel]),
  );
  const earliest: Observation[] = [
    ...byChannel.map((c) => ({ channel: c.channel, periodEnd: c._min.periodEnd })),
    ...byPiece.map((p) => ({
      channel: p.pieceId ? (pieceChannels.get(p.pieceId) ?? null) : null,
      periodEnd: p._min.periodEnd,
    })),
  ].flatMap(({ channel, periodEnd }, i) =>
    channel && periodEnd
      ? [
          {
            id: `first-${i}`,
            metric: '',
            value: 0,
            periodStart: periodEnd,
            periodEnd,
            subject: 'channel' as const,
            pieceId: null,
            channel,
            audienceId: null,
            createdAt: '',
          },
        ]
      : [],
  );
  const firstResults = firstResultWins(earliest, today).flatMap((w) =>
    w.kind === 'firstResults' ? [{ channel: w.channel, since: w.since }] : [],
  );
  return { reached, pieces, firstResults };
}

/**
 * Whose knowledge reached whom: what the pieces fed by knowledge achieved, for the knowledge item
 * page and the expert's profile. A viewer who reads all results (editors, management, the
 * strategy's owner) sees every piece's; an expert sees those of their own pieces: the pieces
 * they contribute to and the pieces their own knowledge fed. Only published pieces count.
 */
async function readablePieceIds(viewer: ResultsActor, pieceIds: readonly string[]) {
  if (!pieceIds.length || (await mayReadStrategyResults(viewer))) return new Set(pieceIds);
  if (!can(viewer.roles, 'results:read-own')) return new Set<string>();
  const own = await prisma.contentPiece.findMany({
    where: {
      id: { in: [...pieceIds] },
      OR: [
        { experts: { some: { userId: viewer.id } } },
        { knowledge: { some: { knowledgeItem: { ownerId: viewer.id } } } },
      ],
    },
    select: { id: true },
  });
  return new Set(own.map((p) => p.id));
}

/** Each piece's results, a value per metric (by the metric's aggregation), main metric first. */
async function piecesImpact(viewer: ResultsActor, where: Prisma.ContentPieceWhereInput) {
  const pieces = await prisma.contentPiece.findMany({
    where: { ...where, status: 'published' },
    select: { id: true, title: true, channel: true, publishAt: true },
    orderBy: [{ publishAt: 'desc' }, { title: 'asc' }],
  });
  const readable = await readablePieceIds(
    viewer,
    pieces.map((p) => p.id),
  );
  const shown = pieces.filter((p) => readable.has(p.id));
  const rows = await prisma.metricObservation.findMany({
    where: { pieceId: { in: shown.map((p) => p.id) } },
    select: observationSelect,
  });
  const observations = rows.map(toDomain);
  return shown.map((p) => ({
    ...p,
    results: pieceResults(
      p.channel,
      observations.filter((o) => o.pieceId === p.id),
    ),
  }));
}

/** What a knowledge item's pieces achieved (null when the viewer may read none of it). */
export async function knowledgeImpact({
  viewer,
  itemId,
}: {
  viewer: ResultsActor;
  itemId: string;
}) {
  if (!can(viewer.roles, 'results:read-own') && !(await mayReadStrategyResults(viewer)))
    return null;
  return piecesImpact(viewer, { knowledge: { some: { knowledgeItemId: itemId } } });
}

/**
 * An expert's impact for their profile: the published pieces their knowledge fed or they
 * contributed to as an expert, each with its
 * results, and a summary (how many pieces, and per counted metric the sum over them). For the
 * expert themself and those who read all results; null for anyone else.
 */
export async function expertImpact({
  viewer,
  expertId,
}: {
  viewer: ResultsActor;
  expertId: string;
}) {
  if (viewer.id !== expertId && !(await mayReadStrategyResults(viewer))) return null;
  // the pieces their knowledge items fed, and those they contributed to as an expert
  const pieces = await piecesImpact(viewer, {
    OR: [
      { knowledge: { some: { knowledgeItem: { ownerId: expertId } } } },
      { experts: { some: { userId: expertId } } },
    ],
  });
  return { pieces, summary: impactSummary(pieces) };
}

/**
 * Per need, whether the published pieces serving it perform (app/domain/results/needs.ts):
 * a map of need id to verdict, for the matching pages.
 */
export async function needsServed(needIds: readonly string[]) {
  const [links, rows] = await Promise.all([
    prisma.contentPieceNeed.findMany({
      where: { needId: { in: [...needIds] }, piece: { status: 'published' } },
      select: { needId: true, piece: { select: { id: true, channel: true } } },
    }),
    prisma.metricObservation.findMany({
      where: { subject: 'piece', metric: { in: Object.values(CHANNEL_MAIN_METRIC) } },
      select: observationSelect,
    }),
  ]);
  const context = channelMedians(rows.map(toDomain));
  const serving = new Map<string, { id: string; channel: string }[]>();
  for (const l of links) serving.set(l.needId, [...(serving.get(l.needId) ?? []), l.piece]);
  return Object.fromEntries(
    needIds.map((id) => [id, needVerdict(serving.get(id) ?? [], context)]),
  ) as Record<string, NeedVerdict>;
}
