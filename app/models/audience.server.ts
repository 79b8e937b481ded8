import { prisma } from '~/utils/db.server';

export function listAudiencesWithNeeds() {
  return prisma.audience.findMany({
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      description: true,
      needs: {
        orderBy: [{ priority: 'desc' }, { text: 'asc' }],
        select: {
          id: true,
          text: true,
          priority: true,
          language: true,
          tags: { select: { tag: { select: { name: true } } } },
          _count: { select: { matches: { where: { decision: 'accepted' } } } },
        },
      },
    },
  });
}
