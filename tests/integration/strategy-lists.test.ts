// The strategy's lists changed in place (stock-take entries, milestones): only editors and the
// owner may, a change made meanwhile is a conflict that changes nothing, and every change is in
// the audit log with its before and after. Also the strategy page's aids read from the database.
import { beforeAll, describe, expect, it } from 'vitest';
import { MilestoneUpdateSchema, StockTakeUpdateSchema } from '~/forms/strategy';
import { getStrategyAids } from '~/models/strategy-aids.server';
import {
  addMilestone,
  addStockTakeEntry,
  removeStockTakeEntry,
  updateMilestone,
  updateStockTakeEntry,
} from '~/models/strategy.server';
import { prisma } from '~/utils/db.server';
import { createDemoWorkspace } from '../../seeds/demo';
import { ensureReferenceData } from '../../seeds/reference';

type Actor = { id: string; roles: string[] };
let editor: Actor;
let management: Actor;
let expert: Actor;
const DEMO_NOW = new Date('2026-11-28T10:00:00Z');

const actor = async (email: string, roles: string[]) => ({
  id: (await prisma.user.findUniqueOrThrow({ where: { email } })).id,
  roles,
});

beforeAll(async () => {
  await ensureReferenceData(prisma);
  await createDemoWorkspace(prisma, DEMO_NOW);
  editor = await actor('editor@demo.lotse', ['editor']);
  management = await actor('management@demo.lotse', ['management']);
  expert = await actor('expert@demo.lotse', ['expert']);
});

const audits = (entityId: string) =>
  prisma.auditEvent.findMany({ where: { entityId }, orderBy: { createdAt: 'asc' } });

const added = async <T extends { ok: boolean }>(result: Promise<T>) => {
  const r = (await result) as T & { id?: string };
  if (!r.ok || !r.id) throw new Error('not added');
  return r.id;
};

describe('stock-take entries changed in place', () => {
  it('are changed by editors with the version they saw, and audited', async () => {
    const id = await added(
      addStockTakeEntry({
        actor: editor,
        input: { kind: 'trend', text: 'Video', evidence: '', notedOn: '2026-12-01' },
      }),
    );
    const {
      id: _id,
      expectedVersion,
      ...input
    } = StockTakeUpdateSchema.parse({
      id,
      expectedVersion: '1',
      kind: 'strength',
      text: 'Short videos',
      evidence: 'Survey 2026',
      notedOn: '2026-12-02',
    });
    expect(await updateStockTakeEntry({ actor: editor, id, input, expectedVersion })).toEqual({
      ok: true,
      id,
    });
    expect(await prisma.stockTakeEntry.findUnique({ where: { id } })).toMatchObject({
      kind: 'strength',
      text: 'Short videos',
      evidence: 'Survey 2026',
      notedOn: '2026-12-02',
      version: 2,
    });
    const [, update] = await audits(id);
    expect(update?.action).toBe('stockTake.update');
    expect(update?.entityType).toBe('stock_take_entry');
    expect(update?.actorId).toBe(editor.id);
    expect(JSON.parse(update?.before ?? '{}')).toEqual({
      kind: 'trend',
      text: 'Video',
      evidence: '',
      notedOn: '2026-12-01',
    });
    expect(JSON.parse(update?.after ?? '{}')).toMatchObject({ text: 'Short videos' });
  });

  it('refuse a change made on an older version, and change nothing', async () => {
    const id = await added(
      addStockTakeEntry({
        actor: editor,
        input: { kind: 'weakness', text: 'Slow', evidence: '', notedOn: '2026-12-01' },
      }),
    );
    const input = { kind: 'weakness' as const, text: 'First', evidence: '', notedOn: '2026-12-01' };
    expect((await updateStockTakeEntry({ actor: editor, id, input, expectedVersion: 1 })).ok).toBe(
      true,
    );
    // a second editor still saw version 1
    expect(
      await updateStockTakeEntry({
        actor: editor,
        id,
        input: { ...input, text: 'Second' },
        expectedVersion: 1,
      }),
    ).toEqual({ ok: false, problem: 'conflict' });
    expect((await prisma.stockTakeEntry.findUnique({ where: { id } }))?.text).toBe('First');
    expect((await audits(id)).map((a) => a.action)).toEqual([
      'stockTake.create',
      'stockTake.update',
    ]);
    // removing with the old version is a conflict too
    expect(await removeStockTakeEntry({ actor: editor, id, expectedVersion: 1 })).toEqual({
      ok: false,
      problem: 'conflict',
    });
  });

  it('are not changed by experts or management, nor when gone', async () => {
    const id = await added(
      addStockTakeEntry({
        actor: editor,
        input: { kind: 'competitor', text: 'Rival', evidence: '', notedOn: '2026-12-01' },
      }),
    );
    const input = {
      kind: 'competitor' as const,
      text: 'Hacked',
      evidence: '',
      notedOn: '2026-12-01',
    };
    for (const who of [expert, management])
      expect(await updateStockTakeEntry({ actor: who, id, input, expectedVersion: 1 })).toEqual({
        ok: false,
        problem: 'notAllowed',
      });
    expect((await prisma.stockTakeEntry.findUnique({ where: { id } }))?.text).toBe('Rival');
    expect((await audits(id)).map((a) => a.action)).toEqual(['stockTake.create']);
    expect(
      await updateStockTakeEntry({ actor: editor, id: 'gone', input, expectedVersion: 1 }),
    ).toEqual({ ok: false, problem: 'notFound' });
  });
});

