import { NavLink } from '@remix-run/react';
import Bell from 'lucide-react/icons/bell';
import { useTranslation } from 'react-i18next';

/**
 * The header's way to the person's notifications, with the number of unread ones. The link's
 * name says it in words ("Notifications, 3 unread"); the number beside the bell shows it.
 */
export function NotificationBell({ unread }: { unread: number }) {
  const { t, i18n } = useTranslation();
  const shown = unread > 99 ? '99+' : new Intl.NumberFormat(i18n.language).format(unread);
  return (
    <NavLink
      to="/notifications"
      end
      className="header-link notification-bell"
      aria-label={t('notifications.bell.label', { count: unread })}
    >
      <Bell className="icon" aria-hidden="true" focusable="false" />
      {unread > 0 ? (
        <span className="badge" data-tone="warn" aria-hidden="true">
          {shown}
        </span>
      ) : null}
    </NavLink>
  );
}
