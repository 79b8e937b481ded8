import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { NotAllowedError } from '~/domain/permissions';
import { DEFAULT_RESULTS_QUERY, type ResultsQuery } from '~/domain/results/table-query';
import { createPiece, type PieceInput } from '~/models/piece-writes.server';
import { enterObservation } from '~/models/results.server';
import { queryResultsTable } from '~/models/results-table.server';
import { createUser } from '~/models/user.server';
import { loader as csvLoader } from '~/routes/results.export';
import { loader as tableLoader } from '~/routes/results._index';
import { action as workspaceAction, loader as workspaceLoader } from '~/routes/results.workspace';
import { prisma } from '~/utils/db.server';
import { createSession } from '~/utils/session.server';
import { ensureReferenceData } from '../../seeds/reference';
import { pieceInput } from '../support/piece-input';

/**
 * The results pages against their models: the table across pieces (filters, aggregation per
 * metric, sorting by any metric), its CSV download through the output gate (a withheld piece
 * leaves neither its title nor its numbers), and the workspace's numbers per period (entry,
 * validation, deletion, who may do what).
 */

type Actor = { id: string; roles: string[] };
const ORIGIN = 'http://lotse.test';
let editor: Actor;
let management: Actor;
let expert: Actor;
let otherExpert: Actor;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
let goalId = '';
let audienceId = '';

async function user(email: string, roles: string[]): Promise<Actor> {
  const created = await createUser({
    email,
    name: email.split('@')[0] as string,
    password: 'a-long-password-1',
    roles: roles as never,
  });
  const setCookie = await createSession(created.id, new Request(ORIGIN));
  cookies[created.id] = setCookie.split(';')[0] as string;
  return { id: created.id, roles };
}

const cookieOf = (actor: Actor) => cookies[actor.id] as string;

function get(url: string, actor: Actor) {
  return {
    request: new Request(`${ORIGIN}${url}`, { headers: { Cookie: cookieOf(actor) } }),
    params: {},
    context: {},
  } as LoaderFunctionArgs;
}

