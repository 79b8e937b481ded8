import nodemailer, { type Transporter } from 'nodemailer';
import { mailEnvSchema } from './env.server';

/**
 * Lotse's one way to send mail: SMTP through nodemailer, configured by SMTP_URL
 * (`smtp://user:pass@host:587`, `smtps://…` for TLS from the first byte) and LOTSE_MAIL_FROM.
 * Without SMTP_URL nothing is sent and `mailConfigured()` is false, so callers can leave out
 * what needs mail. Every mail carries a plain-text and an HTML part.
 */
export type Mail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** the language of the text, for the mail's Content-Language header */
  language?: string;
};

type MailSettings = { url: string; from: string; publicUrl?: string };

/** The mail settings as the environment has them now, or null when mail is off. */
export function mailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings | null {
  const parsed = mailEnvSchema.safeParse(env);
  if (!parsed.success || !parsed.data.SMTP_URL) return null;
  const url = parsed.data.SMTP_URL;
  // without a configured sender: an address at the mail server's host, which most servers take
  const from = parsed.data.LOTSE_MAIL_FROM ?? `Lotse <lotse@${new URL(url).hostname}>`;
  return { url, from, publicUrl: parsed.data.LOTSE_PUBLIC_URL };
}

export function mailConfigured(): boolean {
  return mailSettings() !== null;
}

// one connection set-up per SMTP_URL for the process; a mail server that does not answer is
// given up well within the notification worker's claim on a mail (two minutes), so no other
// instance takes the mail over while this one may still send it (nodemailer's own defaults
// wait up to ten minutes)
const transports = new Map<string, Transporter>();
function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport({
      url,
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 45_000,
    });
    transports.set(url, transport);
  }
  return transport;
}

/** Sends the mail; throws when mail is not configured or the server refuses it. */
export async function sendMail(mail: Mail): Promise<void> {
  const settings = mailSettings();
  if (!settings) throw new Error('mail is not configured (SMTP_URL)');
  await transportFor(settings.url).sendMail({
    from: settings.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.language ? { 'Content-Language': mail.language } : undefined,
  });
}

/**
 * The origin links in mails point to: LOTSE_PUBLIC_URL when set (recommended: the request's own
 * Host header is whatever the client sent), else the origin the request arrived at.
 */
export function publicOrigin(request: Request): string {
  const configured = mailSettings()?.publicUrl;
  return new URL(configured ?? request.url).origin;
}

/**
 * The origin links in mails point to when no request is at hand (the notification worker):
 * LOTSE_PUBLIC_URL when set, else the server's own address from HOST and PORT (a wildcard host
 * is named as localhost).
 */
export function serverOrigin(env: NodeJS.ProcessEnv = process.env): string {
  const configured = mailSettings(env)?.publicUrl;
  if (configured) return new URL(configured).origin;
  const host = env.HOST && !['0.0.0.0', '::', '[::]'].includes(env.HOST) ? env.HOST : 'localhost';
  const port = env.PORT || '3000';
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe to put into a mail's HTML part. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}
