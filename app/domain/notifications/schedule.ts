import { TZDate } from '@date-fns/tz';
import { getISODay } from 'date-fns';

/**
 * When mails go out: retries with growing pauses while the mail server refuses, and digests once
 * per period at a local hour in the workspace's time zone.
 */

/** After this many failed attempts a mail is given up (state `failed`, the last error kept). */
export const MAX_MAIL_ATTEMPTS = 8;

const FIRST_RETRY_MS = 30_000;
const LONGEST_PAUSE_MS = 60 * 60_000;

/**
 * The pause before the next attempt after `failures` failed ones: 30 s, 1 min, 2 min, … doubling
 * up to an hour. With MAX_MAIL_ATTEMPTS = 8, a mail is tried for a little over an hour.
 */
export function retryDelayMs(failures: number): number {
  const n = Math.max(1, Math.floor(failures));
  return Math.min(FIRST_RETRY_MS * 2 ** (n - 1), LONGEST_PAUSE_MS);
}

/** What happens after a failed attempt: try again at `nextAt`, or give up. */
export function afterFailure(
  failures: number,
  now: Date,
): { state: 'pending'; nextAt: Date } | { state: 'failed' } {
  if (failures >= MAX_MAIL_ATTEMPTS) return { state: 'failed' };
  return { state: 'pending', nextAt: new Date(now.getTime() + retryDelayMs(failures)) };
}

export const DIGEST_FREQUENCIES = ['daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export type DigestSettings = {
  frequency: string;
  /** local hour, 0–23 */
  hour: number;
  /** for weekly digests: 1 = Monday … 7 = Sunday */
  weekday: number;
};

/**
 * The latest digest time at or before `now`: today's (or this week's) local hour in the time
 * zone, else the one before. A digest holds the notifications that arrived before it.
 *
 * Each candidate is built from its calendar day and the chosen hour, never by moving another
 * slot by whole days: on the day clocks spring forward the chosen hour may not exist (02:00 in
 * Berlin becomes 03:00), and a slot derived from that one would carry 03:00 into the days
 * around it, so a digest already sent at 02:00 the day before would look owed again.
 */
export function latestDigestSlot(settings: DigestSettings, now: Date, timeZone: string): Date {
  const hour = Math.min(23, Math.max(0, Math.floor(settings.hour)));
  const local = new TZDate(now.getTime(), timeZone);
  const weekly = settings.frequency === 'weekly';
  const weekday = Math.min(7, Math.max(1, Math.floor(settings.weekday)));
  // days back from today's local date to the period's day (weekly: the chosen weekday)
  const back = weekly ? (getISODay(local) - weekday + 7) % 7 : 0;
  const slotOn = (daysBack: number) => {
    // calendar arithmetic on the local date alone (UTC has no clock changes)
    const day = new Date(
      Date.UTC(local.getFullYear(), local.getMonth(), local.getDate() - daysBack),
    );
    return new TZDate(
      day.getUTCFullYear(),
      day.getUTCMonth(),
      day.getUTCDate(),
      hour,
      0,
      0,
      0,
      timeZone,
    ).getTime();
  };
  let slot = slotOn(back);
  if (slot > now.getTime()) slot = slotOn(back + (weekly ? 7 : 1));
  return new Date(slot);
}

/** Whether a digest is due: its latest time has passed since the last one went out. */
export function digestDue(
  settings: DigestSettings,
  lastDigestAt: Date | null,
  now: Date,
  timeZone: string,
): Date | null {
  const slot = latestDigestSlot(settings, now, timeZone);
  return !lastDigestAt || lastDigestAt.getTime() < slot.getTime() ? slot : null;
}
