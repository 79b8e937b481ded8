import { auditSubject, type AuditSubject } from '~/domain/audit';
import { assertCan, NotAllowedError, refusalAsProblem } from '~/domain/permissions';
import { nextReviewDay } from '~/domain/strategy/review';
import type { GoalStatus } from '~/domain/strategy/vocabulary';
import { mayDo, mayPropose, sendBackComment, type StrategyActor } from '~/domain/strategy/workflow';
import type {
  GoalFormData,
  KpiFormData,
  MilestoneFormData,
  StockTakeFormData,
} from '~/forms/strategy';
import type { Prisma } from '~/generated/prisma/client';
import type { FieldErrors } from '~/utils/forms';
import { prisma, type Tx } from '~/utils/db.server';
import { recordAudit } from './audit.server';
import { latestSignedOffEnd } from './review.server';
import { changePieceGoal } from './piece-goals.server';
import {
  versionedDelete,
  versionedUpdate,
  type VersionedDelegate,
  type VersionedDeleteDelegate,
} from './versioned.server';

/**
 * The content strategy: the overall owner and review cadence (one row), goals agreed with
 * management and their KPIs, the stock-take and the milestones. Every write re-checks the
 * actor's permission (`assertCan`, and the goal workflow of domain/strategy/workflow.ts), runs in
 * one transaction with its audit entry, and turns a change made meanwhile by someone else into
 * a conflict through the `version` in its WHERE.
 */

export type StrategyProblem =
  | 'notFound'
  | 'conflict'
  | 'notAllowed'
  | 'ownerInactive'
  | 'audienceGone'
  | 'commentRequired'
  | 'notAgreed'
  | 'pieceGone'
  | 'lastReviewTooEarly';
type Fail<P extends StrategyProblem> = { ok: false; problem: P };
const fail = <P extends StrategyProblem>(problem: P): Fail<P> => ({ ok: false, problem });

const STRATEGY_ID = 1;

const userName = { select: { id: true, name: true } } as const;

const kpiSelect = {
  id: true,
  goalId: true,
  metric: true,
  customLabel: true,
  unit: true,
  direction: true,
  baseline: true,
  target: true,
  targetDate: true,
  scope: true,
  channel: true,
  audienceId: true,
  audience: { select: { name: true } },
  version: true,
} satisfies Prisma.KpiSelect;

const goalSelect = {
  id: true,
  title: true,
  description: true,
  category: true,
  status: true,
  periodStart: true,
  periodEnd: true,
  weight: true,
  agreedAt: true,
  sentBackComment: true,
  sentBackAt: true,
  retiredAt: true,
  version: true,
  proposedBy: userName,
  agreedBy: userName,
  sentBackBy: userName,
  kpis: { select: kpiSelect, orderBy: { createdAt: 'asc' } },
} satisfies Prisma.GoalSelect;

/** The strategy's settings, with the defaults before management has set anything. */
async function readSettings(db: Tx | typeof prisma) {
  const row = await db.strategy.findUnique({
    where: { id: STRATEGY_ID },
    select: {
      ownerId: true,
      reviewCadenceMonths: true,
      lastReviewOn: true,
      version: true,
      owner: { select: { id: true, name: true, email: true, active: true } },
    },
  });
  return (
    row ?? {
      ownerId: null,
      reviewCadenceMonths: 6,
      lastReviewOn: null,
      version: 0,
      owner: null,
    }
  );
}

/** The overall owner and the review dates (for the strategy page and the dashboard). */
export async function getStrategySettings() {
  const settings = await readSettings(prisma);
  return {
    ...settings,
    owner: settings.owner?.active ? settings.owner : null,
    nextReviewOn: nextReviewDay({
      lastReviewOn: settings.lastReviewOn,
      cadenceMonths: settings.reviewCadenceMonths,
    }),
  };
}

