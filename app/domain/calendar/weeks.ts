import { TZDate } from '@date-fns/tz';
import { addWeeks, startOfWeek } from 'date-fns';

/**
 * The calendar week (Monday to Monday) that contains `now`, as UTC instants, computed in the
 * workspace's time zone so that a week starts at local midnight on Monday even across a
 * daylight-saving change.
 */
export function weekRange(now: Date, timeZone: string): { start: Date; end: Date } {
  const local = new TZDate(now.getTime(), timeZone);
  const start = startOfWeek(local, { weekStartsOn: 1 });
  const end = addWeeks(start, 1);
  return { start: new Date(start.getTime()), end: new Date(end.getTime()) };
}
