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
import { GoalCoverageTable } from '~/components/goal-coverage';
import { GoalMixView } from '~/components/goal-mix';
import { GoalCard } from '~/components/strategy-parts';
import { StrategyAidsNav } from '~/components/strategy-aids-nav';
import { StrategyMatrix } from '~/components/strategy-matrix';
import { MilestoneList, OwnerAndReview, StockTake } from '~/components/strategy-sections';
import { localDay } from '~/domain/calendar/grid';
import { can } from '~/domain/permissions';
import { mayPropose } from '~/domain/strategy/workflow';
import {
  CadenceSchema,
  MilestoneSchema,
  MilestoneUpdateSchema,
  OwnerSchema,
  RemoveSchema,
  StockTakeSchema,
  StockTakeUpdateSchema,
} from '~/forms/strategy';
import {
  addMilestone,
  addStockTakeEntry,
  getStrategyOverview,
  listOwnerChoices,
  removeMilestone,
  removeStockTakeEntry,
  setReviewCadence,
  setStrategyOwner,
  updateMilestone,
  updateStockTakeEntry,
} from '~/models/strategy.server';
import { getStrategyAids } from '~/models/strategy-aids.server';
import { listReviews, mayReadReview } from '~/models/review.server';
import { ReviewHistory } from '~/components/review-history';
import { getWorkspace } from '~/models/workspace.server';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'strategy.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'strategy:read');
  const canAgree = can(user.roles, 'strategy:agree');
  const workspace = await getWorkspace();
  const now = new Date();
  const [overview, aids, owners] = await Promise.all([
    getStrategyOverview(),
    getStrategyAids({ now, timeZone: workspace.timeZone }),
    canAgree ? listOwnerChoices() : Promise.resolve([] as { id: string; name: string }[]),
  ]);
  const today = localDay(now, workspace.timeZone);
  // the review history, for those who read reviews
  const reviews = (await mayReadReview(user)) ? await listReviews(today) : null;
  return json({
    ...overview,
    aids,
    owners,
    reviews,
    today,
    canAgree,
    canPropose: mayPropose(user),
  });
}

export async function action(args: ActionFunctionArgs) {
  const back = (notice: string) => redirect(`/strategy?${notice}=1`);
  // changing or removing a list's record: gone, changed meanwhile, or not the actor's to change
  const removal = { notFound: 404, conflict: 409, notAllowed: 403 } as const;
  return intentAction(args, {
    owner: intent({
      permission: 'strategy:agree',
      schema: OwnerSchema,
      run: ({ user, data }) =>
        setStrategyOwner({
          actor: user,
          ownerId: data.ownerId || null,
          expectedVersion: data.expectedVersion,
        }),
      problems: {
        conflict: 409,
        notAllowed: 403,
        ownerInactive: { status: 409, field: 'ownerId', key: 'strategy.owner.inactive' },
      },
      done: () => back('ownerSaved'),
    }),
    cadence: intent({
      permission: 'strategy:agree',
      schema: CadenceSchema,
      run: ({ user, data }) => setReviewCadence({ actor: user, ...data }),
      problems: { conflict: 409, notAllowed: 403, lastReviewTooEarly: 400 },
      done: () => back('cadenceSaved'),
    }),
    stock: intent({
      permission: 'strategy:propose',
      schema: StockTakeSchema,
      keepValues: true,
      run: ({ user, data }) => addStockTakeEntry({ actor: user, input: data }),
      problems: { notAllowed: 403 },
      done: () => back('stockAdded'),
    }),
    'stock-update': intent({
      permission: 'strategy:propose',
      schema: StockTakeUpdateSchema,
      keepValues: true,
      run: ({ user, data: { id, expectedVersion, ...input } }) =>
        updateStockTakeEntry({ actor: user, id, input, expectedVersion }),
      problems: removal,
      done: () => back('stockSaved'),
    }),
    'stock-remove': intent({
      permission: 'strategy:propose',
      schema: RemoveSchema,
      run: ({ user, data }) => removeStockTakeEntry({ actor: user, ...data }),
      problems: removal,
      done: () => back('stockRemoved'),
    }),
    milestone: intent({
      permission: 'strategy:propose',
      schema: MilestoneSchema,
      keepValues: true,
      run: ({ user, data }) => addMilestone({ actor: user, input: data }),
      problems: { notAllowed: 403 },
      done: () => back('milestoneAdded'),
    }),
    'milestone-update': intent({
      permission: 'strategy:propose',
      schema: MilestoneUpdateSchema,
      keepValues: true,
      run: ({ user, data: { id, expectedVersion, ...input } }) =>
        updateMilestone({ actor: user, id, input, expectedVersion }),
      problems: removal,
      done: () => back('milestoneSaved'),
    }),
    'milestone-remove': intent({
      permission: 'strategy:propose',
      schema: RemoveSchema,
      run: ({ user, data }) => removeMilestone({ actor: user, ...data }),
      problems: removal,
      done: () => back('milestoneRemoved'),
    }),
  });
}

