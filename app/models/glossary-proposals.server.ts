import { auditSubject } from '~/domain/audit';
import {
  proposeGlossaryTerms,
  type AcceptedPair,
  type GlossaryProposal,
  type ProposalTerm,
} from '~/domain/matching/glossary-proposals';
import { Memo } from '~/domain/memo';
import { refusalAsProblem } from '~/domain/permissions';
import { prisma, type Tx } from '~/utils/db.server';
import { assertActorCan } from './actor.server';
import { recordAudit } from './audit.server';
import { insertConcept } from './glossary.server';
import { corpusKey, decisionsKey, loadGlossary } from './matching.server';
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

/**
 * What the proposals are computed from: the matcher's corpus (accepted items, glossary) and the
 * editors' decisions (see matching.server.ts), and the proposals decided so far.
 */
async function proposalsKey() {
  const [corpus, decisions, decided] = await Promise.all([
    corpusKey(),
    decisionsKey(),
    prisma.glossaryProposalDecision.count(),
  ]);
  return [corpus, decisions, decided].join('|');
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

type Outcome =
  | { ok: true; conceptId: string | null; key: string }
  | { ok: false; problem: GlossaryProposalProblem };

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002';

/**
 * Decides a proposal in one transaction: the decision (its key is unique, so of two editors
 * deciding at once the second is told it was decided), what `apply` does to the glossary, and
 * the audit entry. Refused, with nothing written, for a proposal that no longer applies.
 */
async function decide(
  key: string,
  actorId: string,
  decision: 'confirmed' | 'rejected',
  apply: (
    tx: Tx,
    proposal: GlossaryProposal,
  ) => Promise<{ ok: true; conceptId: string | null } | { ok: false; problem: 'conceptGone' }>,
): Promise<Outcome> {
  const proposal = (await listGlossaryProposals()).find((p) => p.key === key);
  try {
    return await refusalAsProblem(() =>
      prisma.$transaction(async (tx): Promise<Outcome> => {
        await assertActorCan(tx, actorId, 'glossary:manage');
        const before = await tx.glossaryProposalDecision.findUnique({
          where: { key },
          select: { id: true },
        });
        if (before) return { ok: false, problem: 'decided' };
        if (!proposal) return { ok: false, problem: 'notFound' };
        const record = await tx.glossaryProposalDecision.create({
          data: { key, decision, terms: JSON.stringify(proposal.terms), decidedById: actorId },
          select: { id: true },
        });
        const applied = await apply(tx, proposal);
        if (!applied.ok) throw new Rollback(applied.problem);
        if (applied.conceptId)
          await tx.glossaryProposalDecision.update({
            where: { id: record.id },
            data: { conceptId: applied.conceptId },
          });
        await recordAudit(tx, {
          ...auditSubject('glossaryProposal', decision === 'confirmed' ? 'confirm' : 'reject'),
          actorId,
          entityId: applied.conceptId ?? record.id,
          after: {
            terms: proposal.terms.map((t) => t.term),
            kind: proposal.kind,
            support: proposal.support,
          },
        });
        return { ok: true, conceptId: applied.conceptId, key };
      }),
    );
  } catch (error) {
    if (error instanceof Rollback) return { ok: false, problem: error.problem };
    if (isUniqueViolation(error)) return { ok: false, problem: 'decided' };
    throw error;
  }
}

/** Undoes the decision written so far when the glossary cannot take the proposal. */
class Rollback extends Error {
  constructor(readonly problem: 'conceptGone') {
    super(problem);
  }
}

/**
 * Confirms a proposal: its two terms become a new concept, or the new term joins the concept the
 * other belongs to already.
 */
export function confirmGlossaryProposal({ key, actorId }: { key: string; actorId: string }) {
  return decide(key, actorId, 'confirmed', async (tx, proposal) => {
    if (!proposal.extendsConcept) {
      const input = { ...conceptLists(proposal.adds), note: '' };
      return { ok: true, conceptId: await insertConcept(tx, { actorId, input }) };
    }
    const concept = await tx.glossaryConcept.findUnique({
      where: { key: proposal.extendsConcept },
      select: { id: true, terms: { select: { term: true } } },
    });
    if (!concept) return { ok: false, problem: 'conceptGone' };
    // the texts may write the new term as the concept does already: add only new ones
    const have = new Set(concept.terms.map((t) => t.term.toLowerCase()));
    const added = proposal.adds.filter((t) => !have.has(t.term.toLowerCase()));
    if (added.length)
      await tx.glossaryTerm.createMany({
        data: added.map((t) => ({
          conceptId: concept.id,
          term: t.term,
          language: t.language,
          type: t.language ? 'synonym' : 'abbreviation',
        })),
      });
    await bumpVersion(tx.glossaryConcept, { id: concept.id, data: { updatedAt: new Date() } });
    await recordAudit(tx, {
      ...auditSubject('glossaryConcept', 'update'),
      actorId,
      entityId: concept.id,
      after: { added: added.map((t) => t.term) },
    });
    return { ok: true, conceptId: concept.id };
  });
}

/** Rejects a proposal: it is not proposed again. The glossary stays as it is. */
export function rejectGlossaryProposal({ key, actorId }: { key: string; actorId: string }) {
  return decide(key, actorId, 'rejected', async () => ({ ok: true, conceptId: null }));
}
