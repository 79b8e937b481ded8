import { beforeAll, describe, expect, it } from 'vitest';
import { NotAllowedError } from '~/domain/permissions';
import { createUser, updateUser, verifyLogin } from '~/models/user.server';
import { requirePermission, requireUser } from '~/utils/auth.server';
import { prisma } from '~/utils/db.server';
import { getWorkspace } from '~/models/workspace.server';
import { withRequestScope } from '~/utils/request-scope.server';
import { createSession, destroySession, getSessionUser, hashToken } from '~/utils/session.server';
import { scopeReads } from '../../app/server/http';

const PASSWORD = 'correct horse battery';

function requestWith(cookieHeader?: string, url = 'http://lotse.test/calendar?view=week') {
  return new Request(url, { headers: cookieHeader ? { Cookie: cookieHeader } : {} });
}
const cookiePair = (setCookie: string) => setCookie.split(';')[0] as string;

let editorId: string;
let adminId: string;

beforeAll(async () => {
  editorId = (
    await createUser({
      email: 'Editor@Example.com ',
      name: 'Ed',
      password: PASSWORD,
      roles: ['editor'],
    })
  ).id;
  adminId = (
    await createUser({
      email: 'admin@example.com',
      name: 'Ad',
      password: PASSWORD,
      roles: ['admin'],
    })
  ).id;
});

describe('login', () => {
  it('accepts the right password, in any letter case of the email', async () => {
    expect(await verifyLogin({ email: 'EDITOR@example.com', password: PASSWORD })).toBe(editorId);
  });
  it('refuses a wrong password and an unknown account alike', async () => {
    expect(await verifyLogin({ email: 'editor@example.com', password: 'wrong' })).toBeNull();
    expect(await verifyLogin({ email: 'nobody@example.com', password: PASSWORD })).toBeNull();
  });
  it('stores an Argon2id hash, never the password', async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { id: editorId } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
  });
});

