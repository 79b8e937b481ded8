import { createHash, randomBytes } from 'node:crypto';
import { createCookie } from '@remix-run/node';
import { prisma } from './db.server';
import { getEnv, secureCookiesEnabled } from './env.server';
import { oncePerRequest } from './request-scope.server';

const HOUR = 60 * 60 * 1000;

/**
 * The session cookie carries a random 256-bit token and nothing else; the database keeps only
 * its SHA-256, so a leaked database does not hand out live sessions.
 */
export const sessionCookie = createCookie('lotse_session', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  get secure() {
    return secureCookiesEnabled();
  },
});

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function expiryFrom(now: Date, createdAt: Date): Date {
  const env = getEnv();
  const idle = now.getTime() + env.LOTSE_SESSION_IDLE_HOURS * HOUR;
  const max = createdAt.getTime() + env.LOTSE_SESSION_MAX_HOURS * HOUR;
  return new Date(Math.min(idle, max));
}

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get('Cookie'));
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

/** Starts a new session for the user and answers the Set-Cookie header that carries it. */
export async function createSession(userId: string, request: Request): Promise<string> {
  const now = new Date();
  const token = randomBytes(32).toString('base64url');
  // a login always starts a fresh session: the one the browser held before (if any) ends
  const previous = await readToken(request);
  await prisma.$transaction([
    ...(previous ? [prisma.session.deleteMany({ where: { id: hashToken(previous) } })] : []),
    prisma.session.create({
      data: {
        id: hashToken(token),
        userId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: expiryFrom(now, now),
        userAgent: request.headers.get('User-Agent')?.slice(0, 300) ?? null,
      },
    }),
    prisma.user.update({ where: { id: userId }, data: { lastLoginAt: now } }),
  ]);
  return sessionCookie.serialize(token, { maxAge: getEnv().LOTSE_SESSION_MAX_HOURS * 3600 });
}

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  locale: string | null;
  roles: string[];
  /** signed in with a one-time password: must choose their own before anything else */
  mustChangePassword: boolean;
};

// The root loader, the route's loader and the language detection all ask for the user of the
// same request: it is looked up once per request (see request-scope.server.ts).
const perRequest = new WeakMap<Request, Promise<SessionUser | null>>();

/** The signed-in user of the request, or null (no cookie, unknown, expired or deactivated). */
export function getSessionUser(request: Request): Promise<SessionUser | null> {
  let user = perRequest.get(request);
  if (!user) {
    user = oncePerRequest(`sessionUser:${request.headers.get('cookie') ?? ''}`, () =>
      lookUpSessionUser(request),
    );
    perRequest.set(request, user);
  }
  return user;
}

async function lookUpSessionUser(request: Request): Promise<SessionUser | null> {
  const token = await readToken(request);
  if (!token) return null;
  const id = hashToken(token);
  const session = await prisma.session.findUnique({
    where: { id },
    select: {
      createdAt: true,
      expiresAt: true,
      lastSeenAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          locale: true,
          active: true,
          mustChangePassword: true,
          roles: { select: { role: true } },
        },
      },
    },
  });
  const now = new Date();
  if (!session || session.expiresAt <= now || !session.user.active) {
    if (session) await prisma.session.deleteMany({ where: { id } });
    return null;
  }
  // sliding expiry, written at most every few minutes rather than on every request
  if (now.getTime() - session.lastSeenAt.getTime() > 5 * 60 * 1000) {
    await prisma.session.updateMany({
      where: { id },
      data: { lastSeenAt: now, expiresAt: expiryFrom(now, session.createdAt) },
    });
  }
  const { user } = session;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    roles: user.roles.map((r) => r.role).sort(),
    mustChangePassword: user.mustChangePassword,
  };
}

/** The stored id of the request's session (the hash of its token), or null without one. */
export async function currentSessionId(request: Request): Promise<string | null> {
  const token = await readToken(request);
  return token ? hashToken(token) : null;
}

/** Ends the request's session and answers the Set-Cookie header that clears the cookie. */
export async function destroySession(request: Request): Promise<string> {
  const token = await readToken(request);
  if (token) await prisma.session.deleteMany({ where: { id: hashToken(token) } });
  return sessionCookie.serialize('', { maxAge: 0, expires: new Date(0) });
}
