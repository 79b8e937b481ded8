import { randomBytes } from 'node:crypto';
import type { Prisma } from '~/generated/prisma/client';
import type { CalendarQuery } from '~/domain/calendar/calendar-query';
import { deriveDeadlines } from '~/domain/calendar/deadlines';
import { localDay, moveToDay, startOfLocalDay, viewRange } from '~/domain/calendar/grid';
import type { DeadlineStage, PieceStatus } from '~/domain/calendar/vocabulary';
import {
  PUBLIC_STAGES,
  pieceTransition,
  type PieceTransitionProblem,
} from '~/domain/calendar/workflow';
import { can } from '~/domain/permissions';
import { prisma, type Tx } from '~/utils/db.server';
import type { SessionUser } from '~/utils/session.server';
import { recordAudit } from './audit.server';
import { getWorkspace } from './workspace.server';
import {
  blockedPieceIds,
  checkPiece,
  pieceContentSelect,
  type ContentVerdict,
} from './disclosure.server';

type Viewer = Pick<SessionUser, 'id' | 'roles'>;

/**
 * Which pieces a viewer may see: planners and management all of them, experts those they
 * contribute to. Every read of pieces (pages, feed, exports) goes through this.
 */
export function piecesVisibleTo(viewer: Viewer): Prisma.ContentPieceWhereInput {
  if (can(viewer.roles, 'calendar:read-all')) return {};
  return { experts: { some: { userId: viewer.id } } };
}

function filterWhere(
  q: Pick<CalendarQuery, 'channel' | 'status' | 'audience' | 'owner' | 'expert'>,
): Prisma.ContentPieceWhereInput[] {
  const and: Prisma.ContentPieceWhereInput[] = [];
  if (q.channel.length) and.push({ channel: { in: q.channel } });
  if (q.status.length) and.push({ status: { in: q.status } });
  else and.push({ status: { not: 'cancelled' } });
  if (q.audience) and.push({ audiences: { some: { audienceId: q.audience } } });
  if (q.owner) and.push({ ownerId: q.owner });
  if (q.expert) and.push({ experts: { some: { userId: q.expert } } });
  return and;
}

const calendarSelect = {
  id: true,
  title: true,
  channel: true,
  status: true,
  publishAt: true,
  version: true,
  webinarStart: true,
  webinarEnd: true,
  owner: { select: { id: true, name: true } },
  experts: { select: { user: { select: { id: true, name: true } } } },
  audiences: { select: { audience: { select: { id: true, name: true } } } },
  deadlines: { select: { stage: true, dueAt: true } },
} satisfies Prisma.ContentPieceSelect;

export type CalendarPiece = Prisma.ContentPieceGetPayload<{ select: typeof calendarSelect }>;

/** Pieces published in [from, to) that the viewer may see and the filters let through. */
export function listPiecesInRange({
  viewer,
  from,
  to,
  query,
}: {
  viewer: Viewer;
  from: Date;
  to: Date;
  query: CalendarQuery;
}) {
  return prisma.contentPiece.findMany({
    where: {
      AND: [piecesVisibleTo(viewer), { publishAt: { gte: from, lt: to } }, ...filterWhere(query)],
    },
    orderBy: [{ publishAt: 'asc' }, { title: 'asc' }],
    take: 2000,
    select: calendarSelect,
  });
}

/**
 * What an output of a calendar view carries (the CSV export, the print view): the pieces of the
 * view's range (`query.date`, else today, in the workspace's zone) that the viewer may see and the
 * filters let through, less those a disclosure rule blocks (the output gate, applied here so no
 * output can leave it out). `withheld` counts those left out.
 */
export async function piecesForOutput({ viewer, query }: { viewer: Viewer; query: CalendarQuery }) {
  const { timeZone } = await getWorkspace();
  const anchor = query.date ?? localDay(new Date(), timeZone);
  const { from, to } = viewRange(query.view, anchor, timeZone);
  const listed = await listPiecesInRange({ viewer, from, to, query });
  const blocked = await blockedPieceIds(listed.map((p) => p.id));
  return {
    pieces: listed.filter((p) => !blocked.has(p.id)),
    withheld: blocked.size,
    anchor,
    from,
    to,
  };
}

/** Pieces without a date yet. */
export function listBacklog({ viewer, query }: { viewer: Viewer; query: CalendarQuery }) {
  return prisma.contentPiece.findMany({
    where: { AND: [piecesVisibleTo(viewer), { publishAt: null }, ...filterWhere(query)] },
    orderBy: { createdAt: 'desc' },
    take: 300,
    select: calendarSelect,
  });
}

