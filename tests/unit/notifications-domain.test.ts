import { describe, expect, it } from 'vitest';
import {
  defaultMode,
  isNotificationEvent,
  mailStateFor,
  NOTIFICATION_EVENTS,
  resolveMode,
} from '~/domain/notifications/events';
import { findMentions } from '~/domain/notifications/mentions';
import { dueReminders, type ReminderPiece } from '~/domain/notifications/reminders';
import {
  afterFailure,
  digestDue,
  latestDigestSlot,
  MAX_MAIL_ATTEMPTS,
  retryDelayMs,
} from '~/domain/notifications/schedule';

describe('notification defaults and preferences', () => {
  it('mails editors about submissions, experts about decisions, management about exemptions', () => {
    expect(defaultMode('knowledge.submitted', ['editor'])).toBe('email');
    expect(defaultMode('knowledge.submitted', ['expert'])).toBe('app');
    for (const e of [
      'knowledge.changes_requested',
      'knowledge.accepted',
      'knowledge.declined',
    ] as const)
      expect(defaultMode(e, ['expert'])).toBe('email');
    expect(defaultMode('knowledge.accepted', ['editor'])).toBe('app');
    expect(defaultMode('exemption.requested', ['management'])).toBe('email');
    expect(defaultMode('exemption.requested', ['editor'])).toBe('app');
    expect(defaultMode('piece.overdue', ['editor', 'management'])).toBe('app');
    // one role that asks for mail is enough
    expect(defaultMode('knowledge.submitted', ['expert', 'editor'])).toBe('email');
  });

  it('lets a person’s own choice win over the default, and ignores unknown modes', () => {
    expect(
      resolveMode(
        'knowledge.submitted',
        ['editor'],
        [{ event: 'knowledge.submitted', mode: 'off' }],
      ),
    ).toBe('off');
    expect(resolveMode('piece.stuck', ['editor'], [{ event: 'piece.stuck', mode: 'digest' }])).toBe(
      'digest',
    );
    expect(
      resolveMode('piece.stuck', ['editor'], [{ event: 'piece.overdue', mode: 'email' }]),
    ).toBe('app');
    expect(
      resolveMode(
        'knowledge.submitted',
        ['editor'],
        [{ event: 'knowledge.submitted', mode: 'loud' }],
      ),
    ).toBe('email');
  });

  it('maps modes to the outbox’s mail states, and keeps everything in the app without mail', () => {
    expect(mailStateFor('off', true)).toBeNull();
    expect(mailStateFor('app', true)).toBe('none');
    expect(mailStateFor('email', true)).toBe('pending');
    expect(mailStateFor('digest', true)).toBe('digest');
    expect(mailStateFor('email', false)).toBe('none');
    expect(mailStateFor('digest', false)).toBe('none');
    expect(mailStateFor('off', false)).toBeNull();
  });

  it('knows its events', () => {
    expect(NOTIFICATION_EVENTS).toContain('comment.mention');
    expect(isNotificationEvent('piece.stuck')).toBe(true);
    expect(isNotificationEvent('piece.gone')).toBe(false);
    expect(isNotificationEvent(42)).toBe(false);
  });
});

describe('retries', () => {
  it('waits twice as long after each failure, up to an hour', () => {
    expect(retryDelayMs(1)).toBe(30_000);
    expect(retryDelayMs(2)).toBe(60_000);
    expect(retryDelayMs(3)).toBe(120_000);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });

  it('gives up after the last attempt', () => {
    const now = new Date('2026-12-03T10:00:00Z');
    expect(afterFailure(1, now)).toEqual({
      state: 'pending',
      nextAt: new Date('2026-12-03T10:00:30Z'),
    });
    expect(afterFailure(MAX_MAIL_ATTEMPTS - 1, now).state).toBe('pending');
    expect(afterFailure(MAX_MAIL_ATTEMPTS, now)).toEqual({ state: 'failed' });
  });
});

