import { localDay } from '~/domain/calendar/grid';
import { weekRange } from '~/domain/calendar/weeks';
import { can } from '~/domain/permissions';
import { prisma } from '~/utils/db.server';
import { listResultsDue } from './results-due.server';
import { earlyWins } from './results-impact.server';
import { topicRequestsForExpert } from './topic-request.server';

/**
 * What a subject expert sees first: their submissions, what waits for them, and the topics
 * editors asked their department for.
 */
export async function getExpertDashboard({ userId }: { userId: string }) {
  const [items, pieces, topicRequests] = await Promise.all([
    prisma.knowledgeItem.findMany({
      where: { ownerId: userId, status: { notIn: ['archived', 'withdrawn'] } },
      orderBy: { updatedAt: 'desc' },
      take: 50,
      select: { id: true, title: true, status: true, updatedAt: true },
    }),
    prisma.contentPiece.findMany({
      where: { experts: { some: { userId } }, status: { not: 'cancelled' } },
      orderBy: [{ publishAt: 'asc' }, { title: 'asc' }],
      take: 20,
      select: { id: true, title: true, channel: true, status: true, publishAt: true },
    }),
    topicRequestsForExpert({ userId }),
  ]);
  return {
    items,
    waiting: items.filter((i) => i.status === 'draft' || i.status === 'changes_requested'),
    pieces,
    topicRequests,
  };
}

/** What an editor sees first: this week's pieces, content gaps, submissions to review. */
export async function getEditorDashboard({ now, timeZone }: { now: Date; timeZone: string }) {
  const { start, end } = weekRange(now, timeZone);
  const [thisWeek, gaps, toReview, toReviewTotal] = await Promise.all([
    prisma.contentPiece.findMany({
      where: { publishAt: { gte: start, lt: end }, status: { not: 'cancelled' } },
      orderBy: { publishAt: 'asc' },
      select: { id: true, title: true, channel: true, status: true, publishAt: true },
    }),
    prisma.need.findMany({
      where: { matches: { none: { decision: 'accepted' } } },
      orderBy: [{ priority: 'desc' }, { text: 'asc' }],
      take: 20,
      select: { id: true, text: true, priority: true, audience: { select: { name: true } } },
    }),
    prisma.knowledgeItem.findMany({
      where: { status: 'submitted' },
      orderBy: { submittedAt: 'asc' },
      take: 20,
      select: { id: true, title: true, submittedAt: true, owner: { select: { name: true } } },
    }),
    // the list shows the oldest; the count says how many wait in all
    prisma.knowledgeItem.count({ where: { status: 'submitted' } }),
  ]);
  return { thisWeek, gaps, toReview, toReviewTotal };
}

/** What management sees first: the rules and the exemption requests awaiting a decision. */
export async function getManagementDashboard() {
  const [bySeverity, exemptions] = await Promise.all([
    prisma.disclosureRule.groupBy({
      by: ['severity'],
      where: { active: true },
      _count: { _all: true },
    }),
    prisma.disclosureExemption.findMany({
      where: { status: 'requested' },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        reason: true,
        createdAt: true,
        piece: { select: { id: true, title: true } },
        rule: { select: { name: true } },
        requestedBy: { select: { name: true } },
      },
    }),
  ]);
  const count = (severity: string) =>
    bySeverity.find((r) => r.severity === severity)?._count._all ?? 0;
  return {
    rules: { block: count('block'), warn: count('warn'), active: count('block') + count('warn') },
    exemptions,
  };
}

export async function getAdminDashboard() {
  const [active, inactive] = await Promise.all([
    prisma.user.count({ where: { active: true } }),
    prisma.user.count({ where: { active: false } }),
  ]);
  return { active, inactive };
}

/**
 * The dashboard of a user: one panel per part of the work their permissions open (an expert's
 * own submissions, planning, the rules, user administration); null for each panel they do not get.
 * Early wins go to management and the strategy's owner; the results due for the pieces one owns
 * to their owner (and to every planner, if only to say none are due).
 */
export async function dashboardFor({
  viewer,
  now,
  timeZone,
}: {
  viewer: { id: string; roles: readonly string[] };
  now: Date;
  timeZone: string;
}) {
  const strategy = await prisma.strategy.findUnique({
    where: { id: 1 },
    select: { ownerId: true },
  });
  const seesWins = can(viewer.roles, 'strategy:agree') || strategy?.ownerId === viewer.id;
  const [expert, editor, management, admin, wins, due] = await Promise.all([
    can(viewer.roles, 'knowledge:submit') ? getExpertDashboard({ userId: viewer.id }) : null,
    can(viewer.roles, 'calendar:plan') ? getEditorDashboard({ now, timeZone }) : null,
    can(viewer.roles, 'rules:manage') ? getManagementDashboard() : null,
    can(viewer.roles, 'users:manage') ? getAdminDashboard() : null,
    seesWins ? earlyWins({ today: localDay(now, timeZone) }) : null,
    listResultsDue({ ownerId: viewer.id, now, timeZone }),
  ]);
  const resultsDue = due.length || can(viewer.roles, 'calendar:plan') ? due : null;
  return { expert, editor, management, admin, wins, resultsDue };
}
