import { TZDate } from '@date-fns/tz';
import { getISODay, subDays } from 'date-fns';

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
 */
export function latestDigestSlot(settings: DigestSettings, now: Date, timeZone: string): Date {
  const hour = Math.min(23, Math.max(0, Math.floor(settings.hour)));
  const local = new TZDate(now.getTime(), timeZone);
  let slot = new TZDate(
    local.getFullYear(),
    local.getMonth(),
    local.getDate(),
    hour,
    0,
    0,
    0,
    timeZone,
  );
  const weekly = settings.frequency === 'weekly';
  if (weekly) {
    const weekday = Math.min(7, Math.max(1, Math.floor(settings.weekday)));
    slot = subDays(slot, (getISODay(local) - weekday + 7) % 7);
  }
  if (slot.getTime() > now.getTime()) slot = subDays(slot, weekly ? 7 : 1);
  return new Date(slot.getTime());
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
