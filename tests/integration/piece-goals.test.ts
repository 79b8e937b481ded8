// Pieces serve goals: the piece form and an accepted match link a piece to agreed goals, in the
// same transaction as the save and with audit entries; goals not agreed are refused and change
// nothing; experts cannot link. The calendar filters by goal and shows the strategy's milestones.
import { beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '~/domain/calendar/grid';
import { parseCalendarQuery } from '~/domain/calendar/calendar-query';
import { milestonesInRange } from '~/models/calendar-milestones.server';
import { suggestionsForNeed } from '~/models/matching.server';
import { piecesForOutput } from '~/models/output.server';
import { listPiecesInRange } from '~/models/piece-queries.server';
import { createPiece, PieceReferenceError, updatePiece } from '~/models/piece-writes.server';
import { linkPieceToGoal, unlinkPieceFromGoal } from '~/models/strategy.server';
import { getWorkspace } from '~/models/workspace.server';
import { prisma } from '~/utils/db.server';
import { pieceInput } from '../support/piece-input';
import { call, setUpDemoWorkspace, userId } from './route-harness';

beforeAll(setUpDemoWorkspace, 60_000);

const goalId = async (title: string) =>
  (await prisma.goal.findFirstOrThrow({ where: { title } })).id;
const AWARENESS = 'Become the first address for lens-care questions online';
const RETENTION = 'Keep subscribers for a second year';
const WAITING = 'Learn what opticians expect from an online partner';

const linkedGoals = async (pieceId: string) =>
  (await prisma.pieceGoal.findMany({ where: { pieceId } })).map((l) => l.goalId).sort();

const goalAudits = (pieceId: string) =>
  prisma.auditEvent
    .findMany({
      where: { action: { in: ['goal.link', 'goal.unlink'] } },
      orderBy: { createdAt: 'asc' },
    })
    .then((events) =>
      events
        .filter((e) => (e.after ?? e.before ?? '').includes(pieceId))
        .map((e) => [e.action, e.entityId]),
    );

/** The piece form's fields as the browser sends them, the goals' empty marker included. */
function pieceForm(fields: Record<string, string>, goals: string[] | null) {
  const form = new URLSearchParams({ intent: 'save', channel: 'blog', ...fields });
  if (goals) for (const g of ['', ...goals]) form.append('goals', g);
  return form;
}

async function newPiece(title: string, goals: string[]) {
  const answer = await call('routes/calendar.new', 'POST', 'editor', {
    form: pieceForm({ title, publishAt: '2027-02-10T09:00' }, goals),
  });
  expect(answer.status).toBe(302);
  return (await prisma.contentPiece.findFirstOrThrow({ where: { title } })).id;
}

describe('the piece form’s goals', () => {
  it('link a new piece to the agreed goals chosen, with an audit entry for each', async () => {
    const [awareness, retention] = [await goalId(AWARENESS), await goalId(RETENTION)];
    const id = await newPiece('Second-year subscribers tell their story', [awareness, retention]);
    expect(await linkedGoals(id)).toEqual([awareness, retention].sort());
    expect(await goalAudits(id)).toEqual(
      expect.arrayContaining([
        ['goal.link', awareness],
        ['goal.link', retention],
      ]),
    );
    const actor = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'goal.link', entityId: retention },
      orderBy: { createdAt: 'desc' },
    });
    expect(actor.actorId).toBe(userId('editor'));
  });

  it('refuse a goal that is not agreed with a field error, and nothing is created', async () => {
    const answer = await call('routes/calendar.new', 'POST', 'editor', {
      form: pieceForm({ title: 'Opticians’ wish list' }, [await goalId(WAITING)]),
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      intent: 'save',
      errors: { goals: { key: 'calendar.form.goalNotAgreed' } },
    });
    expect(await prisma.contentPiece.count({ where: { title: 'Opticians’ wish list' } })).toBe(0);
  });

  it('refuse a goal that does not exist', async () => {
    const answer = await call('routes/calendar.new', 'POST', 'editor', {
      form: pieceForm({ title: 'Nowhere' }, ['no-such-goal']),
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: { goals: { key: 'validation.unknownChoice' } } });
  });

  it('replace a piece’s links when it is saved; without the field they stay', async () => {
    const [awareness, retention] = [await goalId(AWARENESS), await goalId(RETENTION)];
    const id = await newPiece('Lens-care myths', [awareness]);
    const save = async (goals: string[] | null, title = 'Lens-care myths') => {
      const { version } = await prisma.contentPiece.findUniqueOrThrow({ where: { id } });
      return call('routes/calendar.$pieceId', 'POST', 'editor', {
        params: { pieceId: id },
        form: pieceForm({ title, expectedVersion: String(version) }, goals),
      });
    };
    expect((await save([retention])).status).toBe(302);
    expect(await linkedGoals(id)).toEqual([retention]);
    // entries of one save share their instant: compared without order
    expect((await goalAudits(id)).sort()).toEqual(
      [
        ['goal.link', awareness],
        ['goal.unlink', awareness],
        ['goal.link', retention],
      ].sort(),
    );
    // a script that posts the fields it always did leaves the goals alone
    expect((await save(null, 'Lens-care myths, busted')).status).toBe(302);
    expect(await linkedGoals(id)).toEqual([retention]);
    // the form with every box cleared unlinks them all
    expect((await save([])).status).toBe(302);
    expect(await linkedGoals(id)).toEqual([]);
  });

  it('leave the whole save undone when one goal is refused', async () => {
    const awareness = await goalId(AWARENESS);
    const id = await newPiece('Dry eyes in winter', [awareness]);
    const before = await prisma.contentPiece.findUniqueOrThrow({ where: { id } });
    const answer = await call('routes/calendar.$pieceId', 'POST', 'editor', {
      params: { pieceId: id },
      form: pieceForm({ title: 'Renamed', expectedVersion: String(before.version) }, [
        awareness,
        await goalId(WAITING),
      ]),
    });
    expect(answer.status).toBe(400);
    const after = await prisma.contentPiece.findUniqueOrThrow({ where: { id } });
    expect([after.title, after.version]).toEqual([before.title, before.version]);
    expect(await linkedGoals(id)).toEqual([awareness]);
  });

  it('change no links when the save meets someone else’s', async () => {
    const [awareness, retention] = [await goalId(AWARENESS), await goalId(RETENTION)];
    const editor = { id: userId('editor'), roles: ['editor'] };
    const { id } = await createPiece({
      actor: editor,
      input: pieceInput({ title: 'Contact lens travel kit', goals: [awareness] }),
    });
    const result = await updatePiece({
      id,
      actor: editor,
      input: pieceInput({ title: 'Contact lens travel kit', goals: [retention] }),
      expectedVersion: 99,
    });
    expect(result).toMatchObject({ ok: false, problem: 'conflict' });
    expect(await linkedGoals(id)).toEqual([awareness]);
  });

  it('conflict with a link or unlink made on the goal’s page since the form was opened', async () => {
    const [awareness, retention] = [await goalId(AWARENESS), await goalId(RETENTION)];
    const editor = { id: userId('editor'), roles: ['editor'] };
    const { id } = await createPiece({
      actor: editor,
      input: pieceInput({ title: 'Linked meanwhile', goals: [awareness] }),
    });
    // the form shows version 1 with one goal; meanwhile the goal page links the second
    expect(await linkPieceToGoal({ actor: editor, goalId: retention, pieceId: id })).toEqual({
      ok: true,
    });
    const stale = await updatePiece({
      id,
      actor: editor,
      input: pieceInput({ title: 'Linked meanwhile', goals: [awareness] }),
      expectedVersion: 1,
    });
    expect(stale).toMatchObject({ ok: false, problem: 'conflict' });
    expect(await linkedGoals(id)).toEqual([awareness, retention].sort());
    // linking a goal the piece serves already changes nothing, not even the version
    const { version } = await prisma.contentPiece.findUniqueOrThrow({ where: { id } });
    await linkPieceToGoal({ actor: editor, goalId: retention, pieceId: id });
    expect((await prisma.contentPiece.findUniqueOrThrow({ where: { id } })).version).toBe(version);
    // an unlink on the goal page likewise
    expect(await unlinkPieceFromGoal({ actor: editor, goalId: awareness, pieceId: id })).toEqual({
      ok: true,
    });
    const again = await updatePiece({
      id,
      actor: editor,
      input: pieceInput({ title: 'Linked meanwhile', goals: [awareness, retention] }),
      expectedVersion: version,
    });
    expect(again).toMatchObject({ ok: false, problem: 'conflict' });
    expect(await linkedGoals(id)).toEqual([retention]);
  });

  it('keep a link to a goal retired since, but never add one', async () => {
    const editor = { id: userId('editor'), roles: ['editor'] };
    const goal = await prisma.goal.create({
      data: {
        title: 'A goal retired later',
        category: 'other',
        status: 'agreed',
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        weight: 5,
        proposedById: editor.id,
      },
    });
    const { id } = await createPiece({
      actor: editor,
      input: pieceInput({ title: 'Served a retired goal', goals: [goal.id] }),
    });
    await prisma.goal.update({ where: { id: goal.id }, data: { status: 'retired' } });
    const kept = await updatePiece({
      id,
      actor: editor,
      input: pieceInput({ title: 'Served a retired goal', goals: [goal.id] }),
      expectedVersion: 1,
    });
    expect(kept).toEqual({ ok: true, droppedBack: false });
    expect(await linkedGoals(id)).toEqual([goal.id]);
    await expect(
      createPiece({
        actor: editor,
        input: pieceInput({ title: 'Too late for it', goals: [goal.id] }),
      }),
    ).rejects.toBeInstanceOf(PieceReferenceError);
    // the form offers the retired goal on that piece's page only
    const page = await call('routes/calendar.$pieceId', 'GET', 'editor', {
      params: { pieceId: id },
    });
    const options = (page.body as { options: { goals: { id: string; status: string }[] } }).options
      .goals;
    expect(options).toContainEqual(expect.objectContaining({ id: goal.id, status: 'retired' }));
    const fresh = await call('routes/calendar.new', 'GET', 'editor');
    expect(
      (fresh.body as { options: { goals: { id: string }[] } }).options.goals,
    ).not.toContainEqual(expect.objectContaining({ id: goal.id }));
  });

  it('cannot be set by experts, on the page or through the model', async () => {
    const awareness = await goalId(AWARENESS);
    const piece = await prisma.contentPiece.findFirstOrThrow({
      where: { experts: { some: { userId: userId('expert') } } },
    });
    const links = await linkedGoals(piece.id);
    const answer = await call('routes/calendar.$pieceId', 'POST', 'expert', {
      params: { pieceId: piece.id },
      form: pieceForm({ title: piece.title, expectedVersion: String(piece.version) }, [awareness]),
    });
    expect(answer.status).toBe(403);
    const expert = { id: userId('expert'), roles: ['expert'] };
    expect(
      await updatePiece({
        id: piece.id,
        actor: expert,
        input: pieceInput({ title: piece.title, goals: [awareness] }),
        expectedVersion: piece.version,
      }),
    ).toEqual({ ok: false, problem: 'notAllowed' });
    expect(await linkedGoals(piece.id)).toEqual(links);
  });

  it('are shown on the piece’s page, to those who read it', async () => {
    const piece = await prisma.contentPiece.findFirstOrThrow({
      where: { experts: { some: { userId: userId('expert') } }, goals: { some: {} } },
      include: { goals: { include: { goal: true } } },
    });
    const page = await call('routes/calendar.$pieceId', 'GET', 'expert', {
      params: { pieceId: piece.id },
    });
    const shown = (page.body as { piece: { goals: { goal: { title: string } }[] } }).piece.goals;
    expect(shown.map((g) => g.goal.title).sort()).toEqual(
      piece.goals.map((g) => g.goal.title).sort(),
    );
  });
});

