import { suggestChannel } from '~/domain/matching/channel';
import { createMatcher, displayScore, type Matcher, type Reason } from '~/domain/matching/engine';
import type { FeedbackDecision } from '~/domain/matching/feedback';
import type { GlossaryEntry } from '~/domain/matching/glossary';
import { Memo } from '~/domain/memo';
import { prisma } from '~/utils/db.server';
import { isUniqueViolation } from '~/utils/db-errors.server';
import type { SessionUser } from '~/utils/session.server';
import { recordAudit } from './audit.server';
import { assertActorCan } from './actor.server';
import { notifyPiecePeople } from './notification.server';
import { goalsProblem, writePieceGoals } from './piece-goals.server';

/**
 * Suggestions for needs from the accepted inventory. The matcher (the analysed inventory and
 * glossary) is built once and rebuilt only when items, tags or the glossary change; a request
 * then ranks one need against it in milliseconds. The editors' decisions on suggestions are
 * evidence for similar needs: a view over the matcher with them is made again when a decision
 * (or the text of a decided need) changes, without analysing the inventory again.
 */
const matchers = new Memo<string, Matcher>(1);
const learned = new Memo<string, Matcher>(1);
const DECIDED = ['accepted', 'dismissed'];

/**
 * What the matcher was built from: the accepted items and the glossary. Every write moves a
 * record's version on, so the version sums change with each edit even when two land in the same
 * millisecond or commit out of order (several server processes each keep their own matcher).
 */
export async function corpusKey() {
  const [items, glossary, glossaryTerms] = await Promise.all([
    prisma.knowledgeItem.aggregate({
      where: { status: 'accepted' },
      _count: { _all: true },
      _max: { updatedAt: true },
      _sum: { version: true },
    }),
    prisma.glossaryConcept.aggregate({
      _count: { _all: true },
      _max: { updatedAt: true },
      _sum: { version: true },
    }),
    prisma.glossaryTerm.count(),
  ]);
  return [
    items._count._all,
    items._max.updatedAt?.getTime(),
    items._sum.version,
    glossary._count._all,
    glossary._max.updatedAt?.getTime(),
    glossary._sum.version,
    glossaryTerms,
  ].join(':');
}

export async function loadGlossary(): Promise<GlossaryEntry[]> {
  const concepts = await prisma.glossaryConcept.findMany({ include: { terms: true } });
  return concepts.map((c) => ({
    key: c.key,
    terms: c.terms.map((t) => ({
      term: t.term,
      language: (t.language as 'de' | 'en' | null) ?? null,
      type: t.type as 'term',
    })),
  }));
}

/**
 * What the decisions were: how many of each kind and the latest, and the versions of the needs
 * they were made for (an edited need text is other evidence).
 */
export async function decisionsKey() {
  const [matches, needs] = await Promise.all([
    prisma.match.groupBy({
      by: ['decision'],
      where: { decision: { in: DECIDED } },
      _count: { _all: true },
      _max: { decidedAt: true },
      orderBy: { decision: 'asc' },
    }),
    prisma.need.aggregate({
      where: { matches: { some: { decision: { in: DECIDED } } } },
      _count: { _all: true },
      _max: { updatedAt: true },
      _sum: { version: true },
    }),
  ]);
  return [
    ...matches.map((m) => `${m.decision}=${m._count._all}@${m._max.decidedAt?.getTime()}`),
    needs._count._all,
    needs._max.updatedAt?.getTime(),
    needs._sum.version,
  ].join(':');
}

/** The editors' accepted and dismissed suggestions of this workspace, with their needs' texts. */
export async function loadDecisions(): Promise<FeedbackDecision[]> {
  const rows = await prisma.match.findMany({
    where: { decision: { in: DECIDED } },
    orderBy: [{ needId: 'asc' }, { knowledgeItemId: 'asc' }],
    select: {
      knowledgeItemId: true,
      decision: true,
      need: {
        select: {
          id: true,
          text: true,
          language: true,
          tags: { select: { tag: { select: { name: true } } } },
        },
      },
    },
  });
  return rows.map((r) => ({
    needId: r.need.id,
    needText: r.need.text,
    needLanguage: r.need.language,
    needTags: r.need.tags.map((t) => t.tag.name),
    itemId: r.knowledgeItemId,
    decision: r.decision,
  }));
}

