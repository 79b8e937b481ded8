import { localDay } from '~/domain/calendar/grid';
import { RESULTS_DUE_GRACE_DAYS, RESULTS_WINDOWS, resultsDue } from '~/domain/results/due';
import { prisma, type PrismaClient } from '~/utils/db.server';
import { DEFAULT_TIME_ZONE } from '~/utils/format';

/**
 * The numbers due for published pieces 7, 30 and 90 days after publication and not in yet (see
 * app/domain/results/due.ts), of one owner's pieces or of all; publication days in the
 * workspace's zone (read from the workspace unless given). The dashboard lists them as the
 * owner's tasks; the notification worker turns them into `results.due` reminders.
 */
export async function listResultsDue({
  db = prisma,
  ownerId,
  now,
  timeZone,
}: {
  db?: PrismaClient;
  ownerId?: string;
  now: Date;
  timeZone?: string;
}) {
  const zone =
    timeZone ??
    (await db.workspace.findUnique({ where: { id: 1 }, select: { timeZone: true } }))?.timeZone ??
    DEFAULT_TIME_ZONE;
  const oldest = RESULTS_WINDOWS.at(-1)! + RESULTS_DUE_GRACE_DAYS + 1;
  const pieces = await db.contentPiece.findMany({
    where: {
      status: 'published',
      ...(ownerId ? { ownerId } : {}),
      publishAt: { gte: new Date(now.getTime() - oldest * 86_400_000), lte: now },
    },
    select: {
      id: true,
      title: true,
      ownerId: true,
      publishAt: true,
      results: { select: { periodEnd: true } },
    },
  });
  return resultsDue(
    pieces.map((p) => ({
      id: p.id,
      title: p.title,
      ownerId: p.ownerId,
      publishedOn: localDay(p.publishAt!, zone),
      observedUntil: p.results.map((r) => r.periodEnd),
    })),
    localDay(now, zone),
  );
}
