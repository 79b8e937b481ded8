import { prisma } from '~/utils/db.server';

/**
 * Login throttling: failed attempts are counted per account and per network address over a
 * sliding window. After a few failures each further attempt waits a little longer; past the limit
 * the login answers "try again later" without even checking the password.
 */
export const THROTTLE = {
  windowMinutes: 15,
  freeFailures: 3,
  maxFailuresPerAccount: 8,
  maxFailuresPerAddress: 30,
  maxDelayMs: 2_000,
} as const;

export type ThrottleState = { blocked: boolean; delayMs: number };

export async function loginThrottleState(email: string, address: string): Promise<ThrottleState> {
  const since = new Date(Date.now() - THROTTLE.windowMinutes * 60_000);
  const [byAccount, byAddress] = await Promise.all([
    prisma.loginAttempt.count({ where: { email, createdAt: { gte: since } } }),
    prisma.loginAttempt.count({ where: { address, createdAt: { gte: since } } }),
  ]);
  const blocked =
    byAccount >= THROTTLE.maxFailuresPerAccount || byAddress >= THROTTLE.maxFailuresPerAddress;
  const over = Math.max(byAccount, Math.floor(byAddress / 4)) - THROTTLE.freeFailures;
  const delayMs = over > 0 ? Math.min(THROTTLE.maxDelayMs, 250 * 2 ** (over - 1)) : 0;
  return { blocked, delayMs };
}

export async function recordLoginFailure(email: string, address: string) {
  await prisma.loginAttempt.create({ data: { email, address } });
  // keep the table small: attempts older than the window no longer count
  const cutoff = new Date(Date.now() - THROTTLE.windowMinutes * 60_000);
  await prisma.loginAttempt.deleteMany({ where: { createdAt: { lt: cutoff } } });
}

export async function clearLoginFailures(email: string) {
  await prisma.loginAttempt.deleteMany({ where: { email } });
}
