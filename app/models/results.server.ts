import { auditSubject } from '~/domain/audit';
import { localDay } from '~/domain/calendar/grid';
import { can, NotAllowedError, refusalAsProblem, type Action } from '~/domain/permissions';
import {
  kpiActual,
  kpiProgress,
  type KpiForResults,
  type Observation,
  type Window,
} from '~/domain/results/aggregate';
import {
  checkObservation,
  type ObservationError,
  type ObservationInput,
  type ObservationSubject,
} from '~/domain/results/observation';
import { kpiObservationMetric } from '~/domain/results/presets';
import { platformIdKey } from '~/domain/results/url';
import type { KpiDirection, KpiScope } from '~/domain/strategy/vocabulary';
import type { Prisma } from '~/generated/prisma/client';
import { prisma, type Tx } from '~/utils/db.server';
import { recordAudit } from './audit.server';
import { getWorkspace } from './workspace.server';

/**
 * Results: observations of metrics (entered by hand here, imported in results-import.server.ts)
 * and what they say about pieces and KPIs. Editors and the strategy's owner enter and import;
 * editors and management read everything; experts read the results of the pieces they
 * contribute to. Every write re-checks the actor inside its transaction and is audited in it.
 */

export type ResultsActor = { id: string; roles: readonly string[] };

/**
 * Refuses (NotAllowedError) unless the actor, read again inside the transaction, is active and
 * either holds the action or is the strategy's overall owner (who enters and imports results
 * whatever their roles).
 */
export async function assertResultsWriter(
  tx: Tx,
  actorId: string,
  action: Extract<Action, 'results:enter' | 'results:import'>,
): Promise<void> {
  // one query after the other: a transaction holds a single connection
  const user = await tx.user.findUnique({
    where: { id: actorId },
    select: { active: true, roles: { select: { role: true } } },
  });
  const strategy = await tx.strategy.findUnique({ where: { id: 1 }, select: { ownerId: true } });
  if (!user?.active) throw new NotAllowedError(action);
  if (
    can(
      user.roles.map((r) => r.role),
      action,
    )
  )
    return;
  if (strategy?.ownerId === actorId) return;
  throw new NotAllowedError(action);
}

/** Whether the user may enter and import results (for showing the controls). */
export async function mayWriteResults(user: ResultsActor): Promise<boolean> {
  if (can(user.roles, 'results:import')) return true;
  const strategy = await prisma.strategy.findUnique({
    where: { id: 1 },
    select: { ownerId: true },
  });
  return strategy?.ownerId === user.id;
}

type Fail<P extends string> = { ok: false; problem: P };
const fail = <P extends string>(problem: P): Fail<P> => ({ ok: false, problem });

/** What the results pages and the strategy's figures read of an observation. */
export const observationSelect = {
  id: true,
  metric: true,
  value: true,
  periodStart: true,
  periodEnd: true,
  subject: true,
  pieceId: true,
  channel: true,
  audienceId: true,
  source: true,
  importId: true,
  note: true,
  createdAt: true,
  piece: { select: { channel: true, audiences: { select: { audienceId: true } } } },
} satisfies Prisma.MetricObservationSelect;

type ObservationRow = Prisma.MetricObservationGetPayload<{ select: typeof observationSelect }>;

/** A stored observation in the form the domain computes with. */
export function toDomain(o: ObservationRow): Observation {
  return {
    id: o.id,
    metric: o.metric,
    value: o.value,
    periodStart: o.periodStart,
    periodEnd: o.periodEnd,
    subject: o.subject as Observation['subject'],
    pieceId: o.pieceId,
    channel: o.channel,
    audienceId: o.audienceId,
    createdAt: o.createdAt.toISOString(),
    piece: o.piece
      ? { channel: o.piece.channel, audienceIds: o.piece.audiences.map((a) => a.audienceId) }
      : null,
  };
}

/**
 * A person enters one observation (a piece's downloads, a channel's total, the NPS). Its period
 * must be over by `today` (the workspace's day unless given) and, for a piece, must not start
 * before the day the piece was published.
 */
