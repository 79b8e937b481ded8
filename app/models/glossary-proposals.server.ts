import { auditSubject } from '~/domain/audit';
import {
  proposeGlossaryTerms,
  type AcceptedPair,
  type GlossaryProposal,
  type ProposalTerm,
} from '~/domain/matching/glossary-proposals';
import { conceptKey } from '~/domain/matching/glossary';
import { Memo } from '~/domain/memo';
import { refusalAsProblem } from '~/domain/permissions';
import { prisma, type Tx } from '~/utils/db.server';
import { assertActorCan } from './actor.server';
import { recordAudit } from './audit.server';
import { loadGlossary } from './matching.server';
import { bumpVersion } from './versioned.server';

/**
 * Glossary proposals from the editors' accepted suggestions (see the domain module): listed on
 * the glossary page, confirmed into the glossary or rejected by an editor. A decision is kept by
 * the proposal's key, so a rejected proposal does not come back and two editors cannot decide
 * the same proposal twice.
 */

export type GlossaryProposalProblem = 'notFound' | 'decided' | 'conceptGone' | 'notAllowed';

async function acceptedPairs(): Promise<AcceptedPair[]> {
  const rows = await prisma.match.findMany({
    where: { decision: 'accepted' },
    orderBy: [{ needId: 'asc' }, { knowledgeItemId: 'asc' }],
    select: {
      need: { select: { id: true, text: true, language: true } },
      knowledgeItem: { select: { id: true, title: true, summary: true, language: true } },
    },
  });
  return rows.map((r) => ({
    needId: r.need.id,
    needText: r.need.text,
    needLanguage: r.need.language,
    itemId: r.knowledgeItem.id,
    itemTitle: r.knowledgeItem.title,
    itemText: `${r.knowledgeItem.title} ${r.knowledgeItem.summary}`,
    itemLanguage: r.knowledgeItem.language,
  }));
}

/** What the proposals are computed from, so that they are computed once per change. */
async function proposalsKey() {
  const [accepted, needs, items, glossary, terms, decided] = await Promise.all([
    prisma.match.aggregate({
      where: { decision: 'accepted' },
      _count: { _all: true },
      _max: { decidedAt: true },
    }),
    prisma.need.aggregate({
      where: { matches: { some: { decision: 'accepted' } } },
      _sum: { version: true },
    }),
    prisma.knowledgeItem.aggregate({
      where: { matches: { some: { decision: 'accepted' } } },
      _sum: { version: true },
    }),
    prisma.glossaryConcept.aggregate({ _count: { _all: true }, _sum: { version: true } }),
    prisma.glossaryTerm.count(),
    prisma.glossaryProposalDecision.count(),
  ]);
  return [
    accepted._count._all,
    accepted._max.decidedAt?.getTime(),
    needs._sum.version,
    items._sum.version,
    glossary._count._all,
    glossary._sum.version,
    terms,
    decided,
  ].join(':');
}

const computed = new Memo<string, GlossaryProposal[]>(1);

/** The open proposals, strongest first. */
export async function listGlossaryProposals(): Promise<GlossaryProposal[]> {
  const key = await proposalsKey();
  const known = computed.get(key);
  if (known) return known;
  const [pairs, glossary, decided] = await Promise.all([
    acceptedPairs(),
    loadGlossary(),
    prisma.glossaryProposalDecision.findMany({ select: { key: true } }),
  ]);
  return computed.set(
    key,
    proposeGlossaryTerms(pairs, glossary, new Set(decided.map((d) => d.key))),
  );
}

/** The glossary's term lists for a new concept made of a proposal's terms. */
function conceptLists(terms: readonly ProposalTerm[]) {
  const lists = { de: [] as string[], en: [] as string[], both: [] as string[] };
  for (const t of terms) (t.language ? lists[t.language] : lists.both).push(t.term);
  return lists;
}

async function uniqueConceptKey(tx: Tx, base: string) {
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.glossaryConcept.findUnique({ where: { key }, select: { id: true } })))
      return key;
  }
}

async function recordDecision(
  tx: Tx,
  input: { key: string; decision: string; terms: ProposalTerm[]; actorId: string },
) {
  // the key is unique: of two editors deciding at once, the second finds the first's decision
  const existing = await tx.glossaryProposalDecision.findUnique({
    where: { key: input.key },
    select: { id: true },
  });
  if (existing) return null;
  return tx.glossaryProposalDecision.create({
    data: {
      key: input.key,
      decision: input.decision,
      terms: JSON.stringify(input.terms),
      decidedById: input.actorId,
    },
    select: { id: true },
  });
}

type Outcome =
  | { ok: true; conceptId: string | null; key: string }
  | { ok: false; problem: GlossaryProposalProblem };

function isUniqueViolation(error: unknown) {
  return (error as { code?: string } | null)?.code === 'P2002';
}

