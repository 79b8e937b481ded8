import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** Newer and older pages of the notifications list (page 1 holds the newest). */
export function NotificationPagination({ page, pages }: { page: number; pages: number }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  const to = (p: number) => (p > 1 ? `/notifications?page=${p}` : '/notifications');
  return (
    <nav className="pagination" aria-label={t('notifications.page.pagination')}>
      {page > 1 ? (
        <Link to={to(page - 1)}>{t('notifications.page.newer')}</Link>
      ) : (
        <span aria-disabled="true">{t('notifications.page.newer')}</span>
      )}
      <span>{t('notifications.page.pageOf', { page, pages })}</span>
      {page < pages ? (
        <Link to={to(page + 1)}>{t('notifications.page.older')}</Link>
      ) : (
        <span aria-disabled="true">{t('notifications.page.older')}</span>
      )}
    </nav>
  );
}
