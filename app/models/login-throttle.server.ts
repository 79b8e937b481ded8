import { isIP } from 'node:net';
import { prisma } from '~/utils/db.server';
import { isUniqueViolation } from '~/utils/db-errors.server';

/**
 * Throttling of password checks (logins) and of reset mails.
 *
 * A check is allowed only after it has *reserved* a slot in every counter that applies, and each
 * reservation is one conditional UPDATE of a counter row ("add one where fewer than the limit and
 * not locked"). The database applies such updates one at a time per row on SQLite and PostgreSQL
 * alike, so a burst of parallel requests gets exactly as many checks as the limit allows: never
 * more, however the requests interleave. (Counting failures first and recording them after the
 * check let 40 parallel guesses through a limit of 8.)
 *
 * Counters, each a LoginThrottle row:
 * - the account, for attempts from addresses it has never logged in from;
 * - the account at one of its usual addresses (a successful login from there before): a
 *   stranger's failures elsewhere fill the account counter, not this one, so they cannot lock
 *   the owner out at their desk;
 * - the address, across all accounts (one machine guessing many accounts).
 * A counter that fills up locks its key: for one window the first time, twice as long each time
 * after (capped), until it has been quiet for a day. A successful login gives its reservation
 * back, so the owner's own logins never use up the budget.
 */
export const THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerAccount: 8,
  maxFailuresPerAddress: 30,
  maxLockMinutes: 24 * 60,
  /** after this long without a lockout the next one is short again */
  forgetLockoutsAfterMinutes: 24 * 60,
  /** how many addresses of a user count as usual (the most recently used) */
  usualAddresses: 10,
  /** an address the user has not logged in from for this long is no longer usual */
  usualForDays: 90,
  /** password reset mails: per account and per address within resetWindowMinutes */
  resetWindowMinutes: 60,
  maxResetsPerAccount: 3,
  maxResetsPerAddress: 10,
} as const;

const MINUTE = 60_000;

/**
 * The address as a throttling key: IPv4-mapped IPv6 addresses as plain IPv4, IPv6 by its /64
 * network (one connection usually owns a whole /64 and can pick any address in it).
 */
export function addressKey(address: string): string {
  const plain = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain);
  if (mapped) return mapped[1] as string;
  if (isIP(plain) !== 6) return plain || 'unknown';
  const [head = '', tail = ''] = plain.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = plain.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

type Bucket = { key: string; limit: number; windowMinutes: number };

export type Reservation =
  { ok: true; release: () => Promise<void> } | { ok: false; retryAfterSeconds: number };

async function ensureRow(key: string, now: Date) {
  try {
    await prisma.loginThrottle.create({ data: { key, windowStart: now } });
  } catch (error) {
    // created meanwhile by a parallel request: that is the row we want
    if (!isUniqueViolation(error)) throw error;
  }
}

/** Takes one slot of the bucket, or answers how long until one is free. */
async function reserveOne(bucket: Bucket, now: Date): Promise<number | null> {
  const { key, limit } = bucket;
  const windowStartedBefore = new Date(now.getTime() - bucket.windowMinutes * MINUTE);
  const unlocked = { OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] };
  await ensureRow(key, now);
  // a long quiet spell forgets earlier lockouts
  await prisma.loginThrottle.updateMany({
    where: {
      key,
      ...unlocked,
      windowStart: { lte: new Date(now.getTime() - THROTTLE.forgetLockoutsAfterMinutes * MINUTE) },
    },
    data: { lockouts: 0 },
  });
  // a window that is over starts afresh; the condition makes parallel requests start it once
  await prisma.loginThrottle.updateMany({
    where: { key, ...unlocked, windowStart: { lte: windowStartedBefore } },
    data: { attempts: 0, windowStart: now, lockedUntil: null },
  });
  // the reservation itself: one conditional increment
  const taken = await prisma.loginThrottle.updateMany({
    where: { key, ...unlocked, attempts: { lt: limit } },
    data: { attempts: { increment: 1 } },
  });
  if (taken.count === 1) return null;
  const row = await prisma.loginThrottle.findUnique({ where: { key } });
  const until = Math.max(
    row?.lockedUntil?.getTime() ?? 0,
    (row?.windowStart.getTime() ?? now.getTime()) + bucket.windowMinutes * MINUTE,
  );
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

async function releaseOne(key: string) {
  await prisma.loginThrottle.updateMany({
    where: { key, attempts: { gt: 0 } },
    data: { attempts: { decrement: 1 } },
  });
}

/**
 * After a failed check: a counter that is now full locks its key, for twice as long as its
 * previous lockout. The compare-and-set on `lockouts` lets only one of several parallel
 * failures set the lock.
 */
