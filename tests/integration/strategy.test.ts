// The strategy's models: goals proposed by editors and agreed by management (who and when),
// sending back with a comment, KPIs, the owner and the review cadence, the permissions every
// write re-checks, the audit entries and conflicts detected by version.
import { beforeAll, describe, expect, it } from 'vitest';
import { GoalFormSchema, KpiFormSchema } from '~/forms/strategy';
import {
  addMilestone,
  addStockTakeEntry,
  decideGoal,
  getGoal,
  getGoalCoverage,
  getStrategySettings,
  linkPieceToGoal,
  listGoalPieces,
  proposeGoal,
  removeKpi,
  removeMilestone,
  saveKpi,
  setReviewCadence,
  setStrategyOwner,
  unlinkPieceFromGoal,
  updateGoal,
} from '~/models/strategy.server';
import { prisma } from '~/utils/db.server';
import { createDemoWorkspace } from '../../seeds/demo';
import { ensureReferenceData } from '../../seeds/reference';

type Actor = { id: string; roles: string[] };
let editor: Actor;
let management: Actor;
let expert: Actor;
let admin: Actor;

const actor = async (email: string, roles: string[]) => ({
  id: (await prisma.user.findUniqueOrThrow({ where: { email } })).id,
  roles,
});

beforeAll(async () => {
  await ensureReferenceData(prisma);
  await createDemoWorkspace(prisma, new Date('2026-11-28T10:00:00Z'));
  editor = await actor('editor@demo.lotse', ['editor']);
  management = await actor('management@demo.lotse', ['management']);
  expert = await actor('expert@demo.lotse', ['expert']);
  admin = await actor('admin@demo.lotse', ['admin']);
});

const goalInput = (title: string) =>
  GoalFormSchema.parse({
    title,
    description: 'Why it matters',
    category: 'brand_image',
    periodStart: '2027-01-01',
    periodEnd: '2027-06-30',
    weight: '15',
  });

const kpiInput = (over: Record<string, string> = {}) =>
  KpiFormSchema.parse({
    metric: 'page_views',
    unit: 'count',
    direction: 'more',
    baseline: '1.000',
    target: '2500',
    targetDate: '2027-06-30',
    scope: 'channel',
    channel: 'blog',
    ...over,
  });

const audits = (entityId: string) =>
  prisma.auditEvent.findMany({ where: { entityId }, orderBy: { createdAt: 'asc' } });

