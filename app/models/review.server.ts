import { auditSubject } from '~/domain/audit';
import { can, NotAllowedError, refusalAsProblem } from '~/domain/permissions';
import type { Observation } from '~/domain/results/aggregate';
import { kpiObservationMetric } from '~/domain/results/presets';
import {
  buildReviewSnapshot,
  dueReview,
  overlapsSignedOff,
  parseSnapshot,
  reviewWriteProblem,
  type DecisionKind,
  type ReviewSnapshot,
} from '~/domain/strategy/review-snapshot';
import type { KpiDirection, KpiScope } from '~/domain/strategy/vocabulary';
import { reviewDueReminder } from '~/domain/notifications/reminders';
import { localDay } from '~/domain/calendar/grid';
import { prisma, type PrismaClient, type Tx } from '~/utils/db.server';
import { isUniqueViolation } from '~/utils/db-errors.server';
import { DEFAULT_TIME_ZONE } from '~/utils/format';
import { recordAudit } from './audit.server';
import { notify } from './notification.server';
import { observationSelect, toDomain } from './results.server';
import { bumpVersion, versionedUpdate } from './versioned.server';

/**
 * Strategy reviews (see domain/strategy/review-snapshot.ts for when one is due and what its
 * snapshot holds). The owner of the strategy and management open the due review and add
 * findings and decisions; management signs it off. A signed off review is frozen: every write
 * checks the review's status inside its transaction (and bumps its version), so a write racing
 * the sign-off is refused with `signedOff`. A decision about a KPI's target changes the KPI in
 * the same transaction, with its own audit entry.
 */

export type ReviewActor = { id: string; roles: readonly string[] };
export type ReviewProblem =
  | 'notFound'
  | 'notAllowed'
  | 'notDue'
  | 'overlaps'
  | 'signedOff'
  | 'conflict'
  | 'subjectGone'
  | 'kpiChanged';
type Fail<P extends ReviewProblem> = { ok: false; problem: P };
const fail = <P extends ReviewProblem>(problem: P): Fail<P> => ({ ok: false, problem });

const STRATEGY_ID = 1;

/** Whether the user may open reviews and add findings and decisions (management, the owner). */
export async function mayWriteReview(user: ReviewActor, db: Tx | typeof prisma = prisma) {
  if (can(user.roles, 'review:write')) return true;
  const strategy = await db.strategy.findUnique({
    where: { id: STRATEGY_ID },
    select: { ownerId: true },
  });
  return !!strategy?.ownerId && strategy.ownerId === user.id;
}

/** Whether the user may read reviews (editors, management, the owner). */
export async function mayReadReview(user: ReviewActor) {
  return can(user.roles, 'review:read') || mayWriteReview(user);
}

async function assertMayWrite(tx: Tx, actor: ReviewActor) {
  // the roles are read again: a role taken away a moment ago counts
  const row = await tx.user.findUnique({
    where: { id: actor.id },
    select: { active: true, roles: { select: { role: true } } },
  });
  const roles = row?.active ? row.roles.map((r) => r.role) : [];
  if (!(await mayWriteReview({ id: actor.id, roles }, tx)))
    throw new NotAllowedError('review:write');
}

async function settingsAndDue(db: Tx | typeof prisma, today: string) {
  // one query after the other: `db` may be a transaction, which holds a single connection
  const strategy = await db.strategy.findUnique({
    where: { id: STRATEGY_ID },
    select: { reviewCadenceMonths: true, lastReviewOn: true, ownerId: true },
  });
  const earliest = await db.goal.findFirst({
    where: { status: 'agreed' },
    orderBy: { periodStart: 'asc' },
    select: { periodStart: true },
  });
  const existing = await db.strategyReview.findMany({ select: { dueOn: true } });
  const signedOffUntil = await latestSignedOffEnd(db);
  const found = dueReview({
    lastReviewOn: strategy?.lastReviewOn ?? null,
    cadenceMonths: strategy?.reviewCadenceMonths ?? 6,
    since: earliest?.periodStart ?? null,
    today,
    existingDueDays: existing.map((r) => r.dueOn),
  });
  // a period overlapping a signed off review is not offered (nor announced): opening refuses it
  const overlaps = !!found && overlapsSignedOff(found.periodStart, signedOffUntil);
  return {
    due: overlaps ? null : found,
    found,
    signedOffUntil,
    ownerId: strategy?.ownerId ?? null,
  };
}

