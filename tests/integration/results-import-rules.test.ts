// The results import's rules against the database: only published pieces take results, from
// their publication day to today; a file gives each piece, metric and period once; a preview
// says when the same results were imported before; and the page calls an empty file empty.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  commitResultsImport,
  previewResultsImport,
  undoResultsImport,
} from '~/models/results-import.server';
import { todayIn } from '~/domain/results/dates';
import { prisma } from '~/utils/db.server';
import { cookieFor, moduleOf, ORIGIN, setUpDemoWorkspace, userId } from './route-harness';

const PUBLISHED = 'reading-your-lens-box-a-visual-guide';
const SCHEDULED = 'die-fuenf-haeufigsten-pflegefehler-und-wie-sie-sie-vermeiden';
const url = (slug: string) => `https://klarblick.example/blog/${slug}`;
const generic = (...rows: string[]) => ['date,url,metric,value', ...rows].join('\n');
const editor = () => ({ id: userId('editor'), roles: ['editor'] });

beforeAll(async () => {
  await setUpDemoWorkspace();
  // one piece published on 15 September 2026 (Berlin), one scheduled for next week
  await prisma.contentPiece.updateMany({
    where: { slug: PUBLISHED },
    data: { status: 'published', publishAt: new Date('2026-09-15T08:00:00Z') },
  });
  await prisma.contentPiece.updateMany({
    where: { slug: SCHEDULED },
    data: { status: 'scheduled', publishAt: new Date(Date.now() + 7 * 24 * 3600 * 1000) },
  });
}, 60_000);

describe('pieces that take results', () => {
  it('lists a row about a piece not published yet as unmatched, and imports nothing for it', async () => {
    const request = {
      fileName: 'next-week.csv',
      text: generic(
        `2026-10-01,${url(PUBLISHED)},visitors,10`,
        `2026-10-01,${url(SCHEDULED)},visitors,20`,
      ),
    };
    expect(await previewResultsImport(request)).toMatchObject({
      ok: true,
      preview: {
        matched: 1,
        unmatched: [{ row: 2, label: url(SCHEDULED), reason: 'notPublished' }],
        problems: [],
      },
    });
    const only = await commitResultsImport({
      actor: editor(),
      request: { ...request, text: generic(`2026-10-01,${url(SCHEDULED)},visitors,20`) },
    });
    expect(only).toMatchObject({ ok: false, problem: 'nothingMatched' });
    const scheduled = await prisma.contentPiece.findFirstOrThrow({ where: { slug: SCHEDULED } });
    expect(await prisma.metricObservation.count({ where: { pieceId: scheduled.id } })).toBe(0);
  });
});

describe('periods', () => {
  it('refuses a row dated after today, and a period ending after today', async () => {
    expect(
      await previewResultsImport({
        fileName: 'future.csv',
        text: generic(`2030-01-01,${url(PUBLISHED)},visitors,10`),
      }),
    ).toMatchObject({
      ok: true,
      preview: { problems: [{ row: 1, column: 'date', code: 'inFuture' }] },
    });
    expect(
      await previewResultsImport({
        fileName: 'pages.csv',
        text: `name,visitors\n/blog/${PUBLISHED},10\n`,
        period: { start: '1900-01-01', end: '2099-12-31' },
      }),
    ).toMatchObject({ ok: false, problem: 'file', file: { code: 'periodInFuture', column: 'to' } });
  });

  it('refuses a tied row whose period ended before the piece was published', async () => {
    expect(
      await previewResultsImport({
        fileName: 'early.csv',
        text: generic(
          `2026-09-14,${url(PUBLISHED)},visitors,10`,
          `2026-09-15,${url(PUBLISHED)},visitors,11`,
        ),
      }),
    ).toMatchObject({
      ok: true,
      preview: {
        problems: [
          { row: 1, column: 'date', code: 'beforePublication', values: { date: '2026-09-15' } },
        ],
      },
    });
    const august = await commitResultsImport({
      actor: editor(),
      request: {
        fileName: 'pages.csv',
        text: `name,visitors\n/blog/${PUBLISHED},10\n`,
        period: { start: '2026-08-01', end: '2026-08-31' },
      },
    });
    expect(august).toMatchObject({
      ok: false,
      problem: 'hasProblems',
      preview: { problems: [{ row: 1, field: 'to', code: 'beforePublication' }] },
    });
    // a month's export counts a piece published in the middle of it
    expect(
      await previewResultsImport({
        fileName: 'pages.csv',
        text: `name,visitors\n/blog/${PUBLISHED},10\n`,
        period: { start: '2026-09-01', end: '2026-09-30' },
      }),
    ).toMatchObject({ ok: true, preview: { matched: 1, problems: [] } });
  });
});

