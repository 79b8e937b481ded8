import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeItemAnswering, transitionKnowledgeItem } from '~/models/knowledge.server';
import { getNotificationPreferences } from '~/models/notification-inbox.server';
import { notificationMail, withheldTitles } from '~/models/notification-mail.server';
import { createTopicRequest, withdrawTopicRequest } from '~/models/topic-request.server';
import { createUser } from '~/models/user.server';
import { loader as dashboardLoader } from '~/routes/_index';
import { action as newItemAction, loader as newItemLoader } from '~/routes/knowledge.new';
import { action as needAction, loader as needLoader } from '~/routes/matches.$needId';
import { prisma } from '~/utils/db.server';
import { createSession } from '~/utils/session.server';
import { ensureReferenceData } from '../../seeds/reference';

/**
 * "Why not" on a content gap's page (the nearest items and the need's words no item covers) and
 * asking a department's experts for the missing topic, which those experts then see on their
 * dashboard; the request's life after that: the experts are notified, one of them submits a topic
 * answering it, and it closes when an editor accepts that topic or withdraws the request.
 */

const ORIGIN = 'http://lotse.test';
const users: Record<string, { id: string; cookie: string }> = {};
let gapNeed = '';
let servedNeed = '';

async function person(key: string, roles: string[], department?: string, active = true) {
  const user = await createUser({
    email: `${key}@topics.test`,
    name: `Person ${key}`,
    password: 'a-long-password-1',
    roles: roles as ['editor'],
  });
  if (department) await prisma.expertProfile.create({ data: { userId: user.id, department } });
  if (!active) await prisma.user.update({ where: { id: user.id }, data: { active: false } });
  const cookie = (await createSession(user.id, new Request(ORIGIN))).split(';')[0]!;
  users[key] = { id: user.id, cookie };
}

const loaderArgs = (who: string, url: string, params: Record<string, string> = {}) =>
  ({
    request: new Request(`${ORIGIN}${url}`, { headers: { Cookie: users[who]!.cookie } }),
    params,
    context: {},
  }) as LoaderFunctionArgs;

/** Posts a form to the need's page; a thrown Response (403, 404) is answered like a returned one. */
function post(who: string, needId: string, fields: Record<string, string>) {
  return postTo(who, `/matches/${needId}`, { needId }, fields, needAction);
}

