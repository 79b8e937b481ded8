import { channelColumns, type ChannelFieldValues } from '~/domain/calendar/channel-fields';
import { deriveDeadlines } from '~/domain/calendar/deadlines';
import { moveToDay, startOfLocalDay } from '~/domain/calendar/grid';
import type { DeadlineStage, PieceStatus } from '~/domain/calendar/vocabulary';
import {
  PUBLIC_STAGES,
  pieceTransition,
  type PieceTransitionProblem,
} from '~/domain/calendar/workflow';
import { assertCan, can, refusalAsProblem } from '~/domain/permissions';
import { prisma, type Tx } from '~/utils/db.server';
import { recordAudit } from './audit.server';
import { notifyMentions, notifyPiecePeople } from './notification.server';
import { checkPiece, pieceContentSelect, type ContentVerdict } from './disclosure.server';
import { goalsProblem, writePieceGoals } from './piece-goals.server';
import { versionedUpdate, type VersionProblem } from './versioned.server';
import {
  linkedNames,
  pieceDetailSelect,
  piecesVisibleTo,
  type PieceDetail,
  type Viewer,
} from './piece-queries.server';

/**
 * Changing content pieces: create, save, move, transition, comment. Every write re-checks the
 * actor's permission with `assertCan` (routes check first, but the CLI, seeds and tests call these
 * directly), and a save that lost a race answers with one conflict shape (`conflictResult`).
 */

export type PieceInput = {
  channel: string;
  title: string;
  brief: string;
  body: string;
  publishAt: Date | null;
  ownerId: string | null;
  audiences: string[];
  experts: string[];
  /**
   * The agreed goals the piece serves; left out, a save keeps the links it has (for callers that
   * do not know about goals: older forms and scripts, the CLI).
   */
  goals?: string[];
} & ChannelFieldValues;

/** The fields an editor sees and edits, as plain values (also what a conflict message compares). */
export function editableSnapshot(p: PieceDetail) {
  return {
    title: p.title,
    brief: p.brief,
    body: p.body,
    channel: p.channel,
    publishAt: p.publishAt?.toISOString() ?? null,
    owner: p.owner?.name ?? null,
    audiences: p.audiences.map((a) => a.audience.name).sort(),
    experts: p.experts.map((e) => e.user.name).sort(),
  };
}

const linkedAudiences = (p: PieceDetail) => p.audiences.map((a) => a.audience.id);
const linkedExperts = (p: PieceDetail) => p.experts.map((e) => e.user.id);

/** Whether the ids linked to a piece are the ones asked for, in any order. */
const sameIds = (linked: string[], wanted: readonly string[]) =>
  linked.length === new Set(wanted).size && linked.every((x) => wanted.includes(x));

/**
 * The fields in which the saved piece differs from what an editor tried to save: after a
 * conflict, these are what the editor has to look at.
 */
export function conflictingFields(
  saved: PieceDetail,
  attempted: PieceInput,
): (keyof ReturnType<typeof editableSnapshot>)[] {
  const fields: (keyof ReturnType<typeof editableSnapshot>)[] = [];
  if (saved.title !== attempted.title) fields.push('title');
  if (saved.brief !== attempted.brief) fields.push('brief');
  if (saved.body !== attempted.body) fields.push('body');
  if (saved.channel !== attempted.channel) fields.push('channel');
  if ((saved.publishAt?.getTime() ?? null) !== (attempted.publishAt?.getTime() ?? null))
    fields.push('publishAt');
  if ((saved.ownerId ?? null) !== attempted.ownerId) fields.push('owner');
  if (!sameIds(linkedAudiences(saved), attempted.audiences)) fields.push('audiences');
  if (!sameIds(linkedExperts(saved), attempted.experts)) fields.push('experts');
  return fields;
}