describe('a piece published ahead of its planned day', () => {
  it('takes results from today on', async () => {
    const early = 'kontaktlinsen-am-bildschirm-was-trockene-augen-wirklich-brauchen';
    await prisma.contentPiece.updateMany({
      where: { slug: early },
      data: { status: 'published', publishAt: new Date(Date.now() + 3 * 24 * 3600 * 1000) },
    });
    const today = todayIn('Europe/Berlin', new Date());
    const yesterday = todayIn('Europe/Berlin', new Date(Date.now() - 24 * 3600 * 1000));
    expect(
      await previewResultsImport({
        fileName: 'early.csv',
        text: generic(`${yesterday},${url(early)},visitors,3`, `${today},${url(early)},visitors,4`),
      }),
    ).toMatchObject({
      ok: true,
      preview: {
        matched: 2,
        problems: [{ row: 1, code: 'beforePublication', values: { date: today } }],
      },
    });
  });
});

describe('rows given twice', () => {
  it('names the earlier row when a file gives a piece, metric and period twice', async () => {
    expect(
      await previewResultsImport({
        fileName: 'twice.csv',
        text: generic(
          `2026-10-02,${url(PUBLISHED)},visitors,10`,
          `2026-10-03,${url(PUBLISHED)},visitors,10`,
          `2026-10-02,/blog/${PUBLISHED},visitors,12`,
        ),
      }),
    ).toMatchObject({
      ok: true,
      preview: { problems: [{ row: 3, column: 'date', code: 'duplicateRow', values: { row: 1 } }] },
    });
  });

  it('warns when the same results were imported before and not undone, and imports them', async () => {
    const request = {
      fileName: 'october.csv',
      text: generic(
        `2026-10-05,${url(PUBLISHED)},visitors,10`,
        `2026-10-05,${url(PUBLISHED)},page_views,14`,
      ),
    };
    const first = await commitResultsImport({ actor: editor(), request });
    if (!first.ok) throw new Error(first.problem);
    expect(first.preview.alreadyImported).toEqual([]);

    const again = await previewResultsImport({ ...request, fileName: 'october-copy.csv' });
    expect(again).toMatchObject({
      ok: true,
      preview: {
        problems: [],
        alreadyImported: [{ id: first.id, fileName: 'october.csv', importedBy: 'Elena Richter' }],
      },
    });
    // other values are other results
    expect(
      await previewResultsImport({ ...request, text: request.text.replace(',14', ',15') }),
    ).toMatchObject({ ok: true, preview: { alreadyImported: [] } });
    // imported again all the same (it is a warning), then both undone
    const second = await commitResultsImport({ actor: editor(), request });
    if (!second.ok) throw new Error(second.problem);
    for (const id of [first.id, second.id])
      expect(await undoResultsImport({ actor: editor(), id })).toMatchObject({ ok: true });
    expect(await previewResultsImport(request)).toMatchObject({
      ok: true,
      preview: { alreadyImported: [] },
    });
  });

  it('still imports the documented date,url,metric,value rows with past days', async () => {
    const outcome = await commitResultsImport({
      actor: editor(),
      request: {
        fileName: 'contract.csv',
        text: generic(`2026-11-02,${url(PUBLISHED)},visitors,7`),
      },
    });
    expect(outcome).toMatchObject({ ok: true, preview: { matched: 1, observations: 1 } });
    if (outcome.ok) await undoResultsImport({ actor: editor(), id: outcome.id });
  });
});

describe('the import page', () => {
  const upload = async (file: File | null, fields: Record<string, string> = {}) => {
    const form = new FormData();
    form.set('intent', 'preview');
    if (file) form.set('file', file);
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    const mod = await moduleOf('routes/results.import');
    const request = new Request(`${ORIGIN}/results/import`, {
      method: 'POST',
      headers: await cookieFor('editor'),
      body: form,
    });
    const answer = (await mod.action!({ request, params: {}, context: {} })) as Response;
    return { status: answer.status, body: (await answer.json()) as unknown };
  };

  it('calls a chosen file without content empty, and a missing file missing', async () => {
    expect(await upload(new File([], 'empty.csv', { type: 'text/csv' }))).toMatchObject({
      status: 400,
      body: { problem: 'file', detail: { file: { code: 'empty' } } },
    });
    expect(await upload(null)).toMatchObject({ status: 400, body: { problem: 'noFile' } });
  });

  it('answers a period ending after today at its last day', async () => {
    const file = new File([`name,visitors\n/blog/${PUBLISHED},10\n`], 'pages.csv');
    expect(await upload(file, { from: '2026-10-01', to: '2099-12-31' })).toMatchObject({
      status: 400,
      body: { problem: 'file', detail: { file: { code: 'periodInFuture', column: 'to' } } },
    });
  });
});