/** The matcher with this workspace's decisions as evidence. */
export async function getMatcher(): Promise<Matcher> {
  const [corpus, decisions] = await Promise.all([corpusKey(), decisionsKey()]);
  const key = `${corpus}|${decisions}`;
  const known = learned.get(key);
  if (known) return known;
  const [matcher, feedback] = await Promise.all([corpusMatcher(corpus), loadDecisions()]);
  return learned.set(key, matcher.withFeedback(feedback));
}

async function corpusMatcher(key: string): Promise<Matcher> {
  const known = matchers.get(key);
  if (known) return known;
  const [items, glossary] = await Promise.all([
    prisma.knowledgeItem.findMany({
      where: { status: 'accepted' },
      select: {
        id: true,
        title: true,
        summary: true,
        details: true,
        language: true,
        kind: true,
        tags: { select: { tag: { select: { name: true } } } },
      },
    }),
    loadGlossary(),
  ]);
  const matcher = createMatcher(
    items.map((i) => ({
      id: i.id,
      title: i.title,
      description: `${i.summary} ${i.details}`,
      tags: i.tags.map((t) => t.tag.name),
      language: i.language,
      kind: i.kind,
    })),
    glossary,
  );
  return matchers.set(key, matcher);
}

export type Suggestion = {
  knowledgeItemId: string;
  title: string;
  language: string;
  kind: string;
  expert: string;
  score: number;
  reasons: Reason[];
  decision: string;
};

/** Ranked, explained suggestions for a need; dismissed ones stay away, accepted ones are marked. */
export async function suggestionsForNeed(needId: string, top = 10): Promise<Suggestion[] | null> {
  const need = await prisma.need.findUnique({
    where: { id: needId },
    include: { tags: { include: { tag: true } } },
  });
  if (!need) return null;
  const matcher = await getMatcher();
  const ranked = matcher.rankForNeed(
    {
      id: need.id,
      text: need.text,
      tags: need.tags.map((t) => t.tag.name),
      language: need.language,
    },
    top + 20,
  );
  const decisions = new Map(
    (await prisma.match.findMany({ where: { needId } })).map((m) => [
      m.knowledgeItemId,
      m.decision,
    ]),
  );
  const keep = ranked.filter((r) => decisions.get(r.id) !== 'dismissed').slice(0, top);
  const items = new Map(
    (
      await prisma.knowledgeItem.findMany({
        where: { id: { in: keep.map((k) => k.id) } },
        select: {
          id: true,
          title: true,
          language: true,
          kind: true,
          owner: { select: { name: true } },
        },
      })
    ).map((i) => [i.id, i]),
  );
  return keep.flatMap((r) => {
    const item = items.get(r.id);
    if (!item) return [];
    return [
      {
        knowledgeItemId: r.id,
        title: item.title,
        language: item.language,
        kind: item.kind,
        expert: item.owner.name,
        score: displayScore(r.score),
        reasons: r.reasons,
        decision: decisions.get(r.id) ?? 'suggested',
      },
    ];
  });
}

export type NeedSuggestion = {
  needId: string;
  text: string;
  language: string;
  audience: string;
  score: number;
  reasons: Reason[];
  decision: string;
};

/**
 * The needs an accepted knowledge item could serve, best first, with the same explanations as
 * the suggestions per need; needs that dismissed the item stay away.
 */
export async function needsForItem(itemId: string, top = 5): Promise<NeedSuggestion[]> {
  const [needs, matcher, decided] = await Promise.all([
    prisma.need.findMany({
      select: {
        id: true,
        text: true,
        language: true,
        audience: { select: { name: true } },
        tags: { select: { tag: { select: { name: true } } } },
      },
    }),
    getMatcher(),
    prisma.match.findMany({
      where: { knowledgeItemId: itemId },
      select: { needId: true, decision: true },
    }),
  ]);
  const decisions = new Map(decided.map((m) => [m.needId, m.decision]));
  const byId = new Map(needs.map((n) => [n.id, n]));
  const ranked = matcher.rankNeedsForItem(
    itemId,
    needs.map((n) => ({
      id: n.id,
      text: n.text,
      tags: n.tags.map((t) => t.tag.name),
      language: n.language,
    })),
    top + decided.length,
  );
  return ranked
    .filter((r) => decisions.get(r.id) !== 'dismissed')
    .slice(0, top)
    .flatMap((r) => {
      const need = byId.get(r.id);
      if (!need) return [];
      return [
        {
          needId: need.id,
          text: need.text,
          language: need.language,
          audience: need.audience.name,
          score: displayScore(r.score),
          reasons: r.reasons,
          decision: decisions.get(r.id) ?? 'suggested',
        },
      ];
    });
}

