import { TZDate } from '@date-fns/tz';
import {
  addDays,
  addMonths,
  addWeeks,
  endOfMonth,
  format,
  startOfMonth,
  startOfWeek,
} from 'date-fns';
import { memoized } from '../memo';
import { FIRST_PLANNING_YEAR, LAST_PLANNING_YEAR } from './vocabulary';

/** A day of the calendar: its local date (YYYY-MM-DD) and the UTC instants it spans. */
export type CalendarDay = { date: string; start: Date; end: Date; inMonth: boolean };

const localDayOf = memoized(20_000, (key) => {
  const cut = key.indexOf('|');
  return format(new TZDate(Number(key.slice(0, cut)), key.slice(cut + 1)), 'yyyy-MM-dd');
});

/** The local day (YYYY-MM-DD) of an instant in a time zone. */
export function localDay(instant: Date | string, timeZone: string): string {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) return format(new Date(NaN), 'yyyy-MM-dd'); // throws, as date-fns does
  // offsets are whole minutes, so every instant of a minute lies on the same local day
  return localDayOf(`${Math.floor(ms / 60_000) * 60_000}|${timeZone}`);
}

/** The Monday (YYYY-MM-DD) of the week an instant falls in, in a time zone. */
export function localWeekStart(instant: Date | string, timeZone: string): string {
  const [y, m, d] = localDay(instant, timeZone).split('-').map(Number) as [number, number, number];
  const noon = new Date(Date.UTC(y, m - 1, d, 12));
  noon.setUTCDate(noon.getUTCDate() - ((noon.getUTCDay() + 6) % 7));
  return noon.toISOString().slice(0, 10);
}

/** Midnight of a local day in a time zone, as a TZDate (day math stays local). */
export function startOfLocalDay(day: string, timeZone: string): TZDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 0, 0, 0, timeZone);
}

function day(local: TZDate, inMonth: boolean): CalendarDay {
  return {
    date: format(local, 'yyyy-MM-dd'),
    start: new Date(local.getTime()),
    end: new Date(addDays(local, 1).getTime()),
    inMonth,
  };
}

const copyDay = (d: CalendarDay): CalendarDay => ({
  ...d,
  start: new Date(d.start.getTime()),
  end: new Date(d.end.getTime()),
});

/** The weeks (Monday to Sunday) that show the month containing `anchor`. */
export function monthGrid(anchor: string, timeZone: string): CalendarDay[][] {
  return monthGridOf(`${anchor.slice(0, 7)}-01|${timeZone}`).map((week) => week.map(copyDay));
}

const monthGridOf = memoized(500, (key) => {
  const [anchor, timeZone] = key.split('|') as [string, string];
  const first = startOfMonth(startOfLocalDay(anchor, timeZone));
  const last = endOfMonth(first);
  let cursor = startOfWeek(first, { weekStartsOn: 1 });
  const weeks: CalendarDay[][] = [];
  while (cursor.getTime() <= last.getTime()) {
    const week: CalendarDay[] = [];
    for (let i = 0; i < 7; i++) {
      const d = addDays(cursor, i);
      week.push(day(d, d.getMonth() === first.getMonth()));
    }
    weeks.push(week);
    cursor = addWeeks(cursor, 1);
  }
  return weeks;
});

/** The seven days (Monday to Sunday) of the week containing `anchor`. */
export function weekGrid(anchor: string, timeZone: string): CalendarDay[] {
  return weekGridOf(`${anchor}|${timeZone}`).map(copyDay);
}

const weekGridOf = memoized(500, (key) => {
  const [anchor, timeZone] = key.split('|') as [string, string];
  const monday = startOfWeek(startOfLocalDay(anchor, timeZone), { weekStartsOn: 1 });
  return Array.from({ length: 7 }, (_, i) => day(addDays(monday, i), true));
});

/**
 * The instants [from, to) a view shows: the month grid's weeks, the week, or eight weeks of
 * agenda from the anchor day. The page, the CSV export and the print view all cover this range.
 */
export function viewRange(
  view: 'month' | 'week' | 'agenda',
  anchor: string,
  timeZone: string,
): { from: Date; to: Date } {
  if (view === 'month') {
    const grid = monthGrid(anchor, timeZone);
    return { from: grid[0]![0]!.start, to: grid.at(-1)!.at(-1)!.end };
  }
  if (view === 'week') {
    const days = weekGrid(anchor, timeZone);
    return { from: days[0]!.start, to: days.at(-1)!.end };
  }
  const start = startOfLocalDay(anchor, timeZone);
  return { from: new Date(start.getTime()), to: new Date(addWeeks(start, 8).getTime()) };
}

/** The anchor day one view-step before or after (month or week). */
export function shiftAnchor(
  anchor: string,
  view: 'month' | 'week' | 'agenda',
  step: number,
  timeZone: string,
): string {
  const local = startOfLocalDay(anchor, timeZone);
  const moved = view === 'month' ? addMonths(local, step) : addWeeks(local, step);
  return format(moved, 'yyyy-MM-dd');
}

/**
 * Moves an instant to another local day, keeping its local time of day (so a 09:00 piece stays
 * at 09:00 across a daylight-saving change).
 */
export function moveToDay(instant: Date, day: string, timeZone: string): Date {
  const local = new TZDate(instant.getTime(), timeZone);
  const target = startOfLocalDay(day, timeZone);
  target.setHours(local.getHours(), local.getMinutes(), 0, 0);
  return new Date(target.getTime());
}

export { FIRST_PLANNING_YEAR, LAST_PLANNING_YEAR };

/** Whether year, month (1–12) and day name a real day in the years a calendar plans for. */
export function isPlanningDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < FIRST_PLANNING_YEAR || year > LAST_PLANNING_YEAR)
    return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Number.isInteger(day) && day >= 1 && day <= days;
}

/** A local date-time from a form ("2026-03-29T09:00") in the workspace zone, as a UTC instant. */
export function fromLocalInput(value: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  // Date would roll 2026-02-30 over into March and 24:00 into the next day: refuse instead
  if (!isPlanningDay(y, mo, d) || h > 23 || mi > 59) return null;
  const local = new TZDate(y, mo - 1, d, h, mi, 0, timeZone);
  if (Number.isNaN(local.getTime())) return null;
  return new Date(local.getTime());
}

/** An instant as the value of a datetime-local input in the workspace zone. */
export function toLocalInput(instant: Date | string | null, timeZone: string): string {
  if (!instant) return '';
  return format(new TZDate(new Date(instant).getTime(), timeZone), "yyyy-MM-dd'T'HH:mm");
}