/** Everything the strategy page shows. */
export async function getStrategyOverview() {
  const [settings, goals, stockTake, milestones] = await Promise.all([
    getStrategySettings(),
    prisma.goal.findMany({
      where: { status: { not: 'retired' } },
      select: goalSelect,
      orderBy: [{ weight: 'desc' }, { title: 'asc' }],
    }),
    prisma.stockTakeEntry.findMany({
      select: { id: true, kind: true, text: true, evidence: true, notedOn: true, version: true },
      orderBy: [{ kind: 'asc' }, { notedOn: 'desc' }],
    }),
    listMilestones(),
  ]);
  return { settings, goals, stockTake, milestones };
}

/** The timeline's milestones in date order (optionally of a range of days, both included). */
export function listMilestones(range?: { from: string; to: string }) {
  return prisma.milestone.findMany({
    where: range ? { date: { gte: range.from, lte: range.to } } : undefined,
    select: { id: true, title: true, date: true, note: true, version: true },
    orderBy: [{ date: 'asc' }, { title: 'asc' }],
  });
}

export function getGoal(id: string) {
  return prisma.goal.findUnique({ where: { id }, select: goalSelect });
}

/** Active users management can name as the overall owner. */
export function listOwnerChoices() {
  return prisma.user.findMany({
    where: { active: true },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
}

/** Writes the settings row, creating it on the first change; false when the version moved on. */
async function writeSettings(
  tx: Tx,
  expectedVersion: number | undefined,
  data: { ownerId?: string | null; reviewCadenceMonths?: number; lastReviewOn?: string | null },
): Promise<boolean> {
  const existing = await tx.strategy.findUnique({
    where: { id: STRATEGY_ID },
    select: { version: true },
  });
  if (!existing) {
    if (expectedVersion) return false;
    await tx.strategy.create({ data: { id: STRATEGY_ID, ...data } });
    return true;
  }
  if (expectedVersion === undefined) return false;
  return (await versionedUpdate(tx.strategy, { id: STRATEGY_ID, expectedVersion, data })).ok;
}

/** Management names the overall owner (an active user), or nobody. */
export function setStrategyOwner({
  actor,
  ownerId,
  expectedVersion,
}: {
  actor: StrategyActor;
  ownerId: string | null;
  expectedVersion?: number;
}): Promise<{ ok: true } | Fail<'conflict' | 'notAllowed' | 'ownerInactive'>> {
  return refusalAsProblem(async () => {
    assertCan(actor, 'strategy:agree');
    return prisma.$transaction(async (tx) => {
      if (ownerId) {
        const owner = await tx.user.findUnique({
          where: { id: ownerId },
          select: { active: true },
        });
        if (!owner?.active) return fail('ownerInactive');
      }
      const before = await readSettings(tx);
      if (!(await writeSettings(tx, expectedVersion, { ownerId }))) return fail('conflict');
      await recordAudit(tx, {
        actorId: actor.id,
        ...auditSubject('strategy', 'owner'),
        entityId: String(STRATEGY_ID),
        before: { ownerId: before.ownerId, owner: before.owner?.name ?? null },
        after: {
          ownerId,
          owner: ownerId
            ? ((await tx.user.findUnique({ where: { id: ownerId }, select: { name: true } }))
                ?.name ?? null)
            : null,
        },
      });
      return { ok: true as const };
    });
  });
}

/**
 * Management sets the review cadence and the day of the last review. The day cannot be before
 * the end of the latest signed off review (nor be cleared once one is): the next review's period
 * begins on it, and a period already signed off is not reviewed again.
 */
export function setReviewCadence({
  actor,
  cadenceMonths,
  lastReviewOn,
  expectedVersion,
}: {
  actor: StrategyActor;
  cadenceMonths: number;
  lastReviewOn: string | null;
  expectedVersion?: number;
}): Promise<
  | { ok: true }
  | Fail<'conflict' | 'notAllowed'>
  | (Fail<'lastReviewTooEarly'> & { errors: FieldErrors })
> {
  return refusalAsProblem(async () => {
    assertCan(actor, 'strategy:agree');
    return prisma.$transaction(async (tx) => {
      const signedOffUntil = await latestSignedOffEnd(tx);
      if (signedOffUntil && (lastReviewOn === null || lastReviewOn < signedOffUntil)) {
        return {
          ...fail('lastReviewTooEarly'),
          errors: {
            lastReviewOn: {
              key: 'strategy.review.lastBeforeSignedOff',
              values: { day: signedOffUntil },
            },
          },
        };
      }
      const before = await readSettings(tx);
      const data = { reviewCadenceMonths: cadenceMonths, lastReviewOn };
      if (!(await writeSettings(tx, expectedVersion, data))) return fail('conflict');
      await recordAudit(tx, {
        actorId: actor.id,
        ...auditSubject('strategy', 'cadence'),
        entityId: String(STRATEGY_ID),
        before: {
          reviewCadenceMonths: before.reviewCadenceMonths,
          lastReviewOn: before.lastReviewOn,
        },
        after: data,
      });
      return { ok: true as const };
    });
  });
}

/** Refuses (NotAllowedError, answered as notAllowed) unless the actor may propose. */
function assertMayPropose(actor: StrategyActor) {
  if (!mayPropose(actor)) throw new NotAllowedError('strategy:propose');
}

const goalFields = {
  title: true,
  description: true,
  category: true,
  periodStart: true,
  periodEnd: true,
  weight: true,
} as const;

function goalData(input: GoalFormData) {
  return {
    title: input.title,
    description: input.description,
    category: input.category,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    weight: input.weight,
  };
}

/** An editor or the owner proposes a goal; management then agrees to it or sends it back. */
export function proposeGoal({
  actor,
  input,
}: {
  actor: StrategyActor;
  input: GoalFormData;
}): Promise<{ ok: true; id: string } | Fail<'notAllowed'>> {
  return refusalAsProblem(() =>
    prisma.$transaction(async (tx) => {
      assertMayPropose(actor);
      const goal = await tx.goal.create({
        data: { ...goalData(input), status: 'proposed', proposedById: actor.id },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'goal.propose',
        entityType: 'goal',
        entityId: goal.id,
        after: goalData(input),
      });
      return { ok: true as const, id: goal.id };
    }),
  );
}

/** A proposal is edited; a goal that was sent back is proposed again by saving it. */
export function updateGoal({
  actor,
  id,
  input,
  expectedVersion,
}: {
  actor: StrategyActor;
  id: string;
  input: GoalFormData;
  expectedVersion: number;
}): Promise<{ ok: true; id: string } | Fail<'notFound' | 'conflict' | 'notAllowed'>> {
  return refusalAsProblem(() =>
    prisma.$transaction(async (tx) => {
      const before = await tx.goal.findUnique({
        where: { id },
        select: { ...goalFields, status: true, version: true },
      });
      if (!before) return fail('notFound');
      if (before.version !== expectedVersion) return fail('conflict');
      if (!mayDo('edit', actor, before.status as GoalStatus)) return fail('notAllowed');
      const written = await versionedUpdate(tx.goal, {
        id,
        expectedVersion,
        data: { ...goalData(input), status: 'proposed' },
      });
      if (!written.ok) return fail(written.problem);
      const { status, version: _v, ...was } = before;
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'goal.update',
        entityType: 'goal',
        entityId: id,
        before: { ...was, status },
        after: { ...goalData(input), status: 'proposed' },
      });
      return { ok: true as const, id };
    }),
  );
}