async function postTo(
  who: string,
  path: string,
  params: Record<string, string>,
  fields: Record<string, string>,
  action: (args: ActionFunctionArgs) => Promise<unknown>,
) {
  const body = new URLSearchParams(fields);
  const args = {
    request: new Request(`${ORIGIN}${path}`, {
      method: 'POST',
      body,
      headers: {
        Cookie: users[who]!.cookie,
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: ORIGIN,
      },
    }),
    params,
    context: {},
  } as ActionFunctionArgs;
  try {
    return (await action(args)) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function pageOf(needId: string) {
  const response = (await needLoader(
    loaderArgs('editor', `/matches/${needId}`, { needId }),
  )) as Response;
  return (await response.json()) as {
    gap: {
      nearest: { title: string; department: string }[];
      missing: string[];
      departments: string[];
      department: string;
    } | null;
    topicRequests: { id: string; department: string; text: string; version: number }[];
    answeredRequests: {
      id: string;
      text: string;
      answers: { id: string; title: string }[];
    }[];
  };
}

beforeAll(async () => {
  await ensureReferenceData(prisma);
  await person('editor', ['editor']);
  await person('manager', ['management']);
  await person('optician', ['expert'], 'Optometrie');
  await person('shipper', ['expert'], 'Logistik');
  // the same department written with spaces around it; a leaver; an editor with a profile there
  await person('lensmaker', ['expert'], ' Optometrie ');
  await person('leaver', ['expert'], 'Optometrie', false);
  await person('planner', ['editor'], 'Optometrie');
  await person('editor2', ['editor']);
  const item = (title: string, summary: string, department: string, ownerId: string) =>
    prisma.knowledgeItem.create({
      data: {
        title,
        summary,
        kind: 'expertise',
        language: 'de',
        department,
        ownerId,
        status: 'accepted',
      },
    });
  const lens = await item(
    'Kontaktlinsen richtig reinigen',
    'Abreiben, abspülen, frische Pflegelösung: so bleiben Kontaktlinsen sauber.',
    'Optometrie',
    users.optician!.id,
  );
  await item(
    'Versand und Lieferzeiten',
    'Wie schnell Pakete ankommen und was der Versand kostet.',
    'Logistik',
    users.shipper!.id,
  );
  const audience = await prisma.audience.create({ data: { name: 'Wassersportler' } });
  gapNeed = (
    await prisma.need.create({
      data: {
        audienceId: audience.id,
        text: 'Wie reinige ich Kontaktlinsen nach dem Segeln im salzigen Meerwasser?',
        language: 'de',
      },
    })
  ).id;
  servedNeed = (
    await prisma.need.create({
      data: { audienceId: audience.id, text: 'Kontaktlinsen reinigen', language: 'de' },
    })
  ).id;
  await prisma.match.create({
    data: {
      needId: servedNeed,
      knowledgeItemId: lens.id,
      decision: 'accepted',
      decidedById: users.editor!.id,
      decidedAt: new Date(),
      score: 0.8,
      explanation: '[]',
    },
  });
});

const requestCount = () => prisma.topicRequest.count();

describe('why not: a need without an accepted match', () => {
  it('shows the nearest item and the words no item covers, and proposes its department', async () => {
    const { gap } = await pageOf(gapNeed);
    expect(gap).not.toBeNull();
    expect(gap!.nearest[0]).toMatchObject({
      title: 'Kontaktlinsen richtig reinigen',
      department: 'Optometrie',
    });
    expect(gap!.missing).toEqual(expect.arrayContaining(['segeln', 'meerwasser']));
    // what the inventory covers is no gap
    expect(gap!.missing).not.toContain('kontaktlinsen');
    expect(gap!.missing).not.toContain('reinige');
    expect(gap!.departments).toEqual(['Logistik', 'Optometrie']);
    expect(gap!.department).toBe('Optometrie');
  });

  it('has no "why not" once a match is accepted', async () => {
    expect((await pageOf(servedNeed)).gap).toBeNull();
  });
});

describe('asking an expert', () => {
  it('creates an open request with its audit entry, seen by the department’s experts only', async () => {
    const response = await post('editor', gapNeed, {
      intent: 'ask',
      department: 'Optometrie',
      text: 'Wie pflegt man Kontaktlinsen nach dem Segeln im Meerwasser?',
    });
    expect(response.status).toBe(302);
    const stored = await prisma.topicRequest.findFirstOrThrow({ where: { needId: gapNeed } });
    expect(stored).toMatchObject({
      department: 'Optometrie',
      status: 'open',
      requestedById: users.editor!.id,
      version: 1,
    });
    const audit = await prisma.auditEvent.findFirst({
      where: { action: 'topicRequest.create', entityId: stored.id },
    });
    expect(audit?.actorId).toBe(users.editor!.id);
    expect((await pageOf(gapNeed)).topicRequests.map((r) => r.department)).toEqual(['Optometrie']);

    const dashboard = async (who: string) =>
      (
        (await ((await dashboardLoader(loaderArgs(who, '/'))) as Response).json()) as {
          expert: { topicRequests: { text: string; need: { text: string } }[] } | null;
        }
      ).expert?.topicRequests;
    expect(await dashboard('optician')).toEqual([
      expect.objectContaining({
        text: 'Wie pflegt man Kontaktlinsen nach dem Segeln im Meerwasser?',
        need: expect.objectContaining({ text: expect.stringContaining('Segeln') }),
      }),
    ]);
    expect(await dashboard('shipper')).toEqual([]);
  });

  it('refuses people who may not ask, on the page and in the model, writing nothing', async () => {
    const before = await requestCount();
    const fields = { intent: 'ask', department: 'Optometrie', text: 'Bitte etwas zum Segeln.' };
    expect((await post('manager', gapNeed, fields)).status).toBe(403);
    expect((await post('optician', gapNeed, fields)).status).toBe(403);
    expect(
      await createTopicRequest({
        needId: gapNeed,
        department: 'Optometrie',
        text: 'Bitte etwas zum Segeln.',
        actor: { id: users.manager!.id },
      }),
    ).toEqual({ ok: false, problem: 'notAllowed' });
    expect(await requestCount()).toBe(before);
  });

  it('answers bad input with a clear message and writes nothing', async () => {
    const before = await requestCount();
    const tooShort = await post('editor', gapNeed, {
      intent: 'ask',
      department: 'Optometrie',
      text: 'Segeln',
    });
    expect(tooShort.status).toBe(400);
    expect(await tooShort.json()).toMatchObject({
      errors: { text: { key: 'topicRequests.form.textTooShort' } },
    });
    const unknown = await post('editor', gapNeed, {
      intent: 'ask',
      department: 'Marketing',
      text: 'Wie pflegt man Linsen auf See?',
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      errors: { department: { key: 'validation.choose' } },
    });
    const noDepartment = await post('editor', gapNeed, {
      intent: 'ask',
      text: 'Wie pflegt man Linsen auf See?',
    });
    expect(noDepartment.status).toBe(400);
    expect(
      (
        await post('editor', 'no-such-need', {
          intent: 'ask',
          department: 'Optometrie',
          text: 'Wie pflegt man Linsen auf See?',
        })
      ).status,
    ).toBe(404);
    expect(await requestCount()).toBe(before);
  });
});

// ───────────────────────────── the request's life ─────────────────────────────

/** An editor asks Optometrie on the gap's page; answers the new request's id. */
async function ask(text: string, who = 'editor') {
  const response = await post(who, gapNeed, { intent: 'ask', department: 'Optometrie', text });
  expect(response.status).toBe(302);
  return (await prisma.topicRequest.findFirstOrThrow({ where: { text }, select: { id: true } })).id;
}

const topicFields = (title: string, extra: Record<string, string> = {}) => ({
  intent: 'submit',
  title,
  summary: 'Süßwasser spülen, Linsen über Nacht in frische Lösung legen.',
  kind: 'expertise',
  language: 'de',
  department: 'Optometrie',
  ...extra,
});

/** The optician submits a topic through the new-knowledge form. */
const submitTopic = (fields: Record<string, string>) =>
  postTo('optician', '/knowledge/new', {}, fields, newItemAction);

async function dashboardRequests(who: string) {
  const response = (await dashboardLoader(loaderArgs(who, '/'))) as Response;
  const data = (await response.json()) as {
    expert: { topicRequests: { id: string }[] } | null;
  };
  return (data.expert?.topicRequests ?? []).map((r) => r.id);
}

describe('a new request', () => {
  it('notifies exactly the active experts of the department, in the create’s transaction', async () => {
    const id = await ask('Was hilft gegen Salzkrusten auf Kontaktlinsen nach dem Segeln?');
    const rows = await prisma.notification.findMany({
      where: { event: 'topic.requested', subjectId: id },
      select: { recipientId: true, subjectType: true, link: true, actorId: true },
    });
    expect(rows.map((r) => r.recipientId).sort()).toEqual(
      [users.optician!.id, users.lensmaker!.id].sort(),
    );
    expect(rows[0]).toMatchObject({
      subjectType: 'topicRequest',
      link: `/knowledge/new?request=${id}`,
      actorId: users.editor!.id,
    });
    // a refused request tells nobody
    const before = await prisma.notification.count({ where: { event: 'topic.requested' } });
    await post('editor', gapNeed, { intent: 'ask', department: 'Marketing', text: 'Bitte etwas.' });
    expect(await prisma.notification.count({ where: { event: 'topic.requested' } })).toBe(before);
  });
});

describe('answering a request', () => {
  it('shows the request on the new-knowledge form and stores the answer with the item', async () => {
    const id = await ask('Wie lagert man Kontaktlinsen an Bord eines Segelboots?');
    const page = (await (
      (await newItemLoader(loaderArgs('optician', `/knowledge/new?request=${id}`))) as Response
    ).json()) as {
      topicRequest: { id: string; department: string; need: { text: string } } | null;
      requestGone: boolean;
    };
    expect(page.requestGone).toBe(false);
    expect(page.topicRequest).toMatchObject({
      id,
      department: 'Optometrie',
      need: { text: expect.stringContaining('Segeln') },
    });
    const response = await submitTopic(
      topicFields('Kontaktlinsen an Bord lagern', { requestId: id }),
    );
    expect(response.status).toBe(302);
    const item = await prisma.knowledgeItem.findFirstOrThrow({
      where: { title: 'Kontaktlinsen an Bord lagern' },
      select: { answersRequestId: true, status: true },
    });
    expect(item).toEqual({ answersRequestId: id, status: 'submitted' });
    // submitted is not answered yet: the request stays open
    expect((await prisma.topicRequest.findUniqueOrThrow({ where: { id } })).status).toBe('open');
  });

  it('refuses an unknown or closed request and writes nothing', async () => {
    const closed = await ask('Welche Linsen vertragen Spritzwasser am besten?');
    const version = (await prisma.topicRequest.findUniqueOrThrow({ where: { id: closed } }))
      .version;
    expect(
      await withdrawTopicRequest({
        id: closed,
        needId: gapNeed,
        expectedVersion: version,
        actor: { id: users.editor!.id },
      }),
    ).toEqual({ ok: true });
    const items = await prisma.knowledgeItem.count();
    const audits = await prisma.auditEvent.count();
    const notes = await prisma.notification.count();

    const unknown = await submitTopic(
      topicFields('Gibt es nicht', { requestId: 'no-such-request' }),
    );
    expect(unknown.status).toBe(409);
    expect(await unknown.json()).toMatchObject({ problem: 'requestNotFound' });
    const late = await submitTopic(topicFields('Zu spät', { requestId: closed }));
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ problem: 'requestClosed' });
    expect(
      await createKnowledgeItemAnswering({
        owner: { id: users.optician!.id, roles: ['expert'] },
        input: {
          title: 'Zu spät',
          summary: 'Etwas',
          details: '',
          kind: 'expertise',
          language: 'de',
          department: 'Optometrie',
          tags: [],
          links: [],
        },
        submit: false,
        requestId: closed,
      }),
    ).toEqual({ ok: false, problem: 'requestClosed' });
    expect(await prisma.knowledgeItem.count()).toBe(items);
    expect(await prisma.auditEvent.count()).toBe(audits);
    expect(await prisma.notification.count()).toBe(notes);

    // the form says the request is gone and does not carry it
    const page = (await (
      (await newItemLoader(loaderArgs('optician', `/knowledge/new?request=${closed}`))) as Response
    ).json()) as { topicRequest: unknown; requestGone: boolean };
    expect(page).toMatchObject({ topicRequest: null, requestGone: true });
  });
});

