import { z } from 'zod';

/**
 * Outgoing mail (mail.server.ts): without SMTP_URL Lotse sends none. Kept as a schema of its
 * own so the mail sender can read it when it sends (tests start a mail server after start-up).
 */
export const mailEnvSchema = z.object({
  /** smtp://user:pass@host:587 (STARTTLS when the server offers it) or smtps://… (TLS) */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/i, 'must be an smtp:// or smtps:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** the sender of Lotse's mails, e.g. "Lotse <lotse@example.com>" */
  LOTSE_MAIL_FROM: z.string().trim().min(3).optional(),
  /** the address people reach Lotse at, for links in mails (else: the request's own origin) */
  LOTSE_PUBLIC_URL: z.url().optional(),
});

/**
 * The environment Lotse reads, checked once at start-up so that a typo gives a clear message
 * instead of a failure deep inside a request.
 */
const schema = mailEnvSchema.extend({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().min(1).default('file:./prisma/data/lotse.db'),
  /** on: create the demo workspace when the database is empty (off for real installs) */
  LOTSE_DEMO: z.enum(['on', 'off']).default('on'),
  /** auto: Secure cookies in production; on/off force it (e.g. off behind plain-HTTP intranets) */
  LOTSE_SECURE_COOKIES: z.enum(['auto', 'on', 'off']).default('auto'),
  /** how long a session lasts without use, in hours */
  LOTSE_SESSION_IDLE_HOURS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 7),
  /** the longest a session lasts at all, in hours */
  LOTSE_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 30),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  cached = parsed.data;
  return cached;
}

export function secureCookiesEnabled(env: Env = getEnv()): boolean {
  if (env.LOTSE_SECURE_COOKIES === 'auto') return env.NODE_ENV === 'production';
  return env.LOTSE_SECURE_COOKIES === 'on';
}
