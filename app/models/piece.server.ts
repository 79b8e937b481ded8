import type { Prisma } from '~/generated/prisma/client';
import { can } from '~/domain/permissions';
import { prisma } from '~/utils/db.server';
import type { SessionUser } from '~/utils/session.server';

/** Planners see every piece; experts see the pieces they contribute to. */
export function piecesVisibleTo(
  viewer: Pick<SessionUser, 'id' | 'roles'>,
): Prisma.ContentPieceWhereInput {
  if (can(viewer.roles, 'calendar:read-all')) return {};
  return { experts: { some: { userId: viewer.id } } };
}

const pieceListSelect = {
  id: true,
  title: true,
  channel: true,
  status: true,
  publishAt: true,
  owner: { select: { name: true } },
} satisfies Prisma.ContentPieceSelect;

/** The agenda from `from` on (scheduled pieces) and the backlog of pieces without a date. */
export async function getAgenda({ viewer, from }: { viewer: SessionUser; from: Date }) {
  const visible = piecesVisibleTo(viewer);
  const [upcoming, backlog] = await Promise.all([
    prisma.contentPiece.findMany({
      where: { AND: [visible, { publishAt: { gte: from } }, { status: { not: 'cancelled' } }] },
      orderBy: { publishAt: 'asc' },
      take: 500,
      select: pieceListSelect,
    }),
    prisma.contentPiece.findMany({
      where: { AND: [visible, { publishAt: null }, { status: { not: 'cancelled' } }] },
      orderBy: { createdAt: 'desc' },
      take: 200,
      select: pieceListSelect,
    }),
  ]);
  return { upcoming, backlog };
}
