import { beforeAll, describe, expect, it } from 'vitest';
import {
  confirmGlossaryProposal,
  listGlossaryProposals,
  rejectGlossaryProposal,
} from '~/models/glossary-proposals.server';
import { suggestionsForNeed } from '~/models/matching.server';
import { createUser } from '~/models/user.server';
import { prisma } from '~/utils/db.server';
import { ensureReferenceData } from '../../seeds/reference';

let editorId = '';
let expertId = '';
let authorId = '';
let audienceId = '';

beforeAll(async () => {
  await ensureReferenceData(prisma);
  editorId = (
    await createUser({
      email: 'proposals-ed@example.com',
      name: 'Proposals Editor',
      password: 'password-123',
      roles: ['editor'],
    })
  ).id;
  expertId = (
    await createUser({
      email: 'proposals-expert@example.com',
      name: 'Proposals Expert',
      password: 'password-123',
      roles: ['expert'],
    })
  ).id;
  authorId = expertId;
  audienceId = (await prisma.audience.create({ data: { name: 'Online shoppers' } })).id;
});

/** An accepted suggestion: a German need answered by an English item. */
async function accepted(needText: string, title: string, summary: string) {
  const item = await prisma.knowledgeItem.create({
    data: {
      title,
      summary,
      kind: 'analysis',
      language: 'en',
      department: 'Logistics',
      ownerId: authorId,
      status: 'accepted',
    },
  });
  const need = await prisma.need.create({ data: { audienceId, text: needText, language: 'de' } });
  await prisma.match.create({
    data: {
      needId: need.id,
      knowledgeItemId: item.id,
      score: 0.5,
      decision: 'accepted',
      decidedById: editorId,
      decidedAt: new Date(),
    },
  });
  return { needId: need.id, itemId: item.id };
}

const termsOf = (p: { terms: { term: string }[] }) => p.terms.map((t) => t.term);

describe('glossary proposals', () => {
  it('proposes, confirms into the glossary with its audit trail, and matching then links the words', async () => {
    const first = await accepted(
      'Welches Putztuch ist sanft genug?',
      'Microfibre cloth basics',
      'Washing it at 60 degrees keeps it soft.',
    );
    await accepted('Putztuch im Urlaub', 'A cloth for travelling', 'Small and in its own pouch.');
    const proposals = await listGlossaryProposals();
    const proposal = proposals.find((p) => termsOf(p).join('|') === 'Putztuch|cloth');
    expect(proposal).toMatchObject({ kind: 'translation', support: 2, extendsConcept: null });

    // before: a new German need about a "Putztuch" has no link to the cloth items
    const fresh = await prisma.need.create({
      data: { audienceId, text: 'Putztuch richtig waschen', language: 'de' },
    });
    const linked = async () =>
      ((await suggestionsForNeed(fresh.id, 50)) ?? []).some(
        (s) =>
          s.knowledgeItemId === first.itemId &&
          s.reasons.some((r) => r.type === 'concept' && /cloth/i.test(r.item)),
      );
    expect(await linked()).toBe(false);

    const outcome = await confirmGlossaryProposal({ key: proposal!.key, actorId: editorId });
    expect(outcome.ok).toBe(true);
    const conceptId = outcome.ok ? outcome.conceptId : null;
    const concept = await prisma.glossaryConcept.findUniqueOrThrow({
      where: { id: conceptId! },
      include: { terms: { orderBy: { term: 'asc' } } },
    });
    expect(concept.terms.map((t) => [t.term, t.language])).toEqual([
      ['Putztuch', 'de'],
      ['cloth', 'en'],
    ]);
    const audit = await prisma.auditEvent.findMany({
      where: { entityId: conceptId! },
      orderBy: { createdAt: 'asc' },
      select: { action: true, actorId: true },
    });
    expect(audit.map((a) => a.action).sort()).toEqual([
      'glossaryConcept.create',
      'glossaryProposal.confirm',
    ]);
    expect(audit.every((a) => a.actorId === editorId)).toBe(true);

    // the proposal is gone, and deciding it again is refused
    expect((await listGlossaryProposals()).some((p) => p.key === proposal!.key)).toBe(false);
    expect(await rejectGlossaryProposal({ key: proposal!.key, actorId: editorId })).toEqual({
      ok: false,
      problem: 'decided',
    });

    // after: the new need reaches the cloth item through the confirmed concept
    expect(await linked()).toBe(true);
  });

  it('a rejected proposal does not come back and changes nothing in the glossary', async () => {
    await accepted('Sonnenbrille mit Sehstärke', 'Prescription sunglasses', 'Tinted to order.');
    await accepted('Sonnenbrille für Kinder', 'Sunglasses for children', 'UV 400 and unbreakable.');
    const proposal = (await listGlossaryProposals()).find(
      (p) => termsOf(p).join('|') === 'Sonnenbrille|sunglasses',
    );
    expect(proposal).toBeTruthy();
    const concepts = await prisma.glossaryConcept.count();
    const outcome = await rejectGlossaryProposal({ key: proposal!.key, actorId: editorId });
    expect(outcome.ok).toBe(true);
    expect(await prisma.glossaryConcept.count()).toBe(concepts);
    expect((await listGlossaryProposals()).some((p) => p.key === proposal!.key)).toBe(false);
    const decision = await prisma.glossaryProposalDecision.findUniqueOrThrow({
      where: { key: proposal!.key },
    });
    expect(decision).toMatchObject({
      decision: 'rejected',
      decidedById: editorId,
      conceptId: null,
    });
  });

  it('is refused to a user without glossary:manage, and for an unknown proposal, writing nothing', async () => {
    await accepted('Fahrrad im Regen', 'Rain on the bike', 'Clear visors help.');
    await accepted('Fahrrad bei Gegenwind', 'Bike rides in strong wind', 'Wrap-around frames.');
    const proposal = (await listGlossaryProposals()).find((p) => termsOf(p)[0] === 'Fahrrad');
    expect(proposal).toBeTruthy();
    const decisions = await prisma.glossaryProposalDecision.count();
    expect(await confirmGlossaryProposal({ key: proposal!.key, actorId: expertId })).toEqual({
      ok: false,
      problem: 'notAllowed',
    });
    expect(
      await confirmGlossaryProposal({ key: 'de:nothing|en:nowhere', actorId: editorId }),
    ).toEqual({ ok: false, problem: 'notFound' });
    expect(await prisma.glossaryProposalDecision.count()).toBe(decisions);
  });

  it('two editors confirming at once: one concept, the other is told it was decided', async () => {
    await accepted('Gartenarbeit bei Pollenflug', 'Gardening and pollen', 'Wrap-around glasses.');
    await accepted('Gartenarbeit im Herbst', 'Gardening in autumn', 'Leaves and dust.');
    const proposal = (await listGlossaryProposals()).find((p) => termsOf(p)[0] === 'Gartenarbeit');
    expect(proposal).toBeTruthy();
    const concepts = await prisma.glossaryConcept.count();
    const outcomes = await Promise.all([
      confirmGlossaryProposal({ key: proposal!.key, actorId: editorId }),
      confirmGlossaryProposal({ key: proposal!.key, actorId: editorId }),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok)).toEqual([{ ok: false, problem: 'decided' }]);
    expect(await prisma.glossaryConcept.count()).toBe(concepts + 1);
  });
});
