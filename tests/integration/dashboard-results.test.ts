// The dashboard's results: early wins for management and the strategy's owner, in words with
// links, and the results due 7, 30 and 90 days after publication for the piece's owner.
import { beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '~/domain/calendar/grid';
import { createReminders } from '~/models/notification-delivery.server';
import { enterObservation } from '~/models/results.server';
import { getWorkspace } from '~/models/workspace.server';
import { prisma } from '~/utils/db.server';
import { call, setUpDemoWorkspace, userId } from './route-harness';

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Dashboard = {
  wins: {
    reached: { kpiId: string; goalId: string; actual: number; target: number }[];
    pieces: { pieceId: string; title: string; value: number; median: number }[];
    firstResults: { channel: string; since: string }[];
  } | null;
  resultsDue: { pieceId: string; window: number; dueOn: string }[] | null;
};

let today = '';
let editor: { id: string; roles: string[] };
let kpiId = '';
let goalId = '';
let published = { id: '', publishedOn: '' };
const blog: string[] = [];

const dashboard = async (who: 'editor' | 'management' | 'expert') => {
  const answer = await call('routes/_index', 'GET', who);
  expect(answer.status).toBe(200);
  return answer.body as Dashboard;
};

beforeAll(async () => {
  await setUpDemoWorkspace();
  // this file's own results only
  await prisma.metricObservation.deleteMany();
  today = localDay(new Date(), (await getWorkspace()).timeZone);
  editor = { id: userId('editor'), roles: ['editor'] };
  const goal = await prisma.goal.create({
    data: {
      title: 'Dashboard wins goal',
      category: 'brand_awareness',
      status: 'agreed',
      periodStart: addDays(today, -40),
      periodEnd: addDays(today, 100),
      weight: 10,
      proposedById: editor.id,
      kpis: {
        create: {
          metric: 'mentions',
          unit: 'count',
          direction: 'more',
          baseline: 0,
          target: 10,
          targetDate: addDays(today, 60),
        },
      },
    },
    include: { kpis: true },
  });
  goalId = goal.id;
  kpiId = goal.kpis[0]!.id;
  blog.push(
    ...(
      await prisma.contentPiece.findMany({
        // published before the week the test enters results for
        where: { channel: 'blog', publishAt: { lt: new Date(Date.now() - 15 * 86_400_000) } },
        orderBy: { title: 'asc' },
        take: 3,
        select: { id: true },
      })
    ).map((p) => p.id),
  );
  // the editor's piece, published ten days ago
  const own = await prisma.contentPiece.findFirstOrThrow({
    where: { ownerId: editor.id, channel: 'podcast' },
  });
  const publishAt = new Date(Date.now() - 10 * 86_400_000);
  await prisma.contentPiece.update({
    where: { id: own.id },
    data: { status: 'published', publishAt },
  });
  published = { id: own.id, publishedOn: localDay(publishAt, (await getWorkspace()).timeZone) };
}, 60_000);

const enter = async (input: Parameters<typeof enterObservation>[0]['input']) =>
  expect((await enterObservation({ actor: editor, input })).ok).toBe(true);

describe('early wins', () => {
  it('are empty, and say so, before any results', async () => {
    expect((await dashboard('management')).wins).toEqual({
      reached: [],
      pieces: [],
      firstResults: [],
    });
  });

  it('name a KPI at its target, a piece above its channel’s median and a channel’s first results', async () => {
    const week = { periodStart: addDays(today, -14), periodEnd: addDays(today, -8) };
    await enter({ subject: 'workspace', metric: 'mentions', value: 12, ...week });
    for (const [i, value] of [10, 20, 900].entries())
      await enter({ subject: 'piece', pieceId: blog[i]!, metric: 'page_views', value, ...week });
    const { wins } = await dashboard('management');
    expect(wins!.reached).toEqual([
      expect.objectContaining({ kpiId, goalId, actual: 12, target: 10 }),
    ]);
    expect(wins!.pieces).toEqual([
      expect.objectContaining({ pieceId: blog[2], value: 900, median: 20 }),
    ]);
    expect(wins!.firstResults).toEqual([{ channel: 'blog', since: week.periodEnd }]);
  });

  it('go to management and the strategy’s owner only', async () => {
    expect((await dashboard('expert')).wins).toBeNull();
    expect((await dashboard('editor')).wins).toBeNull();
    await prisma.strategy.upsert({
      where: { id: 1 },
      create: { id: 1, ownerId: editor.id },
      update: { ownerId: editor.id },
    });
    expect((await dashboard('editor')).wins?.reached).toHaveLength(1);
  });
});

describe('results due', () => {
  it('asks the owner for the first week’s numbers of a piece published ten days ago', async () => {
    const due = (await dashboard('editor')).resultsDue!;
    expect(due).toContainEqual(
      expect.objectContaining({
        pieceId: published.id,
        window: 7,
        dueOn: addDays(published.publishedOn, 7),
      }),
    );
    // not someone else's task
    expect((await dashboard('management')).resultsDue).toBeNull();
  });

  it('reminds the owner once, however often the reminders are computed', async () => {
    await createReminders();
    await createReminders();
    const rows = await prisma.notification.findMany({
      where: { event: 'results.due', subjectId: published.id },
    });
    expect(rows.map((r) => [r.recipientId, r.dedupeKey])).toEqual([
      [editor.id, `results.due:${published.id}:7`],
    ]);
  });

  it('is done once a figure covering the week is in', async () => {
    await enter({
      subject: 'piece',
      pieceId: published.id,
      metric: 'podcast_downloads_7d',
      value: 140,
      periodStart: published.publishedOn,
      periodEnd: addDays(published.publishedOn, 7),
    });
    const due = (await dashboard('editor')).resultsDue!;
    expect(due.map((d) => d.pieceId)).not.toContain(published.id);
  });
});