function post(url: string, actor: Actor, form: Record<string, string>) {
  return {
    request: new Request(`${ORIGIN}${url}`, {
      method: 'POST',
      headers: {
        Cookie: cookieOf(actor),
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(form),
    }),
    params: {},
    context: {},
  } as ActionFunctionArgs;
}

/** What a loader or action answers: its status and body, thrown or returned. */
async function answer(run: () => Promise<unknown>) {
  let result: unknown;
  try {
    result = await run();
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  const response = result as Response;
  const type = response.headers.get('Content-Type') ?? '';
  return {
    status: response.status,
    location: response.headers.get('Location'),
    body: type.includes('json') ? await response.json() : await response.text(),
  };
}

const observe = async (
  pieceId: string,
  metric: string,
  value: number,
  start: string,
  end = start,
) => {
  const outcome = await enterObservation({
    actor: editor,
    input: { subject: 'piece', pieceId, metric, value, periodStart: start, periodEnd: end },
  });
  expect(outcome.ok).toBe(true);
};

const query = (over: Partial<ResultsQuery> = {}): ResultsQuery => ({
  ...DEFAULT_RESULTS_QUERY,
  ...over,
});

beforeAll(async () => {
  await ensureReferenceData(prisma);
  editor = await user('editor@results.test', ['editor']);
  management = await user('management@results.test', ['management']);
  expert = await user('expert@results.test', ['expert']);
  otherExpert = await user('other@results.test', ['expert']);
  audienceId = (await prisma.audience.create({ data: { name: 'Optiker' } })).id;
  goalId = (
    await prisma.goal.create({
      data: {
        title: 'More readers',
        category: 'brand_awareness',
        status: 'agreed',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        weight: 50,
        proposedById: editor.id,
      },
    })
  ).id;
  await prisma.disclosureRule.create({
    data: {
      key: 'R-FALKE',
      name: 'Codename',
      severity: 'block',
      kind: 'phrase',
      patterns: JSON.stringify(['Projekt Falke']),
    },
  });
  const pieces: [string, Partial<PieceInput>][] = [
    ['blogA', { title: 'Cleaning lenses', audiences: [audienceId], experts: [expert.id] }],
    ['blogB', { title: 'Dry eyes at the desk' }],
    ['podcast', { channel: 'podcast', title: 'Episode twelve', experts: [otherExpert.id] }],
    ['secret', { title: 'Preview of Projekt Falke' }],
    ['none', { title: 'Piece without results' }],
  ];
  for (const [key, over] of pieces)
    ids[key] = (await createPiece({ actor: editor, input: pieceInput(over) })).id;
  await prisma.pieceGoal.create({ data: { pieceId: ids.blogA!, goalId } });

  // page views add up over the months; downloads after 30 days take the latest snapshot
  await observe(ids.blogA!, 'page_views', 120, '2026-10-01', '2026-10-31');
  await observe(ids.blogA!, 'page_views', 80, '2026-11-01', '2026-11-30');
  await observe(ids.blogB!, 'page_views', 150, '2026-10-01', '2026-10-31');
  await observe(ids.blogB!, 'visitors', 90, '2026-10-01', '2026-10-31');
  await observe(ids.podcast!, 'podcast_downloads_30d', 300, '2026-10-01', '2026-10-31');
  await observe(ids.podcast!, 'podcast_downloads_30d', 340, '2026-10-01', '2026-11-05');
  await observe(ids.secret!, 'whitepaper_downloads', 7777, '2026-10-01', '2026-10-31');
});

describe('the results table', () => {
  it('aggregates each metric per piece by its rule and lists only pieces with results', async () => {
    const table = await queryResultsTable({
      viewer: editor,
      query: query({ sort: 'title', dir: 'asc' }),
    });
    expect(table.rows.map((r) => r.title)).toEqual([
      'Cleaning lenses',
      'Dry eyes at the desk',
      'Episode twelve',
      'Preview of Projekt Falke',
    ]);
    expect(table.metrics).toEqual([
      'page_views',
      'visitors',
      'podcast_downloads_30d',
      'whitepaper_downloads',
    ]);
    const byTitle = Object.fromEntries(table.rows.map((r) => [r.title, r.values]));
    expect(byTitle['Cleaning lenses']).toEqual({ page_views: 200 });
    expect(byTitle['Episode twelve']).toEqual({ podcast_downloads_30d: 340 });
  });

  it('sorts by any metric, pieces without a value last in either direction', async () => {
    const order = async (dir: 'asc' | 'desc') =>
      (
        await queryResultsTable({ viewer: editor, query: query({ sort: 'page_views', dir }) })
      ).rows.map((r) => r.title);
    expect(await order('desc')).toEqual([
      'Cleaning lenses',
      'Dry eyes at the desk',
      'Episode twelve',
      'Preview of Projekt Falke',
    ]);
    expect(await order('asc')).toEqual([
      'Dry eyes at the desk',
      'Cleaning lenses',
      'Episode twelve',
      'Preview of Projekt Falke',
    ]);
  });

  it('filters by channel, goal, audience and expert', async () => {
    const titles = async (over: Partial<ResultsQuery>) =>
      (
        await queryResultsTable({
          viewer: editor,
          query: query({ sort: 'title', dir: 'asc', ...over }),
        })
      ).rows.map((r) => r.title);
    expect(await titles({ channel: 'podcast' })).toEqual(['Episode twelve']);
    expect(await titles({ goal: goalId })).toEqual(['Cleaning lenses']);
    expect(await titles({ audience: audienceId })).toEqual(['Cleaning lenses']);
    expect(await titles({ expert: otherExpert.id })).toEqual(['Episode twelve']);
    expect(await titles({ channel: 'webinar' })).toEqual([]);
  });

  it('is for editors and management: experts are refused', async () => {
    await expect(queryResultsTable({ viewer: expert, query: query() })).rejects.toBeInstanceOf(
      NotAllowedError,
    );
    expect((await answer(() => tableLoader(get('/results', expert)))).status).toBe(403);
    const page = await answer(() =>
      tableLoader(get('/results?channel=blog&sort=page_views&dir=asc', management)),
    );
    expect(page.status).toBe(200);
    const body = page.body as { rows: { title: string }[]; metrics: string[]; query: ResultsQuery };
    expect(body.query).toMatchObject({ channel: 'blog', sort: 'page_views', dir: 'asc' });
    expect(body.rows.map((r) => r.title)).toEqual([
      'Dry eyes at the desk',
      'Cleaning lenses',
      'Preview of Projekt Falke',
    ]);
  });

  it('downloads the view as CSV without anything of a withheld piece', async () => {
    const csv = await answer(() => csvLoader(get('/results/export?sort=page_views', editor)));
    expect(csv.status).toBe(200);
    const text = csv.body as string;
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toBe(
      'Piece,Channel,Published,Page views,Visitors,Podcast downloads after 30 days',
    );
    expect(lines.slice(1)).toEqual([
      'Cleaning lenses,Blog,,200,,',
      'Dry eyes at the desk,Blog,,150,90,',
      'Episode twelve,Podcast,,,,340',
    ]);
    expect(text).not.toContain('Falke');
    expect(text).not.toContain('7777');
    expect(text).not.toContain('Whitepaper downloads');
    expect((await answer(() => csvLoader(get('/results/export', expert)))).status).toBe(403);
  });
});

describe('the workspace numbers', () => {
  const entry = {
    intent: 'enter',
    metric: 'nps',
    value: '-12,5',
    periodStart: '2026-07-01',
    periodEnd: '2026-09-30',
    note: 'Customer survey',
  };

  it('lets an editor enter a number for a period, which the page then lists', async () => {
    const saved = await answer(() => workspaceAction(post('/results/workspace', editor, entry)));
    expect(saved).toMatchObject({ status: 302, location: '/results/workspace?entered=1' });
    const stored = await prisma.metricObservation.findFirstOrThrow({
      where: { subject: 'workspace', metric: 'nps' },
    });
    expect(stored).toMatchObject({
      value: -12.5,
      periodStart: '2026-07-01',
      periodEnd: '2026-09-30',
      note: 'Customer survey',
      source: 'manual',
      pieceId: null,
    });
    const page = await answer(() => workspaceLoader(get('/results/workspace', management)));
    expect(page.body).toMatchObject({
      canWrite: false,
      metrics: [{ metric: 'nps', observations: [{ id: stored.id, value: -12.5 }] }],
    });
  });

  it('refuses bad entries with a message per field and stores nothing', async () => {
    const before = await prisma.metricObservation.count();
    const cases: [Record<string, string>, string, string][] = [
      [{ metric: 'mentions', value: '-3' }, 'value', 'results.problems.negative'],
      [{ value: 'a lot' }, 'value', 'results.problems.notANumberTyped'],
      [{ value: '101' }, 'value', 'results.problems.outOfRange'],
      [{ periodEnd: '2099-12-31' }, 'periodEnd', 'results.problems.enteredInFuture'],
      [{ value: '' }, 'value', 'validation.required'],
      [{ metric: 'custom' }, 'metric', 'results.problems.unknownMetric'],
      [{ metric: '' }, 'metric', 'validation.choose'],
      [{ periodEnd: '2026-06-30' }, 'periodEnd', 'results.problems.badPeriod'],
      [{ periodStart: '2026-02-30' }, 'periodStart', 'results.problems.notADate'],
      [{ note: 'x'.repeat(501) }, 'note', 'validation.tooLong'],
    ];
    for (const [over, field, key] of cases) {
      const refused = await answer(() =>
        workspaceAction(post('/results/workspace', editor, { ...entry, ...over })),
      );
      expect(refused.status, JSON.stringify(over)).toBe(400);
      expect((refused.body as { errors: Record<string, { key: string }> }).errors[field]).toEqual(
        expect.objectContaining({ key }),
      );
    }
    expect(await prisma.metricObservation.count()).toBe(before);
  });

  it('lets only those who enter results enter or delete; management reads, experts do not', async () => {
    const before = await prisma.metricObservation.count();
    expect(
      (await answer(() => workspaceAction(post('/results/workspace', management, entry)))).status,
    ).toBe(403);
    expect((await answer(() => workspaceLoader(get('/results/workspace', expert)))).status).toBe(
      403,
    );
    const nps = await prisma.metricObservation.findFirstOrThrow({
      where: { subject: 'workspace', metric: 'nps' },
    });
    expect(
      (
        await answer(() =>
          workspaceAction(post('/results/workspace', management, { intent: 'delete', id: nps.id })),
        )
      ).status,
    ).toBe(403);
    expect(await prisma.metricObservation.count()).toBe(before);

    const deleted = await answer(() =>
      workspaceAction(post('/results/workspace', editor, { intent: 'delete', id: nps.id })),
    );
    expect(deleted).toMatchObject({ status: 302, location: '/results/workspace?deleted=1' });
    expect(await prisma.metricObservation.count({ where: { id: nps.id } })).toBe(0);
    const again = await answer(() =>
      workspaceAction(post('/results/workspace', editor, { intent: 'delete', id: nps.id })),
    );
    expect(again).toMatchObject({ status: 409, body: { problem: 'notFound' } });
  });
});
