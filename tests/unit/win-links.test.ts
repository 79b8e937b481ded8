// Where the dashboard's early wins lead: each to what it is about, a channel's first results to
// the results of that channel.
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '~/domain/calendar/vocabulary';
import { parseResultsQuery } from '~/domain/results/table-query';
import { winLink } from '~/utils/win-links';

describe('early win links', () => {
  it('lead from a channel’s first results to the results table filtered to that channel', () => {
    for (const channel of CHANNELS) {
      const url = new URL(winLink({ kind: 'firstResults', channel }), 'http://lotse.test');
      expect(url.pathname).toBe('/results');
      expect(parseResultsQuery(url.searchParams)).toMatchObject({ channel, goal: '', expert: '' });
    }
    expect(winLink({ kind: 'firstResults', channel: 'podcast' })).toBe('/results?channel=podcast');
  });

  it('lead from a KPI at its target to its goal, and from a strong piece to the piece', () => {
    expect(winLink({ kind: 'kpiReached', goalId: 'g1' })).toBe('/strategy/goals/g1');
    expect(winLink({ kind: 'aboveMedian', pieceId: 'p1' })).toBe('/calendar/p1');
  });
});