/**
 * An editor's decision on a suggestion. Accepting records the match and puts a content idea in
 * the calendar backlog, with a channel suggested from the item's kind and the audience, serving
 * the agreed goals the editor chose (`goalIds`; a goal that is not agreed refuses the whole
 * decision, and nothing is recorded).
 */
export async function decideMatch(
  args: Parameters<typeof decideOnce>[0],
): ReturnType<typeof decideOnce> {
  try {
    return await decideOnce(args);
  } catch (error) {
    // another request accepted the same match at the same moment and created its idea first:
    // the unique originMatchId refused ours, and the answer is theirs
    if (isUniqueViolation(error) && args.decision === 'accepted') return decideOnce(args);
    throw error;
  }
}

async function decideOnce({
  needId,
  knowledgeItemId,
  decision,
  actor,
  score,
  reasons,
  goalIds = [],
}: {
  needId: string;
  knowledgeItemId: string;
  decision: 'accepted' | 'dismissed';
  actor: Pick<SessionUser, 'id'>;
  score: number;
  reasons: Reason[];
  /** the agreed goals the new idea serves (accepting only) */
  goalIds?: readonly string[];
}) {
  return prisma.$transaction(async (tx) => {
    await assertActorCan(tx, actor.id, 'matches:decide');
    const goals = decision === 'accepted' ? goalIds.filter(Boolean) : [];
    // linking a piece to goals is planning: the same permission as the piece form's
    if (goals.length) await assertActorCan(tx, actor.id, 'calendar:plan');
    const need = await tx.need.findUnique({ where: { id: needId }, include: { audience: true } });
    const item = await tx.knowledgeItem.findFirst({
      where: { id: knowledgeItemId, status: 'accepted' },
      select: { id: true, title: true, kind: true, ownerId: true, summary: true },
    });
    if (!need || !item) return { ok: false as const, problem: 'notFound' as const };
    // checked before anything is written: a refusal leaves the match undecided
    const goalProblem = await goalsProblem(tx, { pieceId: null, goalIds: goals });
    if (goalProblem) return { ok: false as const, problem: 'goalNotAgreed' as const };
    const match = await tx.match.upsert({
      where: { knowledgeItemId_needId: { knowledgeItemId, needId } },
      update: {
        decision,
        decidedById: actor.id,
        decidedAt: new Date(),
        score,
        explanation: JSON.stringify(reasons),
      },
      create: {
        knowledgeItemId,
        needId,
        decision,
        decidedById: actor.id,
        decidedAt: new Date(),
        score,
        explanation: JSON.stringify(reasons),
      },
    });
    let pieceId: string | null = null;
    // one idea per match: accepting again (or twice at once) answers with the idea there is;
    // the unique originMatchId makes a concurrent second create fail rather than duplicate
    const existing =
      decision === 'accepted'
        ? await tx.contentPiece.findUnique({
            where: { originMatchId: match.id },
            select: { id: true },
          })
        : null;
    if (existing) return { ok: true as const, pieceId: existing.id, existing: true };
    if (decision === 'accepted') {
      const piece = await tx.contentPiece.create({
        data: {
          channel: suggestChannel(item.kind, need.audience.name),
          title: item.title,
          brief: `${need.text}\n\n${item.summary}`,
          status: 'idea',
          ownerId: actor.id,
          originMatchId: match.id,
          audiences: { create: [{ audienceId: need.audienceId }] },
          knowledge: { create: [{ knowledgeItemId }] },
          needs: { create: [{ needId }] },
          experts: { create: [{ userId: item.ownerId }] },
        },
        select: { id: true },
      });
      pieceId = piece.id;
      // the expert whose knowledge the idea rests on now contributes to it
      await notifyPiecePeople(tx, {
        piece: { id: piece.id, title: item.title },
        actorId: actor.id,
        before: { ownerId: actor.id, expertIds: [] },
        after: { ownerId: actor.id, expertIds: [item.ownerId] },
      });
      if (goals.length)
        await writePieceGoals(tx, {
          actorId: actor.id,
          piece: { id: piece.id, title: item.title },
          goalIds: goals,
        });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: `match.${decision}`,
      entityType: 'match',
      entityId: match.id,
      after: { needId, knowledgeItemId, pieceId },
    });
    return { ok: true as const, pieceId, existing: false };
  });
}

