import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  aggregate,
  aggregationOf,
  kpiActual,
  kpiProgress,
  isTotal,
  targetReached,
  median,
  type KpiForResults,
  type Observation,
} from '~/domain/results/aggregate';
import { decodeExport, parseRecords } from '~/domain/results/csv';
import { isoDay, reportDay } from '~/domain/results/dates';
import {
  detectPreset,
  isObservationMetric,
  kpiObservationMetric,
  PRESETS,
} from '~/domain/results/presets';
import { readResults, type ResultRow } from '~/domain/results/read';
import { indexPieces, tieRows, tieTarget, type PieceForTie } from '~/domain/results/tie';
import { lastSegment, pathKey, platformIdKey, urlKey } from '~/domain/results/url';
import { firstResultWins, kpiWins, pieceWins } from '~/domain/results/wins';
import { METRIC_KEYS } from '~/domain/strategy/vocabulary';

const fixture = (name: string) =>
  decodeExport(new Uint8Array(fs.readFileSync(path.join('tests/fixtures/results', name))));
const OCTOBER = { start: '2026-10-01', end: '2026-10-31' };

const piece = (over: Partial<PieceForTie> & { id: string }): PieceForTie => ({
  channel: 'blog',
  slug: null,
  targetUrl: null,
  registrationUrl: null,
  platformId: null,
  episodeNumber: null,
  ...over,
});

const PIECES = indexPieces([
  piece({
    id: 'versand',
    slug: 'versand-am-selben-tag',
    targetUrl: 'https://klarblick.example/blog/versand-am-selben-tag',
  }),
  piece({ id: 'cookies', slug: 'cookie-banner-rechtssicher' }),
  piece({ id: 'retouren', slug: 'retouren-richtig-planen' }),
  piece({
    id: 'zahlungsarten',
    channel: 'webinar',
    platformId: '81234567890',
    registrationUrl: 'https://klarblick.example/webinare/zahlungsarten',
  }),
  piece({ id: 'folge1', channel: 'podcast', platformId: '1183204', episodeNumber: 1 }),
  piece({ id: 'folge2', channel: 'podcast', episodeNumber: 2 }),
]);

function read(name: string, options: Parameters<typeof readResults>[1] = {}) {
  const result = readResults(fixture(name), options);
  if (!result.ok) throw new Error(result.problem.message);
  return result;
}

describe('addresses', () => {
  it('compares scheme and host without case, and drops trailing slashes, queries and fragments', () => {
    const same = [
      'https://klarblick.example/blog/post',
      'HTTP://KlarBlick.Example/blog/post/',
      'https://www.klarblick.example/blog/post?utm_source=x#top',
      'klarblick.example/blog/post',
      '//klarblick.example:443/blog/post',
    ];
    for (const url of same) expect(urlKey(url)).toBe('klarblick.example/blog/post');
    expect(urlKey('https://klarblick.example/Blog/Post')).not.toBe(urlKey(same[0]!));
    expect(urlKey('https://klarblick.example/')).toBe('klarblick.example/');
    expect(urlKey('not an address')).toBeNull();
    expect(urlKey('mailto:someone@example.org')).toBeNull();
  });
  it('reads paths, slugs and platform ids', () => {
    expect(pathKey('/blog/post/?a=1')).toBe('/blog/post');
    expect(pathKey('https://x.example/a/b/')).toBe('/a/b');
    expect(pathKey('/')).toBe('/');
    expect(lastSegment('/blog/My-Post/')).toBe('my-post');
    expect(lastSegment('/')).toBeNull();
    expect(platformIdKey('812 3456 7890')).toBe(platformIdKey('81234567890'));
  });
});