export type PieceWriteResult =
  | { ok: true; droppedBack?: boolean }
  | { ok: false; problem: 'notFound' | 'notAllowed' }
  | {
      ok: false;
      problem: 'conflict';
      current: ReturnType<typeof editableSnapshot>;
      version: number;
      /** where the saved piece differs from what was submitted */
      fields?: string[];
    }
  | { ok: false; problem: 'blocked'; findings: BlockingFinding[] }
  | { ok: false; problem: PieceTransitionProblem | 'blocked' };

/**
 * The answer to a write that started from an older version: the piece as it is now and, when the
 * write carried a whole input, the fields in which it differs.
 */
function conflictResult(saved: PieceDetail, attempted?: PieceInput) {
  return {
    ok: false,
    problem: 'conflict',
    current: editableSnapshot(saved),
    version: saved.version,
    ...(attempted ? { fields: conflictingFields(saved, attempted) } : {}),
  } as const;
}

/** The answer to a versioned write that found the piece changed or gone since it was read. */
async function movedMeanwhile(tx: Tx, id: string, problem: VersionProblem) {
  const now =
    problem === 'conflict'
      ? await tx.contentPiece.findUnique({ where: { id }, select: pieceDetailSelect })
      : null;
  return now ? conflictResult(now) : ({ ok: false, problem: 'notFound' } as const);
}

export type BlockingFinding = {
  field: string;
  ruleName: string;
  excerpt: string;
  message?: string;
};

const blockingFindings = (verdict: ContentVerdict): BlockingFinding[] =>
  verdict.findings
    .filter((f) => f.severity === 'block' && !f.exempted)
    .map(({ field, ruleName, excerpt, message }) => ({
      field,
      ruleName,
      excerpt,
      ...(message ? { message } : {}),
    }));

async function leadTimes(tx: Tx, channel: string) {
  const plan = await tx.channelPlan.findUnique({ where: { channel }, select: { leadTimes: true } });
  try {
    return JSON.parse(plan?.leadTimes ?? '{}') as Partial<Record<DeadlineStage, number>>;
  } catch {
    return {};
  }
}

async function timeZone(tx: Tx) {
  return (
    (await tx.workspace.findUnique({ where: { id: 1 }, select: { timeZone: true } }))?.timeZone ??
    'Europe/Berlin'
  );
}

async function resetDeadlines(tx: Tx, pieceId: string, channel: string, publishAt: Date | null) {
  await tx.stageDeadline.deleteMany({ where: { pieceId } });
  if (!publishAt) return;
  const deadlines = deriveDeadlines(publishAt, await leadTimes(tx, channel), await timeZone(tx));
  if (deadlines.length)
    await tx.stageDeadline.createMany({ data: deadlines.map((d) => ({ pieceId, ...d })) });
}

/** The columns a piece's input writes; the channel fields come from domain/calendar/channel-fields. */
function pieceData(input: PieceInput) {
  return {
    channel: input.channel,
    title: input.title,
    brief: input.brief,
    body: input.body,
    publishAt: input.publishAt,
    ownerId: input.ownerId,
    ...channelColumns(input.channel, input),
  };
}

/**
 * A piece's form named an owner, audience or expert that does not exist (any more): deleted
 * meanwhile, or a hand-made request. The route answers 400 with these field errors; nothing is
 * written.
 */
export class PieceReferenceError extends Error {
  constructor(
    readonly errors: Partial<
      Record<'ownerId' | 'audiences' | 'experts' | 'goals', { key: string }>
    >,
  ) {
    super(`unknown ${Object.keys(errors).join(', ')}`);
  }
}

/**
 * Runs a piece write for a form: ids that no longer exist (an owner, audience or expert removed
 * while the form was open) become a `references` problem with the fields' errors, not an error.
 */
export async function referencesAsProblem<T>(write: () => Promise<T>) {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof PieceReferenceError)) throw error;
    return { ok: false as const, problem: 'references' as const, errors: error.errors };
  }
}

/**
 * Checks, inside the write's transaction, that every id the input links to exists, and that
 * the goals are ones the piece may serve (see piece-goals.server.ts).
 */