const NOTICES = [
  'ownerSaved',
  'cadenceSaved',
  'stockAdded',
  'stockSaved',
  'stockRemoved',
  'milestoneAdded',
  'milestoneSaved',
  'milestoneRemoved',
];

export default function StrategyPage() {
  const {
    settings,
    goals,
    aids,
    stockTake,
    milestones,
    owners,
    reviews,
    today,
    canAgree,
    canPropose,
  } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const notice = NOTICES.find((n) => params.get(n));
  const agreed = goals.filter((g) => g.status === 'agreed');
  const waiting = goals.filter((g) => g.status === 'proposed');
  const sentBack = goals.filter((g) => g.status === 'sent_back');
  return (
    <article aria-labelledby="strategy-title">
      <h1 id="strategy-title">{t('strategy.title')}</h1>
      <p className="intro">{t('strategy.intro')}</p>
      {notice ? (
        <p className="notice" role="status">
          {t(`strategy.notices.${notice}`)}
        </p>
      ) : null}
      <ProblemAlert data={data} message={(p) => t(`strategy.problems.${p}`)} />
      <OwnerAndReview
        settings={settings}
        owners={owners}
        today={today}
        canAgree={canAgree}
        data={data}
      />
      {reviews ? (
        <>
          {reviews.due ? (
            <p className="notice">
              <Link to="/strategy/reviews">{t('reviews.due.title')}</Link>
            </p>
          ) : null}
          <ReviewHistory reviews={reviews.reviews.slice(0, 5)} />
          <p>
            <Link to="/strategy/reviews">{t('reviews.history.all')}</Link>
          </p>
        </>
      ) : null}

      <section className="card" aria-labelledby="goals-title">
        <div className="toolbar">
          <h2 id="goals-title">{t('strategy.goals.agreed')}</h2>
          {canPropose ? (
            <Link className="button" to="/strategy/goals/new">
              {t('strategy.goal.new')}
            </Link>
          ) : null}
        </div>
        <p>{t('strategy.goals.agreedHint')}</p>
        {agreed.length ? (
          agreed.map((g) => <GoalCard key={g.id} goal={g} />)
        ) : (
          <p>{t('strategy.goals.noneAgreed')}</p>
        )}
      </section>

      <StrategyAidsNav />
      <GoalCoverageTable coverage={aids.coverage} weeks={aids.weeks} />
      <GoalMixView mix={aids.mix} weeks={aids.weeks} />
      <StrategyMatrix matrix={aids.matrix} />

      <section className="card" aria-labelledby="waiting-title">
        <h2 id="waiting-title">{t('strategy.goals.waiting')}</h2>
        {waiting.length ? (
          waiting.map((g) => <GoalCard key={g.id} goal={g} />)
        ) : (
          <p>{t('strategy.goals.noneWaiting')}</p>
        )}
        {sentBack.length ? (
          <>
            <h3>{t('strategy.goals.sentBack')}</h3>
            {sentBack.map((g) => (
              <GoalCard key={g.id} goal={g} />
            ))}
          </>
        ) : null}
      </section>

      <StockTake entries={stockTake} canEdit={canPropose} today={today} data={data} />
      <MilestoneList milestones={milestones} canEdit={canPropose} today={today} data={data} />
    </article>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
