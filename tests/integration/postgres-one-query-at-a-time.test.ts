// On PostgreSQL a transaction holds one connection, and a connection runs one query at a time.
// Prisma sends several queries at once inside a transaction (the relations of an include, or
// reads a model starts side by side); the adapter (app/utils/db-postgres.server.ts) must send
// them one after the other instead of leaving them queued in the pg driver, which deprecates
// that and refuses it from pg 9 on. Every query on every connection is watched here.
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '~/utils/db.server';
import { isPostgresUrl } from '~/utils/database-url';

const postgres = isPostgresUrl(process.env.DATABASE_URL);

type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const originalQuery = pg.Client.prototype.query as unknown as Query;
const running = new WeakMap<pg.Client, number>();
let overlaps: string[] = [];

/** Counts the queries a connection has started and not yet answered (callback and promise form). */
function watchedQuery(this: pg.Client, ...args: unknown[]): unknown {
  const now = (running.get(this) ?? 0) + 1;
  running.set(this, now);
  if (now > 1) {
    const first = args[0];
    const text = typeof first === 'string' ? first : (first as { text?: string })?.text;
    overlaps.push(String(text));
  }
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    running.set(this, (running.get(this) ?? 1) - 1);
  };
  const last = args.length - 1;
  const callback = args[last];
  if (typeof callback === 'function') {
    args[last] = (...result: unknown[]) => {
      end();
      return (callback as (...r: unknown[]) => unknown)(...result);
    };
  }
  const result = originalQuery.apply(this, args);
  if (result && typeof (result as Promise<unknown>).then === 'function') {
    (result as Promise<unknown>).then(end, end);
  } else if (typeof callback !== 'function') {
    end(); // a submittable reports its end elsewhere: not used by Lotse
  }
  return result;
}

describe.skipIf(!postgres)('a transaction on PostgreSQL', () => {
  beforeAll(() => {
    pg.Client.prototype.query = watchedQuery as unknown as typeof pg.Client.prototype.query;
  });
  afterAll(() => {
    pg.Client.prototype.query = originalQuery as unknown as typeof pg.Client.prototype.query;
  });
  afterEach(() => {
    overlaps = [];
  });

  async function someone(email: string) {
    return prisma.user.create({
      data: {
        email,
        name: 'Ida Example',
        passwordHash: 'not a hash',
        roles: { create: [{ role: 'editor' }, { role: 'expert' }] },
        loginAddresses: { create: [{ address: '192.0.2.1', lastLoginAt: new Date() }] },
      },
      select: { id: true },
    });
  }

  it('reads the relations of an include one query at a time, and reads them right', async () => {
    const { id } = await someone('ida@example.com');
    const read = await prisma.$transaction(async (tx) =>
      tx.user.update({
        where: { id },
        data: { name: 'Ida Renamed' },
        include: {
          roles: { orderBy: { role: 'asc' } },
          sessions: true,
          loginAddresses: true,
          expertProfile: true,
          notificationPreferences: true,
        },
      }),
    );
    expect(read.name).toBe('Ida Renamed');
    expect(read.roles.map((r) => r.role)).toEqual(['editor', 'expert']);
    expect(read.loginAddresses.map((a) => a.address)).toEqual(['192.0.2.1']);
    expect(read.sessions).toEqual([]);
    expect(read.expertProfile).toBeNull();
    expect(overlaps).toEqual([]);
  });

  it('runs reads started side by side one after the other, each with its own answer', async () => {
    const { id } = await someone('jan@example.com');
    const [user, roles, addresses, count] = await prisma.$transaction(async (tx) =>
      Promise.all([
        tx.user.findUnique({ where: { id }, select: { email: true } }),
        tx.userRole.findMany({ where: { userId: id }, orderBy: { role: 'asc' } }),
        tx.loginAddress.findMany({ where: { userId: id } }),
        tx.user.count({ where: { email: 'jan@example.com' } }),
      ]),
    );
    expect(user?.email).toBe('jan@example.com');
    expect(roles.map((r) => r.role)).toEqual(['editor', 'expert']);
    expect(addresses).toHaveLength(1);
    expect(count).toBe(1);
    expect(overlaps).toEqual([]);
  });

  it('fails the transaction when one of the queries side by side fails, and rolls it back', async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.user.create({
          data: { email: 'kim@example.com', name: 'Kim', passwordHash: 'not a hash' },
        });
        await Promise.all([
          tx.user.findMany({ include: { roles: true, loginAddresses: true, sessions: true } }),
          // the address is taken by the user created above
          tx.user.create({ data: { email: 'kim@example.com', name: 'Kim', passwordHash: 'x' } }),
          tx.userRole.findMany(),
        ]);
      }),
    ).rejects.toThrow();
    // nothing of it was kept, and the connection serves the next transaction
    const kept = await prisma.$transaction(async (tx) =>
      tx.user.count({ where: { email: 'kim@example.com' } }),
    );
    expect(kept).toBe(0);
    expect(overlaps).toEqual([]);
  });
});