export type GoalDecision = 'agree' | 'send_back' | 'retire';

/**
 * Management's decision on a goal: agreeing records who and when; sending back requires a
 * comment; retiring takes any goal out of the plan.
 */
export function decideGoal({
  actor,
  id,
  decision,
  comment,
  expectedVersion,
  now = new Date(),
}: {
  actor: StrategyActor;
  id: string;
  decision: GoalDecision;
  comment?: string;
  expectedVersion: number;
  now?: Date;
}): Promise<
  { ok: true; id: string } | Fail<'notFound' | 'conflict' | 'notAllowed' | 'commentRequired'>
> {
  return refusalAsProblem(async () => {
    assertCan(actor, 'strategy:agree');
    const reason = sendBackComment(comment);
    if (decision === 'send_back' && !reason) return fail('commentRequired');
    return prisma.$transaction(async (tx) => {
      const before = await tx.goal.findUnique({
        where: { id },
        select: { title: true, status: true, version: true },
      });
      if (!before) return fail('notFound');
      if (before.version !== expectedVersion) return fail('conflict');
      // a decision the status no longer allows (decided meanwhile) is a conflict too
      if (!mayDo(decision, actor, before.status as GoalStatus)) return fail('conflict');
      const data =
        decision === 'agree'
          ? { status: 'agreed', agreedById: actor.id, agreedAt: now }
          : decision === 'send_back'
            ? {
                status: 'sent_back',
                sentBackById: actor.id,
                sentBackAt: now,
                sentBackComment: reason,
              }
            : { status: 'retired', retiredAt: now };
      const written = await versionedUpdate(tx.goal, { id, expectedVersion, data });
      if (!written.ok) return fail(written.problem);
      await recordAudit(tx, {
        actorId: actor.id,
        action: `goal.${decision}`,
        entityType: 'goal',
        entityId: id,
        before: { title: before.title, status: before.status },
        after: {
          title: before.title,
          status: data.status,
          ...(decision === 'send_back' ? { comment: reason } : {}),
        },
      });
      return { ok: true as const, id };
    });
  });
}

