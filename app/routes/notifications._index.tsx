import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { NotificationPagination } from '~/components/notification-pagination';
import { EmptyFormSchema, NotificationIdSchema } from '~/forms/notifications';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '~/models/notification-inbox.server';
import { requireUser } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { pageTitle } from '~/utils/meta';
import { useFormat } from '~/utils/use-format';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notifications.page.title');

function pageOf(request: Request): number {
  const page = Number(new URL(request.url).searchParams.get('page'));
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await listNotifications({ userId: user.id, page: pageOf(request) }));
}

export async function action(args: ActionFunctionArgs) {
  // back to the page the form was on
  const back = (request: Request, extra: string) => {
    const page = pageOf(request);
    return `/notifications?${page > 1 ? `page=${page}&` : ''}${extra}`;
  };
  return intentAction(args, {
    read: intent({
      schema: NotificationIdSchema,
      run: ({ user, data }) => markNotificationRead({ userId: user.id, id: data.id }),
      problems: { notFound: 404 },
      done: (_, { request }) => redirect(back(request, 'marked=1')),
    }),
    'read-all': intent({
      schema: EmptyFormSchema,
      run: ({ user }) => markAllNotificationsRead({ userId: user.id }),
      done: ({ count }, { request }) => redirect(back(request, `markedAll=${count}`)),
    }),
  });
}

export default function Notifications() {
  const { notifications, total, unread, page, pages } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useFormat();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const markedAll = params.get('markedAll');
  return (
    <>
      <div className="toolbar">
        <h1>{t('notifications.page.title')}</h1>
        <Link to="/account/notifications">{t('notifications.preferences.title')}</Link>
      </div>
      <p className="intro">{t('notifications.page.intro')}</p>
      {markedAll !== null ? (
        <p className="notice" role="status">
          {t('notifications.page.markedAll', { count: Number(markedAll) || 0 })}
        </p>
      ) : params.get('marked') ? (
        <p className="notice" role="status">
          {t('notifications.page.marked')}
        </p>
      ) : null}
      {total ? (
        <>
          <div className="toolbar">
            <p>{t('notifications.page.unreadCount', { count: unread })}</p>
            {unread ? (
              <Form method="post">
                <button type="submit" name="intent" value="read-all" disabled={busy}>
                  {t('notifications.page.markAllRead')}
                </button>
              </Form>
            ) : null}
          </div>
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">{t('notifications.page.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('notifications.page.columns.state')}</th>
                  <th scope="col">{t('notifications.page.columns.what')}</th>
                  <th scope="col">{t('notifications.page.columns.by')}</th>
                  <th scope="col">{t('notifications.page.columns.when')}</th>
                  <th scope="col">
                    <span className="visually-hidden">
                      {t('notifications.page.columns.actions')}
                    </span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {notifications.map((n) => {
                  const what = t(`notifications.events.${n.event}`, { defaultValue: n.event });
                  return (
                    <tr key={n.id} data-unread={n.read ? undefined : 'true'}>
                      <td>
                        {n.read ? (
                          <span className="badge">{t('notifications.page.read')}</span>
                        ) : (
                          <span className="badge" data-tone="warn">
                            <strong>{t('notifications.page.unread')}</strong>
                          </span>
                        )}
                      </td>
                      <td>
                        {n.read ? what : <strong>{what}</strong>}
                        <br />
                        {n.link ? (
                          // through the notification, which marks it read on the way to its item
                          <Link to={`/notifications/${n.id}`}>
                            {n.read ? n.title : <strong>{n.title}</strong>}
                          </Link>
                        ) : n.read ? (
                          n.title
                        ) : (
                          <strong>{n.title}</strong>
                        )}
                      </td>
                      <td>{n.actorName ?? t('notifications.page.system')}</td>
                      <td>
                        <time dateTime={n.createdAt}>{f.dateTime(n.createdAt)}</time>
                      </td>
                      <td>
                        {n.read ? null : (
                          <Form method="post">
                            <input type="hidden" name="id" value={n.id} />
                            <button
                              type="submit"
                              name="intent"
                              value="read"
                              className="button-secondary"
                              disabled={busy}
                            >
                              {t('notifications.page.markRead')}
                              <span className="visually-hidden">: {n.title}</span>
                            </button>
                          </Form>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <NotificationPagination page={page} pages={pages} />
        </>
      ) : (
        <p className="empty">{t('notifications.page.empty')}</p>
      )}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
