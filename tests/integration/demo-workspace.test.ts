import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '~/domain/calendar/vocabulary';
import { prisma } from '~/utils/db.server';
import { verifyLogin } from '~/models/user.server';
import { createDemoWorkspace } from '../../seeds/demo';
import { ensureReferenceData } from '../../seeds/reference';

const NOW = new Date('2026-11-28T10:00:00Z');

beforeAll(async () => {
  await ensureReferenceData(prisma);
  await createDemoWorkspace(prisma, NOW);
});

describe('demo workspace', () => {
  it('has the four demo accounts with the shared password', async () => {
    for (const role of ['admin', 'editor', 'expert', 'management']) {
      const id = await verifyLogin({ email: `${role}@demo.lotse`, password: 'lotse-demo' });
      expect(id, role).not.toBeNull();
      const roles = await prisma.userRole.findMany({ where: { userId: id as string } });
      expect(roles.map((r) => r.role)).toContain(role);
    }
  });

  it('has about twelve experts in several departments', async () => {
    const profiles = await prisma.expertProfile.findMany();
    expect(profiles.length).toBeGreaterThanOrEqual(12);
    expect(new Set(profiles.map((p) => p.department)).size).toBeGreaterThanOrEqual(6);
  });

  it('has 40 knowledge items in German and English and in every review state', async () => {
    const items = await prisma.knowledgeItem.findMany();
    expect(items).toHaveLength(40);
    expect(new Set(items.map((i) => i.language))).toEqual(new Set(['de', 'en']));
    expect(new Set(items.map((i) => i.status))).toEqual(
      new Set(['draft', 'submitted', 'changes_requested', 'accepted', 'declined', 'archived']),
    );
    // each item's history ends in its status
    for (const item of items) {
      const last = await prisma.knowledgeTransition.findFirst({
        where: { knowledgeItemId: item.id },
        orderBy: { createdAt: 'desc' },
      });
      expect(last?.toStatus, item.title).toBe(item.status);
    }
  });

  it('has at least three audiences with 19 needs', async () => {
    expect(await prisma.audience.count()).toBeGreaterThanOrEqual(3);
    expect(await prisma.need.count()).toBe(19);
  });

  it('plans 30 pieces over the next three months on all four channels', async () => {
    const dated = await prisma.contentPiece.findMany({
      where: { publishAt: { not: null }, status: { not: 'published' } },
    });
    expect(dated).toHaveLength(30);
    const inThreeMonths = new Date(NOW.getTime() + 92 * 24 * 3600 * 1000);
    expect(dated.every((p) => p.publishAt! > NOW && p.publishAt! < inThreeMonths)).toBe(true);
    expect(new Set(dated.map((p) => p.channel))).toEqual(new Set(CHANNELS));
    // deadlines come before publication
    const deadlines = await prisma.stageDeadline.findMany({ include: { piece: true } });
    expect(deadlines.length).toBeGreaterThan(0);
    expect(deadlines.every((d) => d.dueAt < d.piece.publishAt!)).toBe(true);
  });

  it('has 8 disclosure rules, each with its first revision', async () => {
    const rules = await prisma.disclosureRule.findMany({ include: { revisions: true } });
    expect(rules).toHaveLength(8);
    expect(rules.every((r) => r.revisions.length === 1)).toBe(true);
    expect(new Set(rules.map((r) => r.kind))).toEqual(
      new Set(['term', 'phrase', 'regex', 'figure']),
    );
  });

  it('keeps the reference data idempotent', async () => {
    const before = await prisma.glossaryConcept.count();
    await ensureReferenceData(prisma);
    expect(await prisma.glossaryConcept.count()).toBe(before);
    expect(await prisma.channelPlan.count()).toBe(4);
  });

  it('has a strategy: an owner, agreed goals with KPIs, one waiting, stock-take and milestones', async () => {
    const strategy = await prisma.strategy.findUniqueOrThrow({
      where: { id: 1 },
      include: { owner: true },
    });
    expect(strategy.owner?.email).toBe('jonas.weber@demo.lotse');
    const goals = await prisma.goal.findMany({ include: { kpis: true, pieces: true } });
    expect(goals.length).toBeGreaterThanOrEqual(4);
    expect(goals.length).toBeLessThanOrEqual(5);
    expect(goals.filter((g) => g.status === 'proposed')).toHaveLength(1);
    for (const goal of goals) {
      expect(goal.kpis.length, goal.title).toBeGreaterThanOrEqual(2);
      expect(goal.kpis.length, goal.title).toBeLessThanOrEqual(3);
    }
    // the plan serves all agreed goals but one, so the coverage aid has something to say
    const agreed = goals.filter((g) => g.status === 'agreed');
    expect(agreed.filter((g) => g.pieces.length === 0)).toHaveLength(1);
    expect(await prisma.stockTakeEntry.count()).toBeGreaterThanOrEqual(4);
    expect(await prisma.milestone.count()).toBeGreaterThanOrEqual(3);
  });
});