/**
 * The matching overview: every audience with its needs (and how many accepted matches each
 * has), and accepted knowledge that no accepted match and no piece uses yet.
 */
/** How many needs per audience, and how many content gaps, the matches overview lists at first. */
export const OVERVIEW_NEEDS = 10;
export const OVERVIEW_GAPS = 15;

const overviewNeed = {
  id: true,
  text: true,
  language: true,
  priority: true,
  _count: { select: { matches: { where: { decision: 'accepted' as const } } } },
};

/**
 * The matches overview: each audience with its most pressing needs (all of them for the audience
 * asked for), the content gaps (needs without an accepted match, most pressing first) and the
 * accepted knowledge not used yet. It reads a bounded number of rows whatever the workspace's
 * size; the counts say how many there are in all.
 */
export async function matchingOverview({ expand }: { expand?: string | null } = {}) {
  const noMatch = { matches: { none: { decision: 'accepted' as const } } };
  const [audiences, gaps, gapCount, unused] = await Promise.all([
    prisma.audience.findMany({
      orderBy: { name: 'asc' },
      select: { id: true, name: true, _count: { select: { needs: true } } },
    }),
    prisma.need.findMany({
      where: noMatch,
      orderBy: [{ priority: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }],
      take: OVERVIEW_GAPS,
      select: { id: true, text: true, language: true, audience: { select: { name: true } } },
    }),
    prisma.need.count({ where: noMatch }),
    prisma.knowledgeItem.findMany({
      where: {
        status: 'accepted',
        matches: { none: { decision: 'accepted' } },
        pieces: { none: {} },
      },
      orderBy: { title: 'asc' },
      take: 100,
      select: { id: true, title: true, language: true },
    }),
  ]);
  // one bounded read per audience (a handful of audiences, each with its top needs)
  const needs = await Promise.all(
    audiences.map((a) =>
      prisma.need.findMany({
        where: { audienceId: a.id },
        orderBy: [{ priority: 'desc' }, { text: 'asc' }],
        take: a.id === expand ? undefined : OVERVIEW_NEEDS,
        select: overviewNeed,
      }),
    ),
  );
  return {
    audiences: audiences.map((a, i) => ({
      id: a.id,
      name: a.name,
      needCount: a._count.needs,
      /** all needs are listed, more than at first: the page offers to list fewer again */
      collapsible: a.id === expand && a._count.needs > OVERVIEW_NEEDS,
      needs: needs[i]!,
    })),
    gaps: gaps.map((g) => ({
      id: g.id,
      text: g.text,
      language: g.language,
      audience: g.audience.name,
    })),
    gapCount,
    unused,
  };
}

/** A need as its suggestions page shows it, or null. */
export function getNeedForMatching({ id }: { id: string }) {
  return prisma.need.findUnique({
    where: { id },
    select: {
      id: true,
      text: true,
      language: true,
      priority: true,
      audienceId: true,
      audience: { select: { name: true } },
      tags: { select: { tag: { select: { name: true } } } },
    },
  });
}

/**
 * The agreed goals an idea from a need's match can serve, those with a KPI measured on the
 * need's audience first and marked `suggested` (the form preselects them).
 */
export async function goalChoicesForNeed(audienceId: string) {
  const goals = await prisma.goal.findMany({
    where: { status: 'agreed' },
    select: {
      id: true,
      title: true,
      kpis: { where: { scope: 'audience', audienceId }, select: { id: true }, take: 1 },
    },
    orderBy: [{ weight: 'desc' }, { title: 'asc' }],
  });
  return goals
    .map((g) => ({ id: g.id, title: g.title, suggested: g.kpis.length > 0 }))
    .sort((a, b) => Number(b.suggested) - Number(a.suggested));
}
