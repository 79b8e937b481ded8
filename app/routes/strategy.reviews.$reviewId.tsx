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
import { ReviewDecisionForm, ReviewFindingForm, ReviewSignOff } from '~/components/review-forms';
import { ReviewSnapshotView } from '~/components/review-snapshot';
import { formatDay, formatValue } from '~/components/strategy-parts';
import { localDay } from '~/domain/calendar/grid';
import { can } from '~/domain/permissions';
import { DecisionSchema, FindingSchema, SignOffSchema } from '~/forms/review';
import {
  addDecision,
  addFinding,
  getReview,
  listDecisionSubjects,
  mayReadReview,
  mayWriteReview,
  signOffReview,
} from '~/models/review.server';
import { getWorkspace } from '~/models/workspace.server';
import { requireUser } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { pageTitle } from '~/utils/meta';
import { invariantResponse } from '~/utils/misc';
import { formatDateTime } from '~/utils/format';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'reviews.report');

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!(await mayReadReview(user))) throw new Response('Forbidden', { status: 403 });
  const review = await getReview(params.reviewId ?? '');
  invariantResponse(review, 'Not found', { status: 404 });
  const open = review.status === 'open';
  const canWrite = open && (await mayWriteReview(user));
  return json({
    review,
    canWrite,
    canSignOff: open && can(user.roles, 'review:signoff'),
    subjects: canWrite ? await listDecisionSubjects() : { goals: [], audiences: [] },
  });
}

const WRITE_PROBLEMS = { notAllowed: 403, notFound: 404, signedOff: 409, conflict: 409 } as const;

export async function action(args: ActionFunctionArgs) {
  const back = (notice: string) => (_: unknown, ctx: { params: { reviewId?: string } }) =>
    redirect(`/strategy/reviews/${ctx.params.reviewId}?${notice}=1`);
  return intentAction(
    args,
    {
      finding: intent({
        schema: FindingSchema,
        keepValues: true,
        run: ({ user, data, params }) =>
          addFinding({ actor: user, reviewId: params.reviewId ?? '', text: data.finding }),
        problems: WRITE_PROBLEMS,
        done: back('findingAdded'),
      }),
      decision: intent({
        schema: DecisionSchema,
        keepValues: true,
        run: ({ user, data, params }) =>
          addDecision({ actor: user, reviewId: params.reviewId ?? '', input: data }),
        problems: { ...WRITE_PROBLEMS, subjectGone: 409, kpiChanged: 409 },
        done: back('decisionAdded'),
      }),
      signoff: intent({
        permission: 'review:signoff',
        schema: SignOffSchema,
        run: async ({ user, data, params }) => {
          const workspace = await getWorkspace();
          return signOffReview({
            actor: user,
            reviewId: params.reviewId ?? '',
            expectedVersion: data.expectedVersion,
            today: localDay(new Date(), workspace.timeZone),
          });
        },
        problems: WRITE_PROBLEMS,
        done: back('signedOff'),
      }),
    },
    { guard: 'review:read' },
  );
}

const NOTICES = ['opened', 'findingAdded', 'decisionAdded', 'signedOff'];

export default function ReviewPage() {
  const { review, canWrite, canSignOff, subjects } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation();
  const notice = NOTICES.find((n) => params.get(n));
  const open = review.status === 'open';
  // a KPI decision names its goal and metric (a custom metric by its own label)
  const kpiName = (name: string) =>
    name
      .split(' · ')
      .map((part, i, all) =>
        i === all.length - 1 ? t(`strategy.metrics.${part}`, { defaultValue: part }) : part,
      )
      .join(' · ');
  const language = i18n.language === 'de' ? 'de' : 'en';
  const period = t('reviews.period', {
    from: formatDay(review.periodStart, i18n.language),
    to: formatDay(review.periodEnd, i18n.language),
  });
  return (
    <article aria-labelledby="review-title" className="review-report">
      <p className="no-print">
        <Link to="/strategy/reviews">{t('reviews.backToList')}</Link>
      </p>
      <h1 id="review-title">{t('reviews.reportTitle', { period })}</h1>
      {notice ? (
        <p className="notice no-print" role="status">
          {t(`reviews.notices.${notice}`)}
        </p>
      ) : null}
      <ProblemAlert data={data} message={(p) => t(`reviews.problems.${p}`)} />
      <dl className="facts">
        <dt>{t('reviews.history.status')}</dt>
        <dd>{t(`reviews.statuses.${review.status}`)}</dd>
        <dt>{t('reviews.openedBy')}</dt>
        <dd>
          {review.openedBy ?? t('reviews.someone')} · {formatDateTime(review.openedAt, language)}
        </dd>
        {review.signedOffAt ? (
          <>
            <dt>{t('reviews.signedOffBy')}</dt>
            <dd>
              {review.signedOffBy ?? t('reviews.someone')} ·{' '}
              {formatDateTime(review.signedOffAt, language)}
            </dd>
          </>
        ) : null}
      </dl>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t('reviews.print')}
        </button>
      </p>
      {open ? null : <p>{t('reviews.frozen')}</p>}

      {review.snapshot ? <ReviewSnapshotView snapshot={review.snapshot} /> : null}

      <section className="card" aria-labelledby="findings-title">
        <h2 id="findings-title">{t('reviews.findings.title')}</h2>
        {review.findings.length ? (
          <ul>
            {review.findings.map((f) => (
              <li key={f.id}>
                <p className="pre-line">{f.text}</p>
                <p className="meta">{f.author ?? t('reviews.someone')}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t(open ? 'reviews.findings.none' : 'reviews.findings.noneRecorded')}</p>
        )}
        {canWrite ? <ReviewFindingForm data={data} /> : null}
      </section>

      <section className="card" aria-labelledby="decisions-title">
        <h2 id="decisions-title">{t('reviews.decisions.title')}</h2>
        {review.decisions.length ? (
          <ul>
            {review.decisions.map((d) => (
              <li key={d.id}>
                <p className="pre-line">{d.text}</p>
                <p className="meta">
                  {t(`reviews.decision.kinds.${d.kind}`)}:{' '}
                  {d.kind === 'channel_plan' && d.channel
                    ? t(`channels.${d.channel}`)
                    : d.kind === 'kpi_target'
                      ? kpiName(d.subjectName)
                      : d.subjectName}
                  {d.kind === 'kpi_target' && d.fromValue !== null && d.toValue !== null
                    ? ` · ${t('reviews.decision.targetChange', {
                        from: formatValue(d.fromValue, i18n.language),
                        to: formatValue(d.toValue, i18n.language),
                      })}`
                    : null}
                  {' · '}
                  {d.author ?? t('reviews.someone')}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t(open ? 'reviews.decisions.none' : 'reviews.decisions.noneRecorded')}</p>
        )}
        {canWrite ? <ReviewDecisionForm data={data} subjects={subjects} /> : null}
      </section>

      {canSignOff ? <ReviewSignOff data={data} version={review.version} /> : null}
    </article>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
