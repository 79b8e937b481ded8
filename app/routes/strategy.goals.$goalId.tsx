import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '~/components/field';
import { GoalForm, KpiForm, kpiFormValues } from '~/components/goal-form';
import { GoalDecision } from '~/components/goal-decision';
import { GoalPieces } from '~/components/goal-pieces';
import { GoalResults } from '~/components/goal-results';
import { ProblemAlert } from '~/components/problem-alert';
import { GoalFacts, KpiTable, RemoveButton, useMetricName } from '~/components/strategy-parts';
import type { GoalStatus } from '~/domain/strategy/vocabulary';
import { goalActions } from '~/domain/strategy/workflow';
import { can } from '~/domain/permissions';
import {
  GoalDecisionSchema,
  GoalFormSchema,
  KpiFormSchema,
  KpiRemoveSchema,
  PieceLinkSchema,
  readGoalForm,
  readKpiForm,
  SendBackSchema,
} from '~/forms/strategy';
import { localDay } from '~/domain/calendar/grid';
import { listAudienceChoices } from '~/models/audience.server';
import { getGoalResults } from '~/models/results-impact.server';
import { getWorkspace } from '~/models/workspace.server';
import {
  decideGoal,
  getGoal,
  linkPieceToGoal,
  listGoalPieces,
  listLinkablePieces,
  removeKpi,
  saveKpi,
  unlinkPieceFromGoal,
  updateGoal,
} from '~/models/strategy.server';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { errorsOf, failureOf } from '~/utils/intent-result';
import { pageTitle } from '~/utils/meta';
import { invariantResponse } from '~/utils/misc';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'strategy.title', data?.goal.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'strategy:read');
  const goal = await getGoal(params.goalId ?? '');
  invariantResponse(goal, 'Not found', { status: 404 });
  const actions = goalActions(user, goal.status as GoalStatus);
  const audiences = actions.includes('edit') ? await listAudienceChoices() : [];
  // which pieces serve the goal is shown to those who read the whole calendar
  const readsPlan = can(user.roles, 'calendar:read-all');
  const canLink = can(user.roles, 'calendar:plan') && goal.status === 'agreed';
  const { timeZone } = await getWorkspace();
  const [pieces, linkable, results] = await Promise.all([
    readsPlan ? listGoalPieces(goal.id) : Promise.resolve(null),
    canLink ? listLinkablePieces(goal.id) : Promise.resolve(null),
    // the results against the KPIs, for those who read results (null for anyone else)
    getGoalResults({ viewer: user, goalId: goal.id, today: localDay(new Date(), timeZone) }),
  ]);
  return json({
    goal,
    actions,
    audiences,
    pieces,
    linkable,
    canLink,
    results: results?.kpis ?? null,
  });
}

export async function action(args: ActionFunctionArgs) {
  const goalId = args.params.goalId ?? '';
  const back = (notice: string) => redirect(`/strategy/goals/${goalId}?${notice}=1`);
  const decision = { notFound: 404, conflict: 409, notAllowed: 403, commentRequired: 400 } as const;
  return intentAction(args, {
    save: intent({
      permission: 'strategy:propose',
      schema: GoalFormSchema,
      read: readGoalForm,
      run: ({ user, data }) =>
        updateGoal({
          actor: user,
          id: goalId,
          input: data,
          expectedVersion: data.expectedVersion ?? 0,
        }),
      problems: { notFound: 404, conflict: 409, notAllowed: 403 },
      done: () => back('saved'),
    }),
    kpi: intent({
      permission: 'strategy:propose',
      schema: KpiFormSchema,
      read: readKpiForm,
      run: ({ user, data }) => saveKpi({ actor: user, goalId, input: data }),
      problems: {
        notFound: 404,
        conflict: 409,
        notAllowed: 403,
        audienceGone: { status: 409, field: 'audienceId', key: 'strategy.kpi.audienceGone' },
      },
      done: () => back('kpiSaved'),
    }),
    'kpi-remove': intent({
      permission: 'strategy:propose',
      schema: KpiRemoveSchema,
      run: ({ user, data }) => removeKpi({ actor: user, goalId, ...data }),
      problems: { notFound: 404, conflict: 409, notAllowed: 403 },
      done: () => back('kpiRemoved'),
    }),
    agree: intent({
      permission: 'strategy:agree',
      schema: GoalDecisionSchema,
      run: ({ user, data }) => decideGoal({ actor: user, id: goalId, decision: 'agree', ...data }),
      problems: decision,
      done: () => back('agreed'),
    }),
    'send-back': intent({
      permission: 'strategy:agree',
      schema: SendBackSchema,
      keepValues: true,
      run: ({ user, data }) =>
        decideGoal({ actor: user, id: goalId, decision: 'send_back', ...data }),
      problems: {
        ...decision,
        commentRequired: { status: 400, field: 'comment', key: 'strategy.goal.commentRequired' },
      },
      done: () => back('sentBack'),
    }),
    link: intent({
      permission: 'calendar:plan',
      schema: PieceLinkSchema,
      run: ({ user, data }) => linkPieceToGoal({ actor: user, goalId, ...data }),
      problems: {
        notFound: 404,
        notAllowed: 403,
        notAgreed: 409,
        pieceGone: { status: 409, field: 'pieceId', key: 'strategy.pieces.gone' },
      },
      done: () => back('linked'),
    }),
    unlink: intent({
      permission: 'calendar:plan',
      schema: PieceLinkSchema,
      run: ({ user, data }) => unlinkPieceFromGoal({ actor: user, goalId, ...data }),
      problems: { notAllowed: 403 },
      done: () => back('unlinked'),
    }),
    retire: intent({
      permission: 'strategy:agree',
      schema: GoalDecisionSchema,
      run: ({ user, data }) => decideGoal({ actor: user, id: goalId, decision: 'retire', ...data }),
      problems: decision,
      done: () => back('retired'),
    }),
  });
}

