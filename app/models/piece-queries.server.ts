import type { Prisma } from '~/generated/prisma/client';
import { BACKLOG_STEP, rankBacklog, type BacklogQuery } from '~/domain/calendar/backlog';
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

/** The backlog's filters: the calendar's, for pieces without a date. */
function backlogWhere(viewer: Viewer, query: CalendarQuery): Prisma.ContentPieceWhereInput {
  return { AND: [piecesVisibleTo(viewer), { publishAt: null }, ...filterWhere(query)] };
}

/**
 * The ids of the backlog's ideas that pass the filter text, in the backlog's order
 * (`rankBacklog`), with how many ideas there are before the text filters them. One slim query
 * of every idea: an idea's priority comes from the needs it serves, which SQL cannot sort by
 * here without reading them anyway.
 */
async function rankedBacklog({
  viewer,
  query,
  search,
}: {
  viewer: Viewer;
  query: CalendarQuery;
  search: string;
}) {
  const candidates = await prisma.contentPiece.findMany({
    where: backlogWhere(viewer, query),
    select: {
      id: true,
      title: true,
      createdAt: true,
      needs: { select: { need: { select: { priority: true } } } },
    },
  });
  const ranked = rankBacklog(
    candidates.map((c) => ({ ...c, needPriorities: c.needs.map((n) => n.need.priority) })),
    search,
  );
  return { ids: ranked.map((c) => c.id), total: candidates.length };
}

/** `pieces` in the order of `ids` (ids without a piece are left out). */
function inOrder<P extends { id: string }>(ids: readonly string[], pieces: readonly P[]): P[] {
  const byId = new Map(pieces.map((p) => [p.id, p]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type BacklogPage = {
  /** the ideas the page shows, in the backlog's order */
  pieces: CalendarPiece[];
  /** ideas that pass the filter text (all of them without one) */
  matching: number;
  /** ideas in the backlog under the calendar's filters, before the filter text */
  total: number;
};

/**
 * Pieces without a date yet, highest-priority and newest ideas first (`rankBacklog`): the first
 * `shown` of those whose titles contain `search`.
 */
export async function backlogPage({
  viewer,
  query,
  search = '',
  shown = BACKLOG_STEP,
}: {
  viewer: Viewer;
  query: CalendarQuery;
  search?: string;
  shown?: number;
}): Promise<BacklogPage> {
  const ranked = await rankedBacklog({ viewer, query, search });
  const ids = ranked.ids.slice(0, shown);
  const pieces = ids.length
    ? await prisma.contentPiece.findMany({ where: { id: { in: ids } }, select: calendarSelect })
    : [];
  return { pieces: inOrder(ids, pieces), matching: ranked.ids.length, total: ranked.total };
}

/** The first page of the backlog, unfiltered by text. */
export async function listBacklog({ viewer, query }: { viewer: Viewer; query: CalendarQuery }) {
  return (await backlogPage({ viewer, query })).pieces;
}

/**
 * The calendar page's two lists at once: the pieces of [from, to) (as `listPiecesInRange`) and
 * the page of the backlog (as `backlogPage`), read with one query for both.
 */
export async function calendarLists({
  viewer,
  from,
  to,
  query,
  backlog,
}: {
  viewer: Viewer;
  from: Date;
  to: Date;
  query: CalendarQuery;
  backlog: BacklogQuery;
}): Promise<{ pieces: CalendarPiece[]; backlog: BacklogPage }> {
  const ranked = await rankedBacklog({ viewer, query, search: backlog.search });
  const ids = ranked.ids.slice(0, backlog.shown);
  const rows = await prisma.contentPiece.findMany({
    where: {
      OR: [
        {
          AND: [
            piecesVisibleTo(viewer),
            { publishAt: { gte: from, lt: to } },
            ...filterWhere(query),
          ],
        },
        ...(ids.length ? [{ id: { in: ids } }] : []),
      ],
    },
    // the backlog's ideas (no date) first, so that the limit only ever cuts dated pieces
    orderBy: [{ publishAt: { sort: 'asc', nulls: 'first' } }, { title: 'asc' }],
    take: 2000 + ids.length,
    select: calendarSelect,
  });
  return {
    pieces: rows.filter((p) => p.publishAt !== null),
    backlog: {
      pieces: inOrder(
        ids,
        rows.filter((p) => p.publishAt === null),
      ),
      matching: ranked.ids.length,
      total: ranked.total,
    },
  };
}

export async function calendarFacets() {
  const [audiences, people, plans, goals] = await Promise.all([
    prisma.audience.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    // owners (editors) and experts: one query for both lists
    prisma.user.findMany({
      where: {
        active: true,
        OR: [{ roles: { some: { role: 'editor' } } }, { expertProfile: { isNot: null } }],
      },
      orderBy: { name: 'asc' },
      select: {
        id: true,
        name: true,
        roles: { where: { role: 'editor' }, select: { role: true } },
        expertProfile: { select: { userId: true } },
      },
    }),
    prisma.channelPlan.findMany({ orderBy: { channel: 'asc' } }),
    // only agreed goals count in the plan: the calendar filters by them
    prisma.goal.findMany({
      where: { status: 'agreed' },
      orderBy: [{ weight: 'desc' }, { title: 'asc' }],
      select: { id: true, title: true },
    }),
  ]);
  const person = ({ id, name }: { id: string; name: string }) => ({ id, name });
  return {
    audiences,
    owners: people.filter((p) => p.roles.length).map(person),
    experts: people.filter((p) => p.expertProfile).map(person),
    plans,
    goals,
  };
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
