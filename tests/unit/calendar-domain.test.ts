import { TZDate } from '@date-fns/tz';
import { format, startOfWeek } from 'date-fns';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarQueryToSearch, parseCalendarQuery } from '~/domain/calendar/calendar-query';
import {
  fromLocalInput,
  localDay,
  localWeekStart,
  monthGrid,
  moveToDay,
  shiftAnchor,
  toLocalInput,
  weekGrid,
} from '~/domain/calendar/grid';
import { buildFeed, type FeedPiece } from '~/domain/calendar/ical';
import {
  audienceCoverage,
  cadenceGaps,
  overloads,
  type PlannedPiece,
} from '~/domain/calendar/planning';
import { nextStatuses, overdueStages, pieceTransition } from '~/domain/calendar/workflow';

const TZ = 'Europe/Berlin';
const editor = { canPlan: true, canApprove: false, isContributor: false };
const expert = { canPlan: false, canApprove: false, isContributor: true };
const management = { canPlan: false, canApprove: true, isContributor: false };
const dated = { publishAt: '2026-12-01T08:00:00Z' };

describe('piece workflow', () => {
  it('moves one step forward or any steps back, for editors', () => {
    expect(pieceTransition('idea', 'planned', editor, dated)).toEqual({ ok: true });
    expect(pieceTransition('idea', 'in_review', editor, dated)).toEqual({
      ok: false,
      problem: 'wrongStatus',
    });
    expect(pieceTransition('in_review', 'in_production', editor, dated)).toEqual({ ok: true });
    expect(pieceTransition('published', 'scheduled', editor, dated)).toEqual({
      ok: false,
      problem: 'wrongStatus',
    });
  });
  it('needs a date to schedule', () => {
    expect(pieceTransition('approved', 'scheduled', editor, { publishAt: null })).toEqual({
      ok: false,
      problem: 'needsDate',
    });
  });
  it('lets experts hand in and management approve, nothing more', () => {
    expect(pieceTransition('in_production', 'in_review', expert, dated)).toEqual({ ok: true });
    expect(pieceTransition('in_review', 'approved', expert, dated)).toEqual({
      ok: false,
      problem: 'notAllowed',
    });
    expect(pieceTransition('in_review', 'approved', management, dated)).toEqual({ ok: true });
    expect(pieceTransition('planned', 'cancelled', expert, dated)).toEqual({
      ok: false,
      problem: 'notAllowed',
    });
    expect(nextStatuses('in_review', management, dated)).toEqual(['approved']);
  });
  it('flags deadlines passed before the stage was reached', () => {
    const deadlines = [
      { stage: 'in_production', dueAt: '2026-11-01T08:00:00Z' },
      { stage: 'in_review', dueAt: '2026-11-20T08:00:00Z' },
      { stage: 'approved', dueAt: '2026-12-20T08:00:00Z' },
    ];
    const now = new Date('2026-11-28T10:00:00Z');
    expect(overdueStages('in_production', deadlines, now)).toEqual(['in_review']);
    expect(overdueStages('planned', deadlines, now)).toEqual(['in_production', 'in_review']);
    expect(overdueStages('cancelled', deadlines, now)).toEqual([]);
  });
});

