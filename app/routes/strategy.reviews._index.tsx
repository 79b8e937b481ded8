import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '~/components/problem-alert';
import { ReviewHistory } from '~/components/review-history';
import { formatDay, useBusy } from '~/components/strategy-parts';
import { localDay } from '~/domain/calendar/grid';
import { listReviews, mayReadReview, mayWriteReview, openReview } from '~/models/review.server';
import { getWorkspace } from '~/models/workspace.server';
import { requireUser } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { pageTitle } from '~/utils/meta';
import { z } from 'zod';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'reviews.title');

async function today() {
  const workspace = await getWorkspace();
  return localDay(new Date(), workspace.timeZone);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!(await mayReadReview(user))) throw new Response('Forbidden', { status: 403 });
  const day = await today();
  const { reviews, due } = await listReviews(day);
  return json({ reviews, due, today: day, canWrite: await mayWriteReview(user) });
}

/**
 * The due review is opened by a person (the owner or management), not by visiting the page:
 * opening takes the snapshot, and the people reviewing decide when the period's results are in.
 */
export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      open: intent({
        schema: z.object({}),
        run: async ({ user }) => openReview({ actor: user, today: await today() }),
        problems: { notAllowed: 403, notDue: 409, overlaps: 409 },
        done: ({ id }) => redirect(`/strategy/reviews/${id}?opened=1`),
      }),
    },
    { guard: 'review:read' },
  );
}

export default function ReviewsPage() {
  const { reviews, due, canWrite } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const busy = useBusy('open');
  return (
    <article aria-labelledby="reviews-title">
      <p>
        <Link to="/strategy">{t('reviews.back')}</Link>
      </p>
      <h1 id="reviews-title">{t('reviews.title')}</h1>
      <p className="intro">{t('reviews.intro')}</p>
      <ProblemAlert data={data} message={(p) => t(`reviews.problems.${p}`)} />
      {due ? (
        <section className="card" aria-labelledby="due-title">
          <h2 id="due-title">{t('reviews.due.title')}</h2>
          <p>
            {t('reviews.due.text', {
              day: formatDay(due.dueOn, i18n.language),
              from: formatDay(due.periodStart, i18n.language),
              to: formatDay(due.periodEnd, i18n.language),
            })}
          </p>
          {canWrite ? (
            <Form method="post">
              <input type="hidden" name="intent" value="open" />
              <button type="submit" disabled={busy}>
                {t('reviews.due.open')}
              </button>
            </Form>
          ) : (
            <p>{t('reviews.due.ownerOpens')}</p>
          )}
        </section>
      ) : null}
      <ReviewHistory reviews={reviews} />
    </article>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
