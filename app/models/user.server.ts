import { prisma, usesPostgres, type Tx } from '~/utils/db.server';
import { dummyPasswordHash, hashPassword, verifyPassword } from '~/utils/password.server';
import type { Role } from '~/domain/permissions';
import type { Locale } from '~/i18n';
import { recordAudit } from './audit.server';
import { assertActorCan } from './actor.server';
import { versionedUpdate } from './versioned.server';

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

/**
 * The user id when email and password belong to an active account, else null. The answer takes
 * the same time whether or not the account exists, so it tells nothing about which part was wrong.
 */
export async function verifyLogin({ email, password }: { email: string; password: string }) {
  const user = await prisma.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, active: true, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  return user && ok && user.active ? user.id : null;
}

export async function createUser(
  {
    email,
    name,
    password,
    roles,
    actorId = null,
  }: {
    email: string;
    name: string;
    password: string;
    roles: readonly Role[];
    actorId?: string | null;
  },
  tx?: Tx,
) {
  const passwordHash = await hashPassword(password);
  const run = async (db: Tx) => {
    // the command line creates users without an actor: whoever runs it administers the install
    if (actorId) await assertActorCan(db, actorId, 'users:manage');
    const user = await db.user.create({
      data: {
        email: normalizeEmail(email),
        name: name.trim(),
        passwordHash,
        roles: { create: [...new Set(roles)].map((role) => ({ role })) },
      },
      select: { id: true, email: true, name: true },
    });
    await recordAudit(db, {
      actorId,
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email, name: user.name, roles: [...new Set(roles)].sort() },
    });
    return user;
  };
  return tx ? run(tx) : prisma.$transaction(run);
}

export async function emailTaken(email: string, exceptId?: string) {
  const found = await prisma.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true },
  });
  return Boolean(found && found.id !== exceptId);
}

export function listUsers() {
  return prisma.user.findMany({
    orderBy: [{ active: 'desc' }, { name: 'asc' }],
    select: {
      id: true,
      email: true,
      name: true,
      active: true,
      lastLoginAt: true,
      roles: { select: { role: true } },
    },
  });
}

export function getUser({ id }: { id: string }) {
  return prisma.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      active: true,
      version: true,
      lastLoginAt: true,
      mustChangePassword: true,
      roles: { select: { role: true } },
    },
  });
}

/**
 * Makes changes that take an administrator away wait for each other, so that each counts the
 * administrators that remain after the others. On PostgreSQL, two such changes (two admins
 * demoting each other) would otherwise both count the other as remaining under read-committed
 * isolation, and both commit: the active administrators' rows are locked, in one order, before
 * counting, and the count then sees what the change that held them committed. SQLite needs no
 * lock: it runs one writing transaction at a time, and one that read before another's write
 * cannot commit its own.
 */
async function lockAdministrators(tx: Tx) {
  if (!usesPostgres()) return;
  await tx.$queryRaw`
    SELECT u."id" FROM "User" u
    WHERE u."active" AND EXISTS (
      SELECT 1 FROM "UserRole" r WHERE r."userId" = u."id" AND r."role" = 'admin')
    ORDER BY u."id"
    FOR UPDATE OF u`;
}

export type UserUpdateProblem =
  'notFound' | 'conflict' | 'cannotDeactivateSelf' | 'cannotRemoveOwnAdmin' | 'lastAdmin';

/**
 * Changes a user's name, roles and active flag in one transaction. `expectedVersion` is the
 * version the editor saw: a change made meanwhile by someone else is reported, not overwritten.
 * Ending a user's sessions on role change or deactivation makes the change take effect at once.
 */
export async function updateUser({
  id,
  actorId,
  expectedVersion,
  name,
  roles,
  active,
}: {
  id: string;
  actorId: string;
  expectedVersion: number;
  name: string;
  roles: readonly Role[];
  active: boolean;
}): Promise<{ ok: true } | { ok: false; problem: UserUpdateProblem }> {
  return prisma.$transaction(async (tx) => {
    await assertActorCan(tx, actorId, 'users:manage');
    const before = await tx.user.findUnique({
      where: { id },
      select: { name: true, active: true, version: true, roles: { select: { role: true } } },
    });
    if (!before) return { ok: false, problem: 'notFound' } as const;
    // an early answer for a form that is out of date; the write below checks it atomically
    if (before.version !== expectedVersion) return { ok: false, problem: 'conflict' } as const;
    const newRoles = [...new Set(roles)].sort();
    if (id === actorId && !active) return { ok: false, problem: 'cannotDeactivateSelf' } as const;
    if (id === actorId && !newRoles.includes('admin'))
      return { ok: false, problem: 'cannotRemoveOwnAdmin' } as const;
    const wasAdmin = before.active && before.roles.some((r) => r.role === 'admin');
    const staysAdmin = active && newRoles.includes('admin');
    if (wasAdmin && !staysAdmin) {
      await lockAdministrators(tx);
      // the actor may have lost the admin role while waiting for the lock
      await assertActorCan(tx, actorId, 'users:manage');
      const otherAdmins = await tx.user.count({
        where: { id: { not: id }, active: true, roles: { some: { role: 'admin' } } },
      });
      if (otherAdmins === 0) return { ok: false, problem: 'lastAdmin' } as const;
    }
    const oldRoles = before.roles.map((r) => r.role).sort();
    const rolesChanged = oldRoles.join() !== newRoles.join();
    const written = await versionedUpdate(tx.user, {
      id,
      expectedVersion,
      data: { name: name.trim(), active },
    });
    if (!written.ok) return written;
    if (rolesChanged) {
      await tx.userRole.deleteMany({ where: { userId: id } });
      await tx.userRole.createMany({ data: newRoles.map((role) => ({ userId: id, role })) });
    }
    if (rolesChanged || (before.active && !active)) {
      await tx.session.deleteMany({ where: { userId: id } });
    }
    await recordAudit(tx, {
      actorId,
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: { name: before.name, active: before.active, roles: oldRoles },
      after: { name: name.trim(), active, roles: newRoles },
    });
    return { ok: true } as const;
  });
}

/** Saves the interface language a user chose; it follows them to every device. */
export async function setUserLocale({ userId, locale }: { userId: string; locale: Locale }) {
  await prisma.user.update({ where: { id: userId }, data: { locale }, select: { id: true } });
}
