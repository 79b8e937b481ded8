import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { NotificationQueueTable } from '~/components/notification-queue-table';
import { ProblemAlert } from '~/components/problem-alert';
import { EmptyFormSchema, NotificationIdSchema } from '~/forms/notifications';
import {
  getNotificationQueue,
  MAIL_STATES,
  retryFailedNotifications,
} from '~/models/notification-inbox.server';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { pageTitle } from '~/utils/meta';
import { useFormat } from '~/utils/use-format';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notifications.queue.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'notifications:queue');
  // the states in their order, from the loader: the page's bundle has no server modules
  return json({ ...(await getNotificationQueue()), states: MAIL_STATES });
}

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      retry: intent({
        schema: NotificationIdSchema,
        run: ({ user, data }) => retryFailedNotifications({ actorId: user.id, id: data.id }),
        problems: { notFound: 404, notFailed: 409 },
        done: ({ count }) => redirect(`/notifications/queue?retried=${count}`),
      }),
      'retry-all': intent({
        schema: EmptyFormSchema,
        run: ({ user }) => retryFailedNotifications({ actorId: user.id }),
        problems: { notFound: 404, notFailed: 409 },
        done: ({ count }) => redirect(`/notifications/queue?retried=${count}`),
      }),
    },
    { guard: 'notifications:queue' },
  );
}

export default function NotificationQueue() {
  const { mailConfigured, counts, states, failed, retrying, nextAttemptAt } =
    useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const f = useFormat();
  const [params] = useSearchParams();
  const busy = useNavigation().state === 'submitting';
  const retried = params.get('retried');
  return (
    <>
      <h1>{t('notifications.queue.title')}</h1>
      <p className="intro">{t('notifications.queue.intro')}</p>
      <p className="notice" role="note">
        {mailConfigured ? t('notifications.queue.mailOn') : t('notifications.queue.mailOff')}
      </p>
      {retried !== null && !data ? (
        <p className="notice" role="status">
          {t('notifications.queue.retried', { count: Number(retried) || 0 })}
        </p>
      ) : null}
      <ProblemAlert data={data} message={(p) => t(`notifications.problems.${p}`)} />

      <section aria-labelledby="queue-states-title">
        <h2 id="queue-states-title">{t('notifications.queue.statesTitle')}</h2>
        <table>
          <caption className="visually-hidden">{t('notifications.queue.statesTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('notifications.queue.columns.state')}</th>
              <th scope="col">{t('notifications.queue.columns.count')}</th>
            </tr>
          </thead>
          <tbody>
            {states.map((s) => (
              <tr key={s}>
                <th scope="row">{t(`notifications.queue.states.${s}`)}</th>
                <td>{f.number(counts[s])}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {nextAttemptAt ? (
          <p>{t('notifications.queue.nextAttempt', { time: f.dateTime(nextAttemptAt) })}</p>
        ) : null}
      </section>

      <section aria-labelledby="queue-failed-title">
        <div className="toolbar">
          <h2 id="queue-failed-title">{t('notifications.queue.failedTitle')}</h2>
          {failed.length ? (
            <Form method="post">
              <button type="submit" name="intent" value="retry-all" disabled={busy}>
                {t('notifications.queue.retryAll')}
              </button>
            </Form>
          ) : null}
        </div>
        <NotificationQueueTable
          rows={failed}
          caption={t('notifications.queue.failedTitle')}
          empty={t('notifications.queue.failedEmpty')}
          retry={busy ? 'busy' : 'yes'}
        />
      </section>

      <section aria-labelledby="queue-retrying-title">
        <h2 id="queue-retrying-title">{t('notifications.queue.retryingTitle')}</h2>
        <NotificationQueueTable
          rows={retrying}
          caption={t('notifications.queue.retryingTitle')}
          empty={t('notifications.queue.retryingEmpty')}
          retry="no"
        />
      </section>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
