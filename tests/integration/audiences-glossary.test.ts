import { beforeAll, describe, expect, it } from 'vitest';
import {
  createAudience,
  createNeed,
  deleteAudience,
  deleteNeed,
  getAudience,
  updateAudience,
  updateNeed,
} from '~/models/audience.server';
import {
  createConcept,
  deleteConcept,
  listGlossary,
  updateConcept,
} from '~/models/glossary.server';
import { decideMatch, needsForItem, suggestionsForNeed } from '~/models/matching.server';
import { prisma } from '~/utils/db.server';
import { GlossaryFormSchema } from '~/forms/glossary';
import { createDemoWorkspace } from '../../seeds/demo';
import { ensureReferenceData } from '../../seeds/reference';

let editorId = '';
let expertId = '';

beforeAll(async () => {
  await ensureReferenceData(prisma);
  await createDemoWorkspace(prisma, new Date('2026-11-28T10:00:00Z'));
  editorId = (await prisma.user.findUniqueOrThrow({ where: { email: 'editor@demo.lotse' } })).id;
  expertId = (await prisma.user.findUniqueOrThrow({ where: { email: 'expert@demo.lotse' } })).id;
});

const need = (audienceId: string, text: string, over: Record<string, unknown> = {}) => ({
  audienceId,
  text,
  tags: [] as string[],
  priority: 2,
  language: 'de' as const,
  ...over,
});

const glossary = (lists: { de?: string; en?: string; both?: string }) =>
  GlossaryFormSchema.parse({ note: '', ...lists });