/** The last day of the latest signed off review (null when none is signed off). */
export async function latestSignedOffEnd(db: Tx | typeof prisma = prisma): Promise<string | null> {
  const latest = await db.strategyReview.findFirst({
    where: { status: 'signed_off' },
    orderBy: { periodEnd: 'desc' },
    select: { periodEnd: true },
  });
  return latest?.periodEnd ?? null;
}

/** The review due today, if one is and it is not opened yet. */
export async function getDueReview(today: string) {
  return (await settingsAndDue(prisma, today)).due;
}

/** The reviews, newest first, and the one due (for the reviews page and the strategy page). */
export async function listReviews(today: string) {
  const [reviews, due] = await Promise.all([
    prisma.strategyReview.findMany({
      orderBy: { dueOn: 'desc' },
      select: {
        id: true,
        dueOn: true,
        periodStart: true,
        periodEnd: true,
        status: true,
        openedAt: true,
        signedOffAt: true,
        _count: { select: { findings: true, decisions: true } },
      },
    }),
    getDueReview(today),
  ]);
  return { reviews, due };
}

/** Everything a review's snapshot is computed from, as it is now (also for the demo seed). */
export async function snapshotOf(
  tx: Tx,
  period: { from: string; to: string },
): Promise<ReviewSnapshot> {
  const fromInstant = new Date(`${period.from}T00:00:00.000Z`);
  const toInstant = new Date(`${period.to}T23:59:59.999Z`);
  // one query after the other: a transaction holds a single connection
  const goals = await tx.goal.findMany({
    where: { status: 'agreed' },
    orderBy: [{ weight: 'desc' }, { title: 'asc' }],
    select: {
      id: true,
      title: true,
      periodStart: true,
      kpis: { orderBy: { createdAt: 'asc' } },
    },
  });
  const pieces = await tx.contentPiece.findMany({
    where: { status: 'published', publishAt: { gte: fromInstant, lte: toInstant } },
    select: {
      id: true,
      title: true,
      channel: true,
      goals: { select: { goalId: true } },
      needs: { select: { needId: true } },
    },
  });
  const needs = await tx.need.findMany({
    orderBy: [{ priority: 'asc' }, { text: 'asc' }],
    select: { id: true, text: true, audience: { select: { name: true } } },
  });
  const rows = await tx.metricObservation.findMany({
    where: { periodStart: { gte: period.from }, periodEnd: { lte: period.to } },
    select: observationSelect,
  });
  const observations: Observation[] = rows.map(toDomain);
  return buildReviewSnapshot({
    period,
    goals: goals.map((g) => ({
      id: g.id,
      title: g.title,
      periodStart: g.periodStart,
      kpis: g.kpis.map((k) => ({
        id: k.id,
        goalId: g.id,
        metric: kpiObservationMetric(k),
        customLabel: k.customLabel,
        unit: k.unit,
        scope: k.scope as KpiScope,
        channel: k.channel,
        audienceId: k.audienceId,
        direction: k.direction as KpiDirection,
        baseline: k.baseline,
        target: k.target,
        targetDate: k.targetDate,
      })),
    })),
    pieces: pieces.map((p) => ({
      id: p.id,
      title: p.title,
      channel: p.channel,
      goalIds: p.goals.map((g) => g.goalId),
      needIds: p.needs.map((n) => n.needId),
    })),
    needs: needs.map((n) => ({ id: n.id, text: n.text, audience: n.audience.name })),
    observations,
  });
}

/**
 * Opens the review due today with its snapshot. Refused with `notDue` when none is due (or it
 * was opened meanwhile: one review per due day), with `overlaps` when its period would begin
 * before the end of a signed off review (a last review day set back on the strategy page).
 */
