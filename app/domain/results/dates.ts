/**
 * Days as exports write them, read into ISO days (YYYY-MM-DD). Exports name calendar days or
 * local times; the day is taken as written, never shifted between time zones.
 */

import { localDay } from '../calendar/grid';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function day(year: number, month: number, date: number): string | null {
  if (month < 1 || month > 12 || date < 1 || year < 1900 || year > 9999) return null;
  const check = new Date(Date.UTC(year, month - 1, date));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** An ISO 8601 day (`2026-10-01`), optionally with a time after it; null otherwise. */
export function isoDay(text: string): string | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text.trim(),
    );
  return m ? day(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/**
 * A day as reports write it: ISO 8601, `10/15/2026 10:00 AM` (month first, as Zoom's English
 * reports do), `15.10.2026` (German) or `Oct 15, 2026 10:00 AM`; null otherwise.
 */
export function reportDay(text: string): string | null {
  const t = text.trim();
  const iso = isoDay(t);
  if (iso) return iso;
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(t);
  if (m) return day(Number(m[3]), Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(t);
  if (m) return day(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})\b/.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
    return month ? day(Number(m[3]), month, Number(m[2])) : null;
  }
  return null;
}

/** Whole days from one ISO day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Today's ISO day in a time zone (the workspace's): the last day results may be given for. */
export function todayIn(timeZone: string, now: Date): string {
  return localDay(now, timeZone);
}

/**
 * Whether a period ends after today (an ISO day, see todayIn): results are counted once a day is
 * over, so a period that has not ended yet (or lies in the future) takes none.
 */
export function endsAfterToday(periodEnd: string, today: string): boolean {
  return periodEnd > today;
}
