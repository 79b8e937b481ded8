// The goal page's results: each KPI's actual value against its target, its trend and the pieces
// that contributed, for those who read results; and the CSV files of each chart, through the
// same checks and the disclosure gate.
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { enterObservation } from '~/models/results.server';
import { loader as csvLoader } from '~/routes/strategy.goals.$goalId.results[.csv]';
import { prisma } from '~/utils/db.server';
import { call, cookieFor, ORIGIN, setUpDemoWorkspace, userId } from './route-harness';

const addDaysToDay = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const PAGE = 'routes/strategy.goals.$goalId';

type KpiResults = {
  id: string;
  metric: string;
  actual: number | null;
  basis: string;
  progress: { status: string; share: number | null };
  trend: { day: string; value: number }[];
  contributors: { pieceId: string; title: string; channel: string; value: number }[];
};

let goalId = '';
let viewsKpi = '';
let mentionsKpi = '';
let start = '';
const blog: { id: string; title: string }[] = [];

beforeAll(async () => {
  await setUpDemoWorkspace();
  // a goal of its own in a past half-year, so that no other results fall into its window
  const goal = await prisma.goal.create({
    data: {
      title: 'Results test goal',
      category: 'brand_awareness',
      status: 'agreed',
      periodStart: '2025-01-06',
      periodEnd: '2025-06-30',
      weight: 10,
      proposedById: userId('editor'),
      kpis: {
        create: [
          {
            metric: 'page_views',
            unit: 'count',
            direction: 'more',
            baseline: 1000,
            target: 10000,
            targetDate: '2025-06-30',
            scope: 'channel',
            channel: 'blog',
          },
          {
            metric: 'mentions',
            unit: 'count',
            direction: 'more',
            baseline: 120,
            target: 200,
            targetDate: '2025-06-30',
          },
          {
            metric: 'custom',
            customLabel: 'Newsletter sign-ups',
            unit: 'count',
            direction: 'more',
            target: 500,
            targetDate: '2025-06-30',
          },
        ],
      },
    },
    include: { kpis: true },
  });
  goalId = goal.id;
  start = goal.periodStart;
  viewsKpi = goal.kpis.find((k) => k.metric === 'page_views')!.id;
  mentionsKpi = goal.kpis.find((k) => k.metric === 'mentions')!.id;
  blog.push(
    ...(await prisma.contentPiece.findMany({
      where: { channel: 'blog' },
      select: { id: true, title: true },
      orderBy: { title: 'asc' },
      take: 2,
    })),
  );
  // published before the goal's half-year (results of days before a publication are refused)
  await prisma.contentPiece.updateMany({
    where: { id: { in: blog.map((p) => p.id) } },
    data: { publishAt: new Date('2024-12-02T08:00:00Z') },
  });
  const editor = { id: userId('editor'), roles: ['editor'] };
  const week = (n: number) => ({
    periodStart: addDaysToDay(start, 7 * n),
    periodEnd: addDaysToDay(start, 7 * n + 6),
  });
  for (const [piece, n, value] of [
    [blog[0]!, 0, 3000],
    [blog[1]!, 0, 1000],
    [blog[0]!, 1, 2000],
  ] as const) {
    const entered = await enterObservation({
      actor: editor,
      input: { subject: 'piece', pieceId: piece.id, metric: 'page_views', value, ...week(n) },
    });
    expect(entered.ok).toBe(true);
  }
  for (const [piece, value] of [
    [blog[0]!, 40],
    [blog[1]!, 70],
  ] as const)
    await enterObservation({
      actor: editor,
      input: {
        subject: 'piece',
        pieceId: piece.id,
        metric: 'custom:newsletter_sign_ups',
        value,
        ...week(2),
      },
    });
  expect(
    (
      await enterObservation({
        actor: editor,
        input: { subject: 'workspace', metric: 'mentions', value: 250, ...week(1) },
      })
    ).ok,
  ).toBe(true);
}, 60_000);

async function pageResults(who: 'editor' | 'management' | 'expert' | 'admin') {
  const answer = await call(PAGE, 'GET', who, { params: { goalId } });
  expect(answer.status).toBe(200);
  return (answer.body as { results: KpiResults[] | null }).results;
}

