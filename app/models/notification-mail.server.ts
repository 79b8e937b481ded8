import type { TFunction } from 'i18next';
import { isNotificationEvent } from '~/domain/notifications/events';
import { isLocale, type Locale } from '~/i18n';
import { prisma } from '~/utils/db.server';
import { formatLongDate } from '~/utils/format';
import { getFixedT } from '~/utils/i18n.server';
import { escapeHtml, type Mail } from '~/utils/mail.server';
import { safeRedirect } from '~/utils/redirect';
import { blockedKnowledgeIds, blockedPieceIds, checkFields } from './disclosure.server';

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
  /** a disclosure rule blocks the subject or its title: the mail names neither (see withheldTitles) */
  withheld?: boolean;
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
    title: n.withheld ? t('notifications.mail.withheldTitle') : n.title,
    actor: n.actor?.name ?? t('notifications.someone'),
    stage,
    date: dueAt && !Number.isNaN(dueAt.getTime()) ? formatLongDate(dueAt, locale, timeZone) : '',
    days: typeof params.days === 'number' ? params.days : 0,
    context: typeof params.decision === 'string' ? params.decision : undefined,
  };
  return isNotificationEvent(n.event)
    ? t(`notifications.messages.${n.event}`, values)
    : values.title;
}

/** The item's address in Lotse; a link that is not a path inside Lotse leads to the list. */
const mailLink = (n: MailNotification, context: MailContext) =>
  `${context.origin}${safeRedirect(n.link, '/notifications')}`;

/**
 * Mails leave Lotse, so they pass the output gate like every other output: a notification whose
 * subject a disclosure rule blocks (a piece or knowledge item the gate withholds, the piece of an
 * exemption), or whose title as written then is blocked now, goes out without the title; the
 * reader follows the link and sees it in Lotse. A subject that no longer exists is judged by the
 * title alone; a check that cannot run withholds (fail closed). Answers one flag per notification.
 */
export async function withheldTitles(
  notifications: readonly { subjectType: string; subjectId: string; title: string }[],
): Promise<boolean[]> {
  if (!notifications.length) return [];
  const ids = (type: string) => [
    ...new Set(notifications.filter((n) => n.subjectType === type).map((n) => n.subjectId)),
  ];
  const exemptions = await prisma.disclosureExemption.findMany({
    where: { id: { in: ids('exemption') } },
    select: { id: true, pieceId: true },
  });
  const pieceOf = new Map(exemptions.map((e) => [e.id, e.pieceId]));
  const [pieces, items] = await Promise.all([
    prisma.contentPiece.findMany({
      where: { id: { in: [...new Set([...ids('piece'), ...pieceOf.values()])] } },
      select: { id: true },
    }),
    prisma.knowledgeItem.findMany({
      where: { id: { in: ids('knowledge') } },
      select: { id: true },
    }),
  ]);
  const [blockedPieces, blockedItems, titles] = await Promise.all([
    blockedPieceIds(pieces.map((p) => p.id)),
    blockedKnowledgeIds(items.map((i) => i.id)),
    Promise.all(notifications.map((n) => checkFields({ title: n.title }))),
  ]);
  return notifications.map((n, i) => {
    if (titles[i]?.decision !== 'allow' && titles[i]?.decision !== 'warn') return true;
    if (n.subjectType === 'piece') return blockedPieces.has(n.subjectId);
    if (n.subjectType === 'knowledge') return blockedItems.has(n.subjectId);
    if (n.subjectType === 'exemption') {
      const pieceId = pieceOf.get(n.subjectId);
      return pieceId ? blockedPieces.has(pieceId) : false;
    }
    return false;
  });
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
  const link = mailLink(n, context);
  const label = isNotificationEvent(n.event) ? t(`notifications.events.${n.event}`) : n.event;
  const title = n.withheld ? t('notifications.mail.withheldTitle') : n.title;
  return {
    to: recipient.email,
    language: locale,
    subject: t('notifications.mail.subject', { event: label, title }),
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
    link: mailLink(n, context),
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