describe('days', () => {
  it('reads ISO days strictly and report days in their common forms', () => {
    expect(isoDay('2026-10-01')).toBe('2026-10-01');
    expect(isoDay('2026-10-01T10:00:00Z')).toBe('2026-10-01');
    expect(isoDay('2026-02-30')).toBeNull();
    expect(isoDay('01.10.2026')).toBeNull();
    expect(reportDay('Oct 15, 2026 10:00 AM')).toBe('2026-10-15');
    expect(reportDay('10/15/2026 10:00:00')).toBe('2026-10-15');
    expect(reportDay('15.10.2026')).toBe('2026-10-15');
    expect(reportDay('yesterday')).toBeNull();
  });
});

describe('reading files', () => {
  it('decodes UTF-16 and UTF-8 with byte order marks, and guesses the delimiter', () => {
    const text = 'date;url;metric;value\n2026-10-01;/a;visitors;1\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    expect(decodeExport(utf16)).toBe(text);
    expect(decodeExport(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
    expect(parseRecords(text)).toEqual([
      ['date', 'url', 'metric', 'value'],
      ['2026-10-01', '/a', 'visitors', '1'],
    ]);
    expect(parseRecords(' \n\n')).toBeNull();
  });

  it('detects each preset from its sample file', () => {
    const samples: Record<string, string> = {
      plausible: 'plausible-pages.csv',
      matomo: 'matomo-page-urls.csv',
      zoom: 'zoom-webinar-attendee.csv',
      podigee: 'podigee-episodes.csv',
      generic: 'generic.csv',
    };
    expect(Object.keys(samples).sort()).toEqual([...PRESETS].sort());
    for (const [preset, file] of Object.entries(samples))
      expect(detectPreset(parseRecords(fixture(file))!), file).toBe(preset);
    expect(detectPreset([['title', 'summary']])).toBeNull();
  });

  it('reads a Plausible pages export over the period given', () => {
    const result = read('plausible-pages.csv', { period: OCTOBER });
    expect(result.preset).toBe('plausible');
    expect(result.problems).toEqual([]);
    expect(result.rows).toHaveLength(5);
    expect(result.rows[1]).toEqual({
      row: 2,
      label: '/blog/versand-am-selben-tag',
      target: { path: '/blog/versand-am-selben-tag' },
      observations: [
        { metric: 'visitors', value: 912, periodStart: '2026-10-01', periodEnd: '2026-10-31' },
        { metric: 'page_views', value: 1104, periodStart: '2026-10-01', periodEnd: '2026-10-31' },
      ],
    });
    const tied = tieRows(result.rows, PIECES);
    expect(tied.matched.map((m) => [m.row.row, m.tie.pieceId, m.tie.by])).toEqual([
      [2, 'versand', 'path'],
      [3, 'cookies', 'slug'],
      [4, 'retouren', 'slug'],
    ]);
    expect(tied.unmatched).toEqual([
      { row: 1, label: '/' },
      { row: 5, label: '/impressum' },
    ]);
  });

  it('asks for the period when the rows carry no dates', () => {
    const result = readResults(fixture('plausible-pages.csv'));
    expect(result).toMatchObject({ ok: false, problem: { code: 'periodRequired' } });
    expect(
      readResults(fixture('plausible-pages.csv'), {
        period: { start: '2026-10-31', end: '2026-10-01' },
      }),
    ).toMatchObject({ ok: false, problem: { code: 'badPeriod' } });
  });

  it('reads a Matomo page URLs export (UTF-16), tying rows by their address', () => {
    const result = read('matomo-page-urls.csv', { period: OCTOBER });
    expect(result.preset).toBe('matomo');
    expect(result.problems).toEqual([]);
    expect(result.rows[0]!.observations.map((o) => [o.metric, o.value])).toEqual([
      ['page_views', 1022],
      ['visitors', 804],
    ]);
    const tied = tieRows(result.rows, PIECES);
    expect(tied.matched.map((m) => [m.tie.pieceId, m.tie.by])).toEqual([
      ['versand', 'url'],
      ['cookies', 'slug'],
    ]);
    expect(tied.unmatched).toEqual([{ row: 3, label: 'https://klarblick.example/kontakt' }]);
  });

  it('reads the summary of a Zoom webinar report and ties it by the webinar id', () => {
    const result = read('zoom-webinar-attendee.csv');
    expect(result.preset).toBe('zoom');
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      {
        row: 1,
        label: '812 3456 7890',
        target: { platformId: '812 3456 7890' },
        observations: [
          {
            metric: 'webinar_registrations',
            value: 212,
            periodStart: '2026-10-15',
            periodEnd: '2026-10-15',
          },
          {
            metric: 'webinar_attendees',
            value: 131,
            periodStart: '2026-10-15',
            periodEnd: '2026-10-15',
          },
        ],
      },
    ]);
    expect(tieTarget(PIECES, result.rows[0]!.target)).toEqual({
      pieceId: 'zahlungsarten',
      by: 'platformId',
    });
  });

  it('reads a Podigee episode export, tying by episode id, then by episode number', () => {
    const result = read('podigee-episodes.csv', {
      period: { start: '2026-09-03', end: '2026-10-03' },
    });
    expect(result.preset).toBe('podigee');
    expect(result.rows.map((r) => r.observations[0])).toMatchObject([
      { metric: 'podcast_downloads_30d', value: 1240 },
      { metric: 'podcast_downloads_30d', value: 987 },
      { metric: 'podcast_downloads_30d', value: 654 },
    ]);
    const tied = tieRows(result.rows, PIECES);
    expect(tied.matched.map((m) => [m.tie.pieceId, m.tie.by])).toEqual([
      ['folge1', 'platformId'],
      ['folge2', 'episode'],
    ]);
    expect(tied.unmatched).toEqual([{ row: 3, label: '1201455' }]);
  });

  it('reads the generic long format: dated rows, one observation each', () => {
    const result = read('generic.csv');
    expect(result.preset).toBe('generic');
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => r.observations)).toEqual([
      [{ metric: 'page_views', value: 412, periodStart: '2026-10-01', periodEnd: '2026-10-01' }],
      [{ metric: 'visitors', value: 318.5, periodStart: '2026-10-02', periodEnd: '2026-10-02' }],
      [
        {
          metric: 'webinar_registrations',
          value: 64,
          periodStart: '2026-10-05',
          periodEnd: '2026-10-05',
        },
      ],
    ]);
    expect(tieRows(result.rows, PIECES).matched.map((m) => m.tie.pieceId)).toEqual([
      'versand',
      'versand',
      'zahlungsarten',
    ]);
  });

  it('names the data row (1 = first row under the header) and the column of every problem', () => {
    const text = [
      'date,url,metric,value',
      '2026-10-01,https://example.org/blog/a,visitors,42',
      '2026-10-02,https://example.org/blog/b,visitors,not-a-number',
      '01.10.2026,https://example.org/blog/c,page_views,1,5',
      '2026-10-03,,likes,-3',
      '2026-10-04,https://example.org/x,page_views,1.5e3',
    ].join('\n');
    const result = readResults(text);
    if (!result.ok) throw new Error('not read');
    expect(result.rows).toHaveLength(5);
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'value', 'notANumber'],
      [3, 'date', 'notADate'],
      [4, 'url', 'required'],
      [4, 'metric', 'unknownMetric'],
      [4, 'value', 'negative'],
      [5, 'value', 'notANumber'],
    ]);
    expect(result.problems[0]!.message).toMatch(/not a number/);
    // rows with problems carry no observations
    expect(result.rows.map((r) => r.observations.length)).toEqual([1, 0, 0, 0, 0]);
  });

  it('refuses files it cannot read, naming what is missing', () => {
    expect(readResults('')).toMatchObject({ ok: false, problem: { code: 'empty' } });
    expect(readResults('title,summary\na,b\n')).toMatchObject({
      ok: false,
      problem: { code: 'unknownFormat' },
    });
    expect(readResults('date,url,value\n2026-10-01,/a,1\n', { preset: 'generic' })).toMatchObject({
      ok: false,
      problem: { code: 'missingColumns', column: 'metric' },
    });
    expect(readResults('date,url,metric,value\n')).toMatchObject({
      ok: false,
      problem: { code: 'noData' },
    });
  });

  it('applies a saved mapping over a preset', () => {
    const text = 'Seite;Besucher;Aufrufe\n/blog/versand-am-selben-tag;10;12\n';
    expect(readResults(text, { period: OCTOBER })).toMatchObject({ ok: false });
    const result = readResults(text, {
      preset: 'plausible',
      period: OCTOBER,
      mapping: { columns: { path: 'Seite' }, values: { Aufrufe: 'page_views' } },
    });
    if (!result.ok) throw new Error(result.problem.message);
    expect(result.rows[0]!.observations.map((o) => [o.metric, o.value])).toEqual([
      ['page_views', 12],
    ]);
    expect(tieTarget(PIECES, result.rows[0]!.target)?.pieceId).toBe('versand');
  });

  it('does not guess between two pieces with the same key', () => {
    const index = indexPieces([piece({ id: 'a', slug: 'same' }), piece({ id: 'b', slug: 'same' })]);
    const row: ResultRow = { row: 1, label: '/same', target: { path: '/same' }, observations: [] };
    expect(tieRows([row], index).unmatched).toEqual([{ row: 1, label: '/same' }]);
  });
});