async function assertReferences(tx: Tx, input: PieceInput, pieceId: string | null = null) {
  const unique = (ids: readonly string[]) => [...new Set(ids)];
  // one query after the other: a transaction holds a single connection
  const owner = input.ownerId ? await tx.user.count({ where: { id: input.ownerId } }) : 1;
  const audiences = input.audiences.length
    ? await tx.audience.count({ where: { id: { in: unique(input.audiences) } } })
    : 0;
  const experts = input.experts.length
    ? await tx.user.count({ where: { id: { in: unique(input.experts) } } })
    : 0;
  const goals = input.goals ? await goalsProblem(tx, { pieceId, goalIds: input.goals }) : null;
  const errors: PieceReferenceError['errors'] = {};
  if (!owner) errors.ownerId = { key: 'validation.unknownChoice' };
  if (audiences !== unique(input.audiences).length)
    errors.audiences = { key: 'validation.unknownChoice' };
  if (experts !== unique(input.experts).length)
    errors.experts = { key: 'validation.unknownChoice' };
  if (goals) errors.goals = { key: goals };
  if (Object.keys(errors).length) throw new PieceReferenceError(errors);
}

/**
 * Creates a piece. Throws NotAllowedError for an actor who may not plan, and PieceReferenceError
 * when the input links to ids that do not exist.
 */
export async function createPiece({ actor, input }: { actor: Viewer; input: PieceInput }) {
  assertCan(actor, 'calendar:plan');
  return prisma.$transaction(async (tx) => {
    await assertReferences(tx, input);
    const piece = await tx.contentPiece.create({
      data: {
        ...pieceData(input),
        status: input.publishAt ? 'planned' : 'idea',
        audiences: { create: [...new Set(input.audiences)].map((audienceId) => ({ audienceId })) },
        experts: { create: [...new Set(input.experts)].map((userId) => ({ userId })) },
      },
      select: { id: true },
    });
    if (input.goals?.length)
      await writePieceGoals(tx, {
        actorId: actor.id,
        piece: { id: piece.id, title: input.title },
        goalIds: input.goals,
      });
    await resetDeadlines(tx, piece.id, input.channel, input.publishAt);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'piece.create',
      entityType: 'content_piece',
      entityId: piece.id,
      after: { title: input.title, channel: input.channel },
    });
    await notifyPiecePeople(tx, {
      piece: { id: piece.id, title: input.title },
      actorId: actor.id,
      before: { ownerId: null, expertIds: [] },
      after: { ownerId: input.ownerId, expertIds: input.experts },
    });
    return piece;
  });
}

/** The texts a save would publish, as the disclosure check reads them. */
async function inputContent(id: string, input: PieceInput) {
  const names = await linkedNames(input);
  const data = pieceData(input);
  return {
    id,
    title: data.title,
    brief: data.brief,
    body: data.body,
    slug: data.slug,
    targetUrl: data.targetUrl,
    guests: data.guests,
    speakers: data.speakers,
    registrationUrl: data.registrationUrl,
    ...names,
  };
}

/**
 * Saves an editor's changes. `expectedVersion` is the version the editor started from: when
 * someone saved in between, nothing is written and the answer carries the current values, so the
 * editor sees what changed instead of silently overwriting it.
 */
