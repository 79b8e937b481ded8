import { describe, expect, it } from 'vitest';
import type { Observation } from '~/domain/results/aggregate';
import {
  buildResultsTable,
  DEFAULT_RESULTS_QUERY,
  orderMetrics,
  parseResultsQuery,
  resultsQueryToSearch,
  toggleResultsSort,
} from '~/domain/results/table-query';

describe('the results table in the URL', () => {
  it('reads filters and sorting, dropping what is unknown or malformed', () => {
    const q = parseResultsQuery(
      new URLSearchParams('channel=podcast&goal=g1&audience=a_2&expert=u-3&sort=nps&dir=asc'),
    );
    expect(q).toEqual({
      channel: 'podcast',
      goal: 'g1',
      audience: 'a_2',
      expert: 'u-3',
      sort: 'nps',
      dir: 'asc',
    });
    expect(
      parseResultsQuery(
        new URLSearchParams(
          'channel=tv&goal=<x>&sort=custom&dir=sideways&expert=' + 'e'.repeat(61),
        ),
      ),
    ).toEqual(DEFAULT_RESULTS_QUERY);
    expect(parseResultsQuery(new URLSearchParams('sort=custom:survey_score')).sort).toBe(
      'custom:survey_score',
    );
    expect(parseResultsQuery(new URLSearchParams('sort=title')).dir).toBe('asc');
  });

  it('writes the query back, leaving defaults out, and round-trips', () => {
    expect(resultsQueryToSearch(DEFAULT_RESULTS_QUERY)).toBe('');
    const q = {
      ...DEFAULT_RESULTS_QUERY,
      channel: 'blog',
      sort: 'page_views',
      dir: 'asc' as const,
    };
    expect(resultsQueryToSearch(q)).toBe('?channel=blog&sort=page_views&dir=asc');
    expect(parseResultsQuery(new URLSearchParams(resultsQueryToSearch(q)))).toEqual(q);
  });

  it('sorts a new metric column descending first and flips a sorted one', () => {
    const byViews = toggleResultsSort(DEFAULT_RESULTS_QUERY, 'page_views');
    expect(byViews).toMatchObject({ sort: 'page_views', dir: 'desc' });
    expect(toggleResultsSort(byViews, 'page_views').dir).toBe('asc');
    expect(toggleResultsSort(byViews, 'title')).toMatchObject({ sort: 'title', dir: 'asc' });
  });
});

describe('building the results table', () => {
  const piece = (id: string, title: string) => ({
    id,
    title,
    channel: 'blog',
    status: 'published',
    publishAt: null,
  });
  const obs = (pieceId: string, metric: string, value: number, end: string): Observation => ({
    id: `${pieceId}-${metric}-${end}`,
    metric,
    value,
    periodStart: '2026-10-01',
    periodEnd: end,
    subject: 'piece',
    pieceId,
    channel: null,
    audienceId: null,
    createdAt: '2026-11-01T00:00:00.000Z',
  });

  it('aggregates per metric by its rule and orders the metric columns by the catalogue', () => {
    const table = buildResultsTable(
      [piece('a', 'A'), piece('b', 'B'), piece('c', 'C')],
      [
        obs('a', 'tonality', 60, '2026-10-31'),
        obs('a', 'tonality', 80, '2026-11-30'),
        obs('a', 'custom:survey', 3, '2026-10-31'),
        obs('b', 'nps', 10, '2026-10-31'),
        obs('b', 'nps', 30, '2026-11-30'),
        obs('b', 'page_views', 5, '2026-10-31'),
      ],
      { sort: 'tonality', dir: 'desc' },
    );
    expect(table.metrics).toEqual(['page_views', 'tonality', 'nps', 'custom:survey']);
    expect(table.rows.map((r) => [r.id, r.values])).toEqual([
      ['a', { tonality: 70, 'custom:survey': 3 }],
      ['b', { nps: 30, page_views: 5 }],
    ]);
    expect(orderMetrics(['custom:b', 'nps', 'custom:a', 'page_views'])).toEqual([
      'page_views',
      'nps',
      'custom:a',
      'custom:b',
    ]);
  });
});
