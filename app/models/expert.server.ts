import { prisma } from '~/utils/db.server';
import { parseJsonArray } from '~/utils/json';

export async function listExperts() {
  const experts = await prisma.user.findMany({
    where: { active: true, expertProfile: { isNot: null } },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      expertProfile: { select: { department: true, areas: true } },
      _count: { select: { knowledgeItems: { where: { status: 'accepted' } } } },
    },
  });
  return experts.map((e) => ({
    id: e.id,
    name: e.name,
    department: e.expertProfile?.department ?? '',
    areas: parseJsonArray(e.expertProfile?.areas),
    acceptedCount: e._count.knowledgeItems,
  }));
}

/** An expert's public profile: department, areas, bio, accepted items, the pieces they contribute to. */
export async function getExpert({ id, includePieces }: { id: string; includePieces: boolean }) {
  const expert = await prisma.user.findFirst({
    where: { id, expertProfile: { isNot: null } },
    select: {
      id: true,
      name: true,
      expertProfile: { select: { department: true, areas: true, bio: true, availability: true } },
      knowledgeItems: {
        where: { status: 'accepted' },
        orderBy: { title: 'asc' },
        select: { id: true, title: true, kind: true, language: true },
      },
      contributions: {
        where: includePieces
          ? { piece: { status: { not: 'cancelled' } } }
          : { pieceId: { in: [] } },
        select: {
          piece: {
            select: { id: true, title: true, channel: true, status: true, publishAt: true },
          },
        },
      },
    },
  });
  if (!expert || !expert.expertProfile) return null;
  return {
    id: expert.id,
    name: expert.name,
    department: expert.expertProfile.department,
    areas: parseJsonArray(expert.expertProfile.areas),
    bio: expert.expertProfile.bio,
    availability: expert.expertProfile.availability,
    items: expert.knowledgeItems,
    pieces: expert.contributions.map((c) => c.piece),
  };
}

/** The department on a user's expert profile ('' without a profile). */
export async function expertDepartment({ userId }: { userId: string }): Promise<string> {
  const profile = await prisma.expertProfile.findUnique({
    where: { userId },
    select: { department: true },
  });
  return profile?.department ?? '';
}
