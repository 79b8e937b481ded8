import { randomBytes } from 'node:crypto';
import { prisma } from '~/utils/db.server';
import { blockedPieceIds } from './disclosure.server';
import { piecesVisibleTo, type Viewer } from './piece-queries.server';

/**
 * The personal iCalendar feed: each user's secret, revocable address (a token) and what the feed
 * at that address holds. The feed route reads it through output.server.ts.
 */

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