describe('digest times', () => {
  const berlin = 'Europe/Berlin';
  it('is today’s local hour once it has passed, else yesterday’s', () => {
    const daily = { frequency: 'daily', hour: 8, weekday: 1 };
    // 08:30 in Berlin (winter, UTC+1)
    expect(latestDigestSlot(daily, new Date('2026-12-03T07:30:00Z'), berlin)).toEqual(
      new Date('2026-12-03T07:00:00Z'),
    );
    // 07:30 in Berlin: still yesterday's
    expect(latestDigestSlot(daily, new Date('2026-12-03T06:30:00Z'), berlin)).toEqual(
      new Date('2026-12-02T07:00:00Z'),
    );
  });

  it('keeps the local hour across a daylight-saving change', () => {
    const daily = { frequency: 'daily', hour: 8, weekday: 1 };
    // Berlin moves to summer time on 29 March 2026: 08:00 local is 06:00 UTC from then on
    expect(latestDigestSlot(daily, new Date('2026-03-29T09:00:00Z'), berlin)).toEqual(
      new Date('2026-03-29T06:00:00Z'),
    );
    expect(latestDigestSlot(daily, new Date('2026-03-29T06:30:00Z'), berlin)).toEqual(
      new Date('2026-03-29T06:00:00Z'),
    );
    expect(latestDigestSlot(daily, new Date('2026-03-29T05:30:00Z'), berlin)).toEqual(
      new Date('2026-03-28T07:00:00Z'),
    );
  });

  it('does not owe a digest again on the night the chosen hour does not exist', () => {
    // 02:00 Berlin on 29 March 2026 does not exist (the clocks jump to 03:00); the day before,
    // 02:00 was 01:00 UTC, and that digest went out
    const daily = { frequency: 'daily', hour: 2, weekday: 1 };
    const sent = new Date('2026-03-28T01:00:00Z');
    // 01:30 Berlin on the 29th: the 28th's digest is the latest, and it was sent
    const night = new Date('2026-03-29T00:30:00Z');
    expect(latestDigestSlot(daily, night, berlin)).toEqual(sent);
    expect(digestDue(daily, sent, night, berlin)).toBeNull();
    // that morning's (at 03:00 summer time) is owed once it has passed
    expect(digestDue(daily, sent, new Date('2026-03-29T05:00:00Z'), berlin)).toEqual(
      new Date('2026-03-29T01:00:00Z'),
    );
    // weekly on Sundays at 02:00: the Sunday before is the latest, at 02:00 winter time
    const sundays = { frequency: 'weekly', hour: 2, weekday: 7 };
    expect(latestDigestSlot(sundays, night, berlin)).toEqual(new Date('2026-03-22T01:00:00Z'));
  });

  it('falls on the chosen weekday for weekly digests', () => {
    // Thursday 3 December 2026; Mondays at 09:00 Berlin
    const weekly = { frequency: 'weekly', hour: 9, weekday: 1 };
    expect(latestDigestSlot(weekly, new Date('2026-12-03T12:00:00Z'), berlin)).toEqual(
      new Date('2026-11-30T08:00:00Z'),
    );
    // Monday 7 December, 08:59 Berlin: the week before's
    expect(latestDigestSlot(weekly, new Date('2026-12-07T07:59:00Z'), berlin)).toEqual(
      new Date('2026-11-30T08:00:00Z'),
    );
    expect(latestDigestSlot(weekly, new Date('2026-12-07T08:00:00Z'), berlin)).toEqual(
      new Date('2026-12-07T08:00:00Z'),
    );
    // Thursday itself, after the hour
    const thursday = { frequency: 'weekly', hour: 9, weekday: 4 };
    expect(latestDigestSlot(thursday, new Date('2026-12-03T12:00:00Z'), berlin)).toEqual(
      new Date('2026-12-03T08:00:00Z'),
    );
  });

  it('is due once per period', () => {
    const daily = { frequency: 'daily', hour: 8, weekday: 1 };
    const now = new Date('2026-12-03T07:30:00Z');
    expect(digestDue(daily, null, now, berlin)).toEqual(new Date('2026-12-03T07:00:00Z'));
    expect(digestDue(daily, new Date('2026-12-02T07:00:00Z'), now, berlin)).toEqual(
      new Date('2026-12-03T07:00:00Z'),
    );
    expect(digestDue(daily, new Date('2026-12-03T07:00:00Z'), now, berlin)).toBeNull();
  });
});

