// Changing one's own password, and an administrator's one-time password that must be changed at
// the next login (enforced on every page by the server), through the routes' loaders and actions.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, verifyLogin } from '~/models/user.server';
import { action as passwordAction, loader as passwordLoader } from '~/routes/account.password';
import { loader as indexLoader } from '~/routes/_index';
import { loader as calendarLoader } from '~/routes/calendar._index';
import { action as logoutAction } from '~/routes/logout';
import { action as loginAction } from '~/routes/login';
import { action as userAction, loader as userLoader } from '~/routes/users.$userId';
import { prisma } from '~/utils/db.server';
import { createSession, getSessionUser } from '~/utils/session.server';

const ORIGIN = 'http://lotse.test';
const FIRST = 'Leuchtturm Nebelhorn 1897';
const SECOND = 'Kompass Seekarte Ebbe 42';
const ONE_TIME = 'Hafenkran Sturmflut 7731';

type Handler = (args: {
  request: Request;
  params: Record<string, string>;
  context: Record<string, unknown>;
}) => unknown;

/** What Remix would answer: a returned or thrown Response, or the loader's data as a 200. */
async function call(
  handler: Handler,
  path: string,
  {
    cookie,
    form,
    params = {},
  }: { cookie?: string; form?: Record<string, string>; params?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  const request = form
    ? new Request(ORIGIN + path, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form),
      })
    : new Request(ORIGIN + path, { headers });
  let answer: unknown;
  try {
    answer = await handler({ request, params, context: { clientAddress: '192.0.2.50' } });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    answer = thrown;
  }
  if (!(answer instanceof Response)) return { status: 200, location: null, body: answer };
  const type = answer.headers.get('Content-Type') ?? '';
  return {
    status: answer.status,
    location: answer.headers.get('Location'),
    setCookie: answer.headers.get('Set-Cookie'),
    body: type.includes('json') ? await answer.json() : null,
  };
}

const pair = (setCookie: string | null | undefined) => (setCookie ?? '').split(';')[0] as string;
const sessionOf = async (userId: string) => pair(await createSession(userId, new Request(ORIGIN)));

let adminId: string;
let adminCookie: string;

beforeAll(async () => {
  adminId = (
    await createUser({
      email: 'harbour-admin@example.com',
      name: 'Harbour Admin',
      password: FIRST,
      roles: ['admin'],
    })
  ).id;
  adminCookie = await sessionOf(adminId);
});

async function auditTexts(userId: string) {
  const events = await prisma.auditEvent.findMany({ where: { entityId: userId } });
  return { events, text: JSON.stringify(events) };
}

describe('changing one’s own password', () => {
  it('requires the current password, applies the policy and ends the other sessions', async () => {
    const user = await createUser({
      email: 'mira@example.com',
      name: 'Mira Sand',
      password: FIRST,
      roles: ['editor'],
    });
    const here = await sessionOf(user.id);
    const elsewhere = await sessionOf(user.id);

    const page = await call(passwordLoader, '/account/password', { cookie: here });
    expect(page.status).toBe(200);

    const change = (fields: Record<string, string>) =>
      call(passwordAction, '/account/password', { cookie: here, form: fields });
    const wrong = await change({
      currentPassword: 'not my password',
      newPassword: SECOND,
      confirmPassword: SECOND,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.currentPassword.key).toBe('account.password.wrongCurrent');

    const common = await change({
      currentPassword: FIRST,
      newPassword: 'Passwort2025!',
      confirmPassword: 'Passwort2025!',
    });
    expect(common.status).toBe(400);
    expect(common.body.errors.newPassword.key).toBe('validation.passwordCommon');

    const personal = await change({
      currentPassword: FIRST,
      newPassword: 'Mira Sand 1990',
      confirmPassword: 'Mira Sand 1990',
    });
    expect(personal.body.errors.newPassword.key).toBe('validation.passwordPersonal');

    const mismatch = await change({
      currentPassword: FIRST,
      newPassword: SECOND,
      confirmPassword: `${SECOND}!`,
    });
    expect(mismatch.body.errors.confirmPassword.key).toBe('account.password.mismatch');
    // nothing changed so far
    expect(await verifyLogin({ email: 'mira@example.com', password: FIRST })).toBe(user.id);

    const ok = await change({
      currentPassword: FIRST,
      newPassword: SECOND,
      confirmPassword: SECOND,
    });
    expect(ok.status).toBe(302);
    expect(ok.location).toBe('/account/password?changed=1');
    expect(await verifyLogin({ email: 'mira@example.com', password: SECOND })).toBe(user.id);
    expect(await verifyLogin({ email: 'mira@example.com', password: FIRST })).toBeNull();
    // this session stays, the other one has ended
    expect(await getSessionUser(new Request(ORIGIN, { headers: { Cookie: here } }))).not.toBeNull();
    expect(
      await getSessionUser(new Request(ORIGIN, { headers: { Cookie: elsewhere } })),
    ).toBeNull();

    const { events, text } = await auditTexts(user.id);
    expect(events.map((e) => e.action)).toContain('user.passwordChange');
    expect(text).not.toContain(FIRST);
    expect(text).not.toContain(SECOND);
  });

  it('is for signed-in users only', async () => {
    const anonymous = await call(passwordLoader, '/account/password');
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login\?redirectTo=/);
  });
});