describe('goals', () => {
  it('are proposed by editors, never by experts, admins or management', async () => {
    for (const who of [expert, admin, management])
      expect(await proposeGoal({ actor: who, input: goalInput('Refused') })).toEqual({
        ok: false,
        problem: 'notAllowed',
      });
    const proposed = await proposeGoal({ actor: editor, input: goalInput('A better image') });
    expect(proposed.ok).toBe(true);
    if (!proposed.ok) return;
    const goal = await getGoal(proposed.id);
    expect(goal).toMatchObject({ status: 'proposed', weight: 15, agreedBy: null, agreedAt: null });
    expect(goal?.proposedBy.id).toBe(editor.id);
    expect((await audits(proposed.id)).map((a) => a.action)).toEqual(['goal.propose']);
  });

  it('are agreed by management, recording who and when', async () => {
    const { id } = (await proposeGoal({ actor: editor, input: goalInput('Agreed one') })) as {
      id: string;
    };
    expect(await decideGoal({ actor: editor, id, decision: 'agree', expectedVersion: 1 })).toEqual({
      ok: false,
      problem: 'notAllowed',
    });
    const now = new Date('2026-12-02T09:00:00Z');
    expect(
      await decideGoal({ actor: management, id, decision: 'agree', expectedVersion: 1, now }),
    ).toEqual({ ok: true, id });
    const goal = await getGoal(id);
    expect(goal).toMatchObject({ status: 'agreed', version: 2, agreedAt: now });
    expect(goal?.agreedBy?.id).toBe(management.id);
    const entry = (await audits(id)).at(-1);
    expect(entry).toMatchObject({ action: 'goal.agree', actorId: management.id });
    expect(JSON.parse(entry?.after ?? '{}')).toMatchObject({ status: 'agreed' });
    // an agreed goal is no longer the proposers' to edit, nor agreed twice
    expect(
      await updateGoal({ actor: editor, id, input: goalInput('Changed'), expectedVersion: 2 }),
    ).toEqual({ ok: false, problem: 'notAllowed' });
    expect(
      await decideGoal({ actor: management, id, decision: 'agree', expectedVersion: 2 }),
    ).toEqual({ ok: false, problem: 'conflict' });
  });

  it('are sent back only with a comment, and proposed again when edited', async () => {
    const { id } = (await proposeGoal({ actor: editor, input: goalInput('Too vague') })) as {
      id: string;
    };
    expect(
      await decideGoal({
        actor: management,
        id,
        decision: 'send_back',
        comment: '   ',
        expectedVersion: 1,
      }),
    ).toEqual({ ok: false, problem: 'commentRequired' });
    expect(
      await decideGoal({
        actor: management,
        id,
        decision: 'send_back',
        comment: 'Which image, with whom?',
        expectedVersion: 1,
      }),
    ).toEqual({ ok: true, id });
    expect(await getGoal(id)).toMatchObject({
      status: 'sent_back',
      sentBackComment: 'Which image, with whom?',
    });
    expect(
      await updateGoal({
        actor: editor,
        id,
        input: goalInput('Seen as the experts by opticians'),
        expectedVersion: 2,
      }),
    ).toEqual({ ok: true, id });
    expect(await getGoal(id)).toMatchObject({ status: 'proposed', version: 3 });
    expect((await audits(id)).map((a) => a.action)).toEqual([
      'goal.propose',
      'goal.send_back',
      'goal.update',
    ]);
  });

  it('detect a change made meanwhile by its version', async () => {
    const { id } = (await proposeGoal({ actor: editor, input: goalInput('Raced') })) as {
      id: string;
    };
    expect(
      await updateGoal({ actor: editor, id, input: goalInput('First'), expectedVersion: 1 }),
    ).toEqual({ ok: true, id });
    expect(
      await updateGoal({ actor: editor, id, input: goalInput('Second'), expectedVersion: 1 }),
    ).toEqual({ ok: false, problem: 'conflict' });
    expect(
      await decideGoal({ actor: management, id, decision: 'retire', expectedVersion: 1 }),
    ).toEqual({ ok: false, problem: 'conflict' });
    expect(
      await decideGoal({ actor: management, id, decision: 'retire', expectedVersion: 2 }),
    ).toEqual({ ok: true, id });
    expect((await getGoal(id))?.title).toBe('First');
  });
});

