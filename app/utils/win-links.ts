import { DEFAULT_RESULTS_QUERY, resultsQueryToSearch } from '~/domain/results/table-query';

/**
 * Where an early win on the dashboard leads: a KPI at its target to its goal's page, a piece
 * above its channel's median to the piece, and a channel's first results to the results table
 * filtered to that channel (the results, not the channel's plan).
 */
export type WinTarget =
  | { kind: 'kpiReached'; goalId: string }
  | { kind: 'aboveMedian'; pieceId: string }
  | { kind: 'firstResults'; channel: string };

export function winLink(win: WinTarget): string {
  switch (win.kind) {
    case 'kpiReached':
      return `/strategy/goals/${encodeURIComponent(win.goalId)}`;
    case 'aboveMedian':
      return `/calendar/${encodeURIComponent(win.pieceId)}`;
    case 'firstResults':
      return `/results${resultsQueryToSearch({ ...DEFAULT_RESULTS_QUERY, channel: win.channel })}`;
  }
}