describe('accepting an answer', () => {
  it('closes the request and tells the editor who asked, together with the acceptance', async () => {
    const id = await ask('Wie erkennt man Salzschäden an Kontaktlinsen?');
    expect(await dashboardRequests('optician')).toContain(id);
    await submitTopic(topicFields('Salzschäden an Linsen erkennen', { requestId: id }));
    const item = await prisma.knowledgeItem.findFirstOrThrow({
      where: { title: 'Salzschäden an Linsen erkennen' },
      select: { id: true, version: true },
    });
    const reviewer = { id: users.editor2!.id, roles: ['editor'] };
    const answered = () =>
      prisma.notification.count({ where: { event: 'topic.answered', subjectId: item.id } });

    // an acceptance that fails (another version) changes nothing of the request
    expect(
      await transitionKnowledgeItem({
        id: item.id,
        actor: reviewer,
        action: 'accept',
        expectedVersion: item.version + 1,
      }),
    ).toEqual({ ok: false, problem: 'conflict' });
    expect((await prisma.topicRequest.findUniqueOrThrow({ where: { id } })).status).toBe('open');
    expect(await answered()).toBe(0);

    expect(
      await transitionKnowledgeItem({
        id: item.id,
        actor: reviewer,
        action: 'accept',
        expectedVersion: item.version,
      }),
    ).toEqual({ ok: true, status: 'accepted' });
    const request = await prisma.topicRequest.findUniqueOrThrow({ where: { id } });
    expect(request).toMatchObject({
      status: 'closed',
      closedReason: 'answered',
      closedById: users.editor2!.id,
    });
    expect(request.closedAt).toBeInstanceOf(Date);
    const notes = await prisma.notification.findMany({
      where: { event: 'topic.answered', subjectId: item.id },
      select: { recipientId: true, link: true },
    });
    expect(notes).toEqual([{ recipientId: users.editor!.id, link: `/knowledge/${item.id}` }]);
    expect(
      await prisma.auditEvent.count({ where: { action: 'topicRequest.answer', entityId: id } }),
    ).toBe(1);

    // gone from the experts' dashboard, shown as answered on the need's page
    expect(await dashboardRequests('optician')).not.toContain(id);
    const page = await pageOf(gapNeed);
    expect(page.topicRequests.map((r) => r.id)).not.toContain(id);
    expect(page.answeredRequests.find((r) => r.id === id)?.answers).toEqual([
      expect.objectContaining({ id: item.id, title: 'Salzschäden an Linsen erkennen' }),
    ]);
  });
});

