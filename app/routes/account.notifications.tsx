import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '~/components/field';
import { NotificationDigestFields } from '~/components/notification-digest-fields';
import { ProblemAlert } from '~/components/problem-alert';
import {
  NOTIFICATION_EVENT_GROUPS,
  NOTIFICATION_MODES,
  type NotificationEvent,
} from '~/domain/notifications/events';
import { modeField, PreferencesFormSchema } from '~/forms/notifications';
import {
  getNotificationPreferences,
  saveNotificationPreferences,
} from '~/models/notification-inbox.server';
import { getWorkspace } from '~/models/workspace.server';
import { requireUser } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { failureOf } from '~/utils/intent-result';
import { pageTitle } from '~/utils/meta';
import { invariantResponse } from '~/utils/misc';
import { useValidatedForm } from '~/utils/use-validated-form';

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, 'notifications.preferences.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [preferences, workspace] = await Promise.all([
    getNotificationPreferences({ userId: user.id }),
    getWorkspace(),
  ]);
  invariantResponse(preferences, 'Not found', { status: 404 });
  return json({
    ...preferences,
    timeZone: workspace.timeZone,
    saved: new URL(request.url).searchParams.get('saved') === '1',
  });
}

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      save: intent({
        schema: PreferencesFormSchema,
        keepValues: true,
        run: ({ user, data }) => saveNotificationPreferences({ userId: user.id, input: data }),
        problems: { notFound: 404 },
        done: () => redirect('/account/notifications?saved=1'),
      }),
    },
    { default: 'save' },
  );
}

export default function NotificationPreferences() {
  const { rows, digest, mailConfigured, timeZone, saved } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const failure = failureOf(data, 'save');
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const validation = useValidatedForm({ schema: PreferencesFormSchema });
  const errors = validation.errorsWith(failure?.errors);
  const values = (failure?.values ?? {}) as Record<string, unknown>;
  const byEvent = new Map(rows.map((r) => [r.event, r]));
  const modeLabel = (mode: string) => t(`notifications.modes.${mode}`);
  // events the groups do not list yet still get their row, at the end
  const grouped = new Set(NOTIFICATION_EVENT_GROUPS.flatMap((g) => g.events));
  const groups = [
    ...NOTIFICATION_EVENT_GROUPS,
    { group: 'other', events: rows.map((r) => r.event).filter((e) => !grouped.has(e)) },
  ].filter((g) => g.events.length);
  const row = (event: NotificationEvent) => {
    const r = byEvent.get(event);
    if (!r) return null;
    const name = modeField(event);
    const id = `pref-${name}`;
    const sent = values[name];
    const error = errors?.[name];
    return (
      <tr key={event}>
        <th scope="row">
          <label htmlFor={id}>{t(`notifications.events.${event}`, { defaultValue: event })}</label>
        </th>
        <td>
          <select
            id={id}
            name={name}
            defaultValue={typeof sent === 'string' ? sent : r.mode}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          >
            {NOTIFICATION_MODES.map((m) => (
              <option key={m} value={m}>
                {m === r.defaultMode
                  ? t('notifications.preferences.defaultMark', { mode: modeLabel(m) })
                  : modeLabel(m)}
              </option>
            ))}
          </select>
          <FieldError errors={errors} name={name} id={`${id}-error`} />
        </td>
        <td>{modeLabel(r.defaultMode)}</td>
      </tr>
    );
  };
  return (
    <section aria-labelledby="preferences-title">
      <p>
        <Link to="/notifications">{t('notifications.preferences.back')}</Link>
      </p>
      <h1 id="preferences-title">{t('notifications.preferences.title')}</h1>
      <p className="intro">{t('notifications.preferences.intro')}</p>
      {mailConfigured ? null : (
        <p className="notice" role="note">
          {t('notifications.preferences.mailOff')}
        </p>
      )}
      {saved && !data ? (
        <p className="notice" role="status">
          {t('notifications.preferences.saved')}
        </p>
      ) : null}
      <ProblemAlert data={failure} message={(p) => t(`notifications.problems.${p}`)} />
      {failure && !failure.problem ? (
        <p className="form-error" role="alert">
          {t('notifications.preferences.invalid')}
        </p>
      ) : null}
      <Form method="post" className="stack wide" {...validation.formProps()}>
        <input type="hidden" name="intent" value="save" />
        <div className="table-scroll">
          <table>
            <caption>{t('notifications.preferences.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('notifications.preferences.columns.event')}</th>
                <th scope="col">{t('notifications.preferences.columns.mode')}</th>
                <th scope="col">{t('notifications.preferences.columns.default')}</th>
              </tr>
            </thead>
            {groups.map((g) => (
              <tbody key={g.group}>
                <tr>
                  <th scope="colgroup" colSpan={3}>
                    {t(`notifications.preferences.groups.${g.group}`, { defaultValue: g.group })}
                  </th>
                </tr>
                {g.events.map(row)}
              </tbody>
            ))}
          </table>
        </div>
        <NotificationDigestFields
          digest={digest}
          values={values}
          errors={errors}
          timeZone={timeZone}
        />
        <button type="submit" disabled={busy}>
          {busy ? t('notifications.preferences.saving') : t('notifications.preferences.save')}
        </button>
      </Form>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