function kpiData(input: KpiFormData) {
  return {
    metric: input.metric,
    customLabel: input.customLabel || null,
    unit: input.unit,
    direction: input.direction,
    baseline: input.baseline,
    target: input.target,
    targetDate: input.targetDate,
    scope: input.scope,
    channel: input.channel,
    audienceId: input.audienceId,
  };
}

/** Checks that the actor may still edit the goal's KPIs (the goal is a proposal). */
async function editableGoal(tx: Tx, actor: StrategyActor, goalId: string) {
  const goal = await tx.goal.findUnique({ where: { id: goalId }, select: { status: true } });
  if (!goal) return fail('notFound');
  if (!mayDo('edit', actor, goal.status as GoalStatus)) return fail('notAllowed');
  return null;
}

/** Adds a KPI to a goal (no `input.kpiId`) or changes one of its KPIs. */
export function saveKpi({
  actor,
  goalId,
  input,
}: {
  actor: StrategyActor;
  goalId: string;
  input: KpiFormData;
}): Promise<
  { ok: true; id: string } | Fail<'notFound' | 'conflict' | 'notAllowed' | 'audienceGone'>
> {
  return refusalAsProblem(() =>
    prisma.$transaction(async (tx) => {
      const refused = await editableGoal(tx, actor, goalId);
      if (refused) return refused;
      if (input.audienceId) {
        const audience = await tx.audience.findUnique({
          where: { id: input.audienceId },
          select: { id: true },
        });
        if (!audience) return fail('audienceGone');
      }
      const data = kpiData(input);
      if (!input.kpiId) {
        const kpi = await tx.kpi.create({ data: { ...data, goalId }, select: { id: true } });
        await recordAudit(tx, {
          actorId: actor.id,
          action: 'kpi.create',
          entityType: 'kpi',
          entityId: kpi.id,
          after: { goalId, ...data },
        });
        return { ok: true as const, id: kpi.id };
      }
      const before = await tx.kpi.findFirst({
        where: { id: input.kpiId, goalId },
        select: { ...kpiSelect, audience: undefined },
      });
      if (!before) return fail('notFound');
      const written = await versionedUpdate(tx.kpi, {
        id: input.kpiId,
        // a form without a version cannot know the KPI's state: it conflicts
        expectedVersion: input.expectedVersion ?? 0,
        where: { goalId },
        data,
      });
      if (!written.ok) return fail(written.problem);
      const { version: _v, id: _id, ...was } = before;
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'kpi.update',
        entityType: 'kpi',
        entityId: input.kpiId,
        before: was,
        after: { goalId, ...data },
      });
      return { ok: true as const, id: input.kpiId };
    }),
  );
}

