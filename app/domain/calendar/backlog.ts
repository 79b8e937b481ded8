/**
 * The calendar's backlog of unscheduled ideas: which of them a page shows, in which order, and the
 * part of the address that keeps the backlog's state (its filter and how many ideas are shown).
 */

/** Ideas shown at first, and added by each "show more". */
export const BACKLOG_STEP = 25;
/** The most ideas one page shows; beyond that the filter narrows the list. */
export const BACKLOG_MAX_SHOWN = 500;
/** The longest filter text that is read from the address. */
const SEARCH_MAX = 100;

export type BacklogQuery = {
  /** text the titles must contain (any case); empty: every idea */
  search: string;
  /** how many ideas the page shows, from the top of the order */
  shown: number;
};

/** The backlog's state in the address: `idea` (the filter) and `ideas` (how many are shown). */
export function parseBacklogQuery(params: URLSearchParams): BacklogQuery {
  const search = (params.get('idea') ?? '').trim().slice(0, SEARCH_MAX);
  const asked = Number(params.get('ideas'));
  const shown = Number.isInteger(asked)
    ? Math.min(Math.max(asked, BACKLOG_STEP), BACKLOG_MAX_SHOWN)
    : BACKLOG_STEP;
  return { search, shown };
}

/** The backlog's part of a calendar address (`&`-joined, no leading `?`), defaults left out. */
export function backlogQueryToParams(q: BacklogQuery, overrides: Partial<BacklogQuery> = {}) {
  const query = { ...q, ...overrides };
  const params = new URLSearchParams();
  if (query.search) params.set('idea', query.search);
  if (query.shown !== BACKLOG_STEP) params.set('ideas', String(query.shown));
  return params.toString();
}

/** A calendar address (`?…` or empty) with the backlog's state added. */
export function withBacklogQuery(
  search: string,
  q: BacklogQuery,
  overrides?: Partial<BacklogQuery>,
) {
  const backlog = backlogQueryToParams(q, overrides);
  if (!backlog) return search;
  return search ? `${search}&${backlog}` : `?${backlog}`;
}

export type BacklogCandidate = {
  id: string;
  title: string;
  createdAt: Date;
  /** the priorities (1 low … 3 high) of the audience needs the idea serves */
  needPriorities: readonly number[];
};

/** An idea's priority: the highest of the needs it serves; 0 when it serves none. */
export function ideaPriority(c: Pick<BacklogCandidate, 'needPriorities'>): number {
  return c.needPriorities.reduce((a, b) => Math.max(a, b), 0);
}

const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase('de');

/**
 * The ideas that pass the filter, in the backlog's order: those serving the highest-priority needs
 * first, and among equals the newest first (then by title, so the order is stable).
 */
export function rankBacklog<C extends BacklogCandidate>(
  candidates: readonly C[],
  search = '',
): C[] {
  const needle = fold(search.trim());
  const passing = needle
    ? candidates.filter((c) => fold(c.title).includes(needle))
    : [...candidates];
  const priority = new Map(passing.map((c) => [c.id, ideaPriority(c)]));
  return passing.sort(
    (a, b) =>
      priority.get(b.id)! - priority.get(a.id)! ||
      b.createdAt.getTime() - a.createdAt.getTime() ||
      a.title.localeCompare(b.title) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