export function openReview({
  actor,
  today,
}: {
  actor: ReviewActor;
  today: string;
}): Promise<{ ok: true; id: string } | Fail<'notAllowed' | 'notDue' | 'overlaps'>> {
  return refusalAsProblem(() =>
    prisma.$transaction(async (tx) => {
      await assertMayWrite(tx, actor);
      const { due, found, signedOffUntil } = await settingsAndDue(tx, today);
      if (found && overlapsSignedOff(found.periodStart, signedOffUntil)) return fail('overlaps');
      if (!due) return fail('notDue');
      const snapshot = await snapshotOf(tx, { from: due.periodStart, to: due.periodEnd });
      const review = await tx.strategyReview.create({
        data: {
          dueOn: due.dueOn,
          periodStart: due.periodStart,
          periodEnd: due.periodEnd,
          snapshot: JSON.stringify(snapshot),
          openedById: actor.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        ...auditSubject('review', 'open'),
        entityId: review.id,
        after: { dueOn: due.dueOn, periodStart: due.periodStart, periodEnd: due.periodEnd },
      });
      return { ok: true as const, id: review.id };
    }),
  ).catch((error: unknown) => {
    // two people opening the same review at once: the second finds it opened
    if ((error as { code?: string }).code === 'P2002') return fail('notDue');
    throw error;
  });
}

/** One review with its snapshot, findings and decisions (null when there is none). */
export async function getReview(id: string) {
  const review = await prisma.strategyReview.findUnique({
    where: { id },
    include: {
      findings: { orderBy: { createdAt: 'asc' } },
      decisions: { orderBy: { createdAt: 'asc' } },
    },
  });
  if (!review) return null;
  const people = await prisma.user.findMany({
    where: {
      id: {
        in: [
          review.openedById,
          ...(review.signedOffById ? [review.signedOffById] : []),
          ...review.findings.map((f) => f.authorId),
          ...review.decisions.map((d) => d.authorId),
        ],
      },
    },
    select: { id: true, name: true },
  });
  const name = (id: string | null) => people.find((p) => p.id === id)?.name ?? null;
  return {
    id: review.id,
    dueOn: review.dueOn,
    periodStart: review.periodStart,
    periodEnd: review.periodEnd,
    status: review.status,
    version: review.version,
    openedBy: name(review.openedById),
    openedAt: review.openedAt,
    signedOffBy: name(review.signedOffById),
    signedOffAt: review.signedOffAt,
    snapshot: parseSnapshot(review.snapshot),
    findings: review.findings.map((f) => ({ ...f, author: name(f.authorId) })),
    decisions: review.decisions.map((d) => ({ ...d, author: name(d.authorId) })),
  };
}

/** What a decision can link to: the agreed goals with their KPIs, and the audiences. */
export async function listDecisionSubjects() {
  const [goals, audiences] = await Promise.all([
    prisma.goal.findMany({
      where: { status: 'agreed' },
      orderBy: { title: 'asc' },
      select: {
        id: true,
        title: true,
        kpis: {
          orderBy: { createdAt: 'asc' },
          select: {
            id: true,
            metric: true,
            customLabel: true,
            target: true,
            unit: true,
            version: true,
          },
        },
      },
    }),
    prisma.audience.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ]);
  return { goals, audiences };
}

/**
 * Claims the open review for a write: bumps its version while it is open (and, when given, at
 * the version the writer saw). Null when it may be written; the problem otherwise.
 */
async function claimOpen(
  tx: Tx,
  reviewId: string,
  expectedVersion?: number,
): Promise<'notFound' | 'signedOff' | 'conflict' | null> {
  const where = { status: 'open' };
  const claimed =
    expectedVersion === undefined
      ? await bumpVersion(tx.strategyReview, { id: reviewId, where })
      : (
          await versionedUpdate(tx.strategyReview, {
            id: reviewId,
            expectedVersion,
            where,
            data: {},
          })
        ).ok;
  if (claimed) return null;
  const review = await tx.strategyReview.findUnique({
    where: { id: reviewId },
    select: { status: true },
  });
  if (!review) return 'notFound';
  return reviewWriteProblem(review) ?? 'conflict';
}

/** The owner or management add a finding to an open review. */
export function addFinding({
  actor,
  reviewId,
  text,
}: {
  actor: ReviewActor;
  reviewId: string;
  text: string;
}): Promise<{ ok: true; id: string } | Fail<'notAllowed' | 'notFound' | 'signedOff' | 'conflict'>> {
  return refusalAsProblem(() =>
    prisma.$transaction(async (tx) => {
      await assertMayWrite(tx, actor);
      const problem = await claimOpen(tx, reviewId);
      if (problem) return fail(problem);
      const finding = await tx.reviewFinding.create({
        data: { reviewId, text, authorId: actor.id },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        ...auditSubject('review', 'finding'),
        entityId: reviewId,
        after: { text },
      });
      return { ok: true as const, id: finding.id };
    }),
  );
}

export type DecisionInput = {
  kind: DecisionKind;
  text: string;
  goalId?: string | null;
  kpiId?: string | null;
  channel?: string | null;
  audienceId?: string | null;
  /** for kpi_target: the new target */
  target?: number | null;
  /**
   * for kpi_target: the version of the KPI the form showed (with its target); a KPI changed since
   * (by another decision, on the goal page) refuses the decision with `kpiChanged`
   */
  expectedKpiVersion?: number | null;
};

/**
 * The owner or management record a decision. One about a KPI's target sets the target in the
 * same transaction (audited as a KPI change) and keeps the target before and after; it names the
 * KPI's version the writer saw, and is refused with `kpiChanged` (nothing written) when the KPI
 * changed since: the target before would otherwise be one the writer never saw.
 */
export function addDecision({
  actor,
  reviewId,
  input,
}: {
  actor: ReviewActor;
  reviewId: string;
  input: DecisionInput;
}): Promise<
  | { ok: true; id: string }
  | Fail<'notAllowed' | 'notFound' | 'signedOff' | 'conflict' | 'subjectGone' | 'kpiChanged'>
> {
  return refusalAsProblem(() =>
    prisma.$transaction(async (tx) => {
      await assertMayWrite(tx, actor);
      const problem = await claimOpen(tx, reviewId);
      if (problem) return fail(problem);
      let subjectName = '';
      let link: {
        goalId?: string;
        kpiId?: string;
        channel?: string;
        audienceId?: string;
        fromValue?: number;
        toValue?: number;
      } = {};
      if (input.kind === 'goal') {
        const goal = input.goalId
          ? await tx.goal.findUnique({ where: { id: input.goalId }, select: { title: true } })
          : null;
        if (!goal) return fail('subjectGone');
        subjectName = goal.title;
        link = { goalId: input.goalId! };
      } else if (input.kind === 'audience') {
        const audience = input.audienceId
          ? await tx.audience.findUnique({
              where: { id: input.audienceId },
              select: { name: true },
            })
          : null;
        if (!audience) return fail('subjectGone');
        subjectName = audience.name;
        link = { audienceId: input.audienceId! };
      } else if (input.kind === 'channel_plan') {
        if (!input.channel) return fail('subjectGone');
        subjectName = input.channel;
        link = { channel: input.channel };
      } else {
        const kpi = input.kpiId
          ? await tx.kpi.findUnique({
              where: { id: input.kpiId },
              select: {
                id: true,
                goalId: true,
                metric: true,
                customLabel: true,
                target: true,
                version: true,
                goal: { select: { title: true } },
              },
            })
          : null;
        if (!kpi || input.target === null || input.target === undefined) return fail('subjectGone');
        // the version the form showed; without one the writer cannot have seen the current target
        const seen = input.expectedKpiVersion;
        if (typeof seen !== 'number' || seen !== kpi.version) return fail('kpiChanged');
        const changed = await versionedUpdate(tx.kpi, {
          id: kpi.id,
          expectedVersion: seen,
          data: { target: input.target },
        });
        if (!changed.ok) return fail(changed.problem === 'notFound' ? 'subjectGone' : 'kpiChanged');
        await recordAudit(tx, {
          actorId: actor.id,
          ...auditSubject('kpi', 'update'),
          entityId: kpi.id,
          before: { target: kpi.target },
          after: { target: input.target, review: reviewId },
        });
        subjectName = `${kpi.goal.title} · ${kpi.customLabel ?? kpi.metric}`;
        link = { goalId: kpi.goalId, kpiId: kpi.id, fromValue: kpi.target, toValue: input.target };
      }
      const decision = await tx.reviewDecision.create({
        data: {
          reviewId,
          kind: input.kind,
          text: input.text,
          subjectName,
          authorId: actor.id,
          ...link,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        ...auditSubject('review', 'decision'),
        entityId: reviewId,
        after: { kind: input.kind, text: input.text, subject: subjectName, ...link },
      });
      return { ok: true as const, id: decision.id };
    }),
  );
}

/**
 * Management signs the review off: from then on it is frozen, and the strategy's last review
 * is the day of the sign-off (the next one is due a cadence later).
 */
export function signOffReview({
  actor,
  reviewId,
  expectedVersion,
  today,
}: {
  actor: ReviewActor;
  reviewId: string;
  expectedVersion: number;
  today: string;
}): Promise<{ ok: true } | Fail<'notAllowed' | 'notFound' | 'signedOff' | 'conflict'>> {
  return refusalAsProblem(() =>
    prisma.$transaction(async (tx) => {
      const row = await tx.user.findUnique({
        where: { id: actor.id },
        select: { active: true, roles: { select: { role: true } } },
      });
      if (
        !row?.active ||
        !can(
          row.roles.map((r) => r.role),
          'review:signoff',
        )
      )
        throw new NotAllowedError('review:signoff');
      const problem = await claimOpen(tx, reviewId, expectedVersion);
      if (problem) return fail(problem);
      await tx.strategyReview.update({
        where: { id: reviewId },
        data: { status: 'signed_off', signedOffById: actor.id, signedOffAt: new Date() },
      });
      const before = await tx.strategy.findUnique({
        where: { id: STRATEGY_ID },
        select: { lastReviewOn: true },
      });
      await tx.strategy.upsert({
        where: { id: STRATEGY_ID },
        update: { lastReviewOn: today, version: { increment: 1 } },
        create: { id: STRATEGY_ID, lastReviewOn: today },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        ...auditSubject('review', 'signoff'),
        entityId: reviewId,
        before: { status: 'open', lastReviewOn: before?.lastReviewOn ?? null },
        after: { status: 'signed_off', lastReviewOn: today },
      });
      return { ok: true as const };
    }),
  );
}

/**
 * The `review.due` notification: written once per due review for the strategy's owner and
 * management (by the reminder round of notification-delivery.server.ts), until it is opened.
 * Returns how many people it was written for.
 */
export async function writeReviewDueReminder({
  db = prisma,
  now = new Date(),
}: { db?: PrismaClient; now?: Date } = {}): Promise<number> {
  const workspace = await db.workspace.findUnique({ where: { id: 1 }, select: { timeZone: true } });
  const today = localDay(now, workspace?.timeZone ?? DEFAULT_TIME_ZONE);
  const { due, ownerId } = await settingsAndDue(db, today);
  if (!due) return 0;
  const management = await db.user.findMany({
    where: { active: true, roles: { some: { role: 'management' } } },
    select: { id: true },
  });
  const reminder = reviewDueReminder(due, [
    ...(ownerId ? [ownerId] : []),
    ...management.map((m) => m.id),
  ]);
  if (!reminder) return 0;
  const had = await db.notification.count({
    where: { dedupeKey: reminder.dedupeKey, recipientId: { in: reminder.recipientIds } },
  });
  if (had >= reminder.recipientIds.length) return 0;
  try {
    const to = await db.$transaction((tx) =>
      notify(tx, {
        event: reminder.event,
        to: { userIds: reminder.recipientIds },
        actorId: null,
        subject: {
          type: 'review',
          id: reminder.dueOn,
          title: `Strategy review ${reminder.dueOn}`,
          link: '/strategy/reviews',
        },
        params: reminder.params,
        dedupeKey: reminder.dedupeKey,
      }),
    );
    return to.length;
  } catch (error) {
    // another instance wrote the same reminder at the same moment
    if (!isUniqueViolation(error)) throw error;
    return 0;
  }
}
