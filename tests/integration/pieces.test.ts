import { beforeAll, describe, expect, it } from 'vitest';
import {
  feedOwner,
  feedPieces,
  getOrCreateFeedToken,
  resetFeedToken,
} from '~/models/piece-feed.server';
import { getPiece, listBacklog, listPiecesInRange } from '~/models/piece-queries.server';
import {
  createPiece,
  movePiece,
  transitionPiece,
  updatePiece,
  type PieceInput,
} from '~/models/piece-writes.server';
import { createUser } from '~/models/user.server';
import { prisma } from '~/utils/db.server';
import { ensureReferenceData } from '../../seeds/reference';
import { pieceInput } from '../support/piece-input';

type Viewer = { id: string; roles: string[] };
let editor: Viewer;
let editor2: Viewer;
let expert: Viewer;
let other: Viewer;
const noFilter = {
  view: 'month' as const,
  date: null,
  channel: [],
  status: [],
  audience: '',
  owner: '',
  expert: '',
  goal: '',
};

const input = (over: Partial<PieceInput> = {}): PieceInput =>
  pieceInput({
    title: 'Lens care in winter',
    publishAt: new Date('2026-03-27T08:00:00Z'),
    slug: 'lens-care-in-winter',
    ...over,
  });

beforeAll(async () => {
  await ensureReferenceData(prisma);
  const mk = async (email: string, roles: ('expert' | 'editor')[]) => ({
    id: (await createUser({ email, name: email, password: 'password-123', roles })).id,
    roles,
  });
  editor = await mk('ed@example.com', ['editor']);
  editor2 = await mk('ed2@example.com', ['editor']);
  expert = await mk('ex@example.com', ['expert']);
  other = await mk('other@example.com', ['expert']);
});

