import { describe, expect, it } from 'vitest';
import { contentMatrix, matrixPeriods, SUGGESTED_MIN_SHARE } from '~/domain/strategy/matrix';
import { goalCoverage } from '~/domain/strategy/coverage';
import { goalMix, MIX_MIN_PIECES, MIX_TOLERANCE } from '~/domain/strategy/mix';
import { suggestChannelMix, type TechnographicsProfile } from '~/domain/strategy/technographics';

const now = new Date('2027-01-04T09:00:00Z');
const inWeek = (n: number) => new Date(now.getTime() + n * 7 * 24 * 3600 * 1000 + 3600_000);
const goal = (id: string, weight: number, status = 'agreed') => ({
  id,
  title: `Goal ${id}`,
  status,
  weight,
});
const piece = (goalIds: string[], week = 1, status = 'planned') => ({
  status,
  publishAt: inWeek(week),
  goalIds,
});

describe('goals pursued in the window', () => {
  // the window runs from 2027-01-04 for six weeks, to 2027-02-15
  const ended = { ...goal('ended', 50), periodStart: '2026-01-01', periodEnd: '2027-01-03' };
  const later = { ...goal('later', 50), periodStart: '2027-02-16', periodEnd: '2027-12-31' };
  const current = { ...goal('current', 50), periodStart: '2027-01-01', periodEnd: '2027-01-04' };
  const starting = { ...goal('starting', 50), periodStart: '2027-02-15', periodEnd: '2027-06-30' };

  it('leaves goals whose period has ended or not begun out of coverage', () => {
    const coverage = goalCoverage({ goals: [ended, later, current, starting], pieces: [], now });
    expect(coverage.map((c) => c.goal.id).sort()).toEqual(['current', 'starting']);
  });

  it('gives an ended goal no wanted share of the coming pieces', () => {
    const mix = goalMix({
      goals: [ended, current],
      pieces: [piece(['current']), piece(['current'], 2), piece(['current'], 3)],
      now,
    });
    expect(mix.rows.map((r) => [r.goal.id, r.wantedShare])).toEqual([['current', 100]]);
    expect(mix.under).toEqual([]);
  });
});

