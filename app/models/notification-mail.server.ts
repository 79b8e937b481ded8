import type { TFunction } from 'i18next';
import { isNotificationEvent } from '~/domain/notifications/events';
import { isLocale, type Locale } from '~/i18n';
import { formatLongDate } from '~/utils/format';
import { getFixedT } from '~/utils/i18n.server';
import { escapeHtml, type Mail } from '~/utils/mail.server';

/**
 * The mails notifications go out as: in the recipient's language, a plain-text and an HTML
 * part, naming the item and linking to it and to the person's notification settings. They carry
 * titles and links only, never the content itself.
 */

/** Where a person changes which notifications reach them and how. */
export const PREFERENCES_PATH = '/account/notifications';

export type MailNotification = {
  event: string;
  title: string;
  link: string;
  params: string;
  actor: { name: string } | null;
};
export type MailRecipient = { email: string; name: string; locale: string | null };
export type MailContext = { origin: string; locale: string; timeZone: string };

function readParams(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The one sentence that says what happened, in the reader's language. */
export function notificationMessage(
  t: TFunction,
  n: MailNotification,
  locale: Locale,
  timeZone: string,
): string {
  const params = readParams(n.params);
  const stage = typeof params.stage === 'string' ? t(`status.piece.${params.stage}`) : '';
  const dueAt = typeof params.dueAt === 'string' ? new Date(params.dueAt) : null;
  const values = {
    title: n.title,
    actor: n.actor?.name ?? t('notifications.someone'),
    stage,
    date: dueAt && !Number.isNaN(dueAt.getTime()) ? formatLongDate(dueAt, locale, timeZone) : '',
    days: typeof params.days === 'number' ? params.days : 0,
    context: typeof params.decision === 'string' ? params.decision : undefined,
  };
  return isNotificationEvent(n.event) ? t(`notifications.messages.${n.event}`, values) : n.title;
}

const languageOf = (recipient: MailRecipient, context: MailContext): Locale =>
  isLocale(recipient.locale) ? recipient.locale : isLocale(context.locale) ? context.locale : 'en';

function frame(
  locale: Locale,
  t: TFunction,
  name: string,
  body: { text: string[]; html: string[] },
  origin: string,
) {
  const preferences = `${origin}${PREFERENCES_PATH}`;
  const greeting = t('notifications.mail.greeting', { name });
  return {
    text:
      [
        greeting,
        ...body.text,
        '--',
        `${t('notifications.mail.why')}\n${t('notifications.mail.preferences')}: ${preferences}`,
      ].join('\n\n') + '\n',
    html: [
      `<!doctype html><html lang="${locale}"><body>`,
      `<p>${escapeHtml(greeting)}</p>`,
      ...body.html,
      '<hr>',
      `<p><small>${escapeHtml(t('notifications.mail.why'))} <a href="${escapeHtml(preferences)}">${escapeHtml(t('notifications.mail.preferences'))}</a></small></p>`,
      '</body></html>',
    ].join('\n'),
  };
}

/** The mail for one notification. */
export async function notificationMail(
  n: MailNotification,
  recipient: MailRecipient,
  context: MailContext,
): Promise<Mail> {
  const locale = languageOf(recipient, context);
  const t = await getFixedT(locale);
  const message = notificationMessage(t, n, locale, context.timeZone);
  const link = `${context.origin}${n.link}`;
  const label = isNotificationEvent(n.event) ? t(`notifications.events.${n.event}`) : n.event;
  return {
    to: recipient.email,
    language: locale,
    subject: t('notifications.mail.subject', { event: label, title: n.title }),
    ...frame(
      locale,
      t,
      recipient.name,
      {
        text: [message, `${t('notifications.mail.open')}: ${link}`],
        html: [
          `<p>${escapeHtml(message)}</p>`,
          `<p><a href="${escapeHtml(link)}">${escapeHtml(t('notifications.mail.open'))}</a></p>`,
        ],
      },
      context.origin,
    ),
  };
}

/** The digest: one mail with every notification of the period, oldest first. */
export async function digestMail(
  items: readonly MailNotification[],
  recipient: MailRecipient,
  context: MailContext,
): Promise<Mail> {
  const locale = languageOf(recipient, context);
  const t = await getFixedT(locale);
  const lines = items.map((n) => ({
    message: notificationMessage(t, n, locale, context.timeZone),
    link: `${context.origin}${n.link}`,
  }));
  return {
    to: recipient.email,
    language: locale,
    subject: t('notifications.mail.digestSubject', { count: items.length }),
    ...frame(
      locale,
      t,
      recipient.name,
      {
        text: [
          t('notifications.mail.digestIntro'),
          lines.map((l) => `- ${l.message}\n  ${l.link}`).join('\n'),
        ],
        html: [
          `<p>${escapeHtml(t('notifications.mail.digestIntro'))}</p>`,
          '<ul>',
          ...lines.map(
            (l) => `<li><a href="${escapeHtml(l.link)}">${escapeHtml(l.message)}</a></li>`,
          ),
          '</ul>',
        ],
      },
      context.origin,
    ),
  };
}