describe('reminders', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  const day = 24 * 3600_000;
  const piece = (over: Partial<ReminderPiece>): ReminderPiece => ({
    id: 'p1',
    title: 'Heat pumps',
    status: 'planned',
    ownerId: 'owner',
    expertIds: ['expert'],
    deadlines: [],
    statusSince: now,
    ...over,
  });

  it('announces a deadline within two days to owner and experts, once per deadline', () => {
    const dueAt = new Date(now.getTime() + 1.5 * day);
    const [r, ...rest] = dueReminders(
      [piece({ deadlines: [{ stage: 'in_production', dueAt }] })],
      now,
    );
    expect(rest).toEqual([]);
    expect(r).toMatchObject({
      event: 'piece.deadline_soon',
      recipientIds: ['owner', 'expert'],
      params: { stage: 'in_production', days: 2 },
      dedupeKey: `piece.deadline_soon:p1:in_production:${dueAt.toISOString()}`,
    });
    // further away: nothing yet
    expect(
      dueReminders(
        [
          piece({
            deadlines: [{ stage: 'in_production', dueAt: new Date(now.getTime() + 3 * day) }],
          }),
        ],
        now,
      ),
    ).toEqual([]);
  });

  it('reports a missed deadline unless the stage is reached, and forgets old misses', () => {
    const dueAt = new Date(now.getTime() - day);
    expect(
      dueReminders([piece({ deadlines: [{ stage: 'in_review', dueAt }] })], now),
    ).toMatchObject([{ event: 'piece.overdue', params: { stage: 'in_review', days: 1 } }]);
    expect(
      dueReminders(
        [piece({ status: 'in_review', deadlines: [{ stage: 'in_review', dueAt }] })],
        now,
      ),
    ).toEqual([]);
    expect(
      dueReminders(
        [piece({ deadlines: [{ stage: 'in_review', dueAt: new Date(now.getTime() - 8 * day) }] })],
        now,
      ),
    ).toEqual([]);
    expect(
      dueReminders(
        [piece({ status: 'cancelled', deadlines: [{ stage: 'in_review', dueAt }] })],
        now,
      ),
    ).toEqual([]);
  });

  it('tells the owner about a piece stuck in a working stage for two weeks', () => {
    const since = new Date(now.getTime() - 15 * day);
    expect(dueReminders([piece({ status: 'in_review', statusSince: since })], now)).toEqual([
      {
        event: 'piece.stuck',
        pieceId: 'p1',
        title: 'Heat pumps',
        recipientIds: ['owner'],
        params: { stage: 'in_review', since: since.toISOString(), days: 15 },
        dedupeKey: `piece.stuck:p1:in_review:${since.toISOString()}`,
      },
    ]);
    expect(
      dueReminders(
        [piece({ status: 'in_review', statusSince: new Date(now.getTime() - 13 * day) })],
        now,
      ),
    ).toEqual([]);
    // ideas and scheduled pieces wait for nobody; a piece without owner has nobody to tell
    expect(dueReminders([piece({ status: 'idea', statusSince: since })], now)).toEqual([]);
    expect(dueReminders([piece({ status: 'scheduled', statusSince: since })], now)).toEqual([]);
    expect(
      dueReminders([piece({ ownerId: null, status: 'in_review', statusSince: since })], now),
    ).toEqual([]);
  });
});

describe('mentions', () => {
  const people = [
    { id: 'anna', name: 'Anna Maria Roth', email: 'anna@example.com' },
    { id: 'am', name: 'Anna Maria', email: 'am@example.com' },
    { id: 'ann', name: 'Ann', email: 'ann@example.com' },
    { id: 'jo', name: 'Jörg Übel', email: 'joerg@example.com' },
  ];

  it('finds people by name or email address, in any case, longest name first', () => {
    expect(findMentions('Please check, @Anna Maria Roth.', people)).toEqual(['anna']);
    expect(findMentions('@anna maria, what do you think?', people)).toEqual(['am']);
    expect(findMentions('cc @joerg@example.com and @jörg übel', people)).toEqual(['jo']);
    expect(findMentions('@Ann and @ann@example.com', people)).toEqual(['ann']);
  });

  it('needs the mention to end at a word boundary and to start one', () => {
    expect(findMentions('@Annabel was here', people)).toEqual([]);
    expect(findMentions('write to ann@example.com', people)).toEqual([]);
    expect(findMentions('no mention at all', people)).toEqual([]);
    expect(findMentions('@', people)).toEqual([]);
  });
});
