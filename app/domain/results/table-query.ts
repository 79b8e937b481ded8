import { CHANNELS } from '../calendar/vocabulary';
import { METRIC_KEYS } from '../strategy/vocabulary';
import { aggregate, type Observation } from './aggregate';
import { isObservationMetric } from './presets';

/**
 * The results table (/results): one row per piece with results, one column per metric present,
 * each value the piece's observations of that metric aggregated by the metric's rule
 * (aggregate.ts: downloads after 30 days are the latest snapshot, page views add up, shares
 * average). Its filters and sorting live in the URL; parsing never fails, so a shared link
 * always opens (unknown or malformed values are dropped).
 */

export const RESULTS_FIXED_SORTS = ['title', 'channel', 'published'] as const;

export type ResultsQuery = {
  channel: string;
  goal: string;
  audience: string;
  expert: string;
  /** a fixed column or a metric key */
  sort: string;
  dir: 'asc' | 'desc';
};

export const DEFAULT_RESULTS_QUERY: ResultsQuery = {
  channel: '',
  goal: '',
  audience: '',
  expert: '',
  sort: 'published',
  dir: 'desc',
};

const ID = /^[A-Za-z0-9_-]{1,60}$/;

function sortOf(value: string | null): string {
  if (!value) return DEFAULT_RESULTS_QUERY.sort;
  if ((RESULTS_FIXED_SORTS as readonly string[]).includes(value)) return value;
  return isObservationMetric(value) ? value : DEFAULT_RESULTS_QUERY.sort;
}

export function parseResultsQuery(params: URLSearchParams): ResultsQuery {
  const channel = params.get('channel') ?? '';
  const id = (name: string) => {
    const v = params.get(name) ?? '';
    return ID.test(v) ? v : '';
  };
  const sort = sortOf(params.get('sort'));
  const dir = params.get('dir');
  return {
    channel: (CHANNELS as readonly string[]).includes(channel) ? channel : '',
    goal: id('goal'),
    audience: id('audience'),
    expert: id('expert'),
    sort,
    dir: dir === 'asc' || dir === 'desc' ? dir : sort === 'title' ? 'asc' : 'desc',
  };
}

/** The query as a search string (`?…`, empty for the defaults), defaults left out. */
export function resultsQueryToSearch(query: ResultsQuery): string {
  const params = new URLSearchParams();
  for (const key of ['channel', 'goal', 'audience', 'expert'] as const)
    if (query[key]) params.set(key, query[key]);
  if (query.sort !== DEFAULT_RESULTS_QUERY.sort || query.dir !== DEFAULT_RESULTS_QUERY.dir) {
    params.set('sort', query.sort);
    params.set('dir', query.dir);
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** Sorting by a column: first click descending for numbers and dates, ascending for text. */
export function toggleResultsSort(query: ResultsQuery, column: string): ResultsQuery {
  if (query.sort === column) return { ...query, dir: query.dir === 'asc' ? 'desc' : 'asc' };
  return {
    ...query,
    sort: column,
    dir: column === 'title' || column === 'channel' ? 'asc' : 'desc',
  };
}

export type ResultsPiece = {
  id: string;
  title: string;
  channel: string;
  status: string;
  /** ISO instant, or null when not yet dated */
  publishAt: string | null;
};

export type ResultsRow = ResultsPiece & {
  /** per metric, the aggregated value (metrics without observations are absent) */
  values: Record<string, number>;
  /** per metric, how many observations it was aggregated from */
  counts: Record<string, number>;
};

export type ResultsTable = { metrics: string[]; rows: ResultsRow[] };

/** Catalogue metrics in the catalogue's order, custom ones after them by name. */
export function orderMetrics(metrics: Iterable<string>): string[] {
  const set = new Set(metrics);
  const known = METRIC_KEYS.filter((m) => set.has(m));
  const custom = [...set].filter((m) => !(METRIC_KEYS as readonly string[]).includes(m)).sort();
  return [...known, ...custom];
}

/**
 * Builds the table from the pieces and their piece observations, sorted by the query's column.
 * Pieces without a value in the sorted metric come last whichever the direction; ties go by title.
 */
export function buildResultsTable(
  pieces: readonly ResultsPiece[],
  observations: readonly Observation[],
  query: Pick<ResultsQuery, 'sort' | 'dir'>,
): ResultsTable {
  const byPiece = new Map<string, Map<string, Observation[]>>();
  for (const o of observations) {
    if (o.subject !== 'piece' || !o.pieceId) continue;
    const metrics = byPiece.get(o.pieceId) ?? new Map<string, Observation[]>();
    const list = metrics.get(o.metric) ?? [];
    list.push(o);
    metrics.set(o.metric, list);
    byPiece.set(o.pieceId, metrics);
  }
  const present = new Set<string>();
  const rows: ResultsRow[] = [];
  for (const piece of pieces) {
    const metrics = byPiece.get(piece.id);
    if (!metrics) continue;
    const values: Record<string, number> = {};
    const counts: Record<string, number> = {};
    for (const [metric, list] of metrics) {
      const { value } = aggregate(metric, list);
      if (value === null) continue;
      values[metric] = value;
      counts[metric] = list.length;
      present.add(metric);
    }
    rows.push({ ...piece, values, counts });
  }
  const sign = query.dir === 'asc' ? 1 : -1;
  const byTitle = (a: ResultsRow, b: ResultsRow) =>
    a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
  const compare = (a: ResultsRow, b: ResultsRow): number => {
    if (query.sort === 'title') return sign * byTitle(a, b);
    if (query.sort === 'channel') return sign * a.channel.localeCompare(b.channel) || byTitle(a, b);
    const x = query.sort === 'published' ? a.publishAt : a.values[query.sort];
    const y = query.sort === 'published' ? b.publishAt : b.values[query.sort];
    if (x === undefined || x === null) return y === undefined || y === null ? byTitle(a, b) : 1;
    if (y === undefined || y === null) return -1;
    return (x < y ? -sign : x > y ? sign : 0) || byTitle(a, b);
  };
  rows.sort(compare);
  return { metrics: orderMetrics(present), rows };
}
