// Notifications by mail: an SMTP server inside the test receives what the delivery worker sends,
// and mailparser reads it the way a mail client would.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NotificationEvent } from '~/domain/notifications/events';
import { MAX_MAIL_ATTEMPTS } from '~/domain/notifications/schedule';
import { decideExemption, requestExemption } from '~/models/exemption.server';
import { createKnowledgeItem, transitionKnowledgeItem } from '~/models/knowledge.server';
import {
  createReminders,
  deliverDigests,
  deliverPending,
  startNotificationWorker,
} from '~/models/notification-delivery.server';
import {
  nextNotifiedForKnowledge,
  nextNotifiedForPiece,
  notify,
} from '~/models/notification.server';
import { addPieceComment, createPiece, updatePiece } from '~/models/piece-writes.server';
import { saveRule } from '~/models/rule.server';
import { createUser } from '~/models/user.server';
import type { Role } from '~/domain/permissions';
import { loader as pieceLoader } from '~/routes/calendar.$pieceId';
import { loader as knowledgeLoader } from '~/routes/knowledge.$itemId';
import { createPrismaClient, prisma } from '~/utils/db.server';
import { serverOrigin } from '~/utils/mail.server';
import { createSession } from '~/utils/session.server';
import { Prisma } from '~/generated/prisma/client';
import { pieceInput } from '../support/piece-input';
import { TEST_POSTGRES } from '../setup/postgres';

type Received = { to: string[]; mail: ParsedMail };
const inbox: Received[] = [];
let server: SMTPServer;
/** while set, the SMTP server refuses every message with a temporary error */
let refusing = false;
/** while set, runs before the SMTP server accepts the next message (once) */
let beforeAccept: (() => Promise<unknown>) | null = null;