async function lockIfFull(bucket: Bucket, now: Date) {
  const row = await prisma.loginThrottle.findUnique({ where: { key: bucket.key } });
  if (!row || row.attempts < bucket.limit) return;
  if (row.lockedUntil && row.lockedUntil > now) return;
  const minutes = Math.min(
    THROTTLE.maxLockMinutes,
    bucket.windowMinutes * 2 ** Math.min(row.lockouts, 16),
  );
  await prisma.loginThrottle.updateMany({
    where: { key: bucket.key, lockouts: row.lockouts, attempts: { gte: bucket.limit } },
    data: {
      lockedUntil: new Date(now.getTime() + minutes * MINUTE),
      lockouts: { increment: 1 },
    },
  });
}

/**
 * Reserves a slot in every bucket, or none: when one refuses, the slots already taken are given
 * back. Buckets are taken in a fixed order (as given), so parallel requests do not starve one
 * another for long.
 */
async function reserve(buckets: readonly Bucket[], now = new Date()): Promise<Reservation> {
  const taken: Bucket[] = [];
  for (const bucket of buckets) {
    const wait = await reserveOne(bucket, now);
    if (wait !== null) {
      for (const t of taken) await releaseOne(t.key);
      return { ok: false, retryAfterSeconds: wait };
    }
    taken.push(bucket);
  }
  return {
    ok: true,
    release: async () => {
      for (const t of taken) await releaseOne(t.key);
    },
  };
}

/** Whether the user has logged in successfully from this address lately. */
async function isUsualAddress(email: string, address: string): Promise<boolean> {
  const since = new Date(Date.now() - THROTTLE.usualForDays * 24 * 60 * MINUTE);
  const found = await prisma.loginAddress.findFirst({
    where: { address, lastLoginAt: { gte: since }, user: { email } },
    select: { userId: true },
  });
  return Boolean(found);
}

export type LoginAttempt =
  | { ok: true; succeeded: () => Promise<void>; failed: () => Promise<void> }
  | { ok: false; retryAfterSeconds: number };

/**
 * Reserves one password check for `email` from `address`. Call `succeeded()` or `failed()` with
 * the outcome of the check; when `ok` is false, do not check the password at all.
 */
export async function reserveLoginAttempt(
  email: string,
  rawAddress: string,
): Promise<LoginAttempt> {
  const address = addressKey(rawAddress);
  const usual = await isUsualAddress(email, address);
  const window = THROTTLE.windowMinutes;
  const buckets: Bucket[] = [
    usual
      ? {
          key: `login:account-at:${email}|${address}`,
          limit: THROTTLE.maxFailuresPerAccount,
          windowMinutes: window,
        }
      : {
          key: `login:account:${email}`,
          limit: THROTTLE.maxFailuresPerAccount,
          windowMinutes: window,
        },
    {
      key: `login:address:${address}`,
      limit: THROTTLE.maxFailuresPerAddress,
      windowMinutes: window,
    },
  ];
  const reservation = await reserve(buckets);
  if (!reservation.ok) return reservation;
  return {
    ok: true,
    succeeded: reservation.release,
    failed: async () => {
      const now = new Date();
      for (const bucket of buckets) await lockIfFull(bucket, now);
      await pruneThrottles(now);
    },
  };
}

/** Remembers the address as one the user logs in from (keeping the most recent few). */
export async function rememberLoginAddress(userId: string, rawAddress: string) {
  const address = addressKey(rawAddress);
  const now = new Date();
  await prisma.loginAddress.upsert({
    where: { userId_address: { userId, address } },
    create: { userId, address, lastLoginAt: now },
    update: { lastLoginAt: now },
  });
  const stale = await prisma.loginAddress.findMany({
    where: { userId },
    orderBy: { lastLoginAt: 'desc' },
    skip: THROTTLE.usualAddresses,
    select: { address: true },
  });
  if (stale.length) {
    await prisma.loginAddress.deleteMany({
      where: { userId, address: { in: stale.map((s) => s.address) } },
    });
  }
}

/**
 * Reserves one password reset mail for the email from the address: at most a few per account
 * and per address each hour, whether or not the account exists.
 */
export async function reservePasswordResetMail(email: string, rawAddress: string) {
  const address = addressKey(rawAddress);
  const window = THROTTLE.resetWindowMinutes;
  return reserve([
    { key: `reset:account:${email}`, limit: THROTTLE.maxResetsPerAccount, windowMinutes: window },
    { key: `reset:address:${address}`, limit: THROTTLE.maxResetsPerAddress, windowMinutes: window },
  ]);
}

/**
 * Frees the account's counter after its owner proved who they are another way (a reset link, a
 * one-time password): a stranger's failed guesses must not keep them out. Earlier lockouts are
 * still remembered, so further guessing is locked out for longer.
 */
export async function unlockAccount(email: string) {
  await prisma.loginThrottle.updateMany({
    where: { key: `login:account:${email}` },
    data: { attempts: 0, lockedUntil: null },
  });
}

/** Counters nobody has touched for longer than any lock lasts are gone. */
async function pruneThrottles(now: Date) {
  // cheap enough to do now and then, not on every request
  if (Math.random() > 0.05) return;
  const cutoff = new Date(now.getTime() - 2 * THROTTLE.maxLockMinutes * MINUTE);
  await prisma.loginThrottle.deleteMany({ where: { updatedAt: { lt: cutoff } } });
}