describe('calendar grid', () => {
  it('finds the local day and week of any instant as date-fns does, remembered or not', () => {
    const zones = [TZ, 'America/New_York', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const local = new TZDate(ms, zone);
          const expectedDay = format(local, 'yyyy-MM-dd');
          const expectedWeek = format(startOfWeek(local, { weekStartsOn: 1 }), 'yyyy-MM-dd');
          for (let round = 0; round < 2; round++) {
            expect(localDay(new Date(ms), zone)).toBe(expectedDay);
            expect(localWeekStart(new Date(ms), zone)).toBe(expectedWeek);
          }
        },
      ),
      { numRuns: 2000 },
    );
    // the last minute of a Berlin day and the first of the next, twice over
    for (let round = 0; round < 2; round++) {
      expect(localDay('2026-11-29T22:59:59.999Z', TZ)).toBe('2026-11-29');
      expect(localDay('2026-11-29T23:00:00.000Z', TZ)).toBe('2026-11-30');
      expect(localWeekStart('2026-11-29T22:59:59.999Z', TZ)).toBe('2026-11-23');
      expect(localWeekStart('2026-11-29T23:00:00.000Z', TZ)).toBe('2026-11-30');
    }
  });
  it('hands out a fresh grid each time, so no caller can change another one', () => {
    const first = monthGrid('2026-11-15', TZ);
    first[0]![0]!.start.setTime(0);
    first[0]![0]!.date = 'changed';
    const second = monthGrid('2026-11-03', TZ);
    expect(second[0]![0]!.date).toBe('2026-10-26');
    expect(second[0]![0]!.start.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    const week = weekGrid('2026-11-15', TZ);
    week[0]!.end.setTime(0);
    expect(weekGrid('2026-11-15', TZ)[0]!.end.toISOString()).toBe('2026-11-09T23:00:00.000Z');
  });
  it('shows whole weeks from Monday', () => {
    const weeks = monthGrid('2026-11-15', TZ);
    expect(weeks[0]![0]!.date).toBe('2026-10-26');
    expect(weeks.at(-1)!.at(-1)!.date).toBe('2026-12-06');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });
  it('has days of 23 and 25 hours at the daylight-saving changes', () => {
    const march = weekGrid('2026-03-29', TZ);
    const sunday = march.find((d) => d.date === '2026-03-29')!;
    expect((sunday.end.getTime() - sunday.start.getTime()) / 3_600_000).toBe(23);
    const october = weekGrid('2026-10-25', TZ);
    const change = october.find((d) => d.date === '2026-10-25')!;
    expect((change.end.getTime() - change.start.getTime()) / 3_600_000).toBe(25);
  });
  it('keeps the local time of day when moving across a change', () => {
    const friday = new Date('2026-03-27T08:00:00Z'); // 09:00 in Berlin, winter time
    const monday = moveToDay(friday, '2026-03-30', TZ);
    expect(monday.toISOString()).toBe('2026-03-30T07:00:00.000Z'); // 09:00 in Berlin, summer time
    expect(localDay(monday, TZ)).toBe('2026-03-30');
  });
  it('reads and writes local date-times of forms', () => {
    expect(fromLocalInput('2026-10-26T09:30', TZ)?.toISOString()).toBe('2026-10-26T08:30:00.000Z');
    expect(fromLocalInput('26.10.2026', TZ)).toBeNull();
    expect(toLocalInput('2026-10-24T07:30:00Z', TZ)).toBe('2026-10-24T09:30');
  });
  it('steps by month and week', () => {
    expect(shiftAnchor('2026-01-31', 'month', 1, TZ)).toBe('2026-02-28');
    expect(shiftAnchor('2026-03-27', 'week', 1, TZ)).toBe('2026-04-03');
  });
  it('keeps view and filters in the URL', () => {
    const q = parseCalendarQuery(
      new URLSearchParams('view=week&date=2026-03-29&channel=blog&channel=nope&owner=abc'),
    );
    expect(q).toMatchObject({ view: 'week', date: '2026-03-29', channel: ['blog'], owner: 'abc' });
    expect(calendarQueryToSearch(q)).toBe('?view=week&date=2026-03-29&channel=blog&owner=abc');
    expect(parseCalendarQuery(new URLSearchParams('view=x&date=2026-13-45'))).toMatchObject({
      view: 'month',
      date: null,
    });
  });
  it('keeps the goal filter in the URL, and drops a goal that is no id', () => {
    const q = parseCalendarQuery(new URLSearchParams('view=agenda&goal=cm1goal_42'));
    expect(q.goal).toBe('cm1goal_42');
    expect(calendarQueryToSearch(q)).toBe('?view=agenda&goal=cm1goal_42');
    expect(calendarQueryToSearch(q, { goal: '' })).toBe('?view=agenda');
    expect(parseCalendarQuery(new URLSearchParams('goal=a%20b')).goal).toBe('');
    expect(parseCalendarQuery(new URLSearchParams(`goal=${'x'.repeat(41)}`)).goal).toBe('');
    expect(parseCalendarQuery(new URLSearchParams()).goal).toBe('');
  });
});