export function updatePiece({
  id,
  actor,
  input,
  expectedVersion,
}: {
  id: string;
  actor: Viewer;
  input: PieceInput;
  expectedVersion: number;
}): Promise<PieceWriteResult> {
  return refusalAsProblem(async () => {
    assertCan(actor, 'calendar:plan');
    // new content with a blocking finding sends an approved or scheduled piece back to review,
    // and is refused outright for a piece that is already published (it is out there)
    const verdict = await checkPiece(await inputContent(id, input));
    const blocked = verdict.decision === 'block';
    return prisma.$transaction(async (tx) => {
      const current = await tx.contentPiece.findFirst({
        where: { AND: [{ id }, piecesVisibleTo(actor)] },
        select: pieceDetailSelect,
      });
      if (!current) return { ok: false, problem: 'notFound' } as const;
      if (current.version !== expectedVersion) return conflictResult(current, input);
      if ((current.status === 'scheduled' || current.status === 'published') && !input.publishAt) {
        return { ok: false, problem: 'needsDate' } as const;
      }
      if (blocked && current.status === 'published')
        return { ok: false, problem: 'blocked', findings: blockingFindings(verdict) } as const;
      await assertReferences(tx, input, id);
      const dropsBack = current.status === 'approved' || current.status === 'scheduled';
      const written = await versionedUpdate(tx.contentPiece, {
        id,
        expectedVersion,
        data: { ...pieceData(input), ...(blocked && dropsBack ? { status: 'in_review' } : {}) },
      });
      if (!written.ok) {
        const now = await tx.contentPiece.findUnique({ where: { id }, select: pieceDetailSelect });
        return now ? conflictResult(now, input) : ({ ok: false, problem: 'notFound' } as const);
      }
      // the links are rewritten only when they change: a save holds the database's one writer
      // while its transaction runs, so every statement left out shortens everyone's wait
      if (!sameIds(linkedAudiences(current), input.audiences)) {
        await tx.contentPieceAudience.deleteMany({ where: { pieceId: id } });
        if (input.audiences.length) {
          await tx.contentPieceAudience.createMany({
            data: [...new Set(input.audiences)].map((audienceId) => ({ pieceId: id, audienceId })),
          });
        }
      }
      if (!sameIds(linkedExperts(current), input.experts)) {
        await tx.contentPieceExpert.deleteMany({ where: { pieceId: id } });
        if (input.experts.length) {
          await tx.contentPieceExpert.createMany({
            data: [...new Set(input.experts)].map((userId) => ({ pieceId: id, userId })),
          });
        }
      }
      if (input.goals)
        await writePieceGoals(tx, {
          actorId: actor.id,
          piece: { id, title: input.title },
          goalIds: input.goals,
        });
      const dateChanged =
        (current.publishAt?.getTime() ?? null) !== (input.publishAt?.getTime() ?? null) ||
        current.channel !== input.channel;
      if (dateChanged) await resetDeadlines(tx, id, input.channel, input.publishAt);
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'piece.update',
        entityType: 'content_piece',
        entityId: id,
        before: editableSnapshot(current),
        after: { title: input.title, publishAt: input.publishAt },
      });
      await notifyPiecePeople(tx, {
        piece: { id, title: input.title },
        actorId: actor.id,
        before: { ownerId: current.ownerId, expertIds: linkedExperts(current) },
        after: { ownerId: input.ownerId, expertIds: input.experts },
      });
      return { ok: true, droppedBack: blocked && dropsBack } as const;
    });
  });
}

/**
 * Moves a piece to another day (drag and drop, keyboard or form), keeping its local time of day;
 * a piece from the backlog gets 09:00 and, if it was an idea, becomes planned.
 */
export function movePiece({
  id,
  actor,
  day,
  expectedVersion,
}: {
  id: string;
  actor: Viewer;
  day: string;
  expectedVersion?: number;
}): Promise<PieceWriteResult> {
  return refusalAsProblem(async () => {
    assertCan(actor, 'calendar:plan');
    return prisma.$transaction(async (tx) => {
      const piece = await tx.contentPiece.findFirst({
        where: { AND: [{ id }, piecesVisibleTo(actor)] },
        select: pieceDetailSelect,
      });
      if (!piece) return { ok: false, problem: 'notFound' } as const;
      // without a version from the caller, the move applies to the version just read
      const version = expectedVersion ?? piece.version;
      if (piece.version !== version) return conflictResult(piece);
      if (piece.status === 'published') return { ok: false, problem: 'wrongStatus' } as const;
      const tz = await timeZone(tx);
      const base =
        piece.publishAt ??
        (() => {
          const d = startOfLocalDay(day, tz);
          d.setHours(9, 0, 0, 0);
          return new Date(d.getTime());
        })();
      const publishAt = moveToDay(base, day, tz);
      const shift = piece.publishAt ? publishAt.getTime() - piece.publishAt.getTime() : 0;
      const written = await versionedUpdate(tx.contentPiece, {
        id,
        expectedVersion: version,
        data: {
          publishAt,
          status: piece.status === 'idea' ? 'planned' : piece.status,
          ...(piece.channel === 'webinar'
            ? {
                webinarStart: piece.webinarStart
                  ? new Date(piece.webinarStart.getTime() + shift)
                  : publishAt,
                webinarEnd: piece.webinarEnd
                  ? new Date(piece.webinarEnd.getTime() + shift)
                  : new Date(publishAt.getTime() + 3600_000),
              }
            : {}),
        },
      });
      if (!written.ok) return movedMeanwhile(tx, id, written.problem);
      await resetDeadlines(tx, id, piece.channel, publishAt);
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'piece.move',
        entityType: 'content_piece',
        entityId: id,
        before: { publishAt: piece.publishAt },
        after: { publishAt },
      });
      return { ok: true } as const;
    });
  });
}

