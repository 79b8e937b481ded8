import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FieldError } from '~/components/field';
import { MatchReasons } from '~/components/match-reasons';
import { StatusBadge } from '~/components/labels';
import { can } from '~/domain/permissions';
import {
  decideMatch,
  getNeedForMatching,
  goalChoicesForNeed,
  suggestionsForNeed,
} from '~/models/matching.server';
import { needsServed } from '~/models/results-impact.server';
import { requirePermission } from '~/utils/auth.server';
import type { FieldErrors } from '~/utils/forms';
import { intent, intentAction } from '~/utils/intent-action.server';
import { failureOf } from '~/utils/intent-result';
import { pageTitle } from '~/utils/meta';
import { invariantResponse } from '~/utils/misc';
import { useFormat } from '~/utils/use-format';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'matches.title', data?.need.text.slice(0, 60));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'matches:read');
  const need = await getNeedForMatching({ id: params.needId ?? '' });
  invariantResponse(need, 'Not found', { status: 404 });
  const canDecide = can(user.roles, 'matches:decide');
  // an accepted suggestion's idea can serve agreed goals; choosing them is planning
  const canLinkGoals = canDecide && can(user.roles, 'calendar:plan');
  const [suggestions, goals] = await Promise.all([
    suggestionsForNeed(need.id, 10),
    canLinkGoals ? goalChoicesForNeed(need.audienceId) : Promise.resolve(null),
  ]);
  // whether the published pieces serving the need perform (app/domain/results/needs.ts)
  const served = (await needsServed([need.id]))[need.id] ?? 'unserved';
  return json({ need, suggestions: suggestions ?? [], canDecide, goals: goals ?? [], served });
}

/** Accepting or dismissing a suggestion, with the fit and reasons the editor saw. */
const decide = (decision: 'accepted' | 'dismissed') =>
  intent({
    schema: z.object({
      item: z.string().default(''),
      goals: z.array(z.string().max(40, 'validation.invalid')).max(50, 'validation.invalid'),
    }),
    arrays: ['goals'],
    keepValues: true,
    run: async ({ user, data, params }) => {
      const needId = params.needId ?? '';
      const suggestion = (await suggestionsForNeed(needId, 50))?.find(
        (s) => s.knowledgeItemId === data.item,
      );
      const outcome = await decideMatch({
        needId,
        knowledgeItemId: data.item,
        decision,
        actor: user,
        score: suggestion?.score ?? 0,
        reasons: suggestion?.reasons ?? [],
        goalIds: data.goals,
      });
      return outcome.ok ? outcome : ({ ok: false, problem: outcome.problem } as const);
    },
    problems: {
      notFound: 404,
      goalNotAgreed: { status: 409, field: 'goals', key: 'calendar.form.goalNotAgreed' },
    },
    done: ({ pieceId }, { params }) =>
      redirect(`/matches/${params.needId}?done=${decision}${pieceId ? `&piece=${pieceId}` : ''}`),
  });

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    { accept: decide('accepted'), dismiss: decide('dismissed') },
    { guard: 'matches:decide' },
  );
}

export default function NeedMatches() {
  const { need, suggestions, canDecide, goals, served } = useLoaderData<typeof loader>();
  const failed = failureOf(useActionData<typeof action>(), 'accept');
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const f = useFormat();
  const done = params.get('done');
  const piece = params.get('piece');
  return (
    <article aria-labelledby="need-title">
      <p>
        <Link to="/matches">{t('matches.back')}</Link>
      </p>
      <h1 id="need-title" lang={need.language}>
        {need.text}
      </h1>
      <p>
        {need.audience.name} · {t(`priority.${need.priority}`)} ·{' '}
        {need.tags.map((x) => x.tag.name).join(', ')}
      </p>
      <p>
        {t('matches.served.label', { verdict: t(`matches.served.${served}`) })}{' '}
        <span className="field-hint">{t('matches.served.hint')}</span>
      </p>
      {done === 'accepted' || done === 'dismissed' ? (
        <p className="notice" role="status">
          {t(`matches.done.${done}`)}{' '}
          {piece ? <Link to={`/calendar/${piece}`}>{t('matches.openIdea')}</Link> : null}
        </p>
      ) : null}
      <h2>{t('matches.suggestions')}</h2>
      {suggestions.length ? (
        <ol className="suggestions">
          {suggestions.map((s) => (
            <li key={s.knowledgeItemId} className="card">
              <h3>
                <Link to={`/knowledge/${s.knowledgeItemId}`} lang={s.language}>
                  {s.title}
                </Link>
              </h3>
              <p className="field-hint">
                {t(`kinds.${s.kind}`)} · {s.expert} ·{' '}
                {t('matches.scoreLabel', { score: f.number(Math.round(s.score * 100)) })} ·{' '}
                <StatusBadge kind="match" status={s.decision} />
              </p>
              <p>{t('matches.why')}</p>
              <MatchReasons reasons={s.reasons} />
              {canDecide && s.decision !== 'accepted' ? (
                <Form method="post" className="stack">
                  <input type="hidden" name="item" value={s.knowledgeItemId} />
                  {goals.length ? (
                    <IdeaGoals
                      item={s.knowledgeItemId}
                      title={s.title}
                      goals={goals}
                      errors={
                        failed?.values?.item === s.knowledgeItemId ? failed.errors : undefined
                      }
                    />
                  ) : null}
                  <div className="inline">
                    <button
                      type="submit"
                      name="intent"
                      value="accept"
                      disabled={navigation.state === 'submitting'}
                      aria-label={t('matches.acceptFor', { title: s.title })}
                    >
                      {t('matches.accept')}
                    </button>
                    <button
                      type="submit"
                      name="intent"
                      value="dismiss"
                      className="button-secondary"
                      disabled={navigation.state === 'submitting'}
                      aria-label={t('matches.dismissFor', { title: s.title })}
                    >
                      {t('matches.dismiss')}
                    </button>
                  </div>
                </Form>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty">{t('matches.noSuggestions')}</p>
      )}
    </article>
  );
}

/**
 * The agreed goals the idea of an accepted suggestion will serve; those measured on the need's
 * audience are chosen already.
 */
function IdeaGoals({
  item,
  title,
  goals,
  errors,
}: {
  item: string;
  title: string;
  goals: { id: string; title: string; suggested: boolean }[];
  errors?: FieldErrors;
}) {
  const { t } = useTranslation();
  const errorId = `goals-error-${item}`;
  return (
    <fieldset className="field" aria-describedby={errors?.goals ? errorId : undefined}>
      <legend>{t('matches.goalsFor', { title })}</legend>
      {goals.map((g) => (
        <label key={g.id} className="checkbox">
          <input type="checkbox" name="goals" value={g.id} defaultChecked={g.suggested} />
          {g.title}
          {g.suggested ? <span className="field-hint"> ({t('matches.goalSuggested')})</span> : null}
        </label>
      ))}
      <FieldError errors={errors} name="goals" id={errorId} />
    </fieldset>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