describe('planning aids', () => {
  const piece = (over: Partial<PlannedPiece>): PlannedPiece => ({
    id: Math.random().toString(36),
    title: 'P',
    channel: 'blog',
    status: 'planned',
    publishAt: '2026-12-01T08:00:00Z',
    experts: [],
    audiences: [],
    ...over,
  });
  it('finds weeks below the cadence target', () => {
    const pieces = [
      piece({ publishAt: '2026-11-30T08:00:00Z' }),
      piece({ publishAt: '2026-12-02T08:00:00Z' }),
      piece({ publishAt: '2026-12-08T08:00:00Z' }),
    ];
    const gaps = cadenceGaps(
      pieces,
      [{ channel: 'blog', cadenceCount: 2, cadencePeriod: 'week' }],
      new Date('2026-11-29T23:00:00Z'),
      new Date('2026-12-13T23:00:00Z'),
      TZ,
    );
    expect(gaps).toEqual([
      { channel: 'blog', period: 'week', start: '2026-12-07', planned: 1, target: 2 },
    ]);
  });
  it('finds busy experts and overlapping webinars', () => {
    const pieces = [
      ...[1, 2, 3, 4].map((d) =>
        piece({ title: `B${d}`, publishAt: `2026-12-0${d}T08:00:00Z`, experts: ['Lena'] }),
      ),
      piece({
        title: 'W1',
        channel: 'webinar',
        webinarStart: '2026-12-03T15:00:00Z',
        webinarEnd: '2026-12-03T16:00:00Z',
      }),
      piece({
        title: 'W2',
        channel: 'webinar',
        webinarStart: '2026-12-03T15:30:00Z',
        webinarEnd: '2026-12-03T16:30:00Z',
      }),
      piece({
        title: 'W3',
        channel: 'webinar',
        webinarStart: '2026-12-03T16:30:00Z',
        webinarEnd: '2026-12-03T17:00:00Z',
      }),
    ];
    const result = overloads(pieces, TZ);
    expect(result.busyExperts).toEqual([
      { expert: 'Lena', week: '2026-11-30', pieces: ['B1', 'B2', 'B3', 'B4'] },
    ]);
    expect(result.overlappingWebinars).toEqual([['W1', 'W2']]);
  });
  it('counts pieces per audience and month', () => {
    const coverage = audienceCoverage(
      [
        piece({ audiences: ['Kunden'] }),
        piece({ audiences: ['Kunden'], publishAt: '2027-01-05T08:00:00Z' }),
        piece({ audiences: ['Kunden'], status: 'cancelled' }),
      ],
      TZ,
    );
    expect(Object.fromEntries(coverage.get('Kunden')!)).toEqual({ '2026-12': 1, '2027-01': 1 });
  });
});

describe('iCalendar feed', () => {
  const texts = {
    calendarName: 'Lotse – Test',
    channel: (c: string) => c.toUpperCase(),
    status: (s: string) => `Status: ${s}`,
    deadline: (s: string, t: string) => `${s}: ${t}`,
  };
  const feedPiece = (over: Partial<FeedPiece>): FeedPiece => ({
    id: 'p1',
    title: 'Piece',
    brief: 'Brief',
    channel: 'blog',
    status: 'scheduled',
    publishAt: new Date('2026-03-27T08:00:00Z'),
    webinarStart: null,
    webinarEnd: null,
    updatedAt: new Date('2026-03-01T00:00:00Z'),
    deadlines: [],
    ...over,
  });

  it('parses with a real iCalendar parser and keeps 09:00 Berlin on both sides of the spring change', () => {
    const text = buildFeed(
      [
        feedPiece({
          id: 'before',
          title: 'Friday before',
          publishAt: new Date('2026-03-27T08:00:00Z'),
        }),
        feedPiece({
          id: 'after',
          title: 'Monday after',
          publishAt: new Date('2026-03-30T07:00:00Z'),
        }),
        feedPiece({
          id: 'web',
          title: 'Webinar',
          channel: 'webinar',
          publishAt: new Date('2026-10-26T15:00:00Z'),
          webinarStart: new Date('2026-10-26T15:00:00Z'),
          webinarEnd: new Date('2026-10-26T16:00:00Z'),
        }),
        feedPiece({ id: 'none', publishAt: null }),
      ],
      texts,
      { baseUrl: 'https://lotse.example', timeZone: TZ, deadlines: false },
    );
    const events = new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents('vevent')
      .map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.summary)).toEqual([
      '[BLOG] Friday before',
      '[BLOG] Monday after',
      '[WEBINAR] Webinar',
    ]);
    const berlin = (e: ICAL.Event) =>
      new Intl.DateTimeFormat('de-DE', { timeZone: TZ, hour: '2-digit', minute: '2-digit' }).format(
        e.startDate.toJSDate(),
      );
    expect(events.slice(0, 2).map(berlin)).toEqual(['09:00', '09:00']);
    expect(events[2]!.startDate.toJSDate().toISOString()).toBe('2026-10-26T15:00:00.000Z');
    expect(events[2]!.endDate.toJSDate().toISOString()).toBe('2026-10-26T16:00:00.000Z');
    expect(berlin(events[2]!)).toBe('16:00');
  });

  it('adds stage deadlines on request', () => {
    const text = buildFeed(
      [feedPiece({ deadlines: [{ stage: 'in_review', dueAt: new Date('2026-03-20T08:00:00Z') }] })],
      texts,
      { baseUrl: 'https://lotse.example', timeZone: TZ, deadlines: true },
    );
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    expect(events.map((c) => c.getFirstPropertyValue('summary'))).toEqual([
      '[BLOG] Piece',
      'in_review: Piece',
    ]);
  });
});