describe('content pieces', () => {
  it('derive stage deadlines from the channel plan when dated', async () => {
    const { id } = await createPiece({ actor: editor, input: input() });
    const piece = await getPiece({ id, viewer: editor });
    expect(piece?.status).toBe('planned');
    // blog lead times: in_production 14, in_review 5, approved 2 days; 09:00 Berlin each
    expect(piece?.deadlines.map((d) => [d.stage, d.dueAt.toISOString()]).sort()).toEqual([
      ['approved', '2026-03-25T08:00:00.000Z'],
      ['in_production', '2026-03-13T08:00:00.000Z'],
      ['in_review', '2026-03-22T08:00:00.000Z'],
    ]);
    const idea = await createPiece({
      actor: editor,
      input: input({ title: 'Undated', publishAt: null }),
    });
    expect((await getPiece({ id: idea.id, viewer: editor }))?.status).toBe('idea');
    expect((await listBacklog({ viewer: editor, query: noFilter })).map((p) => p.title)).toContain(
      'Undated',
    );
  });

  it('are visible to experts only where they contribute', async () => {
    const { id } = await createPiece({
      actor: editor,
      input: input({ title: 'With expert', experts: [expert.id] }),
    });
    expect(await getPiece({ id, viewer: expert })).not.toBeNull();
    expect(await getPiece({ id, viewer: other })).toBeNull();
    const range = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
    expect((await listPiecesInRange({ viewer: other, ...range, query: noFilter })).length).toBe(0);
    expect(
      (await listPiecesInRange({ viewer: expert, ...range, query: noFilter })).map((p) => p.title),
    ).toEqual(['With expert']);
  });

  it('report a concurrent edit with what changed, and never overwrite it', async () => {
    const { id } = await createPiece({ actor: editor, input: input({ title: 'Original' }) });
    const first = await updatePiece({
      id,
      actor: editor,
      input: input({ title: 'First editor' }),
      expectedVersion: 1,
    });
    expect(first).toEqual({ ok: true, droppedBack: false });
    const second = await updatePiece({
      id,
      actor: editor2,
      input: input({ title: 'Second editor' }),
      expectedVersion: 1,
    });
    expect(second).toMatchObject({
      ok: false,
      problem: 'conflict',
      version: 2,
      current: { title: 'First editor' },
    });
    expect((await getPiece({ id, viewer: editor }))?.title).toBe('First editor');
  });

  it('keep their audiences and experts through saves, changing only what changed', async () => {
    const [a, b] = await Promise.all(
      ['Opticians', 'Clinics'].map((name) => prisma.audience.create({ data: { name } })),
    );
    const { id } = await createPiece({
      actor: editor,
      input: input({ audiences: [a!.id, b!.id], experts: [expert.id] }),
    });
    const links = async () => {
      const piece = await getPiece({ id, viewer: editor });
      return {
        audiences: piece!.audiences.map((x) => x.audience.name).sort(),
        experts: piece!.experts.map((x) => x.user.id).sort(),
      };
    };
    const save = async (over: Partial<PieceInput>) => {
      const version = (await prisma.contentPiece.findUniqueOrThrow({ where: { id } })).version;
      expect(
        await updatePiece({ id, actor: editor, input: input(over), expectedVersion: version }),
      ).toMatchObject({ ok: true });
    };
    // the same links in another order: nothing to rewrite, nothing lost
    await save({ audiences: [b!.id, a!.id], experts: [expert.id], brief: 'same links' });
    expect(await links()).toEqual({ audiences: ['Clinics', 'Opticians'], experts: [expert.id] });
    await save({ audiences: [b!.id], experts: [expert.id, other.id] });
    expect(await links()).toEqual({
      audiences: ['Clinics'],
      experts: [expert.id, other.id].sort(),
    });
    await save({ audiences: [], experts: [] });
    expect(await links()).toEqual({ audiences: [], experts: [] });
  });

  it('move to another day at the same local time, across the spring change', async () => {
    const { id } = await createPiece({ actor: editor, input: input({ title: 'Mover' }) });
    expect(await movePiece({ id, actor: editor, day: '2026-03-30' })).toEqual({ ok: true });
    const moved = await getPiece({ id, viewer: editor });
    expect(moved?.publishAt?.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(moved?.deadlines.find((d) => d.stage === 'approved')?.dueAt.toISOString()).toBe(
      '2026-03-28T08:00:00.000Z',
    );
    expect(await movePiece({ id, actor: expert, day: '2026-03-31' })).toEqual({
      ok: false,
      problem: 'notAllowed',
    });
    expect(
      await movePiece({ id, actor: editor, day: '2026-04-01', expectedVersion: 1 }),
    ).toMatchObject({ ok: false, problem: 'conflict' });
  });

  it('scheduling an idea from the backlog dates it at 09:00 and plans it', async () => {
    const { id } = await createPiece({
      actor: editor,
      input: input({ title: 'Backlog idea', publishAt: null }),
    });
    expect(await movePiece({ id, actor: editor, day: '2026-10-26' })).toEqual({ ok: true });
    const piece = await getPiece({ id, viewer: editor });
    expect(piece?.publishAt?.toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(piece?.status).toBe('planned');
  });

  it('follow the workflow rules and record each step', async () => {
    const { id } = await createPiece({
      actor: editor,
      input: input({ title: 'Flow', experts: [expert.id] }),
    });
    expect(
      await transitionPiece({ id, actor: editor, to: 'in_review', expectedVersion: 1 }),
    ).toEqual({ ok: false, problem: 'wrongStatus' });
    expect(
      await transitionPiece({ id, actor: editor, to: 'in_production', expectedVersion: 1 }),
    ).toEqual({ ok: true });
    expect(
      await transitionPiece({ id, actor: expert, to: 'in_review', expectedVersion: 2 }),
    ).toEqual({ ok: true });
    expect(
      await transitionPiece({ id, actor: expert, to: 'approved', expectedVersion: 3 }),
    ).toEqual({ ok: false, problem: 'notAllowed' });
    const events = await prisma.auditEvent.findMany({
      where: { entityId: id, action: 'piece.status' },
    });
    expect(events).toHaveLength(2);
  });
});

describe('calendar feed', () => {
  it('has a secret, revocable address that shows only what its owner may see', async () => {
    const token = await getOrCreateFeedToken(other.id);
    expect(await getOrCreateFeedToken(other.id)).toBe(token);
    expect(await feedOwner(token)).toMatchObject({ id: other.id });
    const mine = await feedPieces({
      viewer: (await feedOwner(token))!,
      from: new Date('2026-01-01T00:00:00Z'),
    });
    expect(mine).toEqual([]);
    const fresh = await resetFeedToken(other.id);
    expect(fresh).not.toBe(token);
    expect(await feedOwner(token)).toBeNull();
    expect(await feedOwner('../../etc/passwd')).toBeNull();
  });
});