describe('goal mix', () => {
  it('sets each agreed goal’s planned share against its weight and flags strays', () => {
    const mix = goalMix({
      goals: [goal('a', 60), goal('b', 40)],
      // a: 1 of 5 planned (20 % against 60 %), b: 4 of 5 (80 % against 40 %)
      pieces: [piece(['a']), piece(['b']), piece(['b'], 2), piece(['b'], 3), piece(['b'], 4)],
      now,
    });
    expect(mix.judged).toBe(true);
    expect(mix.total).toBe(5);
    const [a, b] = mix.rows;
    expect(a).toMatchObject({ planned: 1, plannedShare: 20, wantedShare: 60, verdict: 'under' });
    expect(b).toMatchObject({ planned: 4, plannedShare: 80, wantedShare: 40, verdict: 'over' });
    expect(mix.under.map((r) => r.goal.id)).toEqual(['a']);
    expect(mix.over.map((r) => r.goal.id)).toEqual(['b']);
  });

  it('leaves a goal within the tolerance unflagged, and flags just beyond it', () => {
    // wanted 50/50; 4 of 6 planned for a is 66.7 % (16.7 points over the tolerance of 15)
    const over = goalMix({
      goals: [goal('a', 1), goal('b', 1)],
      pieces: [...Array(4)].map(() => piece(['a'])).concat([piece(['b']), piece(['b'])]),
      now,
    });
    expect(MIX_TOLERANCE).toBe(15);
    expect(over.rows.find((r) => r.goal.id === 'a')?.verdict).toBe('over');
    // 3 of 5 is 60 %: 10 points, within
    const within = goalMix({
      goals: [goal('a', 1), goal('b', 1)],
      pieces: [piece(['a']), piece(['a']), piece(['a']), piece(['b']), piece(['b'])],
      now,
    });
    expect(within.rows.every((r) => r.verdict === 'fits')).toBe(true);
    expect(within.under).toEqual([]);
  });

  it('counts a piece serving several agreed goals in equal parts', () => {
    const mix = goalMix({
      goals: [goal('a', 1), goal('b', 1), goal('c', 1)],
      pieces: [piece(['a', 'b']), piece(['a', 'b']), piece(['c']), piece(['a', 'a'])],
      now,
    });
    expect(mix.total).toBe(4);
    const byId = Object.fromEntries(mix.rows.map((r) => [r.goal.id, r]));
    expect(byId.a?.planned).toBe(2);
    expect(byId.b?.planned).toBe(1);
    expect(byId.c?.planned).toBe(1);
    expect(mix.rows.reduce((s, r) => s + r.plannedShare, 0)).toBeCloseTo(100);
  });

  it('ignores links to goals that are not agreed, and reports pieces serving no agreed goal', () => {
    const mix = goalMix({
      goals: [goal('a', 10), goal('p', 90, 'proposed'), goal('r', 50, 'retired')],
      pieces: [piece(['a', 'p']), piece(['p']), piece([]), piece(['r'])],
      now,
      minPieces: 1,
    });
    expect(mix.rows.map((r) => r.goal.id)).toEqual(['a']);
    expect(mix.rows[0]).toMatchObject({ planned: 1, plannedShare: 100, wantedShare: 100 });
    expect(mix.total).toBe(1);
    expect(mix.unlinked).toBe(3);
  });

  it('counts only planned pieces inside the window', () => {
    const mix = goalMix({
      goals: [goal('a', 1)],
      pieces: [
        piece(['a'], 1),
        piece(['a'], 1, 'idea'),
        piece(['a'], 1, 'cancelled'),
        piece(['a'], 7),
        piece(['a'], -1),
        { status: 'planned', publishAt: null, goalIds: ['a'] },
      ],
      now,
      weeks: 6,
    });
    expect(mix.total).toBe(1);
    expect(mix.unlinked).toBe(0);
  });

  it('has nothing to compare without agreed goals', () => {
    const mix = goalMix({ goals: [goal('p', 5, 'proposed')], pieces: [piece(['p'])], now });
    expect(mix.rows).toEqual([]);
    expect(mix.total).toBe(0);
    expect(mix.unlinked).toBe(1);
    expect(mix.judged).toBe(false);
  });

  it('wants every goal equally when no weight is positive, and none of a zero-weight goal', () => {
    const equal = goalMix({ goals: [goal('a', 0), goal('b', 0)], pieces: [], now });
    expect(equal.rows.map((r) => r.wantedShare)).toEqual([50, 50]);
    const zero = goalMix({
      goals: [goal('a', 3), goal('z', 0), goal('n', Number.NaN)],
      pieces: [piece(['z']), piece(['z']), piece(['z'])],
      now,
    });
    const byId = Object.fromEntries(zero.rows.map((r) => [r.goal.id, r]));
    expect(byId.a).toMatchObject({ wantedShare: 100, plannedShare: 0, verdict: 'under' });
    expect(byId.z).toMatchObject({ wantedShare: 0, plannedShare: 100, verdict: 'over' });
    expect(byId.n?.wantedShare).toBe(0);
  });

  it('does not judge a mix of too few pieces', () => {
    const pieces = [...Array(MIX_MIN_PIECES - 1)].map(() => piece(['a']));
    const mix = goalMix({ goals: [goal('a', 1), goal('b', 1)], pieces, now });
    expect(mix.judged).toBe(false);
    expect(mix.rows.every((r) => r.verdict === 'fits')).toBe(true);
    expect(mix.rows.find((r) => r.goal.id === 'a')?.plannedShare).toBe(100);
  });
});

const SPECTATORS: TechnographicsProfile = {
  creators: 5,
  conversationalists: 5,
  critics: 10,
  collectors: 10,
  joiners: 20,
  spectators: 80,
  inactives: 10,
};

describe('matrix periods', () => {
  it('runs from the month (or quarter) holding today, across year ends', () => {
    expect(matrixPeriods('2026-11-15', 3)).toEqual([
      { key: '2026-11', granularity: 'month', from: '2026-11-01', to: '2026-12-01' },
      { key: '2026-12', granularity: 'month', from: '2026-12-01', to: '2027-01-01' },
      { key: '2027-01', granularity: 'month', from: '2027-01-01', to: '2027-02-01' },
    ]);
    expect(matrixPeriods('2026-11-15', 2, 'quarter')).toEqual([
      { key: '2026-Q4', granularity: 'quarter', from: '2026-10-01', to: '2027-01-01' },
      { key: '2027-Q1', granularity: 'quarter', from: '2027-01-01', to: '2027-04-01' },
    ]);
    expect(matrixPeriods('2026-11-15', 0)).toEqual([]);
  });
});

