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
import { WorkspaceEntryForm, WorkspaceMetric } from '~/components/results-workspace';
import { can } from '~/domain/permissions';
import { orderMetrics } from '~/domain/results/table-query';
import { ObservationDeleteSchema, ObservationEntrySchema } from '~/forms/results';
import { deleteObservation, listWorkspaceResults } from '~/models/results.server';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { errorsOf, failureOf } from '~/utils/intent-result';
import { pageTitle } from '~/utils/meta';
import { invariantResponse } from '~/utils/misc';
import { enterFromForm } from './__piece-results.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'results.workspace.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'results:read');
  const observations = await listWorkspaceResults({ viewer: user });
  invariantResponse(observations, 'Forbidden', { status: 403 });
  const metrics = orderMetrics(observations.map((o) => o.metric));
  return json({
    metrics: metrics.map((metric) => ({
      metric,
      observations: observations.filter((o) => o.metric === metric),
    })),
    canWrite: can(user.roles, 'results:enter'),
  });
}

/** "enter" records one number of the workspace for a period; "delete" removes one entered by hand. */
export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      enter: intent({
        schema: ObservationEntrySchema,
        keepValues: true,
        run: ({ user, data }) => enterFromForm(user, { subject: 'workspace', ...data }),
        problems: { invalid: 400, notAllowed: 403, pieceGone: 409, audienceGone: 409 },
        done: () => redirect('/results/workspace?entered=1'),
      }),
      delete: intent({
        schema: ObservationDeleteSchema,
        run: ({ user, data }) => deleteObservation({ actor: user, id: data.id }),
        problems: { notFound: 409, imported: 409, notAllowed: 403 },
        done: () => redirect('/results/workspace?deleted=1'),
      }),
    },
    { guard: 'results:enter' },
  );
}

export default function WorkspaceResults() {
  const { metrics, canWrite } = useLoaderData<typeof loader>();
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
          />
        </section>
      ) : null}
      {metrics.length ? (
        metrics.map((m) => (
          <WorkspaceMetric
            key={m.metric}
            metric={m.metric}
            observations={m.observations}
            canWrite={canWrite}
          />
        ))
      ) : (
        <p className="empty">
          {canWrite ? t('results.workspace.empty') : t('results.workspace.emptyReadOnly')}
        </p>
      )}
    </>
  );
}