describe('the goal page’s results', () => {
  it('shows management each KPI’s actual value, progress, trend and contributing pieces', async () => {
    const results = (await pageResults('management'))!;
    const views = results.find((k) => k.id === viewsKpi)!;
    expect(views).toMatchObject({ actual: 6000, basis: 'pieces' });
    // 6,000 views from a baseline of 1,000 towards 10,000, the target date gone by: behind
    expect(views.progress).toEqual({ status: 'behind', share: 5000 / 9000, reached: false });
    expect(views.trend).toEqual([
      { day: addDaysToDay(start, 6), value: 4000 },
      { day: addDaysToDay(start, 13), value: 6000 },
    ]);
    expect(views.contributors).toEqual([
      { pieceId: blog[0]!.id, title: blog[0]!.title, channel: 'blog', value: 5000 },
      { pieceId: blog[1]!.id, title: blog[1]!.title, channel: 'blog', value: 1000 },
    ]);
    const mentions = results.find((k) => k.id === mentionsKpi)!;
    expect(mentions).toMatchObject({
      actual: 250,
      basis: 'scope',
      contributors: [],
      progress: { status: 'reached' },
    });
  });

  it('names each piece’s own value for a metric that does not add up over pieces', async () => {
    const results = (await pageResults('management'))!;
    const custom = results.find((k) => k.metric === 'custom')!;
    // a custom metric is read as its latest value; the pieces each with theirs
    expect(custom.basis).toBe('pieces');
    expect(custom.contributors.map((c) => [c.pieceId, c.value])).toEqual([
      [blog[1]!.id, 70],
      [blog[0]!.id, 40],
    ]);
  });

  it('shows editors the same, and experts and administrators no results', async () => {
    expect((await pageResults('editor'))!.map((k) => k.actual)).toContain(6000);
    expect(await pageResults('expert')).toBeNull();
    expect(await pageResults('admin')).toBeNull();
  });
});

describe('the CSV of a chart', () => {
  /** the loader's answer as Remix would send it (a thrown response answers too) */
  async function csv(who: 'editor' | 'management' | 'expert', search: string, id = goalId) {
    const request = new Request(`${ORIGIN}/strategy/goals/${id}/results.csv${search}`, {
      headers: await cookieFor(who),
    });
    let answer: Response;
    try {
      answer = await csvLoader({
        request,
        params: { goalId: id },
        context: {},
      } as LoaderFunctionArgs);
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown;
      answer = thrown;
    }
    return { status: answer.status, body: await answer.text() };
  }

  it('gives the trend, the progress and the pieces with their values', async () => {
    const trend = await csv('management', `?kpi=${viewsKpi}&chart=trend`);
    expect(trend.status).toBe(200);
    expect(trend.body).toBe(
      `Day,Page views,Target value\r\n${addDaysToDay(start, 6)},4000,10000\r\n${addDaysToDay(start, 13)},6000,10000\r\n`,
    );
    const progress = await csv('editor', `?kpi=${viewsKpi}&chart=progress`);
    expect(progress.body).toContain('Baseline,1000\r\nActual,6000\r\nTarget value,10000');
    expect(progress.body).toContain('Progress,behind');
    const pieces = await csv('editor', `?kpi=${viewsKpi}&chart=pieces`);
    expect(pieces.body).toContain(`${blog[0]!.title},Blog,5000`);
    expect(pieces.body).toContain(`${blog[1]!.title},Blog,1000`);
  });

  it('refuses experts, and answers bad or unknown requests without a server error', async () => {
    expect((await csv('expert', `?kpi=${viewsKpi}&chart=trend`)).status).toBe(403);
    expect((await csv('editor', `?kpi=${viewsKpi}&chart=pie`)).status).toBe(400);
    expect((await csv('editor', '?chart=trend')).status).toBe(400);
    expect((await csv('editor', '?kpi=nope&chart=trend')).status).toBe(404);
    expect((await csv('editor', `?kpi=${viewsKpi}&chart=trend`, 'nope')).status).toBe(404);
    // a KPI of another goal is not this goal's
    const other = await prisma.kpi.findFirstOrThrow({ where: { goalId: { not: goalId } } });
    expect((await csv('editor', `?kpi=${other.id}&chart=trend`)).status).toBe(404);
  });

  it('leaves out the pieces a disclosure rule blocks', async () => {
    const word = blog[1]!.title
      .split(/\s+/)
      .find((w) => w.length > 6 && !blog[0]!.title.includes(w));
    expect(word).toBeTruthy();
    const rule = await prisma.disclosureRule.create({
      data: {
        key: 'R-GOAL-CSV',
        name: 'Goal CSV test',
        severity: 'block',
        kind: 'phrase',
        patterns: JSON.stringify([word]),
      },
    });
    try {
      const pieces = await csv('editor', `?kpi=${viewsKpi}&chart=pieces`);
      expect(pieces.body).toContain(blog[0]!.title);
      expect(pieces.body).not.toContain(blog[1]!.title);
    } finally {
      await prisma.disclosureRule.delete({ where: { id: rule.id } });
    }
  });
});