describe('withdrawing a request', () => {
  it('answers a stale version with a conflict, then closes it for good', async () => {
    const id = await ask('Braucht es eigene Linsen für lange Törns?');
    const { version } = await prisma.topicRequest.findUniqueOrThrow({ where: { id } });
    const withdraw = (expectedVersion: number) =>
      post('editor', gapNeed, {
        intent: 'withdrawRequest',
        requestId: id,
        expectedVersion: String(expectedVersion),
      });

    const stale = await withdraw(version + 1);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ problem: 'conflict' });
    expect((await prisma.topicRequest.findUniqueOrThrow({ where: { id } })).status).toBe('open');

    const done = await withdraw(version);
    expect(done.status).toBe(302);
    expect(done.headers.get('Location')).toContain('done=withdrawn');
    expect(await prisma.topicRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'closed',
      closedReason: 'withdrawn',
      closedById: users.editor!.id,
      version: version + 1,
    });
    expect(
      await prisma.auditEvent.count({ where: { action: 'topicRequest.withdraw', entityId: id } }),
    ).toBe(1);
    expect(await dashboardRequests('optician')).not.toContain(id);
    expect((await pageOf(gapNeed)).topicRequests.map((r) => r.id)).not.toContain(id);

    // withdrawn once is enough
    const again = await withdraw(version + 1);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ problem: 'closed' });
    // another need's request is not this page's
    expect(
      (
        await post('editor', servedNeed, {
          intent: 'withdrawRequest',
          requestId: id,
          expectedVersion: String(version + 1),
        })
      ).status,
    ).toBe(404);
  });

  it('is refused to experts and management, on the page and in the model', async () => {
    const id = await ask('Welche Pflegemittel gehören in die Bordapotheke?');
    const { version } = await prisma.topicRequest.findUniqueOrThrow({ where: { id } });
    const fields = { intent: 'withdrawRequest', requestId: id, expectedVersion: String(version) };
    expect((await post('optician', gapNeed, fields)).status).toBe(403);
    expect((await post('manager', gapNeed, fields)).status).toBe(403);
    expect(
      await withdrawTopicRequest({
        id,
        needId: gapNeed,
        expectedVersion: version,
        actor: { id: users.optician!.id },
      }),
    ).toEqual({ ok: false, problem: 'notAllowed' });
    expect(await prisma.topicRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'open',
      version,
    });
    // another editor than the one who asked may withdraw it
    expect((await post('editor2', gapNeed, fields)).status).toBe(302);
  });
});

