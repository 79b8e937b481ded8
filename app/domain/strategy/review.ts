/**
 * The review cadence: when the strategy is next reviewed. Days are ISO calendar days
 * (YYYY-MM-DD), computed without time zones.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the text is a real calendar day (YYYY-MM-DD). */
export function isIsoDay(value: string | null | undefined): value is string {
  const m = value ? ISO_DAY.exec(value) : null;
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return (
    y >= 1900 &&
    y <= 2999 &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d
  );
}

/** The day `months` months after `day`; the end of a shorter month is kept (31 Aug + 6 = 28/29 Feb). */
export function addMonthsToDay(day: string, months: number): string {
  const m = ISO_DAY.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1 + months, Number(m[3])];
  const year = y + Math.floor(mo / 12);
  const month = ((mo % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const date = new Date(Date.UTC(year, month, Math.min(d, last)));
  return date.toISOString().slice(0, 10);
}

/**
 * The day of the next review: the cadence after the last review. Before the first review it
 * counts from `since` (the day the strategy started), or there is none yet. An overdue review
 * stays on its day (the page marks it), so a missed review is not silently moved on.
 */
export function nextReviewDay({
  lastReviewOn,
  cadenceMonths,
  since = null,
}: {
  lastReviewOn: string | null;
  cadenceMonths: number;
  since?: string | null;
}): string | null {
  const from = isIsoDay(lastReviewOn) ? lastReviewOn : isIsoDay(since) ? since : null;
  return from ? addMonthsToDay(from, cadenceMonths) : null;
}

/** Whether the review day has passed (`today` is the workspace's current day). */
export function isReviewOverdue(nextReview: string, today: string): boolean {
  return nextReview < today;
}
