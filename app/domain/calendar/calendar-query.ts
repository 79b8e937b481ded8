import { isPlanningDay } from './grid';
import { CHANNELS, PIECE_STATUSES } from './vocabulary';

/** The calendar's view, anchor day and filters, as they live in the URL. */
export type CalendarView = 'month' | 'week' | 'agenda';
export type CalendarQuery = {
  view: CalendarView;
  date: string | null;
  channel: string[];
  status: string[];
  audience: string;
  owner: string;
  expert: string;
  /** an agreed goal the pieces serve */
  goal: string;
};

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A real calendar day written as YYYY-MM-DD (not 2026-02-30), from 1900 on. */
export function isDay(value: string | null): value is string {
  const m = value ? ISO_DAY.exec(value) : null;
  return m !== null && isPlanningDay(Number(m[1]), Number(m[2]), Number(m[3]));
}
/** A `date` in the address that is no day the calendar plans for (the page answers 400). */
export function hasBadDate(params: URLSearchParams): boolean {
  const date = params.get('date');
  return date !== null && date !== '' && !isDay(date);
}

const pick = (values: string[], allowed: readonly string[]) => [
  ...new Set(values.filter((v) => allowed.includes(v))),
];
const id = (v: string | null) => (v && /^[A-Za-z0-9_-]{1,40}$/.test(v) ? v : '');

export function parseCalendarQuery(params: URLSearchParams): CalendarQuery {
  const view = params.get('view');
  const date = params.get('date');
  return {
    view: view === 'week' || view === 'agenda' ? view : 'month',
    date: isDay(date) ? date : null,
    channel: pick(params.getAll('channel'), CHANNELS),
    status: pick(params.getAll('status'), PIECE_STATUSES),
    audience: id(params.get('audience')),
    owner: id(params.get('owner')),
    expert: id(params.get('expert')),
    goal: id(params.get('goal')),
  };
}

export function calendarQueryToSearch(
  q: CalendarQuery,
  overrides: Partial<CalendarQuery> = {},
): string {
  const query = { ...q, ...overrides };
  const params = new URLSearchParams();
  if (query.view !== 'month') params.set('view', query.view);
  if (query.date) params.set('date', query.date);
  for (const c of query.channel) params.append('channel', c);
  for (const s of query.status) params.append('status', s);
  for (const key of ['audience', 'owner', 'expert', 'goal'] as const)
    if (query[key]) params.set(key, query[key]);
  const s = params.toString();
  return s ? `?${s}` : '';
}
