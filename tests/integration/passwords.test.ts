import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, verifyLogin } from '~/models/user.server';
import { action as createUserAction } from '~/routes/users.new';
import { prisma } from '~/utils/db.server';
import { passwordProblem } from '~/utils/password-policy.server';
import { createSession } from '~/utils/session.server';
import { createDemoWorkspace } from '../../seeds/demo';
import { DEMO_PASSWORD } from '../../seeds/demo-people';

let adminCookie: string;

beforeAll(async () => {
  const admin = await createUser({
    email: 'first-admin@example.com',
    name: 'First Admin',
    password: 'Leuchtturm am Hafen 7',
    roles: ['admin'],
  });
  const setCookie = await createSession(admin.id, new Request('http://lotse.test/'));
  adminCookie = setCookie.split(';')[0] as string;
});

async function submitNewUser(fields: Record<string, string>) {
  const request = new Request('http://lotse.test/users/new', {
    method: 'POST',
    headers: { Cookie: adminCookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ roles: 'editor', ...fields }),
  });
  const response = (await createUserAction({ request, params: {}, context: {} })) as Response;
  const body = response.status === 400 ? await response.json() : null;
  return { status: response.status, errors: body?.errors };
}

describe('creating a user in the app', () => {
  it('refuses a common password with a message next to the field, and writes nothing', async () => {
    const answer = await submitNewUser({
      name: 'Rita Meyer',
      email: 'rita@example.com',
      password: 'Passwort2025!',
    });
    expect(answer.status).toBe(400);
    expect(answer.errors.password).toEqual({ key: 'validation.passwordCommon', values: {} });
    expect(await prisma.user.count({ where: { email: 'rita@example.com' } })).toBe(0);
  });

  it('refuses the person’s own email address or name as the password', async () => {
    for (const password of ['rita@example.com', 'Rita Meyer 1990']) {
      const answer = await submitNewUser({
        name: 'Rita Meyer',
        email: 'rita@example.com',
        password,
      });
      expect(answer.status, password).toBe(400);
      expect(answer.errors.password.key).toBe('validation.passwordPersonal');
    }
    expect(await prisma.user.count({ where: { email: 'rita@example.com' } })).toBe(0);
  });

  it('accepts a good password', async () => {
    const answer = await submitNewUser({
      name: 'Rita Meyer',
      email: 'rita@example.com',
      password: 'Kaffeetasse Nordsee Fahrrad',
    });
    expect(answer.status).toBe(302);
    expect(
      await verifyLogin({ email: 'rita@example.com', password: 'Kaffeetasse Nordsee Fahrrad' }),
    ).not.toBeNull();
  });
});

describe('cli user create', () => {
  const cli = (args: string[], input: string) =>
    spawnSync(
      path.resolve('node_modules/.bin/tsx'),
      ['app/cli/main.ts', 'user', 'create', ...args],
      {
        input,
        encoding: 'utf8',
        env: process.env,
        timeout: 60_000,
      },
    );
  const args = (email: string) => [
    '--email',
    email,
    '--name',
    'Otto Normal',
    '--role',
    'admin',
    '--password-stdin',
  ];

  it('exits 2 with a clear message on a common or personal password, and creates nobody', () => {
    const common = cli(args('otto@example.com'), 'qwertzuiop123\n');
    expect(common.status).toBe(2);
    expect(common.stderr).toContain('too common');
    const personal = cli(args('otto@example.com'), 'otto@example.com\n');
    expect(personal.status).toBe(2);
    expect(personal.stderr).toContain('name or email address');
    const short = cli(args('otto@example.com'), 'kurz\n');
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('at least 10 characters');
    // three runs of the command line, each starting TypeScript afresh
  }, 60_000);

  it('creates the user with a good password', async () => {
    expect(await prisma.user.count({ where: { email: 'otto@example.com' } })).toBe(0);
    const ok = cli(args('otto@example.com'), 'Kaffeetasse Nordsee Fahrrad\n');
    expect(ok.stderr).toContain('created otto@example.com');
    expect(ok.status).toBe(0);
    expect(await prisma.user.count({ where: { email: 'otto@example.com' } })).toBe(1);
  });
});

describe('the demo workspace', () => {
  it('keeps its documented shared password, which the policy refuses for real accounts', async () => {
    expect(passwordProblem(DEMO_PASSWORD)).toBe('common');
    await createDemoWorkspace(prisma);
    expect(
      await verifyLogin({ email: 'editor@demo.lotse', password: DEMO_PASSWORD }),
    ).not.toBeNull();
  });
});