beforeAll(async () => {
  server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    onMailFrom(_address, _session, callback) {
      if (!refusing) return callback();
      const error = new Error('Try again later') as Error & { responseCode: number };
      error.responseCode = 451;
      callback(error);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          const hook = beforeAccept;
          beforeAccept = null;
          if (hook) await hook();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.LOTSE_MAIL_FROM = 'Lotse <lotse@example.com>';
  process.env.LOTSE_PUBLIC_URL = 'https://lotse.example.com';
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.LOTSE_MAIL_FROM;
  delete process.env.LOTSE_PUBLIC_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(async () => {
  inbox.length = 0;
  refusing = false;
  beforeAccept = null;
  // every test starts with an empty outbox
  await prisma.notification.deleteMany();
  await prisma.notificationPreference.deleteMany();
});

type Person = { id: string; roles: Role[]; email: string };
const people: Record<string, Person> = {};
async function person(key: string, name: string, roles: Role[], locale: string | null = null) {
  const email = `${key}@example.com`;
  const u = await createUser({ email, name, password: 'Leuchtturm Nebelhorn 1897', roles });
  if (locale) await prisma.user.update({ where: { id: u.id }, data: { locale } });
  people[key] = { id: u.id, roles, email };
  return people[key];
}

beforeAll(async () => {
  await person('erika', 'Erika Expertin', ['expert'], 'de');
  await person('ed', 'Ed Editor', ['editor'], 'en');
  await person('edda', 'Edda Redakteurin', ['editor'], 'de');
  await person('gone', 'Gone Editor', ['editor']);
  await person('mia', 'Mia Management', ['management']);
  await person('otto', 'Otto Expert', ['expert']);
  await prisma.user.update({ where: { id: people.gone!.id }, data: { active: false } });
});

const p = (key: string) => people[key] as Person;
const worker = 'test-worker';
const deliver = (now = new Date()) => deliverPending({ workerId: worker, now });
const mailTo = (key: string) => inbox.filter((m) => m.to.includes(p(key).email));
async function prefer(key: string, event: NotificationEvent, mode: string) {
  await prisma.notificationPreference.upsert({
    where: { userId_event: { userId: p(key).id, event } },
    create: { userId: p(key).id, event, mode },
    update: { mode },
  });
}
const knowledge = (title: string) => ({
  title,
  summary: 'A confidential summary that never leaves Lotse by mail.',
  details: '',
  kind: 'analysis',
  language: 'en',
  department: 'Produkt',
  tags: [],
  links: [],
});

describe('knowledge review by mail', () => {
  it('mails a submission to each active editor in their language, with titles and links only', async () => {
    const { id } = await createKnowledgeItem({
      owner: p('erika'),
      input: knowledge('Blinking at screens'),
      submit: true,
    });
    const rows = await prisma.notification.findMany({ where: { subjectId: id } });
    expect(rows.map((r) => [r.recipientId, r.event, r.mailState]).sort()).toEqual(
      [
        [p('ed').id, 'knowledge.submitted', 'pending'],
        [p('edda').id, 'knowledge.submitted', 'pending'],
      ].sort(),
    );
    expect(await deliver()).toEqual({ sent: 2, retrying: 0, failed: 0, skipped: 0 });
    expect(inbox).toHaveLength(2);

    const [en] = mailTo('ed');
    expect(en!.mail.subject).toBe('Knowledge submitted for review: Blinking at screens');
    expect(en!.mail.headers.get('content-language')).toBe('en');
    expect(en!.mail.text).toContain('Hello Ed Editor');
    expect(en!.mail.text).toContain('Erika Expertin submitted “Blinking at screens” for review.');
    expect(en!.mail.text).toContain(`https://lotse.example.com/knowledge/${id}`);
    expect(en!.mail.text).toContain('https://lotse.example.com/account/notifications');
    expect(en!.mail.html).toContain(`href="https://lotse.example.com/knowledge/${id}"`);
    expect(en!.mail.html).toContain('href="https://lotse.example.com/account/notifications"');

    const [de] = mailTo('edda');
    expect(de!.mail.subject).toBe('Wissen zur Prüfung eingereicht: Blinking at screens');
    expect(de!.mail.headers.get('content-language')).toBe('de');
    expect(de!.mail.text).toContain('Hallo Edda Redakteurin');
    expect(de!.mail.text).toContain('Benachrichtigungseinstellungen ändern');

    for (const { mail } of inbox) {
      expect(mail.text).not.toContain('confidential summary');
      expect(mail.html).not.toContain('confidential summary');
    }
    const sent = await prisma.notification.findMany({ where: { subjectId: id } });
    expect(sent.every((r) => r.mailState === 'sent' && r.mailSentAt && !r.claimedBy)).toBe(true);
    // nothing is sent twice
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
  });

  it('mails the expert the decision in German, and tells nobody about their own doing', async () => {
    const { id } = await createKnowledgeItem({
      owner: p('erika'),
      input: knowledge('Lens care in winter'),
      submit: true,
    });
    await deliver();
    inbox.length = 0;
    const item = await prisma.knowledgeItem.findUniqueOrThrow({ where: { id } });
    expect(
      await transitionKnowledgeItem({
        id,
        actor: p('ed'),
        action: 'request_changes',
        comment: 'Please add the study.',
        expectedVersion: item.version,
      }),
    ).toEqual({ ok: true, status: 'changes_requested' });
    await deliver();
    expect(inbox.map((m) => m.to)).toEqual([[p('erika').email]]);
    const [mail] = mailTo('erika');
    expect(mail!.mail.subject).toBe('Änderungen an Ihrem Wissen erbeten: Lens care in winter');
    expect(mail!.mail.text).toContain('Ed Editor bittet um Änderungen an „Lens care in winter“.');
    expect(mail!.mail.text).not.toContain('Please add the study');

    inbox.length = 0;
    await transitionKnowledgeItem({ id, actor: p('erika'), action: 'submit' });
    await transitionKnowledgeItem({ id, actor: p('edda'), action: 'accept' });
    await deliver();
    // the resubmission reached Ed (Edda accepted it herself), the acceptance reached Erika
    expect(inbox.map((m) => [m.to[0], m.mail.subject]).sort()).toEqual(
      [
        [p('ed').email, 'Knowledge submitted for review: Lens care in winter'],
        [p('edda').email, 'Wissen zur Prüfung eingereicht: Lens care in winter'],
        [p('erika').email, 'Ihr Wissen wurde angenommen: Lens care in winter'],
      ].sort(),
    );
  });

  it('follows each person’s preferences: off, in the app, or in the digest', async () => {
    await prefer('ed', 'knowledge.submitted', 'off');
    await prefer('edda', 'knowledge.submitted', 'app');
    const { id } = await createKnowledgeItem({
      owner: p('erika'),
      input: knowledge('Contrast sensitivity'),
      submit: true,
    });
    const rows = await prisma.notification.findMany({ where: { subjectId: id } });
    expect(rows.map((r) => [r.recipientId, r.mailState])).toEqual([[p('edda').id, 'none']]);
    await deliver();
    expect(inbox).toEqual([]);
  });

  it('keeps everything in the app without SMTP_URL', async () => {
    const url = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      const { id } = await createKnowledgeItem({
        owner: p('erika'),
        input: knowledge('Without mail'),
        submit: true,
      });
      const rows = await prisma.notification.findMany({ where: { subjectId: id } });
      expect(rows).toHaveLength(2);
      expect(rows.every((r) => r.mailState === 'none')).toBe(true);
    } finally {
      process.env.SMTP_URL = url;
    }
    await deliver();
    expect(inbox).toEqual([]);
  });

  it('says on the item who will be notified of its next step, and how', async () => {
    await prefer('edda', 'knowledge.submitted', 'digest');
    const draft = { status: 'draft', ownerId: p('erika').id };
    expect(await nextNotifiedForKnowledge({ item: draft, viewerId: p('erika').id })).toEqual({
      event: 'knowledge.submitted',
      people: [
        { id: p('ed').id, name: 'Ed Editor', mode: 'email' },
        { id: p('edda').id, name: 'Edda Redakteurin', mode: 'digest' },
      ],
    });
    const submitted = { status: 'submitted', ownerId: p('erika').id };
    expect(await nextNotifiedForKnowledge({ item: submitted, viewerId: p('ed').id })).toEqual({
      event: 'knowledge.accepted',
      people: [{ id: p('erika').id, name: 'Erika Expertin', mode: 'email' }],
    });
    expect(
      await nextNotifiedForKnowledge({
        item: { ...submitted, status: 'accepted' },
        viewerId: p('ed').id,
      }),
    ).toBeNull();
  });
});

describe('the item pages', () => {
  async function load(
    loader: typeof knowledgeLoader | typeof pieceLoader,
    key: string,
    path: string,
    params: Record<string, string>,
  ) {
    const cookie = (await createSession(p(key).id, new Request('http://lotse.test'))).split(
      ';',
    )[0]!;
    const request = new Request(`http://lotse.test${path}`, { headers: { Cookie: cookie } });
    const response = (await loader({ request, params, context: {} })) as Response;
    return (await response.json()) as { nextNotified: unknown };
  }

  it('say who will be notified of the next step', async () => {
    const { id } = await createKnowledgeItem({
      owner: p('erika'),
      input: knowledge('On the page'),
      submit: true,
    });
    expect(
      (await load(knowledgeLoader, 'erika', `/knowledge/${id}`, { itemId: id })).nextNotified,
    ).toEqual({
      event: 'knowledge.accepted',
      people: [{ id: p('erika').id, name: 'Erika Expertin', mode: 'email' }],
    });
    const piece = await createPiece({
      actor: p('ed'),
      input: pieceInput({ title: 'Page piece', ownerId: p('edda').id }),
    });
    expect(
      (await load(pieceLoader, 'ed', `/calendar/${piece.id}`, { pieceId: piece.id })).nextNotified,
    ).toEqual({
      event: 'piece.deadline_soon',
      people: [{ id: p('edda').id, name: 'Edda Redakteurin', mode: 'app' }],
    });
  });
});

describe('pieces', () => {
  it('tells a new owner and newly added experts, in the app unless they chose mail', async () => {
    await prefer('otto', 'piece.expert_added', 'email');
    const created = await createPiece({
      actor: p('ed'),
      input: pieceInput({
        title: 'Screens and dry eyes',
        ownerId: p('edda').id,
        experts: [p('erika').id],
      }),
    });
    const rows = await prisma.notification.findMany({ where: { subjectId: created.id } });
    expect(rows.map((r) => [r.recipientId, r.event, r.mailState]).sort()).toEqual(
      [
        [p('edda').id, 'piece.owner_assigned', 'none'],
        [p('erika').id, 'piece.expert_added', 'none'],
      ].sort(),
    );
    const piece = await prisma.contentPiece.findUniqueOrThrow({ where: { id: created.id } });
    expect(
      await updatePiece({
        id: piece.id,
        actor: p('ed'),
        expectedVersion: piece.version,
        input: pieceInput({
          title: 'Screens and dry eyes',
          ownerId: p('edda').id,
          experts: [p('erika').id, p('otto').id],
        }),
      }),
    ).toMatchObject({ ok: true });
    // only Otto is new
    expect(await prisma.notification.count({ where: { subjectId: piece.id } })).toBe(3);
    await deliver();
    expect(inbox.map((m) => [m.to[0], m.mail.subject])).toEqual([
      [p('otto').email, 'Added as contributing expert: Screens and dry eyes'],
    ]);
    expect(
      await nextNotifiedForPiece({
        piece: { status: 'planned', ownerId: p('edda').id, expertIds: [p('otto').id] },
      }),
    ).toEqual({
      event: 'piece.deadline_soon',
      people: [
        { id: p('edda').id, name: 'Edda Redakteurin', mode: 'app' },
        { id: p('otto').id, name: 'Otto Expert', mode: 'app' },
      ],
    });
  });

  it('tells people mentioned in a comment who can see the piece', async () => {
    const created = await createPiece({
      actor: p('ed'),
      input: pieceInput({ title: 'Mentions', experts: [p('erika').id] }),
    });
    await prefer('edda', 'comment.mention', 'email');
    expect(
      await addPieceComment({
        id: created.id,
        actor: p('ed'),
        body: '@Edda Redakteurin and @erika@example.com, please look; @Otto Expert cannot see this.',
      }),
    ).toBe(true);
    const rows = await prisma.notification.findMany({
      where: { subjectId: created.id, event: 'comment.mention' },
    });
    expect(rows.map((r) => r.recipientId).sort()).toEqual([p('edda').id, p('erika').id].sort());
    await deliver();
    expect(inbox.map((m) => [m.to[0], m.mail.subject])).toEqual([
      [p('edda').email, 'In einem Kommentar erwähnt: Mentions'],
    ]);
    expect(inbox[0]!.mail.text).toContain(
      'Ed Editor hat Sie in einem Kommentar zu „Mentions“ erwähnt.',
    );
  });

  it('writes each reminder once, however often they are computed', async () => {
    const soon = new Date(Date.now() + 24 * 3600_000);
    const piece = await prisma.contentPiece.create({
      data: {
        channel: 'blog',
        title: 'Due tomorrow',
        status: 'planned',
        ownerId: p('edda').id,
        experts: { create: [{ userId: p('erika').id }] },
        deadlines: { create: [{ stage: 'in_production', dueAt: soon }] },
      },
    });
    await prefer('erika', 'piece.deadline_soon', 'email');
    expect(await createReminders()).toBe(2);
    // from then on, what everyone has had costs no write at all
    let transactions = 0;
    const counting = new Proxy(prisma, {
      get(target, key) {
        if (key === '$transaction') {
          return (...args: Parameters<typeof prisma.$transaction>) => {
            transactions++;
            return target.$transaction(...args);
          };
        }
        return Reflect.get(target, key) as unknown;
      },
    });
    expect(await createReminders({ db: counting })).toBe(0);
    expect(transactions).toBe(0);
    const rows = await prisma.notification.findMany({ where: { subjectId: piece.id } });
    expect(rows.map((r) => [r.recipientId, r.event]).sort()).toEqual(
      [
        [p('edda').id, 'piece.deadline_soon'],
        [p('erika').id, 'piece.deadline_soon'],
      ].sort(),
    );
    await deliver();
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.mail.subject).toBe('Frist einer Phase naht: Due tomorrow');
    expect(inbox[0]!.mail.text).toContain('die Phase In Produktion erreichen');
  });
});

describe('disclosure', () => {
  // mails leave Lotse: like every other output, they never carry what a blocking rule holds back
  it('tells the owner of a piece a rule change sent back, management of exemption requests and the requester of the decision, without the blocked title', async () => {
    const piece = await prisma.contentPiece.create({
      data: {
        channel: 'blog',
        title: 'The Zebrafinch project',
        status: 'approved',
        ownerId: p('ed').id,
      },
    });
    await prefer('ed', 'piece.sent_back_by_rule', 'email');
    const saved = await saveRule({
      definition: {
        key: 'R-ZEBRA',
        name: 'Zebrafinch',
        category: '',
        rationale: '',
        message: 'Not yet public.',
        severity: 'block',
        kind: 'term',
        patterns: ['Zebrafinch'],
        exceptions: [],
        window: null,
        examplesMatch: [],
        examplesNoMatch: [],
        active: true,
      },
      actorId: p('mia').id,
    });
    expect(saved.ok).toBe(true);
    await deliver();
    const leaked = () =>
      inbox.filter((m) => `${m.mail.subject} ${m.mail.text} ${m.mail.html}`.includes('Zebrafinch'));
    expect(leaked()).toEqual([]);
    expect(inbox.map((m) => [m.to[0], m.mail.subject])).toEqual([
      [
        p('ed').email,
        'Piece sent back to review by a rule change: title withheld: a disclosure rule blocks it',
      ],
    ]);

    inbox.length = 0;
    expect(
      await requestExemption({
        pieceId: piece.id,
        ruleKey: 'R-ZEBRA',
        reason: 'Announced.',
        actor: p('ed'),
      }),
    ).toEqual({ ok: true });
    await deliver();
    expect(inbox.map((m) => [m.to[0], m.mail.subject])).toEqual([
      [p('mia').email, 'Exemption requested: title withheld: a disclosure rule blocks it'],
    ]);
    expect(inbox[0]!.mail.text).toContain('https://lotse.example.com/rules');

    expect(leaked()).toEqual([]);
    inbox.length = 0;
    await prefer('ed', 'exemption.decided', 'email');
    const ex = await prisma.disclosureExemption.findFirstOrThrow({ where: { pieceId: piece.id } });
    expect(
      await decideExemption({ id: ex.id, actorId: p('mia').id, grant: false, note: '' }),
    ).toEqual({ ok: true });
    await deliver();
    expect(inbox.map((m) => [m.to[0], m.mail.subject])).toEqual([
      [p('ed').email, 'Exemption granted or denied: title withheld: a disclosure rule blocks it'],
    ]);
    expect(inbox[0]!.mail.text).toContain(
      'Mia Management denied the exemption for “title withheld: a disclosure rule blocks it”.',
    );
    expect(inbox[0]!.mail.text).toContain(`https://lotse.example.com/calendar/${piece.id}`);

    // a digest too; a title written before the rule existed is judged as it reads now
    expect(leaked()).toEqual([]);
    inbox.length = 0;
    await prisma.user.update({
      where: { id: p('ed').id },
      data: { digestFrequency: 'daily', digestHour: 8, lastDigestAt: null },
    });
    await queue('ed', 'Zebrafinch, the sequel', 'digest', new Date('2026-12-02T15:00:00Z'));
    await queue('ed', 'An open title', 'digest', new Date('2026-12-02T15:00:00Z'));
    await deliverDigests({ workerId: worker, now: new Date('2026-12-03T07:30:00Z') });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.mail.text).toContain('“title withheld: a disclosure rule blocks it”');
    expect(inbox[0]!.mail.text).toContain('“An open title”');
    expect(leaked()).toEqual([]);
    await prisma.user.update({ where: { id: p('ed').id }, data: { lastDigestAt: null } });
  });

  afterAll(async () => {
    // the rule would withhold the other tests' titles too
    await prisma.disclosureRule.updateMany({ where: { key: 'R-ZEBRA' }, data: { active: false } });
  });
});

