import type { Prisma } from '~/generated/prisma/client';
import type { CalendarQuery } from '~/domain/calendar/calendar-query';
import {
  CHANNEL_FIELDS,
  channelFormValues,
  type ChannelFieldName,
} from '~/domain/calendar/channel-fields';
import { toLocalInput } from '~/domain/calendar/grid';
import { can } from '~/domain/permissions';
import { prisma } from '~/utils/db.server';
import type { SessionUser } from '~/utils/session.server';

/**
 * Reading content pieces: the calendar's lists and facets, one piece with its comments, its
 * activity. Every read applies `piecesVisibleTo`. Writes live in piece-writes.server.ts and the
 * personal feed's address in piece-feed.server.ts. What leaves the system (CSV, print view, iCal
 * feed) is read through output.server.ts, which applies the disclosure gate: the lists here are
 * for pages of the app only.
 */

export type Viewer = Pick<SessionUser, 'id' | 'roles'>;

/**
 * Which pieces a viewer may see: planners and management all of them, experts those they
 * contribute to. Every read of pieces (pages, feed, exports) goes through this.
 */
export function piecesVisibleTo(viewer: Viewer): Prisma.ContentPieceWhereInput {
  if (can(viewer.roles, 'calendar:read-all')) return {};
  return { experts: { some: { userId: viewer.id } } };
}

function filterWhere(
  q: Pick<CalendarQuery, 'channel' | 'status' | 'audience' | 'owner' | 'expert' | 'goal'>,
): Prisma.ContentPieceWhereInput[] {
  const and: Prisma.ContentPieceWhereInput[] = [];
  if (q.channel.length) and.push({ channel: { in: q.channel } });
  if (q.status.length) and.push({ status: { in: q.status } });
  else and.push({ status: { not: 'cancelled' } });
  if (q.audience) and.push({ audiences: { some: { audienceId: q.audience } } });
  if (q.owner) and.push({ ownerId: q.owner });
  if (q.expert) and.push({ experts: { some: { userId: q.expert } } });
  if (q.goal) and.push({ goals: { some: { goalId: q.goal } } });
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
  const [audiences, owners, experts, plans, goals] = await Promise.all([
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
    // only agreed goals count in the plan: the calendar filters by them
    prisma.goal.findMany({
      where: { status: 'agreed' },
      orderBy: [{ weight: 'desc' }, { title: 'asc' }],
      select: { id: true, title: true },
    }),
  ]);
  return { audiences, owners, experts, plans, goals };
}

/** Every channel-specific column, from the table in domain/calendar/channel-fields. */
const channelFieldSelect = Object.fromEntries(CHANNEL_FIELDS.map((f) => [f.name, true])) as {
  [N in ChannelFieldName]: true;
};

/** A piece as its page and its writes read it. */
export const pieceDetailSelect = {
  ...calendarSelect,
  ...channelFieldSelect,
  brief: true,
  body: true,
  ownerId: true,
  createdAt: true,
  updatedAt: true,
  knowledge: { select: { knowledgeItem: { select: { id: true, title: true } } } },
  needs: { select: { need: { select: { id: true, text: true } } } },
  goals: {
    orderBy: { goal: { title: 'asc' } },
    select: { goal: { select: { id: true, title: true, status: true } } },
  },
  comments: {
    orderBy: { createdAt: 'asc' },
    select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
  },
} satisfies Prisma.ContentPieceSelect;

export function getPiece({ id, viewer }: { id: string; viewer: Viewer }) {
  return prisma.contentPiece.findFirst({
    where: { AND: [{ id }, piecesVisibleTo(viewer)] },
    select: pieceDetailSelect,
  });
}
export type PieceDetail = NonNullable<Awaited<ReturnType<typeof getPiece>>>;

/** A saved piece as the piece form's values; dates in the workspace's time zone. */
export function pieceFormValues(
  piece: PieceDetail,
  timeZone: string,
): Record<string, string | string[]> {
  return {
    channel: piece.channel,
    title: piece.title,
    brief: piece.brief,
    body: piece.body,
    publishAt: toLocalInput(piece.publishAt, timeZone),
    ownerId: piece.ownerId ?? '',
    audiences: piece.audiences.map((a) => a.audience.id),
    experts: piece.experts.map((e) => e.user.id),
    goals: piece.goals.map((g) => g.goal.id),
    ...channelFormValues(piece, timeZone),
  };
}

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
