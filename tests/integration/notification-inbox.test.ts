// A person's notifications: only their own (someone else's is "not found"), newest first in
// pages, read one at a time or all at once; preferences per event with the defaults of their
// roles, validated; the administrator's mail queue and "send again", audited and refused to
// everyone else. The demo workspace gives each demo account a few, about real items.
import { beforeAll, describe, expect, it } from 'vitest';
import { NOTIFICATION_EVENTS } from '~/domain/notifications/events';
import { NotAllowedError } from '~/domain/permissions';
import { modeField, PreferencesFormSchema } from '~/forms/notifications';
import {
  countUnread,
  getNotificationPreferences,
  getNotificationQueue,
  INBOX_PAGE_SIZE,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  retryFailedNotifications,
  saveNotificationPreferences,
} from '~/models/notification-inbox.server';
import { prisma } from '~/utils/db.server';
import { DEMO_NOTIFICATIONS, seedDemoNotifications } from '../../seeds/demo-notifications';
import { call, setUpDemoWorkspace, userId } from './route-harness';

const NOW = new Date('2026-11-28T10:00:00Z');
const ids: Record<'expert' | 'editor' | 'management' | 'admin', string> = {
  expert: '',
  editor: '',
  management: '',
  admin: '',
};

beforeAll(async () => {
  await setUpDemoWorkspace();
  for (const role of Object.keys(ids) as (keyof typeof ids)[]) ids[role] = userId(role);
}, 60_000);

/** A fresh person with one role, so counts are the test's own. */
async function person(role: string) {
  const n = Math.random().toString(36).slice(2, 10);
  return prisma.user.create({
    data: {
      email: `inbox-${n}@example.test`,
      name: `Inbox ${n}`,
      passwordHash: 'x',
      roles: { create: [{ role }] },
    },
    select: { id: true },
  });
}

async function notify(
  recipientId: string,
  over: Partial<{
    event: string;
    title: string;
    link: string;
    createdAt: Date;
    mailState: string;
    mailAttempts: number;
    mailError: string | null;
    mailNextAt: Date | null;
  }> = {},
) {
  return prisma.notification.create({
    data: {
      recipientId,
      event: 'knowledge.submitted',
      subjectType: 'knowledge',
      subjectId: 'k',
      title: 'A topic',
      link: '/knowledge/k',
      ...over,
    },
    select: { id: true },
  });
}

describe('the demo notifications', () => {
  it('give each demo account unread and read ones about items that exist', async () => {
    for (const role of Object.keys(ids) as (keyof typeof ids)[]) {
      const { notifications, unread } = await listNotifications({ userId: ids[role] });
      expect(unread, role).toBeGreaterThan(0);
      expect(
        notifications.some((n) => n.read),
        role,
      ).toBe(true);
      expect(
        notifications.every((n) => n.link?.startsWith('/')),
        role,
      ).toBe(true);
    }
    const rows = await prisma.notification.findMany({
      where: { dedupeKey: { startsWith: 'demo:' } },
    });
    expect(rows).toHaveLength(DEMO_NOTIFICATIONS.length);
    // nothing is mailed when the demo starts
    expect(rows.every((r) => r.mailState === 'none')).toBe(true);
    for (const r of rows) {
      if (r.subjectType === 'knowledge')
        expect(await prisma.knowledgeItem.count({ where: { id: r.subjectId } })).toBe(1);
      if (r.subjectType === 'piece') {
        expect(await prisma.contentPiece.count({ where: { id: r.subjectId } })).toBe(1);
        expect(r.link).toBe(`/calendar/${r.subjectId}`);
      }
      if (r.subjectType === 'exemption')
        expect(await prisma.disclosureExemption.count({ where: { id: r.subjectId } })).toBe(1);
    }
  });

  it('are seeded once, however often the seed runs', async () => {
    const before = await prisma.notification.count();
    const users = new Map(
      (await prisma.user.findMany({ select: { id: true, email: true } })).map((u) => [
        u.email.split('@')[0],
        u.id,
      ]),
    );
    const keyed = new Map(
      (await prisma.knowledgeItem.findMany({ select: { id: true, externalId: true } })).map((i) => [
        i.externalId?.replace(/^demo-/, ''),
        i.id,
      ]),
    );
    const pieces = new Map(
      (await prisma.contentPiece.findMany({ select: { id: true, title: true } })).map((p) => [
        p.title,
        p.id,
      ]),
    );
    const people: Record<string, string> = {
      expert: 'expert',
      editor: 'editor',
      management: 'management',
      admin: 'admin',
      editor2: 'jonas.weber',
      sophie: 'sophie.dekker',
    };
    await prisma.$transaction((tx) =>
      seedDemoNotifications(tx, {
        now: new Date(),
        userId: (key) => users.get(people[key] ?? key) as string,
        itemId: (key) => keyed.get(key) as string,
        pieceId: (title) => pieces.get(title) as string,
      }),
    );
    expect(await prisma.notification.count()).toBe(before);
  });
});