async function queue(key: string, title: string, mailState: string, createdAt = new Date()) {
  return prisma.notification.create({
    data: {
      recipientId: p(key).id,
      event: 'piece.owner_assigned',
      subjectType: 'piece',
      subjectId: title,
      title,
      link: '/calendar/x',
      mailState,
      createdAt,
    },
  });
}

describe('digests', () => {
  it('sends one mail per person and period with everything that arrived before the digest time', async () => {
    await prisma.user.update({
      where: { id: p('otto').id },
      data: { digestFrequency: 'daily', digestHour: 8, lastDigestAt: null },
    });
    // 08:30 in Berlin
    const now = new Date('2026-12-03T07:30:00Z');
    await queue('otto', 'First piece', 'digest', new Date('2026-12-02T15:00:00Z'));
    await queue('otto', 'Second piece', 'digest', new Date('2026-12-03T06:00:00Z'));
    // after today's digest time: tomorrow's
    const late = await queue('otto', 'Third piece', 'digest', new Date('2026-12-03T07:10:00Z'));

    expect(await deliverDigests({ workerId: worker, now })).toMatchObject({ sent: 1 });
    expect(inbox).toHaveLength(1);
    const { mail } = inbox[0]!;
    expect(mail.subject).toBe('Your Lotse digest: 2 notifications');
    expect(mail.text).toContain('“First piece”');
    expect(mail.text).toContain('“Second piece”');
    expect(mail.text).not.toContain('Third piece');
    expect(mail.text).toContain('https://lotse.example.com/account/notifications');
    expect(mail.html).toContain('<li><a href="https://lotse.example.com/calendar/x">');

    // once per period
    expect(
      await deliverDigests({ workerId: worker, now: new Date('2026-12-03T12:00:00Z') }),
    ).toMatchObject({ sent: 0 });
    expect(
      (await prisma.notification.findUniqueOrThrow({ where: { id: late.id } })).mailState,
    ).toBe('digest');
    // the next morning
    await deliverDigests({ workerId: worker, now: new Date('2026-12-04T07:05:00Z') });
    expect(inbox).toHaveLength(2);
    expect(inbox[1]!.mail.subject).toBe('Your Lotse digest: 1 notification');
    expect(inbox[1]!.mail.text).toContain('Third piece');
  });

  it('sends weekly digests on the chosen day, in German for a German reader', async () => {
    await prisma.user.update({
      where: { id: p('erika').id },
      data: { digestFrequency: 'weekly', digestWeekday: 5, digestHour: 17, lastDigestAt: null },
    });
    await queue('erika', 'Wochenstück', 'digest', new Date('2026-11-30T09:00:00Z'));
    // Thursday 3 December: last Friday 17:00 was before the notification
    expect(
      await deliverDigests({ workerId: worker, now: new Date('2026-12-03T18:00:00Z') }),
    ).toMatchObject({ sent: 0 });
    // Friday 4 December, 17:00 Berlin = 16:00 UTC
    await deliverDigests({ workerId: worker, now: new Date('2026-12-04T16:01:00Z') });
    expect(inbox.map((m) => m.mail.subject)).toEqual([
      'Ihre Lotse-Zusammenfassung: 1 Benachrichtigung',
    ]);
  });
});

