// The import's rules about when and to what results are tied: only published pieces take them,
// only for days that are over, and a format chosen by hand that the file does not fit says what
// it expects and what the file looks like.
import { describe, expect, it } from 'vitest';
import { endsAfterToday, todayIn } from '~/domain/results/dates';
import { expectedColumns, readResults } from '~/domain/results/read';
import { indexPieces, tieRows, type PieceForTie } from '~/domain/results/tie';

const piece = (over: Partial<PieceForTie> & { id: string }): PieceForTie => ({
  channel: 'blog',
  slug: null,
  targetUrl: null,
  registrationUrl: null,
  platformId: null,
  episodeNumber: null,
  ...over,
});

const generic = (...rows: string[]) => ['date,url,metric,value', ...rows].join('\n');
const PLAUSIBLE = 'name,visitors,pageviews\n/blog/a,10,12\n';

describe('today and the periods after it', () => {
  it('takes today in the workspace time zone', () => {
    // 23:30 UTC on 31 December is already New Year in Berlin, not yet in New York
    const now = new Date('2026-12-31T23:30:00Z');
    expect(todayIn('Europe/Berlin', now)).toBe('2027-01-01');
    expect(todayIn('America/New_York', now)).toBe('2026-12-31');
  });

  it('lets a period end today, not later', () => {
    expect(endsAfterToday('2026-12-03', '2026-12-03')).toBe(false);
    expect(endsAfterToday('2026-12-04', '2026-12-03')).toBe(true);
    expect(endsAfterToday('2026-12-02', '2026-12-03')).toBe(false);
  });
});

describe('rows and periods that have not ended', () => {
  const today = '2026-12-03';

  it('refuses a dated row after today in its date column, and keeps the rows before', () => {
    const read = readResults(
      generic(
        '2030-01-01,https://example.org/blog/a,visitors,5',
        '2026-12-03,https://example.org/blog/a,visitors,6',
      ),
      { today },
    );
    expect(read).toMatchObject({
      ok: true,
      problems: [{ row: 1, column: 'date', code: 'inFuture' }],
    });
    if (!read.ok) return;
    expect(read.rows[1]!.observations).toEqual([
      { metric: 'visitors', value: 6, periodStart: '2026-12-03', periodEnd: '2026-12-03' },
    ]);
  });

  it('refuses a period given with the import that ends after today, at its last day', () => {
    expect(
      readResults(PLAUSIBLE, { period: { start: '1900-01-01', end: '2099-12-31' }, today }),
    ).toMatchObject({ ok: false, problem: { code: 'periodInFuture', column: 'to' } });
    expect(
      readResults(PLAUSIBLE, { period: { start: '2026-11-01', end: '2026-12-03' }, today }),
    ).toMatchObject({ ok: true, problems: [] });
  });
});

describe('a format chosen by hand', () => {
  it('names the columns it expects and the format the file looks like', () => {
    expect(readResults(PLAUSIBLE, { preset: 'zoom' })).toEqual({
      ok: false,
      problem: {
        code: 'otherFormat',
        message: expect.stringContaining('webinar id'),
        values: {
          preset: 'zoom',
          expected: 'webinar id, actual start time, # registered / unique viewers',
          detected: 'plausible',
        },
      },
    });
  });

  it('names the columns it expects when the file looks like no format', () => {
    expect(readResults('title,summary\na,b\n', { preset: 'plausible' })).toMatchObject({
      ok: false,
      problem: {
        code: 'wrongFormat',
        values: { preset: 'plausible', expected: 'name, visitors / pageviews' },
      },
    });
    expect(expectedColumns('generic')).toBe('date, url, metric, value');
  });

  it('still names the one column a file of the chosen format lacks', () => {
    expect(readResults('date,url,value\n2026-10-01,/a,1\n', { preset: 'generic' })).toMatchObject({
      ok: false,
      problem: { code: 'missingColumns', column: 'metric' },
    });
  });
});

describe('tying rows to published pieces only', () => {
  const rows = (...paths: string[]) => {
    const read = readResults(['name,visitors', ...paths.map((p) => `${p},1`)].join('\n'), {
      period: { start: '2026-10-01', end: '2026-10-31' },
    });
    if (!read.ok) throw new Error(read.problem.code);
    return read.rows;
  };

  it('lists a row that fits only an unpublished piece as unmatched, saying why', () => {
    const index = indexPieces([
      piece({ id: 'live', slug: 'live' }),
      piece({ id: 'next-week', slug: 'next-week', published: false }),
    ]);
    const tied = tieRows(rows('/blog/live', '/blog/next-week', '/impressum'), index);
    expect(tied.matched.map((m) => m.tie.pieceId)).toEqual(['live']);
    expect(tied.unmatched).toEqual([
      { row: 2, label: '/blog/next-week', reason: 'notPublished' },
      { row: 3, label: '/impressum' },
    ]);
  });

  it('ties a key that a published and an unpublished piece share to the published one', () => {
    const index = indexPieces([
      piece({ id: 'old', slug: 'same', published: true }),
      piece({ id: 'draft', slug: 'same', published: false }),
    ]);
    expect(tieRows(rows('/blog/same'), index).matched.map((m) => m.tie.pieceId)).toEqual(['old']);
  });
});

describe('values a metric cannot take', () => {
  it('are row problems in the value column, as for an entry by hand', () => {
    const read = readResults(
      generic(
        '2026-10-01,/a,nps,500',
        '2026-10-01,/a,tonality,150',
        '2026-10-01,/a,nps,-40',
        '2026-10-01,/a,repurchase_rate,66.5',
        '2026-10-01,/a,page_views,-3',
      ),
      { today: '2026-12-03' },
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.problems.map((p) => [p.row, p.column, p.code, p.values ?? null])).toEqual([
      [1, 'value', 'outOfRange', { min: '-100', max: '100' }],
      [2, 'value', 'outOfRange', { min: '0', max: '100' }],
      [5, 'value', 'negative', null],
    ]);
    expect(read.problems[0]?.message).toBe('is outside what the metric can take (-100 to 100)');
  });
});