describe('sessions', () => {
  it('carry a random token in an httpOnly, SameSite=Lax cookie and store only its hash', async () => {
    const setCookie = await createSession(editorId, requestWith());
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const user = await getSessionUser(requestWith(cookiePair(setCookie)));
    expect(user).toMatchObject({ id: editorId, email: 'editor@example.com', roles: ['editor'] });
    const sessions = await prisma.session.findMany({ where: { userId: editorId } });
    expect(sessions.every((s) => /^[0-9a-f]{64}$/.test(s.id))).toBe(true);
  });

  it('end on logout', async () => {
    const cookie = cookiePair(await createSession(editorId, requestWith()));
    const cleared = await destroySession(requestWith(cookie));
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expect(await getSessionUser(requestWith(cookie))).toBeNull();
  });

  it('replace the previous session on a new login', async () => {
    const first = cookiePair(await createSession(editorId, requestWith()));
    const second = cookiePair(await createSession(editorId, requestWith(first)));
    expect(await getSessionUser(requestWith(first))).toBeNull();
    expect(await getSessionUser(requestWith(second))).not.toBeNull();
  });

  it('expire', async () => {
    const cookie = cookiePair(await createSession(editorId, requestWith()));
    const token = JSON.parse(
      Buffer.from(decodeURIComponent(cookie.split('=')[1] as string), 'base64').toString(),
    );
    await prisma.session.update({
      where: { id: hashToken(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await getSessionUser(requestWith(cookie))).toBeNull();
    expect(await prisma.session.count({ where: { id: hashToken(token) } })).toBe(0);
  });

  it('ignore forged and malformed cookies', async () => {
    expect(await getSessionUser(requestWith('lotse_session=abc'))).toBeNull();
    expect(await getSessionUser(requestWith('lotse_session=' + 'A'.repeat(5000)))).toBeNull();
  });
});

describe('guards', () => {
  it('send anonymous visitors to the login and back', async () => {
    const thrown = await requireUser(requestWith()).catch((r: Response) => r);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(302);
    expect((thrown as Response).headers.get('Location')).toBe(
      '/login?redirectTo=%2Fcalendar%3Fview%3Dweek',
    );
  });
  it('answer 403 when the role does not allow the action', async () => {
    const cookie = cookiePair(await createSession(editorId, requestWith()));
    const thrown = await requirePermission(requestWith(cookie), 'rules:manage').catch(
      (r: Response) => r,
    );
    expect((thrown as Response).status).toBe(403);
    await expect(requirePermission(requestWith(cookie), 'calendar:plan')).resolves.toMatchObject({
      id: editorId,
    });
  });
});

describe('user administration', () => {
  it('deactivation ends sessions and blocks login', async () => {
    const user = await createUser({
      email: 'leaver@example.com',
      name: 'Lea',
      password: PASSWORD,
      roles: ['expert'],
    });
    const cookie = cookiePair(await createSession(user.id, requestWith()));
    const outcome = await updateUser({
      id: user.id,
      actorId: adminId,
      expectedVersion: 1,
      name: 'Lea',
      roles: ['expert'],
      active: false,
    });
    expect(outcome).toEqual({ ok: true });
    expect(await getSessionUser(requestWith(cookie))).toBeNull();
    expect(await verifyLogin({ email: 'leaver@example.com', password: PASSWORD })).toBeNull();
    const audit = await prisma.auditEvent.findFirst({
      where: { entityId: user.id, action: 'user.update' },
    });
    expect(JSON.parse(audit?.after ?? '{}')).toMatchObject({ active: false });
  });

  it('a role change takes effect at once and is audited', async () => {
    const user = await createUser({
      email: 'promo@example.com',
      name: 'Pro',
      password: PASSWORD,
      roles: ['expert'],
    });
    const cookie = cookiePair(await createSession(user.id, requestWith()));
    await updateUser({
      id: user.id,
      actorId: adminId,
      expectedVersion: 1,
      name: 'Pro',
      roles: ['expert', 'editor'],
      active: true,
    });
    expect(await getSessionUser(requestWith(cookie))).toBeNull();
    const roles = await prisma.userRole.findMany({
      where: { userId: user.id },
      orderBy: { role: 'asc' },
    });
    expect(roles.map((r) => r.role)).toEqual(['editor', 'expert']);
  });

  it('detects a concurrent change instead of overwriting it', async () => {
    const user = await createUser({
      email: 'twice@example.com',
      name: 'Two',
      password: PASSWORD,
      roles: ['expert'],
    });
    const base = {
      id: user.id,
      actorId: adminId,
      expectedVersion: 1,
      roles: ['expert'] as const,
      active: true,
    };
    expect(await updateUser({ ...base, name: 'First' })).toEqual({ ok: true });
    expect(await updateUser({ ...base, name: 'Second' })).toEqual({
      ok: false,
      problem: 'conflict',
    });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe('First');
  });

  it('never leaves the workspace without an active administrator', async () => {
    const self = await updateUser({
      id: adminId,
      actorId: adminId,
      expectedVersion: 1,
      name: 'Ad',
      roles: ['editor'],
      active: true,
    });
    expect(self).toEqual({ ok: false, problem: 'cannotRemoveOwnAdmin' });
    const other = await createUser({
      email: 'admin2@example.com',
      name: 'Ad2',
      password: PASSWORD,
      roles: ['admin'],
    });
    // the other admin may remove the first one's admin role while they remain
    expect(
      await updateUser({
        id: adminId,
        actorId: other.id,
        expectedVersion: 1,
        name: 'Ad',
        roles: ['editor'],
        active: true,
      }),
    ).toEqual({ ok: true });
    // but nobody may take the last one's: the first admin, now an editor, is refused outright,
    // since the model re-checks its actor's current roles
    await expect(
      updateUser({
        id: other.id,
        actorId: adminId,
        expectedVersion: 1,
        name: 'Ad2',
        roles: ['admin'],
        active: false,
      }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    const last = await prisma.user.findUniqueOrThrow({
      where: { id: other.id },
      select: { active: true, roles: { select: { role: true } } },
    });
    expect(last).toEqual({ active: true, roles: [{ role: 'admin' }] });
    // and the last admin cannot deactivate themselves either
    expect(
      await updateUser({
        id: other.id,
        actorId: other.id,
        expectedVersion: 1,
        name: 'Ad2',
        roles: ['admin'],
        active: false,
      }),
    ).toEqual({ ok: false, problem: 'cannotDeactivateSelf' });
  });
});

describe('one page request', () => {
  it('looks up its user and workspace once, however many loaders ask', async () => {
    const setCookie = await createSession(editorId, requestWith());
    const cookie = cookiePair(setCookie);
    const page = () => {
      // Remix hands the root loader, the page loader and the renderer a Request each
      const [a, b] = [requestWith(cookie), requestWith(cookie)];
      return {
        users: [getSessionUser(a), getSessionUser(b)],
        spaces: [getWorkspace(), getWorkspace()],
      };
    };
    const scoped = withRequestScope(page);
    expect(scoped.users[0]).toBe(scoped.users[1]);
    expect(scoped.spaces[0]).toBe(scoped.spaces[1]);
    expect((await scoped.users[0])?.id).toBe(editorId);
    // another request, or none (the CLI, tests): looked up afresh
    const other = withRequestScope(page);
    expect(other.users[0]).not.toBe(scoped.users[0]);
    const unscoped = page();
    expect(unscoped.users[0]).not.toBe(unscoped.users[1]);
    expect(unscoped.spaces[0]).not.toBe(unscoped.spaces[1]);
    for (const p of [scoped, other, unscoped]) await Promise.all([...p.users, ...p.spaces]);
  });

  it('gets a scope from the HTTP layer only when it reads', async () => {
    const setCookie = await createSession(editorId, requestWith());
    const cookie = cookiePair(setCookie);
    const sameUser = (method: string) =>
      new Promise<boolean>((resolve) =>
        scopeReads({ method }, {}, () => {
          const [a, b] = [getSessionUser(requestWith(cookie)), getSessionUser(requestWith(cookie))];
          void Promise.all([a, b]).then(() => resolve(a === b));
        }),
      );
    expect(await sameUser('GET')).toBe(true);
    expect(await sameUser('HEAD')).toBe(true);
    // an action's reads are not reused after its writes
    expect(await sameUser('POST')).toBe(false);
  });
});
