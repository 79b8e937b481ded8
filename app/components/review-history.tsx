import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDay } from './strategy-parts';

type ReviewRow = {
  id: string;
  dueOn: string;
  periodStart: string;
  periodEnd: string;
  status: string;
  _count: { findings: number; decisions: number };
};

/** The strategy's reviews, newest first (on the reviews page and the strategy page). */
export function ReviewHistory({ reviews }: { reviews: ReviewRow[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="review-history-title">
      <h2 id="review-history-title">{t('reviews.history.title')}</h2>
      {reviews.length ? (
        <table aria-labelledby="review-history-title">
          <thead>
            <tr>
              <th scope="col">{t('reviews.history.period')}</th>
              <th scope="col">{t('reviews.history.status')}</th>
              <th scope="col">{t('reviews.history.findings')}</th>
              <th scope="col">{t('reviews.history.decisions')}</th>
            </tr>
          </thead>
          <tbody>
            {reviews.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/strategy/reviews/${r.id}`}>
                    {t('reviews.period', {
                      from: formatDay(r.periodStart, i18n.language),
                      to: formatDay(r.periodEnd, i18n.language),
                    })}
                  </Link>
                </td>
                <td>{t(`reviews.statuses.${r.status}`)}</td>
                <td>{r._count.findings}</td>
                <td>{r._count.decisions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('reviews.history.none')}</p>
      )}
    </section>
  );
}