export async function enterObservation({
  actor,
  input,
  today,
}: {
  actor: ResultsActor;
  input: ObservationInput;
  today?: string;
}): Promise<
  | { ok: true; id: string }
  | { ok: false; problem: 'invalid'; errors: ObservationError[] }
  | Fail<'notAllowed' | 'pieceGone' | 'audienceGone'>
> {
  const { timeZone } = await getWorkspace();
  const piece =
    input.subject === 'piece' && input.pieceId
      ? await prisma.contentPiece.findUnique({
          where: { id: input.pieceId },
          select: { publishAt: true },
        })
      : null;
  const checked = checkObservation(input, {
    today: today ?? localDay(new Date(), timeZone),
    publishedOn: piece?.publishAt ? localDay(piece.publishAt, timeZone) : null,
  });
  if (!checked.ok) return { ok: false, problem: 'invalid', errors: checked.errors };
  const o = checked.observation;
  return refusalAsProblem(() =>
    prisma.$transaction(async (tx) => {
      await assertResultsWriter(tx, actor.id, 'results:enter');
      if (
        o.pieceId &&
        !(await tx.contentPiece.findUnique({ where: { id: o.pieceId }, select: { id: true } }))
      )
        return fail('pieceGone');
      if (
        o.audienceId &&
        !(await tx.audience.findUnique({ where: { id: o.audienceId }, select: { id: true } }))
      )
        return fail('audienceGone');
      const created = await tx.metricObservation.create({
        data: { ...o, source: 'manual', enteredById: actor.id },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        ...auditSubject('observation', 'enter'),
        entityId: created.id,
        after: o,
      });
      return { ok: true as const, id: created.id };
    }),
  );
}

/** Removes an observation entered by hand (imported ones go with their import's undo). */
export function deleteObservation({
  actor,
  id,
  subjects,
}: {
  actor: ResultsActor;
  id: string;
  /** when given, only an observation about one of these subjects (another one is `notFound`) */
  subjects?: readonly ObservationSubject[];
}): Promise<{ ok: true } | Fail<'notAllowed' | 'notFound' | 'imported'>> {
  return refusalAsProblem(() =>
    prisma.$transaction(async (tx) => {
      await assertResultsWriter(tx, actor.id, 'results:enter');
      const before = await tx.metricObservation.findUnique({ where: { id } });
      if (!before) return fail('notFound');
      if (subjects && !(subjects as readonly string[]).includes(before.subject))
        return fail('notFound');
      if (before.source !== 'manual') return fail('imported');
      await tx.metricObservation.delete({ where: { id } });
      await recordAudit(tx, {
        actorId: actor.id,
        ...auditSubject('observation', 'delete'),
        entityId: id,
        before: {
          metric: before.metric,
          value: before.value,
          subject: before.subject,
          pieceId: before.pieceId,
          channel: before.channel,
          audienceId: before.audienceId,
          periodStart: before.periodStart,
          periodEnd: before.periodEnd,
        },
      });
      return { ok: true as const };
    }),
  );
}

/**
 * Whether the viewer may read a piece's results: editors and management read all; an expert
 * reads those of the pieces they contribute to; the strategy's owner reads all.
 */
async function mayReadPieceResults(viewer: ResultsActor, pieceId: string): Promise<boolean> {
  if (can(viewer.roles, 'results:read')) return true;
  if (can(viewer.roles, 'results:read-own')) {
    const contribution = await prisma.contentPieceExpert.findUnique({
      where: { pieceId_userId: { pieceId, userId: viewer.id } },
      select: { pieceId: true },
    });
    if (contribution) return true;
  }
  return mayWriteResults(viewer);
}

/** A piece's observations over time, oldest period first (null when the viewer may not see them). */
export async function listPieceResults({
  viewer,
  pieceId,
}: {
  viewer: ResultsActor;
  pieceId: string;
}) {
  if (!(await mayReadPieceResults(viewer, pieceId))) return null;
  return prisma.metricObservation.findMany({
    where: { pieceId },
    select: {
      id: true,
      metric: true,
      value: true,
      periodStart: true,
      periodEnd: true,
      source: true,
      importId: true,
      note: true,
      createdAt: true,
    },
    orderBy: [{ metric: 'asc' }, { periodEnd: 'asc' }, { createdAt: 'asc' }],
  });
}

