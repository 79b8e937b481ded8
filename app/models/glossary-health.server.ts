import {
  checkConcepts,
  type ConceptWarningView,
  type HealthText,
} from '~/domain/matching/concept-health';
import { BUILT_IN_GLOSSARY, conceptFromLists, conceptLists } from '~/domain/matching/glossary';
import { Memo } from '~/domain/memo';
import { prisma } from '~/utils/db.server';
import { corpusKey, decisionsKey } from './matching.server';

/**
 * Concepts to check: the glossary concepts whose terms seem to mean different things, judged on
 * the workspace's texts and the editors' decisions (see domain/matching/concept-health.ts). The
 * check reads every accepted item and need, so its result is kept until what it was computed
 * from changes — items, needs, the glossary or a decision — the way the matcher is kept (see
 * matching.server.ts); the glossary page then stays fast.
 */

/** A flagged concept with what the glossary page shows of it. */
export type ConceptHealthWarning = ConceptWarningView;

const checked = new Memo<string, ConceptHealthWarning[]>(1);
const DECIDED = ['accepted', 'dismissed'];

/**
 * What the check was computed from: the matcher's corpus (accepted items, glossary) and
 * decisions (see matching.server.ts), and every need, since needs are texts of the check too.
 */
async function healthKey() {
  const [corpus, decisions, needs] = await Promise.all([
    corpusKey(),
    decisionsKey(),
    prisma.need.aggregate({
      _count: { _all: true },
      _max: { updatedAt: true },
      _sum: { version: true },
    }),
  ]);
  return [
    corpus,
    decisions,
    needs._count._all,
    needs._max.updatedAt?.getTime(),
    needs._sum.version,
  ].join('|');
}

async function computeWarnings(): Promise<ConceptHealthWarning[]> {
  const [items, needs, concepts, decided] = await Promise.all([
    prisma.knowledgeItem.findMany({
      where: { status: 'accepted' },
      orderBy: { id: 'asc' },
      select: { id: true, title: true, summary: true, details: true, language: true },
    }),
    prisma.need.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, text: true, language: true },
    }),
    prisma.glossaryConcept.findMany({
      orderBy: { key: 'asc' },
      select: {
        id: true,
        key: true,
        builtIn: true,
        terms: { select: { term: true, language: true, type: true }, orderBy: { term: 'asc' } },
      },
    }),
    // only suggestions a concept connected can be evidence against one
    prisma.match.findMany({
      where: { decision: { in: DECIDED }, explanation: { contains: '"concept"' } },
      orderBy: [{ needId: 'asc' }, { knowledgeItemId: 'asc' }],
      select: {
        decision: true,
        explanation: true,
        need: { select: { id: true, text: true } },
        knowledgeItem: { select: { id: true, title: true } },
      },
    }),
  ]);
  // each concept's terms in the order the glossary shows them: German main term first
  const lists = concepts.map((c) =>
    conceptLists({
      terms: c.terms.map((t) => ({
        term: t.term,
        language: t.language === 'de' || t.language === 'en' ? t.language : null,
        type: t.type === 'synonym' || t.type === 'abbreviation' ? t.type : ('term' as const),
      })),
    }),
  );
  const glossary = concepts.map((c, i) => {
    const { de, en, both } = lists[i]!;
    return conceptFromLists(c.key, de, en, both);
  });
  const texts: HealthText[] = [
    ...items.map((i) => ({
      id: i.id,
      kind: 'item' as const,
      text: `${i.title} ${i.summary} ${i.details}`,
      language: i.language,
    })),
    ...needs.map((n) => ({ id: n.id, kind: 'need' as const, text: n.text, language: n.language })),
  ];
  const warnings = checkConcepts({
    glossary,
    texts,
    curated: BUILT_IN_GLOSSARY,
    decisions: decided.map((d) => ({
      needId: d.need.id,
      needText: d.need.text,
      itemId: d.knowledgeItem.id,
      itemTitle: d.knowledgeItem.title,
      decision: d.decision,
      explanation: d.explanation,
    })),
  });
  const byKey = new Map(concepts.map((c, i) => [c.key, { ...c, lists: lists[i]! }]));
  return warnings.flatMap((w) => {
    const concept = byKey.get(w.key);
    if (!concept) return [];
    const { de, en, both } = concept.lists;
    return [
      {
        ...w,
        id: concept.id,
        name: de[0] ?? en[0] ?? both[0] ?? concept.key,
        builtIn: concept.builtIn,
        de,
        en,
        both,
      },
    ];
  });
}

/** The glossary concepts to check, with their evidence (see domain/matching/concept-health.ts). */
export async function glossaryWarnings(): Promise<ConceptHealthWarning[]> {
  const key = await healthKey();
  const known = checked.get(key);
  if (known) return known;
  return checked.set(key, await computeWarnings());
}

/** Why one concept is to be checked, or null when nothing speaks against it. */
export async function conceptWarning(conceptId: string): Promise<ConceptHealthWarning | null> {
  return (await glossaryWarnings()).find((w) => w.id === conceptId) ?? null;
}
