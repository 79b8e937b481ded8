import { createHash, randomBytes } from 'node:crypto';
import { isLocale, type Locale } from '~/i18n';
import { prisma } from '~/utils/db.server';
import { getFixedT } from '~/utils/i18n.server';
import { escapeHtml, sendMail } from '~/utils/mail.server';
import { hashPassword, verifyPassword } from '~/utils/password.server';
import { passwordProblem, type PasswordProblem } from '~/utils/password-policy.server';
import { recordAudit } from './audit.server';
import { unlockAccount } from './login-throttle.server';
import { assertActorCan } from './actor.server';

/**
 * Setting passwords: one's own change, an administrator's one-time password, and the reset by a
 * link sent by mail. Every change is in the audit log, never with the password or a token.
 */

export const RESET_LINK_MINUTES = 60;

export type PasswordChangeProblem = PasswordProblem | 'wrongPassword' | 'unchanged';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The signed-in user changes their password: the current one is required, the policy applies,
 * and every other session of theirs ends (the one they are using stays). Also how a one-time
 * password is replaced.
 */
export async function changeOwnPassword({
  userId,
  currentPassword,
  newPassword,
  keepSessionId,
}: {
  userId: string;
  currentPassword: string;
  newPassword: string;
  keepSessionId: string | null;
}): Promise<{ ok: true } | { ok: false; problem: PasswordChangeProblem }> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { email: true, name: true, passwordHash: true, mustChangePassword: true },
  });
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword)))
    return { ok: false, problem: 'wrongPassword' };
  const problem = passwordProblem(newPassword, user);
  if (problem) return { ok: false, problem };
  // a one-time password must really be replaced
  if (newPassword === currentPassword) return { ok: false, problem: 'unchanged' };
  const passwordHash = await hashPassword(newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() },
    });
    const ended = await tx.session.deleteMany({
      where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    });
    await tx.passwordReset.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      actorId: userId,
      action: 'user.passwordChange',
      entityType: 'user',
      entityId: userId,
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: false, otherSessionsEnded: ended.count },
    });
  });
  return { ok: true };
}

export type OneTimePasswordProblem = PasswordProblem | 'notFound' | 'self';

/**
 * An administrator (or the command line, `actorId` null) gives the user a one-time password:
 * the user's sessions end, and after the next login every page asks for a new password first.
 */
export async function setOneTimePassword({
  userId,
  actorId,
  password,
  via,
}: {
  userId: string;
  actorId: string | null;
  password: string;
  via: 'admin' | 'cli';
}): Promise<{ ok: true } | { ok: false; problem: OneTimePasswordProblem }> {
  // administrators change their own password like everyone else (the current one is required)
  if (actorId !== null && actorId === userId) return { ok: false, problem: 'self' };
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { email: true, name: true },
  });
  if (!user) return { ok: false, problem: 'notFound' };
  const problem = passwordProblem(password, user);
  if (problem) return { ok: false, problem };
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    // the command line sets one without an actor: whoever runs it administers the install
    if (actorId !== null) await assertActorCan(tx, actorId, 'users:manage');
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, mustChangePassword: true, passwordChangedAt: new Date() },
    });
    const ended = await tx.session.deleteMany({ where: { userId } });
    await tx.passwordReset.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      actorId,
      action: 'user.oneTimePassword',
      entityType: 'user',
      entityId: userId,
      after: { email: user.email, mustChangePassword: true, via, sessionsEnded: ended.count },
    });
  });
  await unlockAccount(user.email);
  return { ok: true };
}

/**
 * "Forgot password": when the email belongs to an active account, stores the hash of a fresh
 * single-use token (earlier links of the account stop working) and mails the link, in the
 * person's language. Says nothing about whether the account exists: the caller answers the same
 * either way. Resolves once the mail has been handed to the mail server (or failed to be).
 */
export async function sendPasswordResetLink({
  email,
  origin,
  fallbackLocale,
}: {
  email: string;
  origin: string;
  fallbackLocale: Locale;
}): Promise<void> {
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, active: true, locale: true },
  });
  if (!user || !user.active) return;
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    await tx.passwordReset.deleteMany({ where: { userId: user.id } });
    await tx.passwordReset.create({
      data: {
        id: sha256(token),
        userId: user.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
      },
    });
    await recordAudit(tx, {
      actorId: null,
      action: 'user.passwordResetRequested',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email },
    });
  });
  const locale = isLocale(user.locale) ? user.locale : fallbackLocale;
  const t = await getFixedT(locale);
  const link = `${origin}/reset-password?${new URLSearchParams({ token })}`;
  const values = { name: user.name, minutes: RESET_LINK_MINUTES };
  const paragraphs = [
    t('passwordReset.mail.greeting', values),
    t('passwordReset.mail.intro', values),
    t('passwordReset.mail.expiry', values),
    t('passwordReset.mail.ignore', values),
  ];
  await sendMail({
    to: user.email,
    language: locale,
    subject: t('passwordReset.mail.subject'),
    text: [...paragraphs.slice(0, 2), link, ...paragraphs.slice(2)].join('\n\n') + '\n',
    html: [
      `<!doctype html><html lang="${locale}"><body>`,
      `<p>${escapeHtml(paragraphs[0] as string)}</p>`,
      `<p>${escapeHtml(paragraphs[1] as string)}</p>`,
      `<p><a href="${escapeHtml(link)}">${escapeHtml(t('passwordReset.mail.action'))}</a></p>`,
      ...paragraphs.slice(2).map((p) => `<p>${escapeHtml(p)}</p>`),
      '</body></html>',
    ].join('\n'),
  });
}

/** The account a reset link belongs to while it is valid (unused, not expired), else null. */
export async function findPasswordReset(token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const reset = await prisma.passwordReset.findUnique({
    where: { id: sha256(token) },
    select: {
      expiresAt: true,
      usedAt: true,
      user: { select: { id: true, email: true, name: true, active: true } },
    },
  });
  if (!reset || reset.usedAt || reset.expiresAt <= new Date() || !reset.user.active) return null;
  return reset.user;
}

export type ResetProblem = PasswordProblem | 'invalidLink';

/**
 * Sets a new password through a reset link. The link is used up by a conditional update, so two
 * submissions at once cannot both succeed; every session of the account ends.
 */
export async function resetPasswordWithToken({
  token,
  password,
}: {
  token: string;
  password: string;
}): Promise<{ ok: true } | { ok: false; problem: ResetProblem }> {
  const user = await findPasswordReset(token);
  if (!user) return { ok: false, problem: 'invalidLink' };
  const problem = passwordProblem(password, user);
  if (problem) return { ok: false, problem };
  const passwordHash = await hashPassword(password);
  const now = new Date();
  const done = await prisma.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({
      where: { id: sha256(token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return false;
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: now },
    });
    const ended = await tx.session.deleteMany({ where: { userId: user.id } });
    await tx.passwordReset.deleteMany({ where: { userId: user.id, usedAt: null } });
    await recordAudit(tx, {
      actorId: user.id,
      action: 'user.passwordReset',
      entityType: 'user',
      entityId: user.id,
      after: { via: 'mail', sessionsEnded: ended.count },
    });
    return true;
  });
  if (!done) return { ok: false, problem: 'invalidLink' };
  // whoever locked the account with wrong guesses does not keep its owner out after a reset
  await unlockAccount(user.email);
  return { ok: true };
}