describe("a person's notifications", () => {
  it('are listed newest first, in pages, with what happened, who did it and the link', async () => {
    const { id } = await person('editor');
    for (let i = 0; i < INBOX_PAGE_SIZE + 3; i++)
      await notify(id, {
        title: `Topic ${i}`,
        createdAt: new Date(NOW.getTime() - (100 - i) * 60_000),
      });
    const first = await listNotifications({ userId: id });
    expect(first.total).toBe(INBOX_PAGE_SIZE + 3);
    expect(first.pages).toBe(2);
    expect(first.notifications).toHaveLength(INBOX_PAGE_SIZE);
    expect(first.notifications[0]?.title).toBe(`Topic ${INBOX_PAGE_SIZE + 2}`);
    expect(first.notifications[0]).toMatchObject({
      event: 'knowledge.submitted',
      link: '/knowledge/k',
      read: false,
    });
    const second = await listNotifications({ userId: id, page: 2 });
    expect(second.notifications.map((n) => n.title)).toEqual(['Topic 2', 'Topic 1', 'Topic 0']);
    // a page past the end shows the last one
    expect((await listNotifications({ userId: id, page: 99 })).page).toBe(2);
  });

  it('never hand out a link that leaves Lotse', async () => {
    const { id } = await person('editor');
    await notify(id, { link: 'https://evil.example/x' });
    await notify(id, { link: '//evil.example/x' });
    // browsers drop tabs and line breaks and read a backslash as a slash: all three are "//"
    await notify(id, { link: '/\t/evil.example/x' });
    await notify(id, { link: '/\n/evil.example/x' });
    await notify(id, { link: '/\\evil.example/x' });
    const { notifications } = await listNotifications({ userId: id });
    expect(notifications.map((n) => n.link)).toEqual([null, null, null, null, null]);
  });

  it('never redirect off-site when opened', async () => {
    const n = await notify(ids.editor, { link: '/\t/evil.example/x' });
    const opened = await call('routes/notifications.$notificationId', 'GET', 'editor', {
      params: { notificationId: n.id },
    });
    expect(opened).toMatchObject({ status: 302, location: '/notifications' });
  });

  it('are marked read one at a time, only by their recipient', async () => {
    const a = await person('editor');
    const b = await person('expert');
    const mine = await notify(a.id);
    const theirs = await notify(b.id);
    expect(await countUnread(a.id)).toBe(1);

    expect(await markNotificationRead({ userId: a.id, id: theirs.id })).toEqual({
      ok: false,
      problem: 'notFound',
    });
    expect(await countUnread(b.id)).toBe(1);
    expect(await markNotificationRead({ userId: a.id, id: 'no-such-id' })).toMatchObject({
      ok: false,
    });

    expect(await markNotificationRead({ userId: a.id, id: mine.id, now: NOW })).toEqual({
      ok: true,
      link: '/knowledge/k',
    });
    expect(await countUnread(a.id)).toBe(0);
    // again: no change, the first time it was read stays
    await markNotificationRead({ userId: a.id, id: mine.id });
    const row = await prisma.notification.findUniqueOrThrow({ where: { id: mine.id } });
    expect(row.readAt?.toISOString()).toBe(NOW.toISOString());
  });

  it('are marked read all at once, leaving everyone else’s unread', async () => {
    const a = await person('editor');
    const b = await person('editor');
    await notify(a.id);
    await notify(a.id);
    await notify(b.id);
    expect(await markAllNotificationsRead({ userId: a.id })).toEqual({ ok: true, count: 2 });
    expect(await countUnread(a.id)).toBe(0);
    expect(await countUnread(b.id)).toBe(1);
    expect(await markAllNotificationsRead({ userId: a.id })).toEqual({ ok: true, count: 0 });
  });

  it('open through their own address: read, then on to the item; others get 404', async () => {
    const n = await prisma.notification.findFirstOrThrow({
      where: { recipientId: ids.expert, readAt: null, link: { startsWith: '/knowledge/' } },
    });
    const refused = await call('routes/notifications.$notificationId', 'GET', 'editor', {
      params: { notificationId: n.id },
    });
    expect(refused.status).toBe(404);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: n.id } })).readAt).toBe(
      null,
    );
    const opened = await call('routes/notifications.$notificationId', 'GET', 'expert', {
      params: { notificationId: n.id },
    });
    expect(opened).toMatchObject({ status: 302, location: n.link });
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: n.id } })).readAt).not.toBe(
      null,
    );
  });

  it('answer 404 when a form marks someone else’s read', async () => {
    const n = await prisma.notification.findFirstOrThrow({
      where: { recipientId: ids.management, readAt: null },
    });
    const outcome = await call('routes/notifications._index', 'POST', 'editor', {
      form: { intent: 'read', id: n.id },
    });
    expect(outcome.status).toBe(404);
    expect(
      (await prisma.notification.findUniqueOrThrow({ where: { id: n.id } })).readAt,
    ).toBeNull();
  });
});