describe('the notifications of a request', () => {
  it('are mailed in the reader’s language with the request and a link to answer it', async () => {
    const id = await ask('Sonnenbrille oder Kontaktlinsen: was schützt auf See besser?');
    const row = await prisma.notification.findFirstOrThrow({
      where: { event: 'topic.requested', subjectId: id, recipientId: users.optician!.id },
      select: {
        event: true,
        title: true,
        link: true,
        params: true,
        subjectType: true,
        subjectId: true,
      },
    });
    expect(await withheldTitles([row])).toEqual([false]);
    const context = { origin: 'https://lotse.example', locale: 'de', timeZone: 'Europe/Berlin' };
    const notification = { ...row, actor: { name: 'Person editor' } };
    const de = await notificationMail(
      notification,
      { email: 'optician@topics.test', name: 'Person optician', locale: 'de' },
      context,
    );
    expect(de.subject).toBe(
      'Thema bei Ihrer Abteilung angefragt: Sonnenbrille oder Kontaktlinsen: was schützt auf See besser?',
    );
    expect(de.text).toContain(
      'Person editor bittet Ihre Abteilung um ein Thema: „Sonnenbrille oder Kontaktlinsen: was schützt auf See besser?“.',
    );
    expect(de.text).toContain(`https://lotse.example/knowledge/new?request=${id}`);
    const en = await notificationMail(
      notification,
      { email: 'optician@topics.test', name: 'Person optician', locale: 'en' },
      context,
    );
    expect(en.text).toContain('Person editor asks your department for a topic:');
  });

  it('have their own settings: experts hear of requests by mail, editors of answers in the app', async () => {
    const modes = async (who: string) =>
      Object.fromEntries(
        (await getNotificationPreferences({ userId: users[who]!.id }))!.rows
          .filter((r) => r.event.startsWith('topic.'))
          .map((r) => [r.event, r.defaultMode]),
      );
    expect(await modes('optician')).toEqual({
      'topic.requested': 'email',
      'topic.answered': 'app',
    });
    expect(await modes('editor')).toEqual({ 'topic.requested': 'app', 'topic.answered': 'app' });
  });
});
