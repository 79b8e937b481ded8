// The CSV downloads of the results charts outside the goal page: one metric of a published
// piece's Results section and one of the workspace's numbers. Both read through the output gate:
// the same readers as the pages, nothing of a piece a disclosure rule blocks, and no note a rule
// blocks.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { enterObservation } from '~/models/results.server';
import { loader as pieceCsvLoader } from '~/routes/calendar.$pieceId.results[.csv]';
import { loader as workspaceCsvLoader } from '~/routes/results.workspace[.csv]';
import { prisma } from '~/utils/db.server';
import { cookieFor, ORIGIN, setUpDemoWorkspace, userId } from './route-harness';

type Who = 'editor' | 'management' | 'expert' | 'admin';

const PIECE_METRIC = 'custom:csv_sign_ups';
const WORKSPACE_METRIC = 'custom:csv_survey';
/** a word only the test's notes carry, for a disclosure rule to find */
const SECRET = 'Projektgeheimnis';

let contributed: { id: string; title: string };
let notContributed: { id: string; title: string };
let unpublished: { id: string };

/** The loader's answer as Remix would send it (a thrown response answers too). */
async function answer(
  loader: (args: LoaderFunctionArgs) => Promise<Response>,
  who: Who,
  url: string,
  params: Record<string, string> = {},
  language = 'en',
) {
  const request = new Request(`${ORIGIN}${url}`, {
    headers: { ...(await cookieFor(who)), 'Accept-Language': language },
  });
  let response: Response;
  try {
    response = await loader({ request, params, context: {} } as LoaderFunctionArgs);
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    response = thrown;
  }
  return {
    status: response.status,
    type: response.headers.get('Content-Type') ?? '',
    disposition: response.headers.get('Content-Disposition') ?? '',
    // the byte order mark stays, so that spreadsheets read the file as UTF-8
    body: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()),
  };
}

const pieceCsv = (who: Who, pieceId: string, search: string, language?: string) =>
  answer(pieceCsvLoader, who, `/calendar/${pieceId}/results.csv${search}`, { pieceId }, language);
const workspaceCsv = (who: Who, search: string, language?: string) =>
  answer(workspaceCsvLoader, who, `/results/workspace.csv${search}`, {}, language);
const query = (metric: string) => `?${new URLSearchParams({ metric })}`;

/** Runs `check` while a disclosure rule blocks `phrase`, and removes the rule afterwards. */
async function whileBlocked(phrase: string, check: () => Promise<void>) {
  const rule = await prisma.disclosureRule.create({
    data: {
      key: `R-CSV-${phrase.slice(0, 12)}`,
      name: 'Results CSV test',
      severity: 'block',
      kind: 'phrase',
      patterns: JSON.stringify([phrase]),
    },
  });
  try {
    await check();
  } finally {
    await prisma.disclosureRule.delete({ where: { id: rule.id } });
  }
}

beforeAll(async () => {
  await setUpDemoWorkspace();
  const expertId = userId('expert');
  const select = { id: true, title: true } as const;
  contributed = await prisma.contentPiece.findFirstOrThrow({
    where: { status: 'published', experts: { some: { userId: expertId } } },
    select,
  });
  notContributed = await prisma.contentPiece.findFirstOrThrow({
    where: { status: 'published', experts: { none: { userId: expertId } } },
    select,
  });
  unpublished = await prisma.contentPiece.findFirstOrThrow({
    where: { status: { not: 'published' } },
    select: { id: true },
  });
  // published before the results' periods (results of days before a publication are refused)
  await prisma.contentPiece.updateMany({
    where: { id: { in: [contributed.id, notContributed.id] } },
    data: { publishAt: new Date('2025-12-01T08:00:00Z') },
  });
  const editor = { id: userId('editor'), roles: ['editor'] };
  const entries = [
    // entered out of order: the file lists them oldest first
    { subject: 'piece', pieceId: contributed.id, periodStart: '2026-02-01', value: 12.5 },
    { subject: 'piece', pieceId: contributed.id, periodStart: '2026-01-01', value: 7 },
    { subject: 'piece', pieceId: notContributed.id, periodStart: '2026-01-01', value: 3 },
  ] as const;
  for (const { periodStart, ...entry } of entries) {
    const outcome = await enterObservation({
      actor: editor,
      input: {
        ...entry,
        metric: PIECE_METRIC,
        periodStart,
        periodEnd: `${periodStart.slice(0, 8)}28`,
        note: entry.value === 7 ? 'from the newsletter tool' : '',
      },
    });
    expect(outcome.ok).toBe(true);
  }
  for (const [periodStart, value, note] of [
    ['2026-01-01', 41, 'Survey by the institute'],
    ['2026-04-01', 44, `Survey ${SECRET}`],
  ] as const) {
    const outcome = await enterObservation({
      actor: editor,
      input: {
        subject: 'workspace',
        metric: WORKSPACE_METRIC,
        value,
        periodStart,
        periodEnd: `${periodStart.slice(0, 8)}30`,
        note,
      },
    });
    expect(outcome.ok).toBe(true);
  }
}, 60_000);