describe('metrics', () => {
  it('accepts catalogue keys and custom keys, and names a custom KPI by its label', () => {
    for (const key of METRIC_KEYS) expect(isObservationMetric(key)).toBe(key !== 'custom');
    expect(isObservationMetric('custom:newsletter_signups')).toBe(true);
    expect(isObservationMetric('custom:')).toBe(false);
    expect(isObservationMetric('likes')).toBe(false);
    expect(
      kpiObservationMetric({ metric: 'custom', customLabel: 'Newsletter-Anmeldungen (Größe)' }),
    ).toBe('custom:newsletter_anmeldungen_grosse');
    expect(kpiObservationMetric({ metric: 'visitors', customLabel: null })).toBe('visitors');
  });
  it('has an aggregation for every catalogue metric', () => {
    for (const key of METRIC_KEYS.filter((k) => k !== 'custom'))
      expect(['sum', 'sumOfLatest', 'average', 'latest']).toContain(aggregationOf(key));
    expect(aggregationOf('custom:x')).toBe('latest');
  });
});

let seq = 0;
const obs = (over: Partial<Observation>): Observation => ({
  id: `o${++seq}`,
  metric: 'page_views',
  value: 0,
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  subject: 'piece',
  pieceId: 'p1',
  channel: null,
  audienceId: null,
  createdAt: `2026-11-01T00:00:${String(seq % 60).padStart(2, '0')}Z`,
  piece: { channel: 'blog', audienceIds: ['shops'] },
  ...over,
});

