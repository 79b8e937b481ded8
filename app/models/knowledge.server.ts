import type { Prisma } from '~/generated/prisma/client';
import { can } from '~/domain/permissions';
import { prisma } from '~/utils/db.server';
import type { SessionUser } from '~/utils/session.server';

/**
 * Which knowledge items a viewer may see. Reviewers see everything but other people's drafts;
 * experts see their own items and the accepted inventory. Every query adds this to its `where`,
 * so an item outside it is "not found", also by URL.
 */
export function knowledgeVisibleTo(
  viewer: Pick<SessionUser, 'id' | 'roles'>,
): Prisma.KnowledgeItemWhereInput {
  if (can(viewer.roles, 'knowledge:review')) {
    return { OR: [{ ownerId: viewer.id }, { status: { not: 'draft' } }] };
  }
  return { OR: [{ ownerId: viewer.id }, { status: 'accepted' }] };
}

export function listKnowledge({ viewer, take = 200 }: { viewer: SessionUser; take?: number }) {
  return prisma.knowledgeItem.findMany({
    where: knowledgeVisibleTo(viewer),
    orderBy: { updatedAt: 'desc' },
    take,
    select: {
      id: true,
      title: true,
      kind: true,
      language: true,
      department: true,
      status: true,
      updatedAt: true,
      owner: { select: { id: true, name: true } },
      tags: { select: { tag: { select: { name: true } } } },
    },
  });
}

export function countKnowledge({ viewer }: { viewer: SessionUser }) {
  return prisma.knowledgeItem.count({ where: knowledgeVisibleTo(viewer) });
}

export function getKnowledgeItem({ id, viewer }: { id: string; viewer: SessionUser }) {
  return prisma.knowledgeItem.findFirst({
    where: { AND: [{ id }, knowledgeVisibleTo(viewer)] },
    select: {
      id: true,
      title: true,
      summary: true,
      details: true,
      kind: true,
      language: true,
      department: true,
      status: true,
      links: true,
      createdAt: true,
      updatedAt: true,
      owner: { select: { id: true, name: true } },
      tags: { select: { tag: { select: { name: true } } } },
      transitions: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          fromStatus: true,
          toStatus: true,
          comment: true,
          createdAt: true,
          actor: { select: { name: true } },
        },
      },
    },
  });
}
