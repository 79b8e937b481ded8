import { daysBetween } from './dates';

/**
 * Results due: Lotse asks for a published piece's numbers 7, 30 and 90 days after its
 * publication. A window is due from its day on (publication day + its days) until the next
 * window's day (for the last window: RESULTS_DUE_GRACE_DAYS more days), and answered by any
 * observation of the piece whose period ends on or after the window's day, since such a figure
 * covers at least the window's days. Only the latest window that has begun is asked for: at day
 * 40 without any numbers Lotse asks for the 30 days, not also for the first week.
 */
export const RESULTS_WINDOWS = [7, 30, 90] as const;
export type ResultsWindow = (typeof RESULTS_WINDOWS)[number];
/** how long the last window stays open before Lotse stops asking */
export const RESULTS_DUE_GRACE_DAYS = 30;

export type DuePiece = {
  id: string;
  title: string;
  ownerId: string | null;
  /** the publication day (ISO, in the workspace's zone) */
  publishedOn: string;
  /** the last days of the periods of the piece's observations */
  observedUntil: readonly string[];
};

export type ResultsDue = {
  pieceId: string;
  title: string;
  ownerId: string | null;
  window: ResultsWindow;
  /** the day the window's numbers are due from */
  dueOn: string;
  /** names exactly this piece's window, so a reminder is written once */
  dedupeKey: string;
};

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The windows whose numbers are due today and not in yet, one per piece at most. */
export function resultsDue(pieces: readonly DuePiece[], today: string): ResultsDue[] {
  const due: ResultsDue[] = [];
  for (const piece of pieces) {
    const age = daysBetween(piece.publishedOn, today);
    const index = RESULTS_WINDOWS.findLastIndex((w) => age >= w);
    if (index < 0) continue;
    const window = RESULTS_WINDOWS[index]!;
    const closesAt = RESULTS_WINDOWS[index + 1] ?? window + RESULTS_DUE_GRACE_DAYS;
    if (age >= closesAt) continue;
    const dueOn = addDays(piece.publishedOn, window);
    if (piece.observedUntil.some((end) => end >= dueOn)) continue;
    due.push({
      pieceId: piece.id,
      title: piece.title,
      ownerId: piece.ownerId,
      window,
      dueOn,
      dedupeKey: `results.due:${piece.id}:${window}`,
    });
  }
  return due.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title));
}