const KPI: KpiForResults = {
  id: 'k1',
  metric: 'page_views',
  scope: 'channel',
  channel: 'blog',
  audienceId: null,
  direction: 'more',
  baseline: 1000,
  target: 3000,
  targetDate: '2026-12-31',
};
const H2 = { from: '2026-07-01', to: '2026-12-31' };

describe('aggregation per KPI', () => {
  it('sums counts over pieces of the scope, counting a re-imported period once', () => {
    const list = [
      obs({ pieceId: 'p1', value: 500, createdAt: '2026-11-01T00:00:00Z' }),
      obs({ pieceId: 'p1', value: 520, createdAt: '2026-11-02T00:00:00Z' }), // the same period again
      obs({ pieceId: 'p2', value: 300 }),
      obs({ pieceId: 'p3', value: 999, piece: { channel: 'podcast', audienceIds: [] } }),
      obs({ pieceId: 'p4', value: 50, periodStart: '2026-06-01', periodEnd: '2026-06-30' }),
      obs({ pieceId: 'p5', value: 7, metric: 'visitors' }),
    ];
    expect(kpiActual(KPI, list, H2)).toEqual({
      actual: 820,
      basis: 'pieces',
      observations: 3,
      contributors: [
        { pieceId: 'p1', value: 520 },
        { pieceId: 'p2', value: 300 },
      ],
    });
  });
  it('prefers totals reported for the scope over adding up its pieces', () => {
    const list = [
      obs({ pieceId: 'p1', value: 500 }),
      obs({ subject: 'channel', pieceId: null, channel: 'blog', value: 4200, piece: null }),
    ];
    expect(kpiActual(KPI, list, H2)).toMatchObject({
      actual: 4200,
      basis: 'scope',
      contributors: [],
    });
    expect(kpiActual({ ...KPI, scope: 'workspace', channel: null }, list, H2)).toMatchObject({
      actual: 500,
      basis: 'pieces',
    });
    expect(
      kpiActual({ ...KPI, scope: 'audience', channel: null, audienceId: 'shops' }, list, H2),
    ).toMatchObject({ actual: 500 });
    expect(kpiActual(KPI, [], H2)).toEqual({
      actual: null,
      basis: 'none',
      observations: 0,
      contributors: [],
    });
  });
  it('takes snapshots per subject, averages shares and the latest state', () => {
    const downloads = [
      obs({ metric: 'podcast_downloads_30d', pieceId: 'e1', value: 800, periodEnd: '2026-10-10' }),
      obs({ metric: 'podcast_downloads_30d', pieceId: 'e1', value: 1240, periodEnd: '2026-10-31' }),
      obs({ metric: 'podcast_downloads_30d', pieceId: 'e2', value: 900 }),
    ];
    expect(aggregate('podcast_downloads_30d', downloads).value).toBe(2140);
    const ws = { subject: 'workspace' as const, pieceId: null, piece: null };
    expect(
      aggregate('engagement', [obs({ ...ws, value: 4 }), obs({ ...ws, value: 6 })]).value,
    ).toBe(5);
    expect(
      aggregate('nps', [
        obs({ ...ws, value: 31, periodEnd: '2026-09-30' }),
        obs({ ...ws, value: 42, periodEnd: '2026-12-31' }),
        obs({ ...ws, value: 35, periodEnd: '2026-11-30' }),
      ]).value,
    ).toBe(42);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('progress against the target', () => {
  it('measures the way from the baseline to the target, in either direction', () => {
    expect(kpiProgress(KPI, 2000)).toEqual({ share: 0.5, reached: false, status: 'behind' });
    expect(kpiProgress(KPI, 3000)).toMatchObject({ share: 1, reached: true, status: 'reached' });
    expect(kpiProgress(KPI, 800).share).toBeCloseTo(-0.1);
    expect(kpiProgress({ ...KPI, baseline: null }, 1500).share).toBe(0.5);
    const fewerTickets = {
      direction: 'less' as const,
      baseline: 400,
      target: 300,
      targetDate: '2026-12-31',
    };
    expect(kpiProgress(fewerTickets, 350)).toMatchObject({ share: 0.5, reached: false });
    expect(kpiProgress(fewerTickets, 290)).toMatchObject({ reached: true, status: 'reached' });
    expect(kpiProgress({ ...fewerTickets, baseline: null }, 350)).toEqual({
      share: null,
      reached: false,
      status: 'behind',
    });
    expect(kpiProgress(KPI, null)).toEqual({ share: null, reached: false, status: 'noData' });
  });
  it('never calls a total that is to stay low reached before its period ends', () => {
    // at most 1,400 support tickets in the half-year, 1,900 the half-year before
    const tickets = {
      metric: 'support_tickets',
      direction: 'less' as const,
      baseline: 1900,
      target: 1400,
      targetDate: '2026-12-31',
    };
    const start = '2026-07-01';
    // one month in: 262 tickets so far, on pace for about 1,580 in the half-year
    const early = kpiProgress(tickets, 262, { start, today: '2026-08-01' });
    expect(early).toMatchObject({ reached: false, status: 'behind' });
    expect(early.share).toBeCloseTo((1900 - 262 / (31 / 183)) / 500, 5);
    // 200 in the first month: on pace for about 1,180, on track
    expect(kpiProgress(tickets, 200, { start, today: '2026-08-01' })).toMatchObject({
      reached: false,
      status: 'onTrack',
    });
    // past the target before the period ends: behind, however much time is left
    expect(kpiProgress(tickets, 1500, { start, today: '2026-09-01' }).status).toBe('behind');
    // at the end of the period, the total is what counts
    expect(kpiProgress(tickets, 1350, { start, today: '2026-12-31' })).toMatchObject({
      reached: true,
      status: 'reached',
    });
    expect(targetReached(tickets, 262, '2026-08-01')).toBe(false);
    expect(targetReached(tickets, 1350, '2027-01-15')).toBe(true);
    // a state, not a total (a lower bounce rate, say): reached as soon as it gets there
    expect(targetReached({ ...tickets, metric: 'nps' }, 262, '2026-08-01')).toBe(true);
    expect(isTotal('page_views')).toBe(true);
    expect(isTotal('nps')).toBe(false);
    // and never reported as an early win
    expect(
      kpiWins([{ id: 't', ...tickets, actual: 262 }], '2026-08-01').map((w) => w.kind),
    ).toEqual([]);
  });
  it('compares the progress with the time gone by', () => {
    const time = { start: '2026-07-01', today: '2026-10-01' }; // half of the way to 2026-12-31
    expect(kpiProgress(KPI, 2100, time).status).toBe('onTrack');
    expect(kpiProgress(KPI, 1900, time).status).toBe('behind');
  });
});

describe('early wins', () => {
  it('reports KPIs that reached their target in time', () => {
    const kpis = [
      { id: 'a', direction: 'more' as const, target: 100, targetDate: '2026-12-31', actual: 120 },
      { id: 'b', direction: 'more' as const, target: 100, targetDate: '2026-12-31', actual: 80 },
      { id: 'c', direction: 'less' as const, target: 10, targetDate: '2026-12-31', actual: 9 },
      { id: 'd', direction: 'more' as const, target: 100, targetDate: '2026-09-30', actual: 120 },
      { id: 'e', direction: 'more' as const, target: 100, targetDate: '2026-12-31', actual: null },
    ];
    expect(kpiWins(kpis, '2026-11-01').map((w) => w.kind === 'kpiReached' && w.kpiId)).toEqual([
      'a',
      'c',
    ]);
  });
  it("reports pieces above their channel's median, once a median means something", () => {
    const blog = (pieceId: string, value: number) => obs({ pieceId, value });
    expect(pieceWins([blog('a', 100), blog('b', 300)])).toEqual([]);
    expect(pieceWins([blog('a', 100), blog('b', 300), blog('c', 200), blog('d', 120)])).toEqual([
      {
        kind: 'aboveMedian',
        pieceId: 'b',
        channel: 'blog',
        metric: 'page_views',
        value: 300,
        median: 160,
      },
      {
        kind: 'aboveMedian',
        pieceId: 'c',
        channel: 'blog',
        metric: 'page_views',
        value: 200,
        median: 160,
      },
    ]);
  });
  it('reports the first results of a channel', () => {
    const list = [
      obs({ periodEnd: '2026-03-31', periodStart: '2026-03-01' }),
      obs({
        pieceId: 'w1',
        metric: 'webinar_attendees',
        periodEnd: '2026-10-15',
        periodStart: '2026-10-15',
        piece: { channel: 'webinar', audienceIds: [] },
      }),
    ];
    expect(firstResultWins(list, '2026-11-01')).toEqual([
      { kind: 'firstResults', channel: 'webinar', since: '2026-10-15' },
    ]);
    expect(firstResultWins(list, '2026-12-31')).toEqual([]);
  });
});