/**
 * A KPI's results over a window (by default the goal's period up to the KPI's target date):
 * the observations it reads, its actual value, its progress and the pieces that contributed.
 * Null when the KPI does not exist or the viewer may not read results.
 */
export async function getKpiResults({
  viewer,
  kpiId,
  window,
  today,
}: {
  viewer: ResultsActor;
  kpiId: string;
  window?: Window;
  today?: string;
}) {
  if (!can(viewer.roles, 'results:read') && !(await mayWriteResults(viewer))) return null;
  const kpi = await prisma.kpi.findUnique({
    where: { id: kpiId },
    select: {
      id: true,
      metric: true,
      customLabel: true,
      scope: true,
      channel: true,
      audienceId: true,
      direction: true,
      baseline: true,
      target: true,
      targetDate: true,
      goal: { select: { periodStart: true } },
    },
  });
  if (!kpi) return null;
  const forResults: KpiForResults = {
    id: kpi.id,
    metric: kpiObservationMetric(kpi),
    scope: kpi.scope as KpiScope,
    channel: kpi.channel,
    audienceId: kpi.audienceId,
    direction: kpi.direction as KpiDirection,
    baseline: kpi.baseline,
    target: kpi.target,
    targetDate: kpi.targetDate,
  };
  const range = window ?? { from: kpi.goal.periodStart, to: kpi.targetDate };
  const rows = await prisma.metricObservation.findMany({
    where: {
      metric: forResults.metric,
      periodStart: { gte: range.from },
      periodEnd: { lte: range.to },
    },
    select: observationSelect,
  });
  const observations = rows.map(toDomain);
  const actual = kpiActual(forResults, observations, range);
  return {
    kpi: forResults,
    window: range,
    ...actual,
    progress: kpiProgress(
      forResults,
      actual.actual,
      today ? { start: kpi.goal.periodStart, today } : undefined,
    ),
  };
}

/**
 * The pieces known on a platform by an id (a podcast host's episode id, a webinar id), compared
 * by letters and digits only (`812 3456 7890` = `81234567890`). The piece form shows the field
 * for podcasts and webinars; imports tie rows by it.
 */
export async function findPiecesByPlatformId(platformId: string) {
  const key = platformIdKey(platformId);
  if (!key) return [];
  const candidates = await prisma.contentPiece.findMany({
    where: { platformId: { not: null } },
    select: { id: true, title: true, channel: true, platformId: true },
  });
  return candidates.filter((p) => platformIdKey(p.platformId ?? '') === key);
}

/** The subjects of the numbers beyond single pieces (/results/workspace). */
export const BEYOND_PIECES = [
  'workspace',
  'channel',
  'audience',
] as const satisfies readonly ObservationSubject[];

/**
 * The numbers beyond single pieces: those of the whole workspace (the NPS), of a channel (the
 * podcast's subscribers) and of an audience (mentions by opinion leaders), each with its subject
 * and, for an audience, its name; newest period first per metric. With them the audiences one
 * may enter a number for, by name. Null when the viewer may not read results.
 */
export async function listResultsBeyondPieces({ viewer }: { viewer: ResultsActor }) {
  if (!can(viewer.roles, 'results:read') && !(await mayWriteResults(viewer))) return null;
  const [observations, audiences] = await Promise.all([
    prisma.metricObservation.findMany({
      where: { subject: { in: [...BEYOND_PIECES] } },
      select: {
        id: true,
        metric: true,
        value: true,
        periodStart: true,
        periodEnd: true,
        subject: true,
        channel: true,
        audienceId: true,
        audience: { select: { name: true } },
        source: true,
        note: true,
        createdAt: true,
      },
      orderBy: [{ metric: 'asc' }, { periodEnd: 'desc' }, { createdAt: 'desc' }],
    }),
    prisma.audience.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
  ]);
  return { observations, audiences };
}