const NOTICES = [
  'created',
  'saved',
  'kpiSaved',
  'kpiRemoved',
  'agreed',
  'sentBack',
  'retired',
  'linked',
  'unlinked',
];

export default function GoalPage() {
  const { goal, actions, audiences, pieces, linkable, canLink, results } =
    useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const notice = NOTICES.find((n) => params.get(n));
  const canEdit = actions.includes('edit');
  const saveFailure = failureOf(data, 'save');
  const kpiFailure = failureOf(data, 'kpi');
  const editing = goal.kpis.find((k) => k.id === (kpiFailure?.values?.kpiId || params.get('kpi')));
  const metricName = useMetricName();
  return (
    <article aria-labelledby="goal-title">
      <p>
        <Link to="/strategy">{t('strategy.back')}</Link>
      </p>
      <h1 id="goal-title">{goal.title}</h1>
      {notice ? (
        <p className="notice" role="status">
          {t(`strategy.notices.${notice}`)}
        </p>
      ) : null}
      <ProblemAlert data={data} message={(p) => t(`strategy.problems.${p}`)} />
      <GoalFacts goal={goal} />
      {goal.description ? <p className="pre-wrap">{goal.description}</p> : null}

      <GoalDecision actions={actions} version={goal.version} errors={errorsOf(data, 'send-back')} />

      <section className="card" aria-labelledby="goal-kpis-title">
        <h2 id="goal-kpis-title">{t('strategy.kpi.title')}</h2>
        <KpiTable
          kpis={goal.kpis}
          caption={t('strategy.kpi.caption', { title: goal.title })}
          actions={
            canEdit
              ? (k) => (
                  <div className="inline">
                    <Link to={`?kpi=${k.id}#kpi-form-title`}>
                      {t('strategy.kpi.editOne', { name: metricName(k) })}
                    </Link>
                    <RemoveButton
                      intent="kpi-remove"
                      idName="kpiId"
                      id={k.id}
                      version={k.version}
                      label={t('strategy.kpi.remove', { name: metricName(k) })}
                    />
                  </div>
                )
              : undefined
          }
        />
        <FieldError errors={errorsOf(data, 'kpi-remove')} name="kpiId" id="kpi-remove-error" />
        {canEdit ? (
          <>
            <h3 id="kpi-form-title">{editing ? t('strategy.kpi.edit') : t('strategy.kpi.add')}</h3>
            <KpiForm
              values={kpiFailure?.values ?? kpiFormValues(editing, goal.periodEnd)}
              errors={kpiFailure?.errors}
              version={editing?.version}
              audiences={audiences}
              submitLabel={editing ? t('strategy.kpi.save') : t('strategy.kpi.addSubmit')}
              cancelTo={editing ? `/strategy/goals/${goal.id}` : undefined}
            />
          </>
        ) : null}
      </section>

      {results ? <GoalResults goalId={goal.id} kpis={results} /> : null}

      {pieces ? (
        <GoalPieces
          goalTitle={goal.title}
          pieces={pieces}
          linkable={linkable ?? []}
          canLink={canLink}
        />
      ) : null}

      {canEdit ? (
        <section className="card" aria-labelledby="goal-edit-title">
          <h2 id="goal-edit-title">{t('strategy.goal.edit')}</h2>
          {goal.status === 'sent_back' ? <p>{t('strategy.goal.resubmitHint')}</p> : null}
          <GoalForm
            values={saveFailure?.values ?? { ...goal, weight: String(goal.weight) }}
            errors={saveFailure?.errors}
            version={goal.version}
            submitLabel={
              goal.status === 'sent_back' ? t('strategy.goal.resubmit') : t('strategy.goal.save')
            }
            cancelTo="/strategy"
          />
        </section>
      ) : null}
    </article>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