export function removeKpi({
  actor,
  goalId,
  kpiId,
  expectedVersion,
}: {
  actor: StrategyActor;
  goalId: string;
  kpiId: string;
  expectedVersion: number;
}): Promise<{ ok: true } | Fail<'notFound' | 'conflict' | 'notAllowed'>> {
  return refusalAsProblem(() =>
    prisma.$transaction(async (tx) => {
      const refused = await editableGoal(tx, actor, goalId);
      if (refused) return refused;
      const kpi = await tx.kpi.findFirst({
        where: { id: kpiId, goalId },
        select: { metric: true, customLabel: true, target: true },
      });
      if (!kpi) return fail('notFound');
      const deleted = await versionedDelete(tx.kpi, {
        id: kpiId,
        expectedVersion,
        where: { goalId },
      });
      if (!deleted.ok) return fail(deleted.problem);
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'kpi.delete',
        entityType: 'kpi',
        entityId: kpiId,
        before: { goalId, ...kpi },
      });
      return { ok: true as const };
    }),
  );
}

// ───────────────────────────── stock-take and timeline ─────────────────────────────

/**
 * The stock-take's entries and the timeline's milestones are simple lists that editors and the
 * owner keep: added, changed in place and removed, each write versioned and audited. One
 * description per list drives the same four writes.
 */
type ListKind = 'stockTake' | 'milestone';

/** The part of a Prisma delegate the list writes use (the two delegates share it). */
type ListDelegate = VersionedDelegate<object, object> &
  VersionedDeleteDelegate<object> & {
    create(args: { data: object; select: { id: true } }): Promise<{ id: string }>;
    findUnique(args: { where: { id: string }; select: object }): Promise<object | null>;
  };

const LISTS: Record<
  ListKind,
  { delegate: (tx: Tx) => ListDelegate; audited: Record<string, true> }
> = {
  stockTake: {
    delegate: (tx) => tx.stockTakeEntry as unknown as ListDelegate,
    audited: { kind: true, text: true, evidence: true, notedOn: true },
  },
  milestone: {
    delegate: (tx) => tx.milestone as unknown as ListDelegate,
    audited: { title: true, date: true, note: true },
  },
};

/** The audit subject of a list write (the kind decides it; TypeScript cannot follow the union). */
const listSubject = (kind: ListKind, action: 'create' | 'update' | 'delete') =>
  auditSubject(kind, action) as AuditSubject;

type ListResult<T> = Promise<T | Fail<'notFound' | 'conflict' | 'notAllowed'>>;

function addListRecord(
  kind: ListKind,
  actor: StrategyActor,
  input: StockTakeFormData | MilestoneFormData,
): Promise<{ ok: true; id: string } | Fail<'notAllowed'>> {
  const list = LISTS[kind];
  return refusalAsProblem(() =>
    prisma.$transaction(async (tx) => {
      assertMayPropose(actor);
      const row = await list.delegate(tx).create({ data: input, select: { id: true } });
      await recordAudit(tx, {
        actorId: actor.id,
        ...listSubject(kind, 'create'),
        entityId: row.id,
        after: input,
      });
      return { ok: true as const, id: row.id };
    }),
  );
}

function updateListRecord(
  kind: ListKind,
  actor: StrategyActor,
  id: string,
  input: StockTakeFormData | MilestoneFormData,
  expectedVersion: number,
): ListResult<{ ok: true; id: string }> {
  const list = LISTS[kind];
  return refusalAsProblem(() =>
    prisma.$transaction(async (tx) => {
      assertMayPropose(actor);
      const delegate = list.delegate(tx);
      const before = await delegate.findUnique({ where: { id }, select: list.audited });
      if (!before) return fail('notFound');
      const written = await versionedUpdate(delegate, { id, expectedVersion, data: input });
      if (!written.ok) return fail(written.problem);
      await recordAudit(tx, {
        actorId: actor.id,
        ...listSubject(kind, 'update'),
        entityId: id,
        before,
        after: input,
      });
      return { ok: true as const, id };
    }),
  );
}

function removeListRecord(
  kind: ListKind,
  actor: StrategyActor,
  id: string,
  expectedVersion: number,
): ListResult<{ ok: true }> {
  const list = LISTS[kind];
  return refusalAsProblem(() =>
    prisma.$transaction(async (tx) => {
      assertMayPropose(actor);
      const delegate = list.delegate(tx);
      const before = await delegate.findUnique({ where: { id }, select: list.audited });
      if (!before) return fail('notFound');
      const deleted = await versionedDelete(delegate, { id, expectedVersion });
      if (!deleted.ok) return fail(deleted.problem);
      await recordAudit(tx, {
        actorId: actor.id,
        ...listSubject(kind, 'delete'),
        entityId: id,
        before,
      });
      return { ok: true as const };
    }),
  );
}