/**
 * Moves a piece through its workflow; the rules live in domain/calendar/workflow. Anyone who may
 * read pieces can ask; the workflow decides from the actor's permissions (plan, approve) and
 * whether they contribute to the piece.
 */
export function transitionPiece({
  id,
  actor,
  to,
  expectedVersion,
}: {
  id: string;
  actor: Viewer;
  to: PieceStatus;
  expectedVersion: number;
}): Promise<PieceWriteResult> {
  return refusalAsProblem(async () => {
    assertCan(actor, 'calendar:read');
    // content with a blocking finding never reaches approved, scheduled or published; the check
    // runs on the version the editor saw, and the update below only applies to that version
    if (PUBLIC_STAGES.includes(to)) {
      const seen = await prisma.contentPiece.findFirst({
        where: { AND: [{ id }, piecesVisibleTo(actor), { version: expectedVersion }] },
        select: pieceContentSelect,
      });
      if (seen) {
        const verdict = await checkPiece(seen);
        if (verdict.decision === 'block')
          return { ok: false, problem: 'blocked', findings: blockingFindings(verdict) } as const;
      }
    }
    return prisma.$transaction(async (tx) => {
      const piece = await tx.contentPiece.findFirst({
        where: { AND: [{ id }, piecesVisibleTo(actor)] },
        select: pieceDetailSelect,
      });
      if (!piece) return { ok: false, problem: 'notFound' } as const;
      if (piece.version !== expectedVersion) return conflictResult(piece);
      const isContributor = piece.experts.some((e) => e.user.id === actor.id);
      const check = pieceTransition(
        piece.status as PieceStatus,
        to,
        {
          canPlan: can(actor.roles, 'calendar:plan'),
          canApprove: can(actor.roles, 'calendar:approve'),
          isContributor,
        },
        piece,
      );
      if (!check.ok) return check;
      const written = await versionedUpdate(tx.contentPiece, {
        id,
        expectedVersion,
        data: { status: to },
      });
      if (!written.ok) return movedMeanwhile(tx, id, written.problem);
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'piece.status',
        entityType: 'content_piece',
        entityId: id,
        before: { status: piece.status },
        after: { status: to },
      });
      return { ok: true } as const;
    });
  });
}

/**
 * Adds a comment to a piece the actor may see; false when there is no such piece. Throws
 * NotAllowedError for an actor who may not read pieces at all.
 */
export async function addPieceComment({
  id,
  actor,
  body,
}: {
  id: string;
  actor: Viewer;
  body: string;
}) {
  assertCan(actor, 'calendar:read');
  const piece = await prisma.contentPiece.findFirst({
    where: { AND: [{ id }, piecesVisibleTo(actor)] },
    select: { id: true, title: true },
  });
  if (!piece) return false;
  await prisma.$transaction(async (tx) => {
    await tx.contentComment.create({ data: { pieceId: id, authorId: actor.id, body } });
    // @mentions (an email address or a name, see domain/notifications/mentions) tell the person
    await notifyMentions(tx, { piece, actorId: actor.id, body });
  });
  return true;
}
