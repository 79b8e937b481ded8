// The login under attack: parallel guessing (the throttle must hold whatever the concurrency),
// strangers trying to lock an owner out, and hostile redirect targets. Everything goes through
// the login route's loader and action, on this file's own database.
import { beforeAll, describe, expect, it } from 'vitest';
import { addressKey, THROTTLE } from '~/models/login-throttle.server';
import { action as loginAction, loader as loginLoader } from '~/routes/login';
import { prisma } from '~/utils/db.server';
import { hashPassword } from '~/utils/password.server';
import { createSession } from '~/utils/session.server';

const ORIGIN = 'http://lotse.test';
const PASSWORD = 'Leuchtturm Nebelhorn 1897';

async function logIn(
  email: string,
  password: string,
  address: string,
  extra: Record<string, string> = {},
) {
  const request = new Request(`${ORIGIN}/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, ...extra }),
  });
  const response = (await loginAction({
    request,
    params: {},
    context: { clientAddress: address },
  })) as Response;
  return response;
}

/** Fires all attempts at once and counts the answers by status. */
async function burst(attempts: (() => Promise<Response>)[]) {
  const responses = await Promise.all(attempts.map((a) => a()));
  const count: Record<number, number> = {};
  for (const r of responses) count[r.status] = (count[r.status] ?? 0) + 1;
  return { count, responses };
}

let n = 0;
let passwordHash: string;
/** A fresh account, so that the tests do not share counters (one hash for all: hashing is slow). */
async function account() {
  const email = `owner${++n}@example.com`;
  const user = await prisma.user.create({
    data: { email, name: `Owner ${n}`, passwordHash, roles: { create: [{ role: 'editor' }] } },
  });
  return { email, id: user.id };
}

const OWNER_DESK = '192.0.2.10';
// each test guesses from an address of its own, so the per-address counter stays out of the way
const STRANGER = '198.51.100.66';

/** Moves the account's counters into the past, as if `minutes` had passed. */
async function timePasses(minutes: number) {
  const shift = (d: Date | null) => (d ? new Date(d.getTime() - minutes * 60_000) : null);
  for (const row of await prisma.loginThrottle.findMany()) {
    await prisma.loginThrottle.update({
      where: { key: row.key },
      data: { windowStart: shift(row.windowStart) as Date, lockedUntil: shift(row.lockedUntil) },
    });
  }
}

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
  await prisma.loginThrottle.deleteMany();
});

describe('login throttling under parallel bursts', () => {
  it('verifies at most the allowed number of passwords when 40 guesses arrive at once', async () => {
    const { email } = await account();
    const { count } = await burst(
      Array.from({ length: 40 }, (_, i) => () => logIn(email, `wrong guess ${i}`, STRANGER)),
    );
    // 401: the password was checked and wrong; 429: refused before any check
    expect(count[401]).toBe(THROTTLE.maxFailuresPerAccount);
    expect(count[429]).toBe(40 - THROTTLE.maxFailuresPerAccount);
    // the right password is refused from there too, without being checked
    expect((await logIn(email, PASSWORD, STRANGER)).status).toBe(429);
  });

  it('holds when the guesses come from 40 different addresses', async () => {
    const { email } = await account();
    const { count } = await burst(
      Array.from({ length: 40 }, (_, i) => () => logIn(email, `guess ${i}`, `203.0.113.${i + 1}`)),
    );
    expect(count[401]).toBe(THROTTLE.maxFailuresPerAccount);
    expect(count[429]).toBe(40 - THROTTLE.maxFailuresPerAccount);
  });

  it('holds per address when one machine guesses many accounts at once', async () => {
    const emails = await Promise.all(Array.from({ length: 40 }, () => account()));
    const { count } = await burst(
      emails.map(
        ({ email }) =>
          () =>
            logIn(email, 'not the password', '198.51.100.200'),
      ),
    );
    expect(count[401]).toBe(THROTTLE.maxFailuresPerAddress);
    expect(count[429]).toBe(40 - THROTTLE.maxFailuresPerAddress);
  });

  it('never lets more than the limit through in a mixed burst of right and wrong passwords', async () => {
    const { email } = await account();
    const { count } = await burst(
      Array.from(
        { length: 40 },
        (_, i) => () => logIn(email, i % 10 === 0 ? PASSWORD : `wrong ${i}`, '203.0.113.222'),
      ),
    );
    // every answer that is not a refusal came from a password check
    const checked = (count[401] ?? 0) + (count[302] ?? 0);
    expect(checked).toBeGreaterThanOrEqual(THROTTLE.maxFailuresPerAccount);
    expect(count[401] ?? 0).toBeLessThanOrEqual(THROTTLE.maxFailuresPerAccount);
    // successful checks give their slot back, so at most the limit of failures plus the 4 right ones
    expect(checked).toBeLessThanOrEqual(THROTTLE.maxFailuresPerAccount + 4);
  });
});

describe('a stranger cannot lock the owner out', () => {
  it('the owner still logs in from their usual address after a burst from elsewhere', async () => {
    const { email, id } = await account();
    expect((await logIn(email, PASSWORD, OWNER_DESK)).status).toBe(302);
    expect(await prisma.loginAddress.count({ where: { userId: id } })).toBe(1);

    const { count } = await burst(
      Array.from({ length: 40 }, (_, i) => () => logIn(email, `guess ${i}`, '198.51.100.67')),
    );
    expect(count[401]).toBe(THROTTLE.maxFailuresPerAccount);
    // the stranger is locked out, even with the right password…
    expect((await logIn(email, PASSWORD, '198.51.100.67')).status).toBe(429);
    // …and so is any other new address
    expect((await logIn(email, PASSWORD, '203.0.113.99')).status).toBe(429);
    // the owner at their desk is not
    const owner = await logIn(email, PASSWORD, OWNER_DESK);
    expect(owner.status).toBe(302);
    expect(owner.headers.get('Set-Cookie')).toMatch(/lotse_session=/);
  });

  it('the owner’s own failures at their desk are throttled there, not for the account', async () => {
    const { email } = await account();
    expect((await logIn(email, PASSWORD, OWNER_DESK)).status).toBe(302);
    const { count } = await burst(
      Array.from({ length: 20 }, (_, i) => () => logIn(email, `typo ${i}`, OWNER_DESK)),
    );
    expect(count[401]).toBe(THROTTLE.maxFailuresPerAccount);
    expect((await logIn(email, PASSWORD, OWNER_DESK)).status).toBe(429);
  });

  it('successful logins give their slot back: a busy owner never runs out', async () => {
    const { email } = await account();
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount + 4; i++) {
      expect((await logIn(email, PASSWORD, '203.0.113.150')).status).toBe(302);
    }
    // a few typos later the owner still gets in
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount - 1; i++) {
      expect((await logIn(email, `typo ${i}`, '203.0.113.151')).status).toBe(401);
    }
    expect((await logIn(email, PASSWORD, '203.0.113.151')).status).toBe(302);
  });
});

describe('growing lockouts', () => {
  it('lock for a window, then twice as long each time, and tell the client when to come back', async () => {
    const { email } = await account();
    const fail = () => logIn(email, 'wrong', '198.51.100.68');
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++)
      expect((await fail()).status).toBe(401);
    const first = await fail();
    expect(first.status).toBe(429);
    const firstWait = Number(first.headers.get('Retry-After'));
    expect(firstWait).toBeGreaterThan(THROTTLE.windowMinutes * 60 - 30);
    expect(firstWait).toBeLessThanOrEqual(THROTTLE.windowMinutes * 60);

    await timePasses(THROTTLE.windowMinutes + 1);
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++)
      expect((await fail()).status).toBe(401);
    const second = await fail();
    expect(second.status).toBe(429);
    const secondWait = Number(second.headers.get('Retry-After'));
    expect(secondWait).toBeGreaterThan(2 * THROTTLE.windowMinutes * 60 - 30);
    expect(secondWait).toBeLessThanOrEqual(2 * THROTTLE.windowMinutes * 60);

    // still locked a window later
    await timePasses(THROTTLE.windowMinutes + 1);
    expect((await fail()).status).toBe(429);
    await timePasses(THROTTLE.windowMinutes);
    expect((await logIn(email, PASSWORD, '198.51.100.68')).status).toBe(302);
  }, 90_000);
});

describe('addresses as throttling keys', () => {
  it('treat an IPv6 /64 as one address and IPv4-mapped addresses as IPv4', () => {
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:0db8:0001:0002:ffff:1:2:3'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('')).toBe('unknown');
  });
});

describe('redirects after login', () => {
  async function signedInLoader(redirectTo: string) {
    const user = await prisma.user.findFirstOrThrow();
    const cookie = (await createSession(user.id, new Request(ORIGIN))).split(';')[0] as string;
    const url = `${ORIGIN}/login?${new URLSearchParams({ redirectTo })}`;
    const thrown = await Promise.resolve(
      loginLoader({
        request: new Request(url, { headers: { Cookie: cookie } }),
        params: {},
        context: {},
      }),
    ).catch((r: unknown) => r);
    expect(thrown).toBeInstanceOf(Response);
    return thrown as Response;
  }

  it('stay on Lotse for a signed-in browser, whatever redirectTo says', async () => {
    for (const target of [
      '/\t/example.com',
      '/\n/example.com',
      '//example.com',
      '/\\example.com',
    ]) {
      const response = await signedInLoader(target);
      expect(response.status, JSON.stringify(target)).toBe(302);
      expect(response.headers.get('Location'), JSON.stringify(target)).toBe('/');
    }
    expect((await signedInLoader('/calendar?view=week')).headers.get('Location')).toBe(
      '/calendar?view=week',
    );
  });

  it('after the form: a line feed or a tab in redirectTo gives the start page, not an error', async () => {
    const { email } = await account();
    for (const redirectTo of ['/\n/example.com', '/\t/example.com', '/\r\nSet-Cookie: a=b']) {
      const response = await logIn(email, PASSWORD, OWNER_DESK, { redirectTo });
      expect(response.status).toBe(302);
      expect(response.headers.get('Location')).toBe('/');
    }
  });
});