async function decided(run: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, problem: 'decided' };
    throw error;
  }
}

/**
 * Confirms a proposal: its two terms become a new concept, or the new term joins the concept the
 * other belongs to already, with the decision and the audit entries, in one transaction.
 */
export async function confirmGlossaryProposal({
  key,
  actorId,
}: {
  key: string;
  actorId: string;
}): Promise<Outcome> {
  const proposal = (await listGlossaryProposals()).find((p) => p.key === key);
  return refusalAsProblem(() =>
    decided(() =>
      prisma.$transaction(async (tx): Promise<Outcome> => {
        await assertActorCan(tx, actorId, 'glossary:manage');
        if (!proposal) {
          const done = await tx.glossaryProposalDecision.findUnique({ where: { key } });
          return { ok: false, problem: done ? 'decided' : 'notFound' };
        }
        const decision = await recordDecision(tx, {
          key,
          decision: 'confirmed',
          terms: proposal.terms,
          actorId,
        });
        if (!decision) return { ok: false, problem: 'decided' };
        let conceptId: string;
        if (proposal.extendsConcept) {
          const concept = await tx.glossaryConcept.findUnique({
            where: { key: proposal.extendsConcept },
            select: { id: true, terms: { select: { term: true } } },
          });
          if (!concept) return { ok: false, problem: 'conceptGone' };
          // the texts may write the new term as the concept does already: add only new ones
          const have = new Set(concept.terms.map((t) => t.term.toLowerCase()));
          const added = proposal.adds.filter((t) => !have.has(t.term.toLowerCase()));
          if (added.length) {
            await tx.glossaryTerm.createMany({
              data: added.map((t) => ({
                conceptId: concept.id,
                term: t.term,
                language: t.language,
                type: t.language ? 'synonym' : 'abbreviation',
              })),
            });
          }
          await bumpVersion(tx.glossaryConcept, {
            id: concept.id,
            data: { updatedAt: new Date() },
          });
          conceptId = concept.id;
          await recordAudit(tx, {
            ...auditSubject('glossaryConcept', 'update'),
            actorId,
            entityId: concept.id,
            after: { added: added.map((t) => t.term) },
          });
        } else {
          const lists = conceptLists(proposal.adds);
          const main = lists.de[0] ?? lists.en[0] ?? lists.both[0] ?? proposal.terms[0].term;
          const concept = await tx.glossaryConcept.create({
            data: {
              key: await uniqueConceptKey(tx, conceptKey(main)),
              note: '',
              createdById: actorId,
              terms: {
                create: [
                  ...lists.de.map((term, i) => ({
                    term,
                    language: 'de',
                    type: i ? 'synonym' : 'term',
                  })),
                  ...lists.en.map((term, i) => ({
                    term,
                    language: 'en',
                    type: i ? 'synonym' : 'term',
                  })),
                  ...lists.both.map((term) => ({ term, language: null, type: 'abbreviation' })),
                ],
              },
            },
            select: { id: true },
          });
          conceptId = concept.id;
          await recordAudit(tx, {
            ...auditSubject('glossaryConcept', 'create'),
            actorId,
            entityId: concept.id,
            after: { ...lists, note: '' },
          });
        }
        await tx.glossaryProposalDecision.update({
          where: { id: decision.id },
          data: { conceptId },
        });
        await recordAudit(tx, {
          ...auditSubject('glossaryProposal', 'confirm'),
          actorId,
          entityId: conceptId,
          after: {
            terms: proposal.terms.map((t) => t.term),
            kind: proposal.kind,
            support: proposal.support,
          },
        });
        return { ok: true, conceptId, key };
      }),
    ),
  );
}

/** Rejects a proposal: it is not proposed again. The glossary stays as it is. */
export async function rejectGlossaryProposal({
  key,
  actorId,
}: {
  key: string;
  actorId: string;
}): Promise<Outcome> {
  const proposal = (await listGlossaryProposals()).find((p) => p.key === key);
  return refusalAsProblem(() =>
    decided(() =>
      prisma.$transaction(async (tx): Promise<Outcome> => {
        await assertActorCan(tx, actorId, 'glossary:manage');
        if (!proposal) {
          const done = await tx.glossaryProposalDecision.findUnique({ where: { key } });
          return { ok: false, problem: done ? 'decided' : 'notFound' };
        }
        const decision = await recordDecision(tx, {
          key,
          decision: 'rejected',
          terms: proposal.terms,
          actorId,
        });
        if (!decision) return { ok: false, problem: 'decided' };
        await recordAudit(tx, {
          ...auditSubject('glossaryProposal', 'reject'),
          actorId,
          entityId: decision.id,
          after: { terms: proposal.terms.map((t) => t.term), kind: proposal.kind },
        });
        return { ok: true, conceptId: null, key };
      }),
    ),
  );
}
