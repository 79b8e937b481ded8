import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPiece, PieceReferenceError } from '~/models/piece-writes.server';
import { createUser } from '~/models/user.server';
import { loader as calendarLoader } from '~/routes/calendar._index';
import { action as pieceAction } from '~/routes/calendar.$pieceId';
import { loader as exportLoader } from '~/routes/calendar.export';
import { action as newPieceAction } from '~/routes/calendar.new';
import { loader as printLoader } from '~/routes/calendar.print';
import { action as newUserAction } from '~/routes/users.new';
import { prisma } from '~/utils/db.server';
import { createSession } from '~/utils/session.server';
import { ensureReferenceData } from '../../seeds/reference';
import { pieceInput } from '../support/piece-input';

/**
 * Input that once answered 500: ids that do not exist, the same new address twice at once, dates
 * outside the years the calendar plans for. Each now gets a 4xx with a message and changes
 * nothing.
 */

const ORIGIN = 'http://lotse.test';
let editorId: string;
let editorCookie: string;
let adminCookie: string;
let audienceId: string;

async function cookieFor(userId: string) {
  return (await createSession(userId, new Request(ORIGIN))).split(';')[0] as string;
}

function post(url: string, cookie: string, fields: [string, string][], params = {}) {
  const body = new URLSearchParams(fields);
  return {
    request: new Request(`${ORIGIN}${url}`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    }),
    params,
    context: {},
  } as ActionFunctionArgs;
}

const get = (url: string, cookie: string) =>
  ({
    request: new Request(`${ORIGIN}${url}`, { headers: { Cookie: cookie } }),
    params: {},
    context: {},
  }) as LoaderFunctionArgs;

/** The status of what a route function returned or threw. */
async function statusOf(run: () => Promise<unknown>) {
  try {
    const r = await run();
    return r instanceof Response ? r.status : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

beforeAll(async () => {
  await ensureReferenceData(prisma);
  editorId = (
    await createUser({
      email: 'editor@bad-input.test',
      name: 'Edith',
      password: 'a-long-password-1',
      roles: ['editor'],
    })
  ).id;
  const adminId = (
    await createUser({
      email: 'admin@bad-input.test',
      name: 'Adam',
      password: 'a-long-password-1',
      roles: ['admin'],
    })
  ).id;
  editorCookie = await cookieFor(editorId);
  adminCookie = await cookieFor(adminId);
  audienceId = (await prisma.audience.create({ data: { name: 'Optiker' } })).id;
});

describe('ids that do not exist', () => {
  it('are refused by the model before anything is written', async () => {
    const before = await prisma.contentPiece.count();
    await expect(
      createPiece({
        actor: { id: editorId, roles: ['editor'] },
        input: pieceInput({ audiences: [audienceId, 'no-such-audience'] }),
      }),
    ).rejects.toBeInstanceOf(PieceReferenceError);
    expect(await prisma.contentPiece.count()).toBe(before);
  });

  it('answer 400 with a message on the field when a new piece names them', async () => {
    for (const [field, value] of [
      ['audiences', 'c0000000000000000000000000'],
      ['experts', 'c0000000000000000000000001'],
      ['ownerId', 'c0000000000000000000000002'],
    ] as const) {
      const response = (await newPieceAction(
        post('/calendar/new', editorCookie, [
          ['channel', 'blog'],
          ['title', `Piece with an unknown ${field}`],
          [field, value],
        ]),
      )) as Response;
      expect(response.status).toBe(400);
      const data = (await response.json()) as { errors: Record<string, { key: string }> };
      expect(data.errors[field]).toEqual({ key: 'validation.unknownChoice' });
    }
    expect(
      await prisma.contentPiece.count({ where: { title: { startsWith: 'Piece with' } } }),
    ).toBe(0);
  });

  it('answer 400 when a saved piece is changed to name them, and the piece stays as it was', async () => {
    const { id } = await createPiece({
      actor: { id: editorId, roles: ['editor'] },
      input: pieceInput({ title: 'Saved piece', audiences: [audienceId] }),
    });
    const response = (await pieceAction(
      post(
        `/calendar/${id}`,
        editorCookie,
        [
          ['channel', 'blog'],
          ['title', 'Saved piece, renamed'],
          ['audiences', 'c0000000000000000000000000'],
          ['expectedVersion', '1'],
        ],
        { pieceId: id },
      ),
    )) as Response;
    expect(response.status).toBe(400);
    const piece = await prisma.contentPiece.findUniqueOrThrow({
      where: { id },
      include: { audiences: true },
    });
    expect(piece.title).toBe('Saved piece');
    expect(piece.version).toBe(1);
    expect(piece.audiences.map((a) => a.audienceId)).toEqual([audienceId]);
  });
});

describe('the same new user posted four times at once', () => {
  it('creates one account and answers the others with “already exists”, never a 500', async () => {
    const form = (): [string, string][] => [
      ['name', 'Paula Parallel'],
      ['email', 'paula@bad-input.test'],
      ['password', 'ein-langer-satz-aus-worten'],
      ['roles', 'editor'],
    ];
    const statuses = await Promise.all(
      Array.from({ length: 4 }, () =>
        statusOf(() => newUserAction(post('/users/new', adminCookie, form()))),
      ),
    );
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(statuses.filter((s) => s === 400)).toHaveLength(3);
    expect(await prisma.user.count({ where: { email: 'paula@bad-input.test' } })).toBe(1);
  });
});

describe('dates outside the years the calendar plans for (1900–2999)', () => {
  it('answer 400 on the calendar page, the CSV export and the print view', async () => {
    for (const date of ['9999-12-31', '3000-01-01', '1899-12-31', '2026-02-30', 'tomorrow']) {
      for (const [name, loader, path] of [
        ['page', calendarLoader, '/calendar'],
        ['csv', exportLoader, '/calendar/export'],
        ['print', printLoader, '/calendar/print'],
      ] as const) {
        const status = await statusOf(() =>
          (loader as (a: LoaderFunctionArgs) => Promise<unknown>)(
            get(`${path}?view=month&date=${date}`, editorCookie),
          ),
        );
        expect({ name, date, status }).toEqual({ name, date, status: 400 });
      }
    }
    expect(
      await statusOf(() =>
        calendarLoader(get('/calendar?view=month&date=2999-12-31', editorCookie)),
      ),
    ).toBe(200);
  });

  it('are refused by the piece form with their own message', async () => {
    const response = (await newPieceAction(
      post('/calendar/new', editorCookie, [
        ['channel', 'blog'],
        ['title', 'Far future'],
        ['publishAt', '9999-12-31T09:00'],
      ]),
    )) as Response;
    expect(response.status).toBe(400);
    const data = (await response.json()) as { errors: Record<string, { key: string }> };
    expect(data.errors.publishAt).toMatchObject({ key: 'validation.dateRange' });
  });
});
