// What pieces achieved, in sums an expert reads, and whether a need's serving pieces perform
// against their channel's median.
import { describe, expect, it } from 'vitest';
import type { Observation } from '~/domain/results/aggregate';
import { impactSummary, pieceResults } from '~/domain/results/impact';
import { channelMedians, needVerdict } from '~/domain/results/needs';

let n = 0;
const obs = (pieceId: string, channel: string, metric: string, value: number, end = '2026-10-31') =>
  ({
    id: `o${++n}`,
    metric,
    value,
    periodStart: '2026-10-01',
    periodEnd: end,
    subject: 'piece',
    pieceId,
    channel: null,
    audienceId: null,
    createdAt: '2026-11-01T00:00:00Z',
    piece: { channel, audienceIds: [] },
  }) satisfies Observation;

describe('pieceResults and impactSummary', () => {
  it('aggregates each metric by its rule, the channel’s main metric first', () => {
    expect(
      pieceResults('podcast', [
        obs('p', 'podcast', 'mentions', 3),
        obs('p', 'podcast', 'podcast_downloads_30d', 900, '2026-10-31'),
        obs('p', 'podcast', 'podcast_downloads_30d', 1240, '2026-11-30'),
      ]),
    ).toEqual([
      { metric: 'podcast_downloads_30d', value: 1240 },
      { metric: 'mentions', value: 3 },
    ]);
  });

  it('adds up counted metrics over pieces, never scores', () => {
    expect(
      impactSummary([
        {
          results: [
            { metric: 'page_views', value: 100 },
            { metric: 'nps', value: 40 },
          ],
        },
        { results: [{ metric: 'page_views', value: 50 }] },
        { results: [] },
      ]),
    ).toEqual({ pieces: 3, withResults: 2, totals: [{ metric: 'page_views', value: 150 }] });
  });
});

describe('needVerdict', () => {
  const context = channelMedians([
    obs('a', 'blog', 'page_views', 100),
    obs('b', 'blog', 'page_views', 200),
    obs('c', 'blog', 'page_views', 300),
    obs('c', 'blog', 'visitors', 99999),
    obs('w', 'webinar', 'webinar_attendees', 10),
  ]);

  it('says unserved without published pieces', () => {
    expect(needVerdict([], context)).toBe('unserved');
  });

  it('says performing when a serving piece reaches its channel’s median, weak otherwise', () => {
    expect(needVerdict([{ id: 'b', channel: 'blog' }], context)).toBe('performing');
    expect(needVerdict([{ id: 'a', channel: 'blog' }], context)).toBe('weak');
    expect(
      needVerdict(
        [
          { id: 'a', channel: 'blog' },
          { id: 'c', channel: 'blog' },
        ],
        context,
      ),
    ).toBe('performing');
  });

  it('does not call a piece without results weak, and needs enough pieces for a median', () => {
    expect(needVerdict([{ id: 'x', channel: 'blog' }], context)).toBe('noResults');
    // one webinar with results: no median to fall short of
    expect(needVerdict([{ id: 'w', channel: 'webinar' }], context)).toBe('performing');
  });
});