/** The preferences form as the page sends it: every event's mode and the digest settings. */
function preferencesForm(
  modes: Partial<Record<string, string>> = {},
  over: Record<string, string> = {},
): Record<string, string> {
  const form: Record<string, string> = {};
  for (const event of NOTIFICATION_EVENTS) form[modeField(event)] = modes[event] ?? 'app';
  return { ...form, digestFrequency: 'daily', digestHour: '8', digestWeekday: '1', ...over };
}

describe('preferences', () => {
  it('show the defaults of the person’s roles until they choose', async () => {
    const editor = await person('editor');
    const expert = await person('expert');
    const e = await getNotificationPreferences({ userId: editor.id });
    const x = await getNotificationPreferences({ userId: expert.id });
    const row = (p: typeof e, event: string) => p?.rows.find((r) => r.event === event);
    expect(row(e, 'knowledge.submitted')).toMatchObject({
      mode: 'email',
      defaultMode: 'email',
      own: false,
    });
    expect(row(x, 'knowledge.submitted')).toMatchObject({ mode: 'app', defaultMode: 'app' });
    expect(row(x, 'knowledge.changes_requested')?.defaultMode).toBe('email');
    expect(e?.digest).toEqual({ frequency: 'daily', hour: 8, weekday: 1 });
    // the test environment has no SMTP_URL
    expect(e?.mailConfigured).toBe(false);
    expect(await getNotificationPreferences({ userId: 'nobody' })).toBeNull();
  });

  it('are saved per event and read back; a mode equal to the default keeps no row', async () => {
    const { id } = await person('editor');
    const input = PreferencesFormSchema.parse(
      preferencesForm(
        { 'knowledge.submitted': 'email', 'piece.overdue': 'digest', 'comment.mention': 'off' },
        { digestFrequency: 'weekly', digestHour: '17', digestWeekday: '5' },
      ),
    );
    expect(await saveNotificationPreferences({ userId: id, input })).toEqual({ ok: true });
    const stored = await prisma.notificationPreference.findMany({
      where: { userId: id },
      orderBy: { event: 'asc' },
    });
    expect(stored.map((p) => [p.event, p.mode])).toEqual([
      ['comment.mention', 'off'],
      ['piece.overdue', 'digest'],
    ]);
    const read = await getNotificationPreferences({ userId: id });
    expect(read?.rows.find((r) => r.event === 'piece.overdue')).toMatchObject({
      mode: 'digest',
      own: true,
    });
    expect(read?.digest).toEqual({ frequency: 'weekly', hour: 17, weekday: 5 });

    // back to the defaults: the rows go
    await saveNotificationPreferences({
      userId: id,
      input: PreferencesFormSchema.parse(preferencesForm({ 'knowledge.submitted': 'email' })),
    });
    expect(await prisma.notificationPreference.count({ where: { userId: id } })).toBe(0);
  });

  it('refuse a mode, hour or weekday that does not exist, and a missing event', () => {
    const fails = (form: Record<string, string>) => !PreferencesFormSchema.safeParse(form).success;
    expect(fails(preferencesForm())).toBe(false);
    expect(fails(preferencesForm({ 'piece.stuck': 'pigeon' }))).toBe(true);
    expect(fails(preferencesForm({}, { digestHour: '24' }))).toBe(true);
    expect(fails(preferencesForm({}, { digestHour: '7.5' }))).toBe(true);
    expect(fails(preferencesForm({}, { digestWeekday: '0' }))).toBe(true);
    expect(fails(preferencesForm({}, { digestWeekday: '8' }))).toBe(true);
    expect(fails(preferencesForm({}, { digestFrequency: 'hourly' }))).toBe(true);
    const missing = preferencesForm();
    delete missing[modeField('review.due')];
    expect(fails(missing)).toBe(true);
  });

  it('change nothing when the page sends a bad form, and save a good one', async () => {
    const before = await prisma.notificationPreference.count({ where: { userId: ids.editor } });
    const bad = await call('routes/account.notifications', 'POST', 'editor', {
      form: {
        intent: 'save',
        ...preferencesForm({ 'piece.overdue': 'off' }, { digestHour: '99' }),
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: { digestHour: { key: 'validation.choose' } } });
    expect(await prisma.notificationPreference.count({ where: { userId: ids.editor } })).toBe(
      before,
    );
    const good = await call('routes/account.notifications', 'POST', 'editor', {
      form: {
        intent: 'save',
        ...preferencesForm({ 'knowledge.submitted': 'email', 'piece.overdue': 'off' }),
      },
    });
    expect(good).toMatchObject({ status: 302, location: '/account/notifications?saved=1' });
    expect(
      await prisma.notificationPreference.findUnique({
        where: { userId_event: { userId: ids.editor, event: 'piece.overdue' } },
      }),
    ).toMatchObject({ mode: 'off' });
  });
});

describe('the mail queue', () => {
  it('counts notifications by mail state and lists failures and retries', async () => {
    const { id } = await person('editor');
    const failed = await notify(id, {
      title: 'Failed topic',
      mailState: 'failed',
      mailAttempts: 6,
      mailError: '550 mailbox unavailable',
    });
    const next = new Date(NOW.getTime() + 10 * 60_000);
    const retrying = await notify(id, {
      title: 'Retrying topic',
      mailState: 'pending',
      mailAttempts: 2,
      mailError: 'ECONNREFUSED',
      mailNextAt: next,
    });
    await notify(id, { mailState: 'sent' });
    const queue = await getNotificationQueue();
    expect(queue.mailConfigured).toBe(false);
    expect(queue.counts.failed).toBeGreaterThanOrEqual(1);
    expect(queue.counts.pending).toBeGreaterThanOrEqual(1);
    expect(queue.counts.sent).toBeGreaterThanOrEqual(1);
    expect(queue.counts.none).toBeGreaterThanOrEqual(DEMO_NOTIFICATIONS.length);
    expect(queue.failed.find((f) => f.id === failed.id)).toMatchObject({
      event: 'knowledge.submitted',
      attempts: 6,
      error: '550 mailbox unavailable',
    });
    expect(queue.retrying.find((r) => r.id === retrying.id)).toMatchObject({
      attempts: 2,
      error: 'ECONNREFUSED',
      nextAt: next,
    });
    // the administrator may read neither pieces nor knowledge: the queue names no titles
    const page = await call('routes/notifications.queue', 'GET', 'admin');
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).toContain(failed.id);
    expect(JSON.stringify(page.body)).not.toMatch(/Failed topic|Retrying topic/);
  });

  it('sends a failed mail again on the administrator’s word, audited', async () => {
    const { id } = await person('editor');
    const failed = await notify(id, {
      title: 'Send me again',
      mailState: 'failed',
      mailAttempts: 6,
      mailError: 'refused',
    });
    const sent = await notify(id, { mailState: 'sent' });

    for (const who of ['editor', 'management', 'expert'] as const)
      await expect(
        retryFailedNotifications({ actorId: ids[who], id: failed.id }),
      ).rejects.toBeInstanceOf(NotAllowedError);
    expect(
      (await prisma.notification.findUniqueOrThrow({ where: { id: failed.id } })).mailState,
    ).toBe('failed');

    expect(await retryFailedNotifications({ actorId: ids.admin, id: sent.id })).toEqual({
      ok: false,
      problem: 'notFailed',
    });
    expect(await retryFailedNotifications({ actorId: ids.admin, id: 'nothing' })).toEqual({
      ok: false,
      problem: 'notFound',
    });

    expect(await retryFailedNotifications({ actorId: ids.admin, id: failed.id, now: NOW })).toEqual(
      { ok: true, count: 1 },
    );
    const row = await prisma.notification.findUniqueOrThrow({ where: { id: failed.id } });
    expect(row).toMatchObject({ mailState: 'pending', mailNextAt: NOW, claimedBy: null });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'notification.retry', entityId: failed.id },
    });
    expect(audit).toMatchObject({ actorId: ids.admin, entityType: 'notification' });
    expect(JSON.parse(audit.after ?? '{}')).toMatchObject({ event: 'knowledge.submitted' });
    expect(audit.after).not.toContain('Send me again');
  });

  it('sends every failed mail again at once', async () => {
    const { id } = await person('expert');
    await notify(id, { mailState: 'failed' });
    await notify(id, { mailState: 'failed' });
    const outcome = await retryFailedNotifications({ actorId: ids.admin });
    expect(outcome.ok && outcome.count).toBeGreaterThanOrEqual(2);
    expect(await prisma.notification.count({ where: { mailState: 'failed' } })).toBe(0);
  });

  it('is the administrator’s page only', async () => {
    for (const who of ['editor', 'management', 'expert'] as const) {
      expect((await call('routes/notifications.queue', 'GET', who)).status).toBe(403);
      expect(
        (await call('routes/notifications.queue', 'POST', who, { form: { intent: 'retry-all' } }))
          .status,
      ).toBe(403);
    }
    expect((await call('routes/notifications.queue', 'GET', 'admin')).status).toBe(200);
  });
});
