import { can } from '~/domain/permissions';
import { prisma } from '~/utils/db.server';
import type { SessionUser } from '~/utils/session.server';
import { knowledgeVisibleTo } from './knowledge.server';
import { piecesVisibleTo } from './piece-queries.server';

type Viewer = Pick<SessionUser, 'id' | 'roles'>;

export type PieceOrigin = {
  /** the piece was created by accepting a suggested match */
  fromMatch: boolean;
  /** planned by hand: no match, no need, no knowledge item (whether the viewer may see them or not) */
  byHand: boolean;
  /** the audience needs it answers; empty for a viewer who may not read audiences */
  needs: {
    id: string;
    text: string;
    language: string;
    audience: { id: string; name: string };
  }[];
  /** the knowledge items it draws on, as far as the viewer may see them */
  knowledge: {
    id: string;
    title: string;
    language: string;
    kind: string;
    expertId: string;
  }[];
  /** the experts whose knowledge that is (those with a profile page) */
  experts: { id: string; name: string }[];
};

/**
 * Where a piece came from: the match it was created from, and the needs and knowledge items it
 * is linked to, read with the viewer's eyes. An expert never sees audiences or needs (they may
 * not read them), nor knowledge items outside their view (other people's drafts). `null` when
 * the piece is not there or not visible to the viewer.
 */
export async function pieceOrigin({
  pieceId,
  viewer,
}: {
  pieceId: string;
  viewer: Viewer;
}): Promise<PieceOrigin | null> {
  const piece = await prisma.contentPiece.findFirst({
    where: { AND: [{ id: pieceId }, piecesVisibleTo(viewer)] },
    select: {
      originMatchId: true,
      needs: { select: { needId: true } },
      knowledge: { select: { knowledgeItemId: true } },
    },
  });
  if (!piece) return null;
  const match = piece.originMatchId
    ? await prisma.match.findUnique({
        where: { id: piece.originMatchId },
        select: { needId: true, knowledgeItemId: true },
      })
    : null;
  const needIds = unique([...piece.needs.map((n) => n.needId), match?.needId]);
  const itemIds = unique([
    ...piece.knowledge.map((k) => k.knowledgeItemId),
    match?.knowledgeItemId,
  ]);
  const [needs, items] = await Promise.all([
    needIds.length && can(viewer.roles, 'audiences:read')
      ? prisma.need.findMany({
          where: { id: { in: needIds } },
          orderBy: [{ priority: 'desc' }, { text: 'asc' }],
          select: {
            id: true,
            text: true,
            language: true,
            audience: { select: { id: true, name: true } },
          },
        })
      : [],
    itemIds.length
      ? prisma.knowledgeItem.findMany({
          where: { AND: [{ id: { in: itemIds } }, knowledgeVisibleTo(viewer)] },
          orderBy: [{ title: 'asc' }, { id: 'asc' }],
          select: {
            id: true,
            title: true,
            language: true,
            kind: true,
            owner: {
              select: { id: true, name: true, expertProfile: { select: { userId: true } } },
            },
          },
        })
      : [],
  ]);
  const experts = new Map<string, { id: string; name: string }>();
  for (const item of items) {
    if (item.owner.expertProfile)
      experts.set(item.owner.id, { id: item.owner.id, name: item.owner.name });
  }
  return {
    fromMatch: Boolean(match),
    byHand: needIds.length === 0 && itemIds.length === 0,
    needs,
    knowledge: items.map(({ owner, ...item }) => ({ ...item, expertId: owner.id })),
    experts: [...experts.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

const unique = (ids: (string | null | undefined)[]) => [
  ...new Set(ids.filter((id): id is string => Boolean(id))),
];