describe('the CSV of a piece’s results chart', () => {
  it('gives the metric’s periods oldest first, with source and note, in the reader’s language', async () => {
    const csv = await pieceCsv('editor', contributed.id, query(PIECE_METRIC));
    expect(csv.status).toBe(200);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.disposition).toBe(
      `attachment; filename="lotse-piece-${contributed.id}-custom-csv_sign_ups.csv"`,
    );
    expect(csv.body).toBe(
      '\uFEFFFirst day of the period,Last day of the period,csv_sign_ups,Source,Note\r\n' +
        '2026-01-01,2026-01-28,7,Entered by hand,from the newsletter tool\r\n' +
        '2026-02-01,2026-02-28,12.5,Entered by hand,\r\n',
    );
    const german = await pieceCsv('management', contributed.id, query(PIECE_METRIC), 'de');
    expect(german.body).toContain(
      'Erster Tag des Zeitraums,Letzter Tag des Zeitraums,csv_sign_ups,Quelle,Notiz\r\n',
    );
    expect(german.body).toContain('2026-02-01,2026-02-28,12.5,Von Hand eingetragen,');
  });

  it('lets experts read the pieces they contribute to and no other', async () => {
    const own = await pieceCsv('expert', contributed.id, query(PIECE_METRIC));
    expect(own.status).toBe(200);
    expect(own.body).toContain('2026-02-01,2026-02-28,12.5');
    const other = await pieceCsv('expert', notContributed.id, query(PIECE_METRIC));
    expect(other.status).toBe(404);
    expect(other.body).not.toContain(notContributed.title);
    expect((await pieceCsv('admin', contributed.id, query(PIECE_METRIC))).status).toBe(403);
  });

  it('answers bad or unknown requests without a server error', async () => {
    expect((await pieceCsv('editor', contributed.id, '')).status).toBe(400);
    expect((await pieceCsv('editor', contributed.id, '?metric=')).status).toBe(400);
    expect((await pieceCsv('editor', contributed.id, query('custom:nothing'))).status).toBe(404);
    expect((await pieceCsv('editor', 'nope', query(PIECE_METRIC))).status).toBe(404);
    expect((await pieceCsv('editor', unpublished.id, query(PIECE_METRIC))).status).toBe(404);
    const odd = await pieceCsv('editor', contributed.id, query('"; filename=x\r\n'));
    expect(odd.status).toBe(404);
  });

  it('gives nothing of a piece a disclosure rule blocks', async () => {
    const word = contributed.title
      .split(/\s+/)
      .find((w) => w.length > 5 && !notContributed.title.includes(w));
    expect(word).toBeTruthy();
    await whileBlocked(word!, async () => {
      for (const who of ['editor', 'expert'] as const) {
        const csv = await pieceCsv(who, contributed.id, query(PIECE_METRIC));
        expect(csv.status).toBe(403);
        expect(csv.body).not.toContain('12.5');
        expect(csv.body).not.toContain('newsletter tool');
      }
      // another piece is not affected
      const other = await pieceCsv('editor', notContributed.id, query(PIECE_METRIC));
      expect(other.status).toBe(200);
    });
    expect((await pieceCsv('editor', contributed.id, query(PIECE_METRIC))).status).toBe(200);
  });
});