describe('audiences and needs', () => {
  it('are created, renamed with the version they were read at, and refuse a stale one', async () => {
    const created = await createAudience({
      actorId: editorId,
      input: { name: 'Augenärzte', description: 'Niedergelassene Praxen' },
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    // the same name again is refused, nothing is written
    expect(
      await createAudience({ actorId: editorId, input: { name: 'Augenärzte', description: '' } }),
    ).toEqual({ ok: false, problem: 'nameTaken' });

    const first = await updateAudience({
      id: created.id,
      actorId: editorId,
      input: { name: 'Augenärztinnen und Augenärzte', description: 'Praxen' },
      expectedVersion: 1,
    });
    expect(first.ok).toBe(true);
    // a second editor who loaded version 1 does not overwrite the change
    const second = await updateAudience({
      id: created.id,
      actorId: editorId,
      input: { name: 'Ophthalmologists', description: '' },
      expectedVersion: 1,
    });
    expect(second).toEqual({ ok: false, problem: 'conflict' });
    const stored = await getAudience(created.id);
    expect(stored?.name).toBe('Augenärztinnen und Augenärzte');
    expect(stored?.version).toBe(2);
    expect(
      await prisma.auditEvent.count({ where: { entityId: created.id, action: 'audience.update' } }),
    ).toBe(1);
  });

  it('keep needs in step: edits are versioned, deleting an audience takes its needs along', async () => {
    const audience = await createAudience({
      actorId: editorId,
      input: { name: 'Sportvereine', description: '' },
    });
    if (!audience.ok) throw new Error('audience not created');
    const created = await createNeed({
      actorId: editorId,
      input: need(audience.id, 'Sehen beim Mannschaftssport', { tags: ['Sport', 'sport'] }),
    });
    if (!created.ok) throw new Error('need not created');
    const tags = await prisma.needTag.findMany({
      where: { needId: created.id },
      include: { tag: true },
    });
    expect(tags.map((t) => t.tag.name)).toEqual(['sport']);

    expect(
      await updateNeed({
        id: created.id,
        actorId: editorId,
        input: need(audience.id, 'Sehen beim Vereinssport'),
        expectedVersion: 2,
      }),
    ).toEqual({ ok: false, problem: 'conflict' });
    expect((await prisma.need.findUniqueOrThrow({ where: { id: created.id } })).text).toBe(
      'Sehen beim Mannschaftssport',
    );

    expect(
      await deleteAudience({ id: audience.id, actorId: editorId, expectedVersion: 1 }),
    ).toEqual({ ok: true, id: audience.id });
    expect(await prisma.need.count({ where: { id: created.id } })).toBe(0);
  });

  it('refuse to delete what the calendar still plans with', async () => {
    const audience = await createAudience({
      actorId: editorId,
      input: { name: 'Presse', description: '' },
    });
    if (!audience.ok) throw new Error('audience not created');
    const created = await createNeed({
      actorId: editorId,
      input: need(audience.id, 'Zahlen zur Kurzsichtigkeit bei Kindern'),
    });
    if (!created.ok) throw new Error('need not created');
    await prisma.contentPiece.create({
      data: {
        channel: 'blog',
        title: 'Kurzsichtige Kinder',
        needs: { create: { needId: created.id } },
      },
    });
    expect(await deleteNeed({ id: created.id, actorId: editorId, expectedVersion: 1 })).toEqual({
      ok: false,
      problem: 'inUse',
    });
    expect(
      await deleteAudience({ id: audience.id, actorId: editorId, expectedVersion: 1 }),
    ).toEqual({ ok: false, problem: 'inUse' });
    expect(await prisma.need.count({ where: { id: created.id } })).toBe(1);
  });
});

describe('the glossary and the suggestions', () => {
  it('connects a need to knowledge that shares no word with it once a concept joins the terms', async () => {
    // an accepted study written in English, and a German need in words it does not use
    const item = await prisma.knowledgeItem.create({
      data: {
        title: 'Quarvex coating field study',
        summary: 'How the quarvex coating holds up over two years of daily wear.',
        kind: 'study',
        language: 'en',
        department: 'Research',
        ownerId: expertId,
        status: 'accepted',
        acceptedAt: new Date(),
      },
    });
    const audience = await createAudience({
      actorId: editorId,
      input: { name: 'Optiker-Fachhandel', description: '' },
    });
    if (!audience.ok) throw new Error('audience not created');
    const created = await createNeed({
      actorId: editorId,
      input: need(audience.id, 'Wie lange hält die Zelbrin-Vergütung?'),
    });
    if (!created.ok) throw new Error('need not created');
    const ids = async () =>
      ((await suggestionsForNeed(created.id)) ?? []).map((s) => s.knowledgeItemId);
    expect(await ids()).not.toContain(item.id);

    const concept = await createConcept({
      actorId: editorId,
      input: glossary({ de: 'Zelbrin-Vergütung\nZelbrin', en: 'quarvex coating' }),
    });
    const suggestions = (await suggestionsForNeed(created.id)) ?? [];
    const found = suggestions.find((s) => s.knowledgeItemId === item.id);
    expect(found).toBeDefined();
    expect(found?.reasons.some((r) => r.type === 'concept')).toBe(true);
    // and the other way round: the item page lists the need it could serve
    expect((await needsForItem(item.id)).map((n) => n.needId)).toContain(created.id);

    // the company's concepts are listed first and found by any of their terms
    const { concepts } = await listGlossary({ q: 'zelbrin' });
    expect(concepts.map((c) => c.id)).toEqual([concept.id]);
    expect(concepts[0]?.builtIn).toBe(false);

    // a stale edit is refused; a current one changes the terms and the suggestions follow
    expect(
      await updateConcept({
        id: concept.id,
        actorId: editorId,
        input: glossary({ de: 'Zelbrin', en: 'zelbrin layer' }),
        expectedVersion: 2,
      }),
    ).toEqual({ ok: false, problem: 'conflict' });
    expect(
      await updateConcept({
        id: concept.id,
        actorId: editorId,
        input: glossary({ de: 'Zelbrin', en: 'zelbrin layer' }),
        expectedVersion: 1,
      }),
    ).toEqual({ ok: true, id: concept.id });
    expect(await ids()).not.toContain(item.id);

    expect(await deleteConcept({ id: concept.id, actorId: editorId, expectedVersion: 2 })).toEqual({
      ok: true,
      id: concept.id,
    });
    expect(await prisma.glossaryTerm.count({ where: { conceptId: concept.id } })).toBe(0);
  });

  it('keeps built-in concepts and refuses a concept of one term', async () => {
    const builtIn = await prisma.glossaryConcept.findFirstOrThrow({ where: { builtIn: true } });
    expect(
      await deleteConcept({ id: builtIn.id, actorId: editorId, expectedVersion: builtIn.version }),
    ).toEqual({ ok: false, problem: 'builtIn' });
    const alone = GlossaryFormSchema.safeParse({ de: 'Nur eins', en: '', both: '', note: '' });
    expect(alone.success).toBe(false);
    expect(alone.error?.issues[0]?.message).toBe('glossary.form.twoTerms');
  });

  it('remembers a dismissal and turns an acceptance into a content idea in the backlog', async () => {
    const target = await prisma.need.findFirstOrThrow({
      where: { matches: { none: {} } },
      include: { audience: true },
    });
    const suggestions = (await suggestionsForNeed(target.id)) ?? [];
    expect(suggestions.length).toBeGreaterThan(1);
    const [first, second] = suggestions as [
      (typeof suggestions)[number],
      (typeof suggestions)[number],
    ];
    await decideMatch({
      needId: target.id,
      knowledgeItemId: first.knowledgeItemId,
      decision: 'dismissed',
      actor: { id: editorId },
      score: first.score,
      reasons: first.reasons,
    });
    const after = ((await suggestionsForNeed(target.id)) ?? []).map((s) => s.knowledgeItemId);
    expect(after).not.toContain(first.knowledgeItemId);

    await decideMatch({
      needId: target.id,
      knowledgeItemId: second.knowledgeItemId,
      decision: 'accepted',
      actor: { id: editorId },
      score: second.score,
      reasons: second.reasons,
    });
    const match = await prisma.match.findUniqueOrThrow({
      where: {
        knowledgeItemId_needId: { knowledgeItemId: second.knowledgeItemId, needId: target.id },
      },
    });
    expect(match.decision).toBe('accepted');
    const piece = await prisma.contentPiece.findFirstOrThrow({
      where: { originMatchId: match.id },
    });
    expect(piece.status).toBe('idea');
    expect(piece.publishAt).toBeNull();
    expect(['blog', 'podcast', 'whitepaper', 'webinar']).toContain(piece.channel);
    // the knowledge item's expert is told they now contribute to the idea
    const item = await prisma.knowledgeItem.findUniqueOrThrow({
      where: { id: second.knowledgeItemId },
    });
    expect(
      await prisma.notification.count({
        where: { recipientId: item.ownerId, event: 'piece.expert_added', subjectId: piece.id },
      }),
    ).toBe(1);
  });

  it('turns an accepted match into one idea, however often and however concurrently it is accepted', async () => {
    const target = await prisma.need.findFirstOrThrow({ where: { matches: { none: {} } } });
    const [best] = (await suggestionsForNeed(target.id)) ?? [];
    expect(best).toBeDefined();
    const accept = () =>
      decideMatch({
        needId: target.id,
        knowledgeItemId: best!.knowledgeItemId,
        decision: 'accepted',
        actor: { id: editorId },
        score: best!.score,
        reasons: best!.reasons,
      });
    const outcomes = await Promise.all([accept(), accept(), accept()]);
    const ids = new Set(outcomes.map((o) => (o.ok ? o.pieceId : null)));
    expect(ids.size).toBe(1);
    const later = await accept();
    expect(later).toMatchObject({ ok: true, pieceId: [...ids][0], existing: true });
    const match = await prisma.match.findUniqueOrThrow({
      where: {
        knowledgeItemId_needId: { knowledgeItemId: best!.knowledgeItemId, needId: target.id },
      },
    });
    expect(await prisma.contentPiece.count({ where: { originMatchId: match.id } })).toBe(1);
    // not only in code: the database refuses a second idea for the same match
    await expect(
      prisma.contentPiece.create({
        data: { channel: 'blog', title: 'Second idea', originMatchId: match.id },
      }),
    ).rejects.toMatchObject({ code: 'P2002' });
  });
});