describe('accepting a match', () => {
  async function openSuggestion() {
    for (const need of await prisma.need.findMany({ orderBy: { createdAt: 'asc' } })) {
      const open = (await suggestionsForNeed(need.id, 10))?.find((s) => s.decision === 'suggested');
      if (open) return { need, item: open.knowledgeItemId };
    }
    throw new Error('the demo workspace has no open suggestion');
  }

  it('refuses a goal that is not agreed and records nothing', async () => {
    const { need, item } = await openSuggestion();
    const answer = await call('routes/matches.$needId', 'POST', 'editor', {
      params: { needId: need.id },
      form: new URLSearchParams([
        ['intent', 'accept'],
        ['item', item],
        ['goals', await goalId(WAITING)],
      ]),
    });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      errors: { goals: { key: 'calendar.form.goalNotAgreed' } },
    });
    expect(
      await prisma.match.count({
        where: { needId: need.id, knowledgeItemId: item, decision: 'accepted' },
      }),
    ).toBe(0);
  });

  it('puts an idea in the backlog that serves the goals chosen', async () => {
    const { need, item } = await openSuggestion();
    const retention = await goalId(RETENTION);
    const answer = await call('routes/matches.$needId', 'POST', 'editor', {
      params: { needId: need.id },
      form: new URLSearchParams([
        ['intent', 'accept'],
        ['item', item],
        ['goals', retention],
      ]),
    });
    expect(answer.status).toBe(302);
    const pieceId = new URL(answer.location ?? '', 'http://x').searchParams.get('piece') ?? '';
    expect(await linkedGoals(pieceId)).toEqual([retention]);
    expect(await goalAudits(pieceId)).toEqual([['goal.link', retention]]);
  });

  it('offers the agreed goals, those measured on the need’s audience chosen already', async () => {
    const kpi = await prisma.kpi.findFirstOrThrow({
      where: { scope: 'audience', goal: { status: 'agreed' } },
    });
    const need = await prisma.need.findFirstOrThrow({ where: { audienceId: kpi.audienceId! } });
    const page = await call('routes/matches.$needId', 'GET', 'editor', {
      params: { needId: need.id },
    });
    const goals = (page.body as { goals: { id: string; suggested: boolean }[] }).goals;
    expect(goals).toContainEqual(expect.objectContaining({ id: kpi.goalId, suggested: true }));
    expect(goals.map((g) => g.id)).not.toContain(await goalId(WAITING));
    // management reads the suggestions but does not decide: no goals to choose
    const read = await call('routes/matches.$needId', 'GET', 'management', {
      params: { needId: need.id },
    });
    expect((read.body as { goals: unknown[] }).goals).toEqual([]);
  });
});