type Versioned = { actor: StrategyActor; id: string; expectedVersion: number };

/** Adds a stock-take entry (editors and the owner keep the stock-take). */
export const addStockTakeEntry = ({
  actor,
  input,
}: {
  actor: StrategyActor;
  input: StockTakeFormData;
}) => addListRecord('stockTake', actor, input);

/** Changes a stock-take entry in place; a change made meanwhile is a conflict. */
export const updateStockTakeEntry = ({
  actor,
  id,
  input,
  expectedVersion,
}: Versioned & { input: StockTakeFormData }) =>
  updateListRecord('stockTake', actor, id, input, expectedVersion);

export const removeStockTakeEntry = ({ actor, id, expectedVersion }: Versioned) =>
  removeListRecord('stockTake', actor, id, expectedVersion);

/** Adds a milestone to the timeline. */
export const addMilestone = ({
  actor,
  input,
}: {
  actor: StrategyActor;
  input: MilestoneFormData;
}) => addListRecord('milestone', actor, input);

/** Changes a milestone in place; a change made meanwhile is a conflict. */
export const updateMilestone = ({
  actor,
  id,
  input,
  expectedVersion,
}: Versioned & { input: MilestoneFormData }) =>
  updateListRecord('milestone', actor, id, input, expectedVersion);

export const removeMilestone = ({ actor, id, expectedVersion }: Versioned) =>
  removeListRecord('milestone', actor, id, expectedVersion);

// ───────────────────────────── pieces serving goals ─────────────────────────────

const pieceSelect = {
  id: true,
  title: true,
  channel: true,
  status: true,
  publishAt: true,
} satisfies Prisma.ContentPieceSelect;

export { getGoalCoverage } from './strategy-aids.server';

/** The pieces serving a goal, by publication date (for those who read the whole calendar). */
export function listGoalPieces(goalId: string) {
  return prisma.contentPiece.findMany({
    where: { goals: { some: { goalId } } },
    select: pieceSelect,
    orderBy: [{ publishAt: 'asc' }, { title: 'asc' }],
  });
}

/** Pieces still in the making that could serve the goal: not linked yet, not cancelled. */
export function listLinkablePieces(goalId: string) {
  return prisma.contentPiece.findMany({
    where: {
      status: { notIn: ['cancelled', 'published'] },
      goals: { none: { goalId } },
    },
    select: pieceSelect,
    orderBy: [{ publishAt: { sort: 'asc', nulls: 'last' } }, { title: 'asc' }],
    take: 300,
  });
}

/** An editor links a piece to an agreed goal it serves. */
export function linkPieceToGoal({
  actor,
  goalId,
  pieceId,
}: {
  actor: StrategyActor;
  goalId: string;
  pieceId: string;
}): Promise<{ ok: true } | Fail<'notFound' | 'notAgreed' | 'pieceGone' | 'notAllowed'>> {
  return refusalAsProblem(() =>
    prisma.$transaction(async (tx) => {
      assertCan(actor, 'calendar:plan');
      const goal = await tx.goal.findUnique({ where: { id: goalId }, select: { status: true } });
      if (!goal) return fail('notFound');
      if (goal.status !== 'agreed') return fail('notAgreed');
      const changed = await changePieceGoal(tx, {
        actorId: actor.id,
        pieceId,
        goalId,
        serves: true,
      });
      if (!changed) return fail('pieceGone');
      return { ok: true as const };
    }),
  );
}

export function unlinkPieceFromGoal({
  actor,
  goalId,
  pieceId,
}: {
  actor: StrategyActor;
  goalId: string;
  pieceId: string;
}): Promise<{ ok: true } | Fail<'notAllowed'>> {
  return refusalAsProblem(() =>
    prisma.$transaction(async (tx) => {
      assertCan(actor, 'calendar:plan');
      await changePieceGoal(tx, { actorId: actor.id, pieceId, goalId, serves: false });
      return { ok: true as const };
    }),
  );
}