describe('a one-time password set by an administrator', () => {
  it('ends the user’s sessions, and every page asks for a new password after the next login', async () => {
    const user = await createUser({
      email: 'jonas@example.com',
      name: 'Jonas Watt',
      password: FIRST,
      roles: ['editor'],
    });
    const before = await sessionOf(user.id);
    const params = { userId: user.id };

    // the policy applies to one-time passwords too
    const weak = await call(userAction, `/users/${user.id}`, {
      cookie: adminCookie,
      params,
      form: { intent: 'one-time-password', password: 'password123' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.errors.password.key).toBe('validation.passwordCommon');

    const set = await call(userAction, `/users/${user.id}`, {
      cookie: adminCookie,
      params,
      form: { intent: 'one-time-password', password: ONE_TIME },
    });
    expect(set.status).toBe(302);
    expect(set.location).toBe(`/users/${user.id}?password=set`);
    const shown = await call(userLoader, `/users/${user.id}?password=set`, {
      cookie: adminCookie,
      params,
    });
    expect(shown.body).toMatchObject({ passwordSet: true, user: { mustChangePassword: true } });
    expect(await getSessionUser(new Request(ORIGIN, { headers: { Cookie: before } }))).toBeNull();

    // the user logs in with it…
    const login = await call(loginAction, '/login', {
      form: { email: 'jonas@example.com', password: ONE_TIME, redirectTo: '/calendar?view=week' },
    });
    expect(login.status).toBe(302);
    const cookie = pair(login.setCookie);
    // …and every page sends them to the password change, which comes back afterwards
    for (const [loader, path] of [
      [calendarLoader, '/calendar?view=week'],
      [indexLoader, '/'],
    ] as const) {
      const page = await call(loader as Handler, path, { cookie });
      expect(page.status, path).toBe(302);
      expect(page.location, path).toMatch(/^\/account\/password/);
    }
    const calendar = await call(calendarLoader as Handler, '/calendar?view=week', { cookie });
    expect(calendar.location).toBe(
      `/account/password?${new URLSearchParams({ redirectTo: '/calendar?view=week' })}`,
    );
    // the change page and logging out stay open
    const page = await call(passwordLoader, '/account/password', { cookie });
    expect(page.body).toMatchObject({ mustChange: true });

    // keeping the one-time password is not a change
    const same = await call(passwordAction, '/account/password', {
      cookie,
      form: { currentPassword: ONE_TIME, newPassword: ONE_TIME, confirmPassword: ONE_TIME },
    });
    expect(same.body.errors.newPassword.key).toBe('account.password.unchanged');

    const changed = await call(passwordAction, '/account/password', {
      cookie,
      form: {
        currentPassword: ONE_TIME,
        newPassword: SECOND,
        confirmPassword: SECOND,
        redirectTo: '/calendar?view=week',
      },
    });
    expect(changed.status).toBe(302);
    expect(changed.location).toBe('/calendar?view=week');
    const after = await call(calendarLoader as Handler, '/calendar?view=week', { cookie });
    expect(after.status).toBe(200);
    expect(
      (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword,
    ).toBe(false);

    const { events, text } = await auditTexts(user.id);
    const actions = events.map((e) => e.action);
    expect(actions).toContain('user.oneTimePassword');
    expect(actions).toContain('user.passwordChange');
    const oneTime = events.find((e) => e.action === 'user.oneTimePassword');
    expect(oneTime?.actorId).toBe(adminId);
    expect(text).not.toContain(ONE_TIME);
    expect(text).not.toContain(SECOND);
  });

  it('lets a user with a one-time password log out', async () => {
    const user = await createUser({
      email: 'leave@example.com',
      name: 'Lea Ve',
      password: FIRST,
      roles: ['expert'],
    });
    await prisma.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    const cookie = await sessionOf(user.id);
    const out = await call(logoutAction as Handler, '/logout', { cookie, form: {} });
    expect(out.status).toBe(302);
    expect(out.location).toBe('/login');
  });

  it('is not for the administrator’s own account, and only for administrators', async () => {
    const own = await call(userAction, `/users/${adminId}`, {
      cookie: adminCookie,
      params: { userId: adminId },
      form: { intent: 'one-time-password', password: ONE_TIME },
    });
    expect(own.status).toBe(400);
    const editor = await createUser({
      email: 'not-an-admin@example.com',
      name: 'Ed Itor',
      password: FIRST,
      roles: ['editor'],
    });
    const refused = await call(userAction, `/users/${adminId}`, {
      cookie: await sessionOf(editor.id),
      params: { userId: adminId },
      form: { intent: 'one-time-password', password: ONE_TIME },
    });
    expect(refused.status).toBe(403);
    expect(await verifyLogin({ email: 'harbour-admin@example.com', password: FIRST })).toBe(
      adminId,
    );
  });
});

describe('cli user reset-password', () => {
  const cli = (args: string[], input: string) =>
    spawnSync('node', ['app/cli/run.mjs', 'user', 'reset-password', ...args], {
      input,
      encoding: 'utf8',
      env: process.env,
      timeout: 120_000,
    });

  it('sets a one-time password that must be changed at the next login', async () => {
    const user = await createUser({
      email: 'locked-out@example.com',
      name: 'Lock Ed',
      password: FIRST,
      roles: ['admin'],
    });
    const session = await sessionOf(user.id);

    const weak = cli(['--email', 'locked-out@example.com', '--password-stdin'], 'qwertzuiop123\n');
    expect(weak.status).toBe(2);
    expect(weak.stderr).toContain('too common');
    const unknown = cli(['--email', 'nobody@example.com', '--password-stdin'], `${ONE_TIME}\n`);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no user with the email nobody@example.com');

    const ok = cli(['--email', 'Locked-Out@example.com', '--password-stdin'], `${ONE_TIME}\n`);
    expect(ok.stderr).toContain('must be changed at the next login');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({
      id: user.id,
      email: 'locked-out@example.com',
      mustChangePassword: true,
    });
    expect(await verifyLogin({ email: 'locked-out@example.com', password: ONE_TIME })).toBe(
      user.id,
    );
    expect(await getSessionUser(new Request(ORIGIN, { headers: { Cookie: session } }))).toBeNull();
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.mustChangePassword).toBe(true);

    const { events, text } = await auditTexts(user.id);
    const entry = events.find((e) => e.action === 'user.oneTimePassword');
    expect(entry?.actorId).toBeNull();
    expect(JSON.parse(entry?.after ?? '{}')).toMatchObject({ via: 'cli' });
    expect(text).not.toContain(ONE_TIME);
  }, 240_000);
});