describe('milestones changed in place', () => {
  it('are changed by editors, refused for experts, conflicts detected, and audited', async () => {
    const id = await added(
      addMilestone({ actor: editor, input: { title: 'Launch', date: '2027-02-01', note: '' } }),
    );
    const {
      id: _id,
      expectedVersion,
      ...input
    } = MilestoneUpdateSchema.parse({
      id,
      expectedVersion: '1',
      title: 'Launch, moved',
      date: '2027-03-01',
      note: 'The fair moved',
    });
    expect(await updateMilestone({ actor: expert, id, input, expectedVersion })).toEqual({
      ok: false,
      problem: 'notAllowed',
    });
    expect(await updateMilestone({ actor: editor, id, input, expectedVersion })).toEqual({
      ok: true,
      id,
    });
    expect(
      await updateMilestone({
        actor: editor,
        id,
        input: { ...input, title: 'Late' },
        expectedVersion,
      }),
    ).toEqual({ ok: false, problem: 'conflict' });
    expect(await prisma.milestone.findUnique({ where: { id } })).toMatchObject({
      title: 'Launch, moved',
      date: '2027-03-01',
      note: 'The fair moved',
      version: 2,
    });
    const events = await audits(id);
    expect(events.map((a) => a.action)).toEqual(['milestone.create', 'milestone.update']);
    expect(JSON.parse(events[1]?.before ?? '{}')).toEqual({
      title: 'Launch',
      date: '2027-02-01',
      note: '',
    });
  });

  it('refuses an update form without the version or with a bad date', () => {
    expect(
      MilestoneUpdateSchema.safeParse({ id: 'x', title: 'A', date: '2027-01-01', note: '' })
        .success,
    ).toBe(false);
    expect(
      StockTakeUpdateSchema.safeParse({
        id: 'x',
        expectedVersion: '1',
        kind: 'trend',
        text: 'A',
        notedOn: '2027-02-30',
      }).success,
    ).toBe(false);
  });
});

describe('the strategy page’s aids', () => {
  it('read coverage, mix and matrix of the demo workspace', async () => {
    const aids = await getStrategyAids({ now: DEMO_NOW, timeZone: 'Europe/Berlin' });
    const agreed = await prisma.goal.count({ where: { status: 'agreed' } });
    expect(aids.coverage).toHaveLength(agreed);
    expect(aids.mix.rows).toHaveLength(agreed);
    expect(aids.mix.total).toBeGreaterThan(0);
    expect(aids.mix.rows.reduce((s, r) => s + r.wantedShare, 0)).toBeCloseTo(100);
    // the uncovered goal has no share of the plan
    const uncovered = aids.coverage.filter((c) => !c.covered).map((c) => c.goal.id);
    for (const id of uncovered)
      expect(aids.mix.rows.find((r) => r.goal.id === id)?.planned).toBe(0);
    expect(aids.matrix.periods.map((p) => p.key)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(aids.matrix.rows.filter((r) => r.audience).length).toBe(await prisma.audience.count());
    const counted = aids.matrix.rows
      .filter((r) => r.audience)
      .flatMap((r) => r.cells.map((c) => c.total))
      .reduce((s, n) => s + n, 0);
    expect(counted).toBeGreaterThan(0);
  });
});