describe('the CSV of a workspace numbers chart', () => {
  it('gives the metric’s periods oldest first to those who read results', async () => {
    const csv = await workspaceCsv('management', query(WORKSPACE_METRIC));
    expect(csv.status).toBe(200);
    expect(csv.disposition).toBe('attachment; filename="lotse-workspace-custom-csv_survey.csv"');
    expect(csv.body).toBe(
      '\uFEFFMeasured for,Channel,Audience,First day of the period,Last day of the period,csv_survey,Source,Note\r\n' +
        'Whole workspace,,,2026-01-01,2026-01-30,41,Entered by hand,Survey by the institute\r\n' +
        `Whole workspace,,,2026-04-01,2026-04-30,44,Entered by hand,Survey ${SECRET}\r\n`,
    );
    expect((await workspaceCsv('editor', query(WORKSPACE_METRIC))).status).toBe(200);
  });

  it('says of every row what it was measured for: the workspace, a channel or an audience', async () => {
    const audience = await prisma.audience.findFirstOrThrow({
      where: { name: { contains: 'Opinion leaders' } },
    });
    const actor = { id: userId('editor'), roles: ['editor'] };
    const metric = 'custom:csv_subjects';
    const entries = [
      { subject: 'audience', audienceId: audience.id, value: 5 },
      { subject: 'channel', channel: 'webinar', value: 7 },
      { subject: 'workspace', value: 11 },
      { subject: 'channel', channel: 'podcast', value: 3 },
    ];
    for (const e of entries) {
      const outcome = await enterObservation({
        actor,
        input: { ...e, metric, periodStart: '2026-02-01', periodEnd: '2026-02-28' },
      });
      expect(outcome.ok).toBe(true);
    }
    const period = '2026-02-01,2026-02-28';
    const en = await workspaceCsv('management', query(metric));
    expect(en.status).toBe(200);
    expect(en.body).toBe(
      '\uFEFFMeasured for,Channel,Audience,First day of the period,Last day of the period,csv_subjects,Source,Note\r\n' +
        `Whole workspace,,,${period},11,Entered by hand,\r\n` +
        `Channel,Podcast,,${period},3,Entered by hand,\r\n` +
        `Channel,Webinar,,${period},7,Entered by hand,\r\n` +
        `Audience,,${audience.name},${period},5,Entered by hand,\r\n`,
    );
    const de = await workspaceCsv('management', query(metric), 'de');
    expect(de.body.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFGemessen für,Kanal,Zielgruppe,Erster Tag des Zeitraums,Letzter Tag des Zeitraums,csv_subjects,Quelle,Notiz',
      `Ganzer Arbeitsbereich,,,${period},11,Von Hand eingetragen,`,
      `Kanal,Podcast,,${period},3,Von Hand eingetragen,`,
    ]);
  });

  it('refuses experts and administrators, and answers bad requests without a server error', async () => {
    for (const who of ['expert', 'admin'] as const) {
      const csv = await workspaceCsv(who, query(WORKSPACE_METRIC));
      expect(csv.status).toBe(403);
      expect(csv.body).not.toContain('Survey');
    }
    expect((await workspaceCsv('editor', '')).status).toBe(400);
    expect((await workspaceCsv('editor', query('custom:nothing'))).status).toBe(404);
    // a piece's numbers are not the workspace's
    expect((await workspaceCsv('editor', query(PIECE_METRIC))).status).toBe(404);
  });

  it('leaves out a note a disclosure rule blocks, and keeps its number', async () => {
    await whileBlocked(SECRET, async () => {
      const csv = await workspaceCsv('editor', query(WORKSPACE_METRIC));
      expect(csv.status).toBe(200);
      expect(csv.body).not.toContain(SECRET);
      expect(csv.body).toContain('2026-04-01,2026-04-30,44,Entered by hand,\r\n');
      expect(csv.body).toContain('Survey by the institute');
    });
  });
});
