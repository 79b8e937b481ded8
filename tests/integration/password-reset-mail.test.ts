// "Forgot password" with real mail: an SMTP server inside the test receives what Lotse sends,
// and mailparser reads it the way a mail client would.
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUser, verifyLogin } from '~/models/user.server';
import { action as forgotAction, loader as forgotLoader } from '~/routes/forgot-password';
import { loader as loginLoader } from '~/routes/login';
import { action as resetAction, loader as resetLoader } from '~/routes/reset-password';
import { prisma } from '~/utils/db.server';
import { createSession, getSessionUser } from '~/utils/session.server';

const ORIGIN = 'http://lotse.test';
const PASSWORD = 'Leuchtturm Nebelhorn 1897';
const NEW_PASSWORD = 'Kompass Seekarte Ebbe 42';

type Received = { from: string; to: string[]; auth: string | null; mail: ParsedMail };
const inbox: Received[] = [];
let server: SMTPServer;

beforeAll(async () => {
  server = new SMTPServer({
    // plain SMTP on the loopback interface, with a login like a real relay's
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === 'lotse' && auth.password === 'relay-secret')
        return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          inbox.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            auth: typeof session.user === 'string' ? session.user : null,
            mail,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://lotse:relay-secret@127.0.0.1:${port}`;
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
  await prisma.loginThrottle.deleteMany();
});

let address = 0;
async function requestLink(email: string, from = `192.0.2.${++address}`) {
  const request = new Request(`${ORIGIN}/forgot-password`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'Accept-Language': 'en-GB,en;q=0.9',
    },
    body: new URLSearchParams({ email }),
  });
  return (await forgotAction({
    request,
    params: {},
    context: { clientAddress: from },
  })) as Response;
}

async function nextMail(timeoutMs = 10_000): Promise<Received> {
  const until = Date.now() + timeoutMs;
  while (!inbox.length) {
    if (Date.now() > until) throw new Error('no mail arrived');
    await new Promise((r) => setTimeout(r, 20));
  }
  return inbox.shift() as Received;
}

function linkIn(text: string): URL {
  const match = /https:\/\/lotse\.example\.com\/reset-password\?token=[A-Za-z0-9_-]+/.exec(text);
  if (!match) throw new Error(`no reset link in:\n${text}`);
  return new URL(match[0]);
}