describe('KPIs', () => {
  it('are added, changed and removed on proposals, with their audit entries', async () => {
    const { id: goalId } = (await proposeGoal({ actor: editor, input: goalInput('Measured') })) as {
      id: string;
    };
    const added = await saveKpi({ actor: editor, goalId, input: kpiInput() });
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const audienceId = (await prisma.audience.findFirstOrThrow()).id;
    const second = await saveKpi({
      actor: editor,
      goalId,
      input: kpiInput({
        metric: 'custom',
        customLabel: 'Optician survey answers',
        scope: 'audience',
        audienceId,
      }),
    });
    expect(second.ok).toBe(true);
    const kpis = (await getGoal(goalId))?.kpis ?? [];
    expect(kpis.map((k) => [k.metric, k.scope, k.channel, k.audienceId, k.baseline])).toEqual([
      ['page_views', 'channel', 'blog', null, 1],
      ['custom', 'audience', null, audienceId, 1],
    ]);
    expect(kpis[1]?.customLabel).toBe('Optician survey answers');
    expect(
      await saveKpi({
        actor: editor,
        goalId,
        input: { ...kpiInput({ target: '3000' }), kpiId: added.id, expectedVersion: 1 },
      }),
    ).toEqual({ ok: true, id: added.id });
    expect(
      await saveKpi({
        actor: editor,
        goalId,
        input: { ...kpiInput({ target: '4000' }), kpiId: added.id, expectedVersion: 1 },
      }),
    ).toEqual({ ok: false, problem: 'conflict' });
    expect(await saveKpi({ actor: expert, goalId, input: kpiInput() })).toEqual({
      ok: false,
      problem: 'notAllowed',
    });
    expect(
      await saveKpi({
        actor: editor,
        goalId,
        input: kpiInput({ scope: 'audience', audienceId: 'gone' }),
      }),
    ).toEqual({ ok: false, problem: 'audienceGone' });
    expect(await removeKpi({ actor: editor, goalId, kpiId: added.id, expectedVersion: 2 })).toEqual(
      {
        ok: true,
      },
    );
    expect((await audits(added.id)).map((a) => a.action)).toEqual([
      'kpi.create',
      'kpi.update',
      'kpi.delete',
    ]);
    // once agreed, the KPIs are what management agreed to
    await decideGoal({ actor: management, id: goalId, decision: 'agree', expectedVersion: 1 });
    expect(await saveKpi({ actor: editor, goalId, input: kpiInput() })).toEqual({
      ok: false,
      problem: 'notAllowed',
    });
  });

  it('refuse a custom metric without a name and a channel scope without a channel', () => {
    const custom = KpiFormSchema.safeParse({ ...kpiRaw(), metric: 'custom' });
    expect(custom.success).toBe(false);
    const channel = KpiFormSchema.safeParse({ ...kpiRaw(), channel: '' });
    expect(channel.success).toBe(false);
    const decimal = KpiFormSchema.parse({ ...kpiRaw(), target: '4,5' });
    expect(decimal.target).toBe(4.5);
  });
});

function kpiRaw() {
  return {
    metric: 'leads',
    unit: 'count',
    direction: 'more',
    baseline: '',
    target: '10',
    targetDate: '2027-06-30',
    scope: 'channel',
    channel: 'blog',
  };
}

describe('owner, review cadence, stock-take and timeline', () => {
  it('lets management name an active owner, audited, with the version guarding changes', async () => {
    const before = await getStrategySettings();
    expect(before.owner?.name).toBe('Jonas Weber');
    expect(
      await setStrategyOwner({
        actor: editor,
        ownerId: editor.id,
        expectedVersion: before.version,
      }),
    ).toEqual({ ok: false, problem: 'notAllowed' });
    expect(
      await setStrategyOwner({
        actor: management,
        ownerId: editor.id,
        expectedVersion: before.version,
      }),
    ).toEqual({ ok: true });
    expect((await getStrategySettings()).owner?.id).toBe(editor.id);
    expect(
      await setStrategyOwner({
        actor: management,
        ownerId: management.id,
        expectedVersion: before.version,
      }),
    ).toEqual({ ok: false, problem: 'conflict' });
    const inactive = await prisma.user.create({
      data: { email: 'gone@demo.lotse', name: 'Gone', passwordHash: 'x', active: false },
    });
    expect(
      await setStrategyOwner({
        actor: management,
        ownerId: inactive.id,
        expectedVersion: before.version + 1,
      }),
    ).toEqual({ ok: false, problem: 'ownerInactive' });
    const entry = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'strategy.owner' },
      orderBy: { createdAt: 'desc' },
    });
    expect(JSON.parse(entry.after ?? '{}')).toMatchObject({ owner: 'Elena Richter' });
  });

  it('computes the next review from the cadence and the last review', async () => {
    const { version } = await getStrategySettings();
    expect(
      await setReviewCadence({
        actor: management,
        cadenceMonths: 3,
        lastReviewOn: '2026-08-31',
        expectedVersion: version,
      }),
    ).toEqual({ ok: true });
    expect(await getStrategySettings()).toMatchObject({
      reviewCadenceMonths: 3,
      nextReviewOn: '2026-11-30',
    });
    expect(
      await setReviewCadence({
        actor: editor,
        cadenceMonths: 6,
        lastReviewOn: null,
        expectedVersion: version + 1,
      }),
    ).toEqual({ ok: false, problem: 'notAllowed' });
  });

  it('lets editors keep the stock-take and the timeline, not experts', async () => {
    const entry = { kind: 'trend' as const, text: 'Video', evidence: '', notedOn: '2026-12-01' };
    expect(await addStockTakeEntry({ actor: expert, input: entry })).toEqual({
      ok: false,
      problem: 'notAllowed',
    });
    expect((await addStockTakeEntry({ actor: editor, input: entry })).ok).toBe(true);
    const milestone = await addMilestone({
      actor: editor,
      input: { title: 'Launch', date: '2027-02-01', note: '' },
    });
    expect(milestone.ok).toBe(true);
    if (!milestone.ok) return;
    expect(await removeMilestone({ actor: editor, id: milestone.id, expectedVersion: 2 })).toEqual({
      ok: false,
      problem: 'conflict',
    });
    expect(await removeMilestone({ actor: editor, id: milestone.id, expectedVersion: 1 })).toEqual({
      ok: true,
    });
    expect((await audits(milestone.id)).map((a) => a.action)).toEqual([
      'milestone.create',
      'milestone.delete',
    ]);
  });
});