describe('delivery', () => {
  it('retries with growing pauses while the mail server refuses, then delivers once', async () => {
    const n = await queue('ed', 'Retry me', 'pending');
    refusing = true;
    const t0 = new Date();
    expect(await deliver(t0)).toMatchObject({ retrying: 1 });
    let row = await prisma.notification.findUniqueOrThrow({ where: { id: n.id } });
    expect(row).toMatchObject({ mailState: 'pending', mailAttempts: 1, claimedBy: null });
    expect(row.mailError).toContain('Try again later');
    expect(row.mailNextAt!.getTime()).toBe(t0.getTime() + 30_000);
    // not before its time
    expect(await deliver(new Date(t0.getTime() + 10_000))).toMatchObject({ retrying: 0, sent: 0 });
    expect(await deliver(new Date(t0.getTime() + 31_000))).toMatchObject({ retrying: 1 });
    row = await prisma.notification.findUniqueOrThrow({ where: { id: n.id } });
    expect(row.mailNextAt!.getTime()).toBe(t0.getTime() + 31_000 + 60_000);

    refusing = false;
    expect(await deliver(new Date(t0.getTime() + 92_000))).toMatchObject({ sent: 1 });
    expect(inbox.map((m) => m.mail.subject)).toEqual(['Made owner of a piece: Retry me']);
    row = await prisma.notification.findUniqueOrThrow({ where: { id: n.id } });
    expect(row).toMatchObject({ mailState: 'sent', mailAttempts: 3, mailError: null });
  });

  it('links to the server’s own address when no public address is set', async () => {
    const smtp = { SMTP_URL: 'smtp://127.0.0.1:2525' };
    const origin = (env: Record<string, string>) => serverOrigin(env as NodeJS.ProcessEnv);
    expect(origin({ ...smtp, LOTSE_PUBLIC_URL: 'https://lotse.example.com/app' })).toBe(
      'https://lotse.example.com',
    );
    expect(origin({ ...smtp, HOST: '127.0.0.1', PORT: '3913' })).toBe('http://127.0.0.1:3913');
    expect(origin({ ...smtp, HOST: '0.0.0.0' })).toBe('http://localhost:3000');
    expect(origin({ ...smtp, HOST: '::1', PORT: '8080' })).toBe('http://[::1]:8080');
  });

  it('gives up after the last attempt and keeps the error', async () => {
    const n = await queue('ed', 'Never delivered', 'pending');
    await prisma.notification.update({
      where: { id: n.id },
      data: { mailAttempts: MAX_MAIL_ATTEMPTS - 1 },
    });
    refusing = true;
    expect(await deliver()).toMatchObject({ failed: 1 });
    const row = await prisma.notification.findUniqueOrThrow({ where: { id: n.id } });
    expect(row).toMatchObject({ mailState: 'failed', mailAttempts: MAX_MAIL_ATTEMPTS });
    expect(row.mailError).toContain('Try again later');
    refusing = false;
    expect(await deliver(new Date(Date.now() + 24 * 3600_000))).toMatchObject({ sent: 0 });
    expect(inbox).toEqual([]);
  });

  it('sends nothing to deactivated people', async () => {
    const n = await queue('gone', 'For nobody', 'pending');
    expect(await deliver()).toMatchObject({ skipped: 1, sent: 0 });
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: n.id } })).mailState).toBe(
      'skipped',
    );
    // and no notification is written for them at all
    await prisma.$transaction((tx) =>
      notify(tx, {
        event: 'knowledge.submitted',
        to: { userIds: [p('gone').id] },
        actorId: null,
        subject: { type: 'knowledge', id: 'x', title: 'x', link: '/knowledge/x' },
      }),
    );
    expect(
      await prisma.notification.count({ where: { recipientId: p('gone').id, subjectId: 'x' } }),
    ).toBe(0);
    expect(inbox).toEqual([]);
  });

  it('takes over a claim whose worker did not finish', async () => {
    const n = await queue('ed', 'Orphaned', 'pending');
    await prisma.notification.update({
      where: { id: n.id },
      data: { mailState: 'sending', claimedBy: 'dead', claimedUntil: new Date(Date.now() - 1000) },
    });
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(inbox).toHaveLength(1);
  });

  it('never sends a mail whose lapsed claim another instance took over meanwhile', async () => {
    for (let i = 0; i < 3; i++)
      await queue('ed', `Slow ${i}`, 'pending', new Date(Date.now() - (3 - i) * 1000));
    // instance A claimed its batch five minutes ago and was held up since: its claims have
    // lapsed. While its first mail is with the server, instance B takes over the rest.
    let b: Promise<unknown> | null = null;
    beforeAccept = () => (b = deliverPending({ workerId: 'worker-b' }));
    const a = await deliverPending({
      workerId: 'worker-a',
      now: new Date(Date.now() - 5 * 60_000),
    });
    expect(await b).toMatchObject({ sent: 2 });
    expect(a).toMatchObject({ sent: 1 });
    expect(inbox.map((m) => m.mail.subject).sort()).toEqual([
      'Made owner of a piece: Slow 0',
      'Made owner of a piece: Slow 1',
      'Made owner of a piece: Slow 2',
    ]);
    expect(await prisma.notification.count({ where: { mailState: 'sent' } })).toBe(3);
  });

  it('runs in the background, mailing within seconds, and stops cleanly', async () => {
    const running = startNotificationWorker({ pollMs: 50, remindersMs: 3_600_000 });
    try {
      await queue('ed', 'In the background', 'pending');
      for (let i = 0; i < 100 && !inbox.length; i++) await new Promise((r) => setTimeout(r, 50));
      expect(inbox.map((m) => m.mail.subject)).toEqual([
        'Made owner of a piece: In the background',
      ]);
    } finally {
      await running.stop();
    }
  });

  it('delivers each notification exactly once with two workers at once', async () => {
    // on PostgreSQL each worker has its own connections, as two server instances would; SQLite's
    // driver waits for a lock by blocking its process, so there both share this process's client
    const url = process.env.DATABASE_URL as string;
    const a = TEST_POSTGRES ? createPrismaClient(url) : prisma;
    const b = TEST_POSTGRES ? createPrismaClient(url) : prisma;
    try {
      for (let i = 0; i < 30; i++) await queue(i % 2 ? 'ed' : 'edda', `Race ${i}`, 'pending');
      const drain = async (db: typeof prisma, workerId: string) => {
        let sent = 0;
        for (;;) {
          const r = await deliverPending({ db, workerId, limit: 4 });
          sent += r.sent;
          if (!r.sent && !r.retrying) return sent;
        }
      };
      const [x, y] = await Promise.all([drain(a, 'worker-a'), drain(b, 'worker-b')]);
      expect(x + y).toBe(30);
      const subjects = inbox.map((m) => m.mail.subject).sort();
      expect(new Set(subjects).size).toBe(30);
      expect(subjects).toHaveLength(30);
      expect(await prisma.notification.count({ where: { mailState: 'sent' } })).toBe(30);
    } finally {
      if (a !== prisma) await a.$disconnect();
      if (b !== prisma) await b.$disconnect();
    }
  });

  it.skipIf(!TEST_POSTGRES)(
    'on PostgreSQL, passes over rows another instance holds instead of waiting for them',
    async () => {
      const url = process.env.DATABASE_URL as string;
      const a = createPrismaClient(url);
      const b = createPrismaClient(url);
      try {
        const rows = [];
        for (let i = 0; i < 4; i++) rows.push(await queue('ed', `Locked ${i}`, 'pending'));
        const held = rows.slice(0, 2).map((r) => r.id);
        let locked!: () => void;
        let release!: () => void;
        const lockTaken = new Promise<void>((resolve) => (locked = resolve));
        const released = new Promise<void>((resolve) => (release = resolve));
        // instance A is in the middle of claiming two rows
        const holding = a.$transaction(
          async (tx) => {
            await tx.$queryRaw`SELECT "id" FROM "Notification" WHERE "id" IN (${Prisma.join(held)}) FOR UPDATE`;
            locked();
            await released;
          },
          { timeout: 30_000 },
        );
        await lockTaken;
        // instance B mails the other two at once (waiting for A's rows would never end here)
        expect(await deliverPending({ db: b, workerId: 'worker-b' })).toMatchObject({ sent: 2 });
        expect(inbox.map((m) => m.mail.subject).sort()).toEqual([
          'Made owner of a piece: Locked 2',
          'Made owner of a piece: Locked 3',
        ]);
        release();
        await holding;
        expect(await deliverPending({ db: b, workerId: 'worker-b' })).toMatchObject({ sent: 2 });
        expect(inbox).toHaveLength(4);
      } finally {
        await a.$disconnect();
        await b.$disconnect();
      }
    },
  );
});
