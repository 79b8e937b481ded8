import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GoalForm } from '~/components/goal-form';
import { ProblemAlert } from '~/components/problem-alert';
import { localDay } from '~/domain/calendar/grid';
import { addMonthsToDay } from '~/domain/strategy/review';
import { GoalFormSchema, readGoalForm } from '~/forms/strategy';
import { proposeGoal } from '~/models/strategy.server';
import { getWorkspace } from '~/models/workspace.server';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { failureOf } from '~/utils/intent-result';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'strategy.goal.new');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'strategy:propose');
  const today = localDay(new Date(), (await getWorkspace()).timeZone);
  return json({ today, periodEnd: addMonthsToDay(today, 12) });
}

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      save: intent({
        permission: 'strategy:propose',
        schema: GoalFormSchema,
        read: readGoalForm,
        run: ({ user, data }) => proposeGoal({ actor: user, input: data }),
        problems: { notAllowed: 403 },
        done: ({ id }) => redirect(`/strategy/goals/${id}?created=1`),
      }),
    },
    { default: 'save', guard: 'strategy:propose' },
  );
}

export default function NewGoal() {
  const { today, periodEnd } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const failed = failureOf(data, 'save');
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="new-goal-title">
      <h1 id="new-goal-title">{t('strategy.goal.new')}</h1>
      <p>{t('strategy.goal.newIntro')}</p>
      <ProblemAlert data={data} message={(p) => t(`strategy.problems.${p}`)} />
      <GoalForm
        values={
          failed?.values ?? {
            title: '',
            description: '',
            category: '',
            periodStart: today,
            periodEnd,
            weight: '20',
          }
        }
        errors={failed?.errors}
        submitLabel={t('strategy.goal.propose')}
        cancelTo="/strategy"
      />
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
