import { defaultDepartment, missingWords } from '~/domain/matching/gaps';
import { prisma } from '~/utils/db.server';
import { getMatcher, suggestionsForNeed } from './matching.server';
import { listDepartments } from './topic-request.server';

/** How many of the nearest items a content gap shows, whatever their fit. */
export const GAP_NEAREST = 3;

/**
 * "Why not" for a need without an accepted match: the nearest items (even below the minimum
 * fit), the need's important words that no accepted item covers, and the departments whose
 * experts could be asked, the nearest item's first. Null when the need is unknown or an accepted
 * match serves it.
 */
export async function gapForNeed(needId: string) {
  const need = await prisma.need.findUnique({
    where: { id: needId },
    select: {
      id: true,
      text: true,
      language: true,
      tags: { select: { tag: { select: { name: true } } } },
      _count: { select: { matches: { where: { decision: 'accepted' } } } },
    },
  });
  if (!need || need._count.matches > 0) return null;
  const [matcher, suggestions, departments] = await Promise.all([
    getMatcher(),
    suggestionsForNeed(needId, GAP_NEAREST),
    listDepartments(),
  ]);
  // a word is covered when some item matches it on its own, through the engine's analysis
  // (stems, compounds, the glossary's concepts)
  const covered = (word: string) =>
    matcher.rankForNeed({ id: 'gap-word', text: word, tags: [], language: need.language }, 1)
      .length > 0;
  const missing = missingWords(
    { text: need.text, tags: need.tags.map((t) => t.tag.name), language: need.language },
    covered,
  );
  const nearestItems = suggestions ?? [];
  const itemDepartments = new Map(
    (
      await prisma.knowledgeItem.findMany({
        where: { id: { in: nearestItems.map((s) => s.knowledgeItemId) } },
        select: { id: true, department: true },
      })
    ).map((i) => [i.id, i.department.trim()]),
  );
  const nearest = nearestItems.map((s) => ({
    knowledgeItemId: s.knowledgeItemId,
    title: s.title,
    language: s.language,
    score: s.score,
    department: itemDepartments.get(s.knowledgeItemId) ?? '',
  }));
  return {
    nearest,
    missing,
    departments,
    department: defaultDepartment(nearest, departments),
  };
}
