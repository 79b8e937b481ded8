// Results due 7, 30 and 90 days after publication: the latest window begun, until the next
// one begins, answered by any figure that covers the window.
import { describe, expect, it } from 'vitest';
import { resultsDue, type DuePiece } from '~/domain/results/due';

const piece = (publishedOn: string, observedUntil: string[] = []): DuePiece => ({
  id: `p-${publishedOn}`,
  title: `Piece of ${publishedOn}`,
  ownerId: 'u1',
  publishedOn,
  observedUntil,
});

describe('resultsDue', () => {
  const today = '2026-12-03';

  it('asks for nothing in the first week', () => {
    expect(resultsDue([piece('2026-11-27')], today)).toEqual([]);
  });

  it('asks for the first week’s numbers from day 7 on, once per piece and window', () => {
    expect(resultsDue([piece('2026-11-26')], today)).toEqual([
      {
        pieceId: 'p-2026-11-26',
        title: 'Piece of 2026-11-26',
        ownerId: 'u1',
        window: 7,
        dueOn: '2026-12-03',
        dedupeKey: 'results.due:p-2026-11-26:7',
      },
    ]);
  });

  it('asks only for the latest window begun', () => {
    const due = resultsDue([piece('2026-10-20'), piece('2026-08-20')], today);
    expect(due.map((d) => [d.pieceId, d.window])).toEqual([
      ['p-2026-08-20', 90],
      ['p-2026-10-20', 30],
    ]);
  });

  it('counts a figure whose period ends on or after the window’s day as the answer', () => {
    expect(resultsDue([piece('2026-10-20', ['2026-11-18'])], today)).toHaveLength(1);
    expect(resultsDue([piece('2026-10-20', ['2026-11-19'])], today)).toEqual([]);
  });

  it('stops asking 30 days after the last window', () => {
    expect(resultsDue([piece('2026-08-06')], today)).toHaveLength(1); // day 119
    expect(resultsDue([piece('2026-08-05')], today)).toEqual([]); // day 120
  });
});
