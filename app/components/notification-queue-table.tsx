import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '~/utils/use-format';

type Row = {
  id: string;
  event: string;
  attempts: number;
  nextAt: string | null;
  error: string | null;
  createdAt: string;
  recipient: { name: string; email: string };
};

/**
 * Mails of the queue page: failed ones (with "send again") or those waiting for another
 * attempt (with the time of that attempt).
 */
export function NotificationQueueTable({
  rows,
  caption,
  empty,
  retry,
}: {
  rows: readonly Row[];
  caption: string;
  empty: string;
  /** whether each row offers "send again" (busy: shown, but disabled while a form is sent) */
  retry: 'yes' | 'busy' | 'no';
}) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!rows.length) return <p className="empty">{empty}</p>;
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('notifications.queue.columns.recipient')}</th>
            <th scope="col">{t('notifications.queue.columns.what')}</th>
            <th scope="col">{t('notifications.queue.columns.attempts')}</th>
            <th scope="col">{t('notifications.queue.columns.error')}</th>
            <th scope="col">
              {retry === 'no'
                ? t('notifications.queue.columns.nextAt')
                : t('notifications.queue.columns.created')}
            </th>
            {retry === 'no' ? null : (
              <th scope="col">
                <span className="visually-hidden">{t('notifications.queue.columns.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                {r.recipient.name}
                <br />
                {r.recipient.email}
              </td>
              <td>{t(`notifications.events.${r.event}`, { defaultValue: r.event })}</td>
              <td>{f.number(r.attempts)}</td>
              <td className="pre-wrap">{r.error ?? '—'}</td>
              <td>
                {retry === 'no' ? (
                  r.nextAt ? (
                    <time dateTime={r.nextAt}>{f.dateTime(r.nextAt)}</time>
                  ) : (
                    '—'
                  )
                ) : (
                  <time dateTime={r.createdAt}>{f.dateTime(r.createdAt)}</time>
                )}
              </td>
              {retry === 'no' ? null : (
                <td>
                  <Form method="post">
                    <input type="hidden" name="id" value={r.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="retry"
                      className="button-secondary"
                      disabled={retry === 'busy'}
                    >
                      {t('notifications.queue.retry')}
                      <span className="visually-hidden">
                        {' '}
                        {t('notifications.queue.retryOf', {
                          what: t(`notifications.events.${r.event}`, { defaultValue: r.event }),
                          recipient: r.recipient.name,
                          time: f.dateTime(r.createdAt),
                        })}
                      </span>
                    </button>
                  </Form>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
