import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTopicRequest } from '~/models/topic-request.server';
import { createUser } from '~/models/user.server';
import { loader as dashboardLoader } from '~/routes/_index';
import { action as needAction, loader as needLoader } from '~/routes/matches.$needId';
import { prisma } from '~/utils/db.server';
import { createSession } from '~/utils/session.server';
import { ensureReferenceData } from '../../seeds/reference';

/**
 * "Why not" on a content gap's page (the nearest items and the need's words no item covers) and
 * asking a department's experts for the missing topic, which those experts then see on their
 * dashboard.
 */

const ORIGIN = 'http://lotse.test';
const users: Record<string, { id: string; cookie: string }> = {};
let gapNeed = '';
let servedNeed = '';

async function person(key: string, roles: string[], department?: string) {
  const user = await createUser({
    email: `${key}@topics.test`,
    name: `Person ${key}`,
    password: 'a-long-password-1',
    roles: roles as ['editor'],
  });
  if (department) await prisma.expertProfile.create({ data: { userId: user.id, department } });
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
async function post(who: string, needId: string, fields: Record<string, string>) {
  const body = new URLSearchParams(fields);
  const args = {
    request: new Request(`${ORIGIN}/matches/${needId}`, {
      method: 'POST',
      body,
      headers: {
        Cookie: users[who]!.cookie,
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: ORIGIN,
      },
    }),
    params: { needId },
    context: {},
  } as ActionFunctionArgs;
  try {
    return (await needAction(args)) as Response;
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
    topicRequests: { department: string; text: string }[];
  };
}

beforeAll(async () => {
  await ensureReferenceData(prisma);
  await person('editor', ['editor']);
  await person('manager', ['management']);
  await person('optician', ['expert'], 'Optometrie');
  await person('shipper', ['expert'], 'Logistik');
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