describe('pieces serving goals', () => {
  it('flags the demo’s agreed goal that no planned piece serves', async () => {
    const coverage = await getGoalCoverage({ now: new Date('2026-11-28T10:00:00Z') });
    const uncovered = coverage.filter((c) => !c.covered).map((c) => c.goal.title);
    expect(uncovered).toContain('Keep subscribers for a second year');
    expect(coverage.find((c) => c.goal.title === 'Win first-time lens wearers')?.covered).toBe(
      true,
    );
  });

  it('lets editors link pieces to agreed goals only, and the coverage follows', async () => {
    const now = new Date();
    const piece = await prisma.contentPiece.create({
      data: {
        channel: 'blog',
        title: 'A piece for the new goal',
        status: 'planned',
        publishAt: new Date(now.getTime() + 7 * 24 * 3600 * 1000),
      },
    });
    const { id: goalId } = (await proposeGoal({ actor: editor, input: goalInput('Linked') })) as {
      id: string;
    };
    expect(await linkPieceToGoal({ actor: editor, goalId, pieceId: piece.id })).toEqual({
      ok: false,
      problem: 'notAgreed',
    });
    await decideGoal({ actor: management, id: goalId, decision: 'agree', expectedVersion: 1 });
    const covered = async () =>
      (await getGoalCoverage({ now })).find((c) => c.goal.id === goalId)?.covered;
    expect(await covered()).toBe(false);
    expect(await linkPieceToGoal({ actor: expert, goalId, pieceId: piece.id })).toEqual({
      ok: false,
      problem: 'notAllowed',
    });
    expect(await linkPieceToGoal({ actor: editor, goalId, pieceId: 'gone' })).toEqual({
      ok: false,
      problem: 'pieceGone',
    });
    expect(await linkPieceToGoal({ actor: editor, goalId, pieceId: piece.id })).toEqual({
      ok: true,
    });
    expect(await covered()).toBe(true);
    expect((await listGoalPieces(goalId)).map((p) => p.id)).toEqual([piece.id]);
    expect(await unlinkPieceFromGoal({ actor: editor, goalId, pieceId: piece.id })).toEqual({
      ok: true,
    });
    expect(await covered()).toBe(false);
    expect((await audits(goalId)).map((a) => a.action)).toEqual([
      'goal.propose',
      'goal.agree',
      'goal.link',
      'goal.unlink',
    ]);
  });
});
