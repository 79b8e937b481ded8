// The calendar's backlog: a page of unscheduled ideas at a time, the highest-priority and newest
// first, filtered by title, under the calendar's filters and each viewer's visibility.
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKLOG_STEP, parseBacklogQuery } from '~/domain/calendar/backlog';
import type { CalendarQuery } from '~/domain/calendar/calendar-query';
import { backlogPage, calendarLists } from '~/models/piece-queries.server';
import { createPiece } from '~/models/piece-writes.server';
import { createUser } from '~/models/user.server';
import { prisma } from '~/utils/db.server';
import { ensureReferenceData } from '../../seeds/reference';
import { pieceInput } from '../support/piece-input';

type Viewer = { id: string; roles: string[] };
let editor: Viewer;
let expert: Viewer;
const noFilter: CalendarQuery = {
  view: 'month',
  date: null,
  channel: [],
  status: [],
  audience: '',
  owner: '',
  expert: '',
  goal: '',
};
const PLAIN = 30;
const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 9));

beforeAll(async () => {
  await ensureReferenceData(prisma);
  const mk = async (email: string, roles: ('expert' | 'editor')[]) => ({
    id: (await createUser({ email, name: email, password: 'password-123', roles })).id,
    roles,
  });
  editor = await mk('backlog-editor@example.com', ['editor']);
  expert = await mk('backlog-expert@example.com', ['expert']);
  const audience = await prisma.audience.create({ data: { name: 'Backlog readers' } });
  const need = (text: string, priority: number) =>
    prisma.need.create({ data: { audienceId: audience.id, text, priority, language: 'en' } });
  const [high, low] = [await need('Urgent question', 3), await need('Side question', 1)];

  // thirty ideas serving no need, one a day: idea 30 is the newest
  await prisma.contentPiece.createMany({
    data: Array.from({ length: PLAIN }, (_, i) => ({
      channel: i % 2 ? 'podcast' : 'blog',
      title: `Idea ${String(i + 1).padStart(2, '0')}${i === 4 ? ' about Überwässerung' : ''}`,
      createdAt: day(100 + i),
    })),
  });
  // the oldest ideas of all serve a high- and a low-priority need
  const served = async (title: string, needId: string, created: Date, withExpert = false) => {
    const { id } = await createPiece({
      actor: editor,
      input: pieceInput({ title, experts: withExpert ? [expert.id] : [] }),
    });
    await prisma.contentPiece.update({ where: { id }, data: { createdAt: created } });
    await prisma.contentPieceNeed.create({ data: { pieceId: id, needId } });
  };
  await served('Answers the urgent question', high.id, day(1), true);
  await served('Answers the side question', low.id, day(2));
  // a dated piece is in the calendar, not in the backlog
  await createPiece({
    actor: editor,
    input: pieceInput({ title: 'Idea with a date', publishAt: new Date('2026-03-10T09:00:00Z') }),
  });
});

describe('the backlog', () => {
  it('shows a page of ideas: the highest-priority needs first, then the newest', async () => {
    const page = await backlogPage({ viewer: editor, query: noFilter });
    expect(page.total).toBe(PLAIN + 2);
    expect(page.matching).toBe(PLAIN + 2);
    expect(page.pieces).toHaveLength(BACKLOG_STEP);
    expect(page.pieces.map((p) => p.title).slice(0, 5)).toEqual([
      'Answers the urgent question',
      'Answers the side question',
      'Idea 30',
      'Idea 29',
      'Idea 28',
    ]);
    expect(page.pieces.every((p) => p.publishAt === null)).toBe(true);
    // the page carries what the calendar shows of a piece
    expect(page.pieces[0]!.experts.map((e) => e.user.id)).toEqual([expert.id]);
  });

  it('shows more on request, in the same order, never more than there are', async () => {
    const first = await backlogPage({ viewer: editor, query: noFilter });
    const more = await backlogPage({ viewer: editor, query: noFilter, shown: 2 * BACKLOG_STEP });
    expect(more.pieces).toHaveLength(PLAIN + 2);
    expect(more.pieces.slice(0, BACKLOG_STEP).map((p) => p.id)).toEqual(
      first.pieces.map((p) => p.id),
    );
    expect(more.pieces.at(-1)?.title).toBe('Idea 01');
  });

  it('filters by title, in any case and with umlauts, and says how many match', async () => {
    const page = await backlogPage({ viewer: editor, query: noFilter, search: 'überwäss' });
    expect(page.pieces.map((p) => p.title)).toEqual(['Idea 05 about Überwässerung']);
    expect(page).toMatchObject({ matching: 1, total: PLAIN + 2 });
    const none = await backlogPage({ viewer: editor, query: noFilter, search: 'nothing like it' });
    expect(none).toMatchObject({ pieces: [], matching: 0, total: PLAIN + 2 });
  });

  it('applies the calendar filters and what the viewer may see', async () => {
    const podcasts = await backlogPage({
      viewer: editor,
      query: { ...noFilter, channel: ['podcast'] },
      shown: 100,
    });
    expect(podcasts.total).toBe(PLAIN / 2);
    expect(podcasts.pieces.every((p) => p.channel === 'podcast')).toBe(true);
    const mine = await backlogPage({ viewer: expert, query: noFilter });
    expect(mine.pieces.map((p) => p.title)).toEqual(['Answers the urgent question']);
    expect(mine.total).toBe(1);
  });

  it('comes with the dated pieces of the calendar page, each list in its own order', async () => {
    const { pieces, backlog } = await calendarLists({
      viewer: editor,
      from: new Date('2026-03-01T00:00:00Z'),
      to: new Date('2026-04-01T00:00:00Z'),
      query: noFilter,
      backlog: { search: 'idea 2', shown: BACKLOG_STEP },
    });
    expect(pieces.map((p) => p.title)).toEqual(['Idea with a date']);
    expect(backlog.pieces.map((p) => p.title)).toEqual([
      'Idea 29',
      'Idea 28',
      'Idea 27',
      'Idea 26',
      'Idea 25',
      'Idea 24',
      'Idea 23',
      'Idea 22',
      'Idea 21',
      'Idea 20',
    ]);
    expect(backlog).toMatchObject({ matching: 10, total: PLAIN + 2 });
  });
});

describe('the backlog in the address', () => {
  it('reads the filter and the length, and keeps bad values out', () => {
    const read = (search: string) => parseBacklogQuery(new URLSearchParams(search));
    expect(read('')).toEqual({ search: '', shown: BACKLOG_STEP });
    expect(read('idea=%20Lens%20&ideas=50')).toEqual({ search: 'Lens', shown: 50 });
    expect(read('ideas=-3').shown).toBe(BACKLOG_STEP);
    expect(read('ideas=abc').shown).toBe(BACKLOG_STEP);
    expect(read('ideas=1e9').shown).toBe(500);
    expect(read(`idea=${'x'.repeat(300)}`).search).toHaveLength(100);
  });
});