export async function calendarFacets() {
  const [audiences, owners, experts, plans] = await Promise.all([
    prisma.audience.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    prisma.user.findMany({
      where: { roles: { some: { role: 'editor' } }, active: true },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
    prisma.user.findMany({
      where: { expertProfile: { isNot: null }, active: true },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
    prisma.channelPlan.findMany({ orderBy: { channel: 'asc' } }),
  ]);
  return { audiences, owners, experts, plans };
}

const detailSelect = {
  ...calendarSelect,
  brief: true,
  body: true,
  ownerId: true,
  slug: true,
  targetUrl: true,
  episodeNumber: true,
  guests: true,
  durationMinutes: true,
  gated: true,
  pageEstimate: true,
  speakers: true,
  registrationUrl: true,
  createdAt: true,
  updatedAt: true,
  knowledge: { select: { knowledgeItem: { select: { id: true, title: true } } } },
  needs: { select: { need: { select: { id: true, text: true } } } },
  comments: {
    orderBy: { createdAt: 'asc' },
    select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
  },
} satisfies Prisma.ContentPieceSelect;

export function getPiece({ id, viewer }: { id: string; viewer: Viewer }) {
  return prisma.contentPiece.findFirst({
    where: { AND: [{ id }, piecesVisibleTo(viewer)] },
    select: detailSelect,
  });
}
export type PieceDetail = NonNullable<Awaited<ReturnType<typeof getPiece>>>;

export function pieceActivity(id: string) {
  return prisma.auditEvent.findMany({
    where: { entityType: 'content_piece', entityId: id },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: {
      id: true,
      action: true,
      after: true,
      createdAt: true,
      actor: { select: { name: true } },
    },
  });
}

export type PieceInput = {
  channel: string;
  title: string;
  brief: string;
  body: string;
  publishAt: Date | null;
  ownerId: string | null;
  audiences: string[];
  experts: string[];
  slug: string | null;
  targetUrl: string | null;
  episodeNumber: number | null;
  guests: string[];
  durationMinutes: number | null;
  gated: boolean | null;
  pageEstimate: number | null;
  webinarStart: Date | null;
  webinarEnd: Date | null;
  speakers: string[];
  registrationUrl: string | null;
};

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

/**
 * The fields in which the saved piece differs from what an editor tried to save: after a
 * conflict, these are what the editor has to look at.
 */
const linkedAudiences = (p: PieceDetail) => p.audiences.map((a) => a.audience.id);
const linkedExperts = (p: PieceDetail) => p.experts.map((e) => e.user.id);

/** Whether the ids linked to a piece are the ones asked for, in any order. */
const sameIds = (linked: string[], wanted: readonly string[]) =>
  linked.length === new Set(wanted).size && linked.every((x) => wanted.includes(x));

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

function pieceData(input: PieceInput) {
  const json = (list: string[]) => (list.length ? JSON.stringify(list) : null);
  return {
    channel: input.channel,
    title: input.title,
    brief: input.brief,
    body: input.body,
    publishAt: input.publishAt,
    ownerId: input.ownerId,
    slug: input.channel === 'blog' ? input.slug : null,
    targetUrl: input.channel === 'blog' ? input.targetUrl : null,
    episodeNumber: input.channel === 'podcast' ? input.episodeNumber : null,
    guests: input.channel === 'podcast' ? json(input.guests) : null,
    durationMinutes: input.channel === 'podcast' ? input.durationMinutes : null,
    gated: input.channel === 'whitepaper' ? input.gated : null,
    pageEstimate: input.channel === 'whitepaper' ? input.pageEstimate : null,
    webinarStart: input.channel === 'webinar' ? input.webinarStart : null,
    webinarEnd: input.channel === 'webinar' ? input.webinarEnd : null,
    speakers: input.channel === 'webinar' ? json(input.speakers) : null,
    registrationUrl: input.channel === 'webinar' ? input.registrationUrl : null,
  };
}

/**
 * A piece's form named an owner, audience or expert that does not exist (any more): deleted
 * meanwhile, or a hand-made request. The route answers 400 with these field errors; nothing is
 * written.
 */
export class PieceReferenceError extends Error {
  constructor(
    readonly errors: Partial<Record<'ownerId' | 'audiences' | 'experts', { key: string }>>,
  ) {
    super(`unknown ${Object.keys(errors).join(', ')}`);
  }
}

/** Checks, inside the write's transaction, that every id the input links to exists. */
async function assertReferences(tx: Tx, input: PieceInput) {
  const unique = (ids: readonly string[]) => [...new Set(ids)];
  const [owner, audiences, experts] = await Promise.all([
    input.ownerId ? tx.user.count({ where: { id: input.ownerId } }) : 1,
    input.audiences.length
      ? tx.audience.count({ where: { id: { in: unique(input.audiences) } } })
      : 0,
    input.experts.length ? tx.user.count({ where: { id: { in: unique(input.experts) } } }) : 0,
  ]);
  const errors: PieceReferenceError['errors'] = {};
  if (!owner) errors.ownerId = { key: 'validation.unknownChoice' };
  if (audiences !== unique(input.audiences).length)
    errors.audiences = { key: 'validation.unknownChoice' };
  if (experts !== unique(input.experts).length)
    errors.experts = { key: 'validation.unknownChoice' };
  if (Object.keys(errors).length) throw new PieceReferenceError(errors);
}

/** Creates a piece; throws PieceReferenceError when the input links to ids that do not exist. */
export async function createPiece({ actor, input }: { actor: Viewer; input: PieceInput }) {
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
    await resetDeadlines(tx, piece.id, input.channel, input.publishAt);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'piece.create',
      entityType: 'content_piece',
      entityId: piece.id,
      after: { title: input.title, channel: input.channel },
    });
    return piece;
  });
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

/**
 * The names of the owner, audiences and experts a piece links to, by their ids (ids of nothing
 * are left out): an export prints them beside the piece, so the disclosure check reads them.
 */
export async function linkedNames(links: {
  ownerId: string | null;
  audiences: readonly string[];
  experts: readonly string[];
}) {
  const ids = (list: readonly string[]) => [...new Set(list.filter(Boolean))];
  const [owner, audiences, experts] = await Promise.all([
    links.ownerId
      ? prisma.user.findUnique({ where: { id: links.ownerId }, select: { name: true } })
      : null,
    ids(links.audiences).length
      ? prisma.audience.findMany({
          where: { id: { in: ids(links.audiences) } },
          select: { name: true },
        })
      : [],
    ids(links.experts).length
      ? prisma.user.findMany({ where: { id: { in: ids(links.experts) } }, select: { name: true } })
      : [],
  ]);
  return {
    ownerName: owner?.name ?? null,
    audienceNames: audiences.map((a) => a.name),
    expertNames: experts.map((e) => e.name),
  };
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
export async function updatePiece({
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
  if (!can(actor.roles, 'calendar:plan')) return { ok: false, problem: 'notAllowed' };
  // new content with a blocking finding sends an approved or scheduled piece back to review, and
  // is refused outright for a piece that is already published (it is out there)
  const verdict = await checkPiece(await inputContent(id, input));
  const blocked = verdict.decision === 'block';
  return prisma.$transaction(async (tx) => {
    const current = await tx.contentPiece.findFirst({
      where: { AND: [{ id }, piecesVisibleTo(actor)] },
      select: detailSelect,
    });
    if (!current) return { ok: false, problem: 'notFound' } as const;
    if (current.version !== expectedVersion) {
      return {
        ok: false,
        problem: 'conflict',
        current: editableSnapshot(current),
        version: current.version,
        fields: conflictingFields(current, input),
      } as const;
    }
    if ((current.status === 'scheduled' || current.status === 'published') && !input.publishAt) {
      return { ok: false, problem: 'needsDate' } as const;
    }
    if (blocked && current.status === 'published')
      return { ok: false, problem: 'blocked', findings: blockingFindings(verdict) } as const;
    await assertReferences(tx, input);
    const dropsBack = current.status === 'approved' || current.status === 'scheduled';
    const updated = await tx.contentPiece.updateMany({
      where: { id, version: expectedVersion },
      data: {
        ...pieceData(input),
        version: { increment: 1 },
        ...(blocked && dropsBack ? { status: 'in_review' } : {}),
      },
    });
    if (updated.count !== 1) {
      const now = await tx.contentPiece.findUniqueOrThrow({ where: { id }, select: detailSelect });
      return {
        ok: false,
        problem: 'conflict',
        current: editableSnapshot(now),
        version: now.version,
        fields: conflictingFields(now, input),
      } as const;
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
    return { ok: true, droppedBack: blocked && dropsBack } as const;
  });
}

/**
 * Moves a piece to another day (drag and drop, keyboard or form), keeping its local time of day;
 * a piece from the backlog gets 09:00 and, if it was an idea, becomes planned.
 */
export async function movePiece({
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
  if (!can(actor.roles, 'calendar:plan')) return { ok: false, problem: 'notAllowed' };
  return prisma.$transaction(async (tx) => {
    const piece = await tx.contentPiece.findFirst({
      where: { AND: [{ id }, piecesVisibleTo(actor)] },
      select: detailSelect,
    });
    if (!piece) return { ok: false, problem: 'notFound' } as const;
    if (expectedVersion !== undefined && piece.version !== expectedVersion) {
      return {
        ok: false,
        problem: 'conflict',
        current: editableSnapshot(piece),
        version: piece.version,
      } as const;
    }
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
    await tx.contentPiece.update({
      where: { id },
      data: {
        publishAt,
        status: piece.status === 'idea' ? 'planned' : piece.status,
        version: { increment: 1 },
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
}

/** Moves a piece through its workflow; the rules live in domain/calendar/workflow. */
export async function transitionPiece({
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
      select: detailSelect,
    });
    if (!piece) return { ok: false, problem: 'notFound' } as const;
    if (piece.version !== expectedVersion)
      return {
        ok: false,
        problem: 'conflict',
        current: editableSnapshot(piece),
        version: piece.version,
      } as const;
    const isContributor = piece.experts.some((e) => e.user.id === actor.id);
    const check = pieceTransition(
      piece.status as PieceStatus,
      to,
      {
        canPlan: can(actor.roles, 'calendar:plan'),
        canApprove: can(actor.roles, 'rules:manage'),
        isContributor,
      },
      piece,
    );
    if (!check.ok) return check;
    await tx.contentPiece.update({
      where: { id },
      data: { status: to, version: { increment: 1 } },
    });
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
}

export async function addPieceComment({
  id,
  actor,
  body,
}: {
  id: string;
  actor: Viewer;
  body: string;
}) {
  const piece = await prisma.contentPiece.findFirst({
    where: { AND: [{ id }, piecesVisibleTo(actor)] },
    select: { id: true },
  });
  if (!piece) return false;
  await prisma.contentComment.create({ data: { pieceId: id, authorId: actor.id, body } });
  return true;
}

// ───────────────────────────── the personal iCalendar feed ─────────────────────────────

/** The user's current feed token, created on first use. */
export async function getOrCreateFeedToken(userId: string): Promise<string> {
  const existing = await prisma.calendarFeed.findFirst({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    select: { token: true },
  });
  if (existing) return existing.token;
  const token = randomBytes(24).toString('base64url');
  await prisma.calendarFeed.create({ data: { userId, token } });
  return token;
}

/** Revokes the user's feed address; the next visit gets a new one. */
export async function resetFeedToken(userId: string): Promise<string> {
  await prisma.calendarFeed.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return getOrCreateFeedToken(userId);
}

/** The owner of a live feed token (an active user), with their roles. */
export async function feedOwner(token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const feed = await prisma.calendarFeed.findUnique({
    where: { token },
    select: {
      revokedAt: true,
      user: {
        select: {
          id: true,
          name: true,
          active: true,
          locale: true,
          roles: { select: { role: true } },
        },
      },
    },
  });
  if (!feed || feed.revokedAt || !feed.user.active) return null;
  return {
    id: feed.user.id,
    name: feed.user.name,
    locale: feed.user.locale,
    roles: feed.user.roles.map((r) => r.role),
  };
}

/**
 * What the feed of a user holds: the pieces they may see, with a date, not cancelled, and not
 * blocked by a disclosure rule (the output gate).
 */
export async function feedPieces({ viewer, from }: { viewer: Viewer; from: Date }) {
  const listed = await prisma.contentPiece.findMany({
    where: {
      AND: [
        piecesVisibleTo(viewer),
        { publishAt: { gte: from } },
        { status: { not: 'cancelled' } },
      ],
    },
    orderBy: { publishAt: 'asc' },
    take: 5000,
    select: {
      id: true,
      title: true,
      brief: true,
      channel: true,
      status: true,
      publishAt: true,
      webinarStart: true,
      webinarEnd: true,
      updatedAt: true,
      deadlines: { select: { stage: true, dueAt: true } },
    },
  });
  const blocked = await blockedPieceIds(listed.map((p) => p.id));
  return listed.filter((p) => !blocked.has(p.id));
}
