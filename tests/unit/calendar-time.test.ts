import { describe, expect, it } from 'vitest';
import { deriveDeadlines } from '~/domain/calendar/deadlines';
import { weekRange } from '~/domain/calendar/weeks';

const TZ = 'Europe/Berlin';

describe('weekRange', () => {
  it('starts on Monday at local midnight', () => {
    // Wednesday 2 December 2026, 10:00 UTC (11:00 in Berlin, winter time)
    const { start, end } = weekRange(new Date('2026-12-02T10:00:00Z'), TZ);
    expect(start.toISOString()).toBe('2026-11-29T23:00:00.000Z');
    expect(end.toISOString()).toBe('2026-12-06T23:00:00.000Z');
  });

  it('spans 167 hours in the week summer time starts (29 March 2026)', () => {
    const { start, end } = weekRange(new Date('2026-03-27T12:00:00Z'), TZ);
    expect(start.toISOString()).toBe('2026-03-22T23:00:00.000Z');
    expect(end.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(167);
  });

  it('spans 169 hours in the week summer time ends (25 October 2026)', () => {
    const { start, end } = weekRange(new Date('2026-10-21T12:00:00Z'), TZ);
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(169);
  });
});

describe('deriveDeadlines', () => {
  it('counts lead days in local time and keeps the local time of day across the spring change', () => {
    // published Tuesday 31 March 2026, 09:00 Berlin (summer time, UTC+2)
    const publishAt = new Date('2026-03-31T07:00:00Z');
    const deadlines = deriveDeadlines(
      publishAt,
      { in_production: 14, in_review: 5, approved: 2 },
      TZ,
    );
    expect(deadlines).toEqual([
      // 17 March 09:00 Berlin is winter time (UTC+1)
      { stage: 'in_production', dueAt: new Date('2026-03-17T08:00:00Z') },
      { stage: 'in_review', dueAt: new Date('2026-03-26T08:00:00Z') },
      { stage: 'approved', dueAt: new Date('2026-03-29T07:00:00Z') },
    ]);
  });

  it('does the same across the autumn change', () => {
    // Tuesday 27 October 2026, 09:00 Berlin (winter time, UTC+1)
    const deadlines = deriveDeadlines(new Date('2026-10-27T08:00:00Z'), { in_review: 3 }, TZ);
    expect(deadlines).toEqual([{ stage: 'in_review', dueAt: new Date('2026-10-24T07:00:00Z') }]);
  });

  it('skips stages without a valid lead time', () => {
    expect(deriveDeadlines(new Date('2026-06-01T07:00:00Z'), { in_review: -1 }, TZ)).toEqual([]);
  });
});
