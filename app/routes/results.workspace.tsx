import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '~/components/problem-alert';
import {
  SubjectNumbers,
  subjectKey,
  SubjectsNav,
  WorkspaceEntryForm,
  type SubjectOfNumbers,
} from '~/components/results-workspace';
import { CHANNELS } from '~/domain/calendar/vocabulary';
import { can } from '~/domain/permissions';
import { orderMetrics } from '~/domain/results/table-query';
import { ObservationDeleteSchema, SubjectEntrySchema } from '~/forms/results';
import { BEYOND_PIECES, deleteObservation, listResultsBeyondPieces } from '~/models/results.server';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { errorsOf, failureOf } from '~/utils/intent-result';
import { pageTitle } from '~/utils/meta';
import { invariantResponse } from '~/utils/misc';
import { enterFromForm } from './__piece-results.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'results.workspace.title');

/**
 * The numbers beyond single pieces: the whole workspace's metric by metric (`metrics`), then
 * those of each channel (in the channels' order) and each audience (by name) that has numbers
 * (`subjects`).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'results:read');
  const results = await listResultsBeyondPieces({ viewer: user });
  invariantResponse(results, 'Forbidden', { status: 403 });
  const { observations, audiences } = results;
  const byMetric = (of: typeof observations) =>
    orderMetrics(of.map((o) => o.metric)).map((metric) => ({
      metric,
      observations: of
        .filter((o) => o.metric === metric)
        .map((o) => ({
          id: o.id,
          metric: o.metric,
          value: o.value,
          periodStart: o.periodStart,
          periodEnd: o.periodEnd,
          source: o.source,
          note: o.note,
        })),
    }));
  const groups: { subject: SubjectOfNumbers; of: typeof observations }[] = [
    ...CHANNELS.map((channel) => ({
      subject: { subject: 'channel' as const, channel },
      of: observations.filter((o) => o.subject === 'channel' && o.channel === channel),
    })),
    ...audiences.map((a) => ({
      subject: { subject: 'audience' as const, audienceId: a.id, audienceName: a.name },
      of: observations.filter((o) => o.subject === 'audience' && o.audienceId === a.id),
    })),
  ];
  return json({
    metrics: byMetric(observations.filter((o) => o.subject === 'workspace')),
    subjects: groups
      .filter((g) => g.of.length)
      .map(({ subject, of }) => ({ subject, metrics: byMetric(of) })),
    audiences,
    canWrite: can(user.roles, 'results:enter'),
  });
}

/**
 * "enter" records one number for a period, measured for the whole workspace, a channel or an
 * audience; "delete" removes one of them entered by hand.
 */
export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      enter: intent({
        schema: SubjectEntrySchema,
        keepValues: true,
        run: ({ user, data: { for: measured, ...entry } }) =>
          enterFromForm(user, { ...entry, ...measured }),
        problems: {
          invalid: 400,
          notAllowed: 403,
          pieceGone: 409,
          audienceGone: { status: 409, field: 'for', key: 'results.problems.audienceGone' },
        },
        done: () => redirect('/results/workspace?entered=1'),
      }),
      delete: intent({
        schema: ObservationDeleteSchema,
        run: ({ user, data }) =>
          deleteObservation({ actor: user, id: data.id, subjects: BEYOND_PIECES }),
        problems: { notFound: 409, imported: 409, notAllowed: 403 },
        done: () => redirect('/results/workspace?deleted=1'),
      }),
    },
    { guard: 'results:enter' },
  );
}

export default function WorkspaceResults() {
  const { metrics, subjects, audiences, canWrite } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const enterFailure = failureOf(data, 'enter');
  const [params] = useSearchParams();
  const { t } = useTranslation();
  return (
    <>
      <p>
        <Link to="/results">{t('results.workspace.back')}</Link>
      </p>
      <h1>{t('results.workspace.title')}</h1>
      <p className="intro">{t('results.workspace.intro')}</p>
      {params.get('entered') ? (
        <p className="notice" role="status">
          {t('results.workspace.entered')}
        </p>
      ) : params.get('deleted') ? (
        <p className="notice" role="status">
          {t('results.workspace.deleted')}
        </p>
      ) : null}
      <ProblemAlert
        data={failureOf(data, 'delete')}
        message={(p) => t(`results.workspace.problems.${p}`)}
      />
      {canWrite ? (
        <section className="card" aria-labelledby="workspace-entry-title">
          <h2 id="workspace-entry-title">{t('results.workspace.enterTitle')}</h2>
          <WorkspaceEntryForm
            values={enterFailure?.values as Record<string, unknown> | null | undefined}
            errors={errorsOf(data, 'enter')}
            audiences={audiences}
          />
        </section>
      ) : null}
      {metrics.length || subjects.length ? (
        <>
          <SubjectsNav
            subjects={[
              ...(metrics.length ? [{ subject: 'workspace' as const }] : []),
              ...subjects.map((s) => s.subject),
            ]}
          />
          {metrics.length ? (
            <SubjectNumbers
              subject={{ subject: 'workspace' }}
              metrics={metrics}
              canWrite={canWrite}
            />
          ) : null}
          {subjects.map((s) => (
            <SubjectNumbers
              key={subjectKey(s.subject)}
              subject={s.subject}
              metrics={s.metrics}
              canWrite={canWrite}
            />
          ))}
        </>
      ) : (
        <p className="empty">
          {canWrite ? t('results.workspace.empty') : t('results.workspace.emptyReadOnly')}
        </p>
      )}
    </>
  );
}
