import { useTranslation } from 'react-i18next';
import type { NextNotified as Next } from '~/domain/notifications/events';

/**
 * Says who Lotse will tell about an item's next step and how (in the app, by email, in the
 * digest), so nobody has to wonder whether the other side will hear of it.
 */
export function NextNotified({ next }: { next: Next | null }) {
  const { t } = useTranslation();
  if (!next) return null;
  return (
    <section aria-labelledby="next-notified-title" className="card">
      <h2 id="next-notified-title">{t('notifications.next.heading')}</h2>
      <p>{t(`notifications.next.${next.event}`)}</p>
      {next.people.length ? (
        <ul>
          {next.people.map((p) => (
            <li key={p.id}>
              {p.name} ({t(`notifications.next.mode.${p.mode}`)})
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('notifications.next.nobody')}</p>
      )}
    </section>
  );
}