describe('the calendar', () => {
  it('filters by goal, on the page and in the exports', async () => {
    const retention = await goalId(RETENTION);
    const serving = await newPiece('Why subscribers stay', [retention]);
    const other = await newPiece('Why subscribers leave', []);
    const viewer = { id: userId('editor'), roles: ['editor'] };
    const query = parseCalendarQuery(
      new URLSearchParams(`view=month&date=2027-02-10&goal=${retention}`),
    );
    const { from, to } = { from: new Date('2027-02-01'), to: new Date('2027-03-01') };
    const listed = (await listPiecesInRange({ viewer, from, to, query })).map((p) => p.id);
    expect(listed).toContain(serving);
    expect(listed).not.toContain(other);
    const exported = (await piecesForOutput({ viewer, query })).pieces.map((p) => p.id);
    expect(exported).toContain(serving);
    expect(exported).not.toContain(other);
    const unfiltered = parseCalendarQuery(new URLSearchParams('view=month&date=2027-02-10'));
    expect((await piecesForOutput({ viewer, query: unfiltered })).pieces.map((p) => p.id)).toEqual(
      expect.arrayContaining([serving, other]),
    );
  });

  it('shows the strategy’s milestones of the view’s days to every reader', async () => {
    const { timeZone } = await getWorkspace();
    const today = localDay(new Date(), timeZone);
    const milestone = await prisma.milestone.create({
      data: { title: 'Review with management', date: today, note: '' },
    });
    const page = await call('routes/calendar._index', 'GET', 'expert');
    const shown = (page.body as { milestones: { id: string; date: string }[] }).milestones;
    expect(shown).toContainEqual(expect.objectContaining({ id: milestone.id, date: today }));
    const print = await call('routes/calendar.print', 'GET', 'expert');
    expect((print.body as { milestones: { id: string }[] }).milestones).toContainEqual(
      expect.objectContaining({ id: milestone.id }),
    );
    // both ends of the range: the first day is in, the day after the last is not
    const expert = { id: userId('expert'), roles: ['expert'] };
    const range = (from: string, to: string) =>
      milestonesInRange({
        viewer: expert,
        from: new Date(from),
        to: new Date(to),
        timeZone: 'Europe/Berlin',
      });
    await prisma.milestone.create({ data: { title: 'Edge', date: '2027-05-01', note: '' } });
    // May in Berlin: 30 April 22:00 UTC to 31 May 22:00 UTC
    expect(
      (await range('2027-04-30T22:00:00Z', '2027-05-31T22:00:00Z')).map((m) => m.title),
    ).toContain('Edge');
    expect(
      (await range('2027-04-01T22:00:00Z', '2027-04-30T22:00:00Z')).map((m) => m.title),
    ).not.toContain('Edge');
  });
});