async function resetWith(token: string, password: string, confirm = password) {
  const request = new Request(`${ORIGIN}/reset-password?token=${token}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, newPassword: password, confirmPassword: confirm }),
  });
  const response = (await resetAction({ request, params: {}, context: {} })) as Response;
  const body = response.status === 400 ? await response.json() : null;
  return { status: response.status, location: response.headers.get('Location'), body };
}

const resetPage = async (token: string) =>
  (await resetLoader({
    request: new Request(`${ORIGIN}/reset-password?token=${token}`),
    params: {},
    context: {},
  })) as unknown as { json: () => Promise<{ valid: boolean }> };

describe('forgot password, with mail configured', () => {
  it('mails a single-use link in the person’s language; only its hash is stored', async () => {
    const user = await createUser({
      email: 'greta@example.com',
      name: 'Greta Lund',
      password: PASSWORD,
      roles: ['editor'],
    });
    await prisma.user.update({ where: { id: user.id }, data: { locale: 'de' } });
    const session = (await createSession(user.id, new Request(ORIGIN))).split(';')[0] as string;

    const answer = await requestLink('  Greta@Example.com ');
    expect(answer.status).toBe(302);
    expect(answer.headers.get('Location')).toBe('/forgot-password?sent=1');

    const { from, to, auth, mail } = await nextMail();
    expect(auth).toBe('lotse');
    expect(from).toBe('lotse@example.com');
    expect(to).toEqual(['greta@example.com']);
    expect(mail.subject).toBe('Ihr Lotse-Passwort');
    expect(mail.headers.get('content-language')).toBe('de');
    expect(mail.text).toContain('Hallo Greta Lund');
    expect(mail.html).toBeTruthy();
    expect(mail.html).toContain('Neues Passwort wählen');
    const link = linkIn(mail.text ?? '');
    expect(mail.html).toContain(link.search.replace('?', ''));
    const token = link.searchParams.get('token') as string;

    // the database holds the token's hash and an expiry within the hour, never the token
    const stored = await prisma.passwordReset.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).toBe(createHash('sha256').update(token).digest('hex'));
    expect(stored[0]!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    expect(JSON.stringify(await prisma.passwordReset.findMany())).not.toContain(token);

    expect(await (await resetPage(token)).json()).toMatchObject({ valid: true });
    // the policy applies
    const weak = await resetWith(token, 'Passwort2025!');
    expect(weak.status).toBe(400);
    expect(weak.body.errors.newPassword.key).toBe('validation.passwordCommon');

    const done = await resetWith(token, NEW_PASSWORD);
    expect(done).toMatchObject({ status: 302, location: '/login?reset=done' });
    expect(await verifyLogin({ email: 'greta@example.com', password: NEW_PASSWORD })).toBe(user.id);
    // every session has ended
    expect(await getSessionUser(new Request(ORIGIN, { headers: { Cookie: session } }))).toBeNull();

    // single use
    const again = await resetWith(token, 'Noch ein ganz anderes Passwort');
    expect(again.status).toBe(400);
    expect(again.body.errors._form.key).toBe('passwordReset.invalidLink');
    expect(await (await resetPage(token)).json()).toMatchObject({ valid: false });

    // in the audit log, without the token or a password
    const events = await prisma.auditEvent.findMany({ where: { entityId: user.id } });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['user.passwordResetRequested', 'user.passwordReset']),
    );
    const text = JSON.stringify(events);
    for (const secret of [token, NEW_PASSWORD, PASSWORD]) expect(text).not.toContain(secret);
  });

  it('answers the same for an unknown address, and sends nothing', async () => {
    const known = await createUser({
      email: 'known@example.com',
      name: 'Kno Wn',
      password: PASSWORD,
      roles: ['expert'],
    });
    const forKnown = await requestLink('known@example.com');
    await nextMail();
    const links = await prisma.passwordReset.count();
    const forUnknown = await requestLink('nobody-here@example.com');
    expect(forUnknown.status).toBe(forKnown.status);
    expect(forUnknown.headers.get('Location')).toBe(forKnown.headers.get('Location'));
    expect(await forUnknown.text()).toBe('');
    await new Promise((r) => setTimeout(r, 300));
    expect(inbox).toHaveLength(0);
    expect(await prisma.passwordReset.count()).toBe(links);
    expect(await prisma.passwordReset.count({ where: { userId: known.id } })).toBe(1);
    // English for a person without a saved language and an English browser
    await requestLink('known@example.com');
    expect((await nextMail()).mail.subject).toBe('Your Lotse password');
  });

  it('expires links, and a newer link replaces the older one', async () => {
    await createUser({
      email: 'late@example.com',
      name: 'Lat E',
      password: PASSWORD,
      roles: ['expert'],
    });
    await requestLink('late@example.com');
    const first = linkIn((await nextMail()).mail.text ?? '').searchParams.get('token') as string;
    await requestLink('late@example.com');
    const second = linkIn((await nextMail()).mail.text ?? '').searchParams.get('token') as string;
    expect((await resetWith(first, NEW_PASSWORD)).status).toBe(400);
    await prisma.passwordReset.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await resetWith(second, NEW_PASSWORD)).status).toBe(400);
    expect(await verifyLogin({ email: 'late@example.com', password: PASSWORD })).not.toBeNull();
  });

  it('throttles requests per account and per address', async () => {
    await createUser({
      email: 'often@example.com',
      name: 'Of Ten',
      password: PASSWORD,
      roles: ['expert'],
    });
    // per account, from different addresses at once
    const perAccount = await Promise.all(
      Array.from({ length: 8 }, (_, i) => requestLink('often@example.com', `203.0.113.${i + 1}`)),
    );
    expect(perAccount.filter((r) => r.status === 302)).toHaveLength(3);
    expect(perAccount.filter((r) => r.status === 429)).toHaveLength(5);
    // the same limit for an address nobody owns, so the answer tells nothing
    const unknown = await Promise.all(
      Array.from({ length: 8 }, (_, i) => requestLink('ghost@example.com', `203.0.113.${i + 20}`)),
    );
    expect(unknown.filter((r) => r.status === 429)).toHaveLength(5);
    // per address, across accounts
    const perAddress = await Promise.all(
      Array.from({ length: 14 }, (_, i) => requestLink(`someone${i}@example.com`, '198.51.100.9')),
    );
    expect(perAddress.filter((r) => r.status === 302)).toHaveLength(10);
    // three mails for the one account that exists, however many were asked for
    const arrived = [await nextMail(), await nextMail(), await nextMail()];
    expect(arrived.every((m) => m.to[0] === 'often@example.com')).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(inbox).toHaveLength(0);
  });
});

describe('without mail', () => {
  it('shows no link and says that reset by mail is not configured', async () => {
    const saved = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      const login = (await loginLoader({
        request: new Request(`${ORIGIN}/login`),
        params: {},
        context: {},
      })) as Response;
      expect(await login.json()).toMatchObject({ forgotPassword: false });
      const page = (await forgotLoader({
        request: new Request(`${ORIGIN}/forgot-password`),
        params: {},
        context: {},
      })) as Response;
      expect(await page.json()).toMatchObject({ configured: false });
      const post = await requestLink('known@example.com');
      expect(post.status).toBe(400);
      expect((await post.json()).errors._form.key).toBe('passwordReset.notConfigured');
    } finally {
      process.env.SMTP_URL = saved;
    }
  });
});
