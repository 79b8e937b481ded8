import { prisma } from '~/utils/db.server';

export function listMatches({ take = 200 }: { take?: number } = {}) {
  return prisma.match.findMany({
    orderBy: [{ decision: 'asc' }, { score: 'desc' }],
    take,
    select: {
      id: true,
      score: true,
      decision: true,
      need: {
        select: { id: true, text: true, language: true, audience: { select: { name: true } } },
      },
      knowledgeItem: { select: { id: true, title: true, language: true } },
    },
  });
}