describe('content strategy matrix', () => {
  const periods = matrixPeriods('2027-01-10', 2);
  const audiences = [
    { id: 'w', name: 'Wearers', profile: SPECTATORS },
    { id: 'o', name: 'Opticians', profile: null },
  ];
  const at = (day: string, hour = 10) => `${day}T${String(hour).padStart(2, '0')}:00:00Z`;

  it('counts planned pieces per audience, channel and period, in the workspace’s time zone', () => {
    const m = contentMatrix({
      audiences,
      periods,
      timeZone: 'Europe/Berlin',
      pieces: [
        { channel: 'podcast', status: 'planned', publishAt: at('2027-01-12'), audienceIds: ['w'] },
        // 23:30 UTC on 31 January is 1 February in Berlin
        {
          channel: 'podcast',
          status: 'scheduled',
          publishAt: at('2027-01-31', 23),
          audienceIds: ['w', 'o'],
        },
        { channel: 'blog', status: 'idea', publishAt: at('2027-01-12'), audienceIds: ['w'] },
        { channel: 'blog', status: 'planned', publishAt: at('2027-03-12'), audienceIds: ['w'] },
        { channel: 'blog', status: 'planned', publishAt: null, audienceIds: ['w'] },
      ],
    });
    expect(m.total).toBe(2);
    const wearers = m.rows.find((r) => r.audience?.id === 'w');
    const opticians = m.rows.find((r) => r.audience?.id === 'o');
    expect(wearers?.cells.find((c) => c.channel === 'podcast')?.counts).toEqual([1, 1]);
    expect(opticians?.cells.find((c) => c.channel === 'podcast')?.counts).toEqual([0, 1]);
    expect(wearers?.cells.find((c) => c.channel === 'blog')?.counts).toEqual([0, 0]);
    expect(m.rows.map((r) => r.audience?.name)).toEqual(['Opticians', 'Wearers']);
  });

  it('flags the empty cells of channels the profile suggests, and only those', () => {
    const m = contentMatrix({
      audiences,
      periods,
      timeZone: 'UTC',
      pieces: [
        { channel: 'podcast', status: 'planned', publishAt: at('2027-01-12'), audienceIds: ['w'] },
      ],
    });
    const suggested = suggestChannelMix(SPECTATORS)
      .filter((s) => s.share >= SUGGESTED_MIN_SHARE)
      .map((s) => s.channel)
      .sort();
    expect(suggested).toEqual(['blog', 'podcast', 'whitepaper']);
    const wearers = m.rows.find((r) => r.audience?.id === 'w');
    expect(wearers?.cells.find((c) => c.channel === 'podcast')?.gaps).toEqual([false, true]);
    expect(wearers?.cells.find((c) => c.channel === 'whitepaper')?.gaps).toEqual([true, true]);
    expect(wearers?.cells.find((c) => c.channel === 'blog')?.gaps).toEqual([true, true]);
    expect(wearers?.cells.find((c) => c.channel === 'webinar')?.gaps).toEqual([false, false]);
    // an audience without a profile has no suggestions, so no gaps
    const opticians = m.rows.find((r) => r.audience?.id === 'o');
    expect(opticians?.hasProfile).toBe(false);
    expect(opticians?.cells.every((c) => !c.suggested && c.gaps.every((g) => !g))).toBe(true);
    expect(m.gaps).toEqual([
      {
        audience: { id: 'w', name: 'Wearers' },
        channel: 'blog',
        periods: ['2027-01', '2027-02'],
        suggestedShare: expect.any(Number),
      },
      {
        audience: { id: 'w', name: 'Wearers' },
        channel: 'podcast',
        periods: ['2027-02'],
        suggestedShare: expect.any(Number),
      },
      {
        audience: { id: 'w', name: 'Wearers' },
        channel: 'whitepaper',
        periods: ['2027-01', '2027-02'],
        suggestedShare: expect.any(Number),
      },
    ]);
  });

  it('counts pieces for no audience (or an unknown one) in a row of their own', () => {
    const m = contentMatrix({
      audiences,
      periods,
      timeZone: 'UTC',
      pieces: [
        { channel: 'blog', status: 'planned', publishAt: at('2027-01-12'), audienceIds: [] },
        { channel: 'blog', status: 'planned', publishAt: at('2027-02-12'), audienceIds: ['gone'] },
        { channel: 'fax', status: 'planned', publishAt: at('2027-02-12'), audienceIds: [] },
      ],
    });
    expect(m.total).toBe(2);
    const none = m.rows.at(-1);
    expect(none?.audience).toBeNull();
    expect(none?.cells.find((c) => c.channel === 'blog')?.counts).toEqual([1, 1]);
    expect(m.gaps.every((g) => g.audience.id === 'w')).toBe(true);
  });

  it('is empty without audiences and pieces, and has no row for pieces-without-audience then', () => {
    const m = contentMatrix({ audiences: [], pieces: [], periods, timeZone: 'UTC' });
    expect(m.rows).toEqual([]);
    expect(m.gaps).toEqual([]);
    expect(m.total).toBe(0);
    expect(m.channels).toEqual(['blog', 'podcast', 'whitepaper', 'webinar']);
  });
});
