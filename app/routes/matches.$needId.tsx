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
import { FieldError, TextAreaField } from '~/components/field';
import { MatchReasons } from '~/components/match-reasons';
import { ProblemAlert } from '~/components/problem-alert';
import { StatusBadge } from '~/components/labels';
import { MIN_FIT, splitByFit } from '~/domain/matching/fit';
import { can } from '~/domain/permissions';
import { TopicRequestFormSchema, WithdrawTopicRequestSchema } from '~/forms/topic-request';
import { gapForNeed } from '~/models/matching-gaps.server';
import {
  decideMatch,
  getNeedForMatching,
  goalChoicesForNeed,
  suggestionsForNeed,
  type Suggestion,
} from '~/models/matching.server';
import { needsServed } from '~/models/results-impact.server';
import {
  answeredTopicRequestsForNeed,
  createTopicRequest,
  topicRequestsForNeed,
  withdrawTopicRequest,
} from '~/models/topic-request.server';
import { requirePermission } from '~/utils/auth.server';
import type { FieldErrors } from '~/utils/forms';
import { intent, intentAction } from '~/utils/intent-action.server';
import { errorsOf, failureOf } from '~/utils/intent-result';
import { pageTitle } from '~/utils/meta';
import { invariantResponse } from '~/utils/misc';
import { useFormat } from '~/utils/use-format';
import { useValidatedForm } from '~/utils/use-validated-form';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'matches.title', data?.need.text.slice(0, 60));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'matches:read');
  const need = await getNeedForMatching({ id: params.needId ?? '' });
  invariantResponse(need, 'Not found', { status: 404 });
  const canDecide = can(user.roles, 'matches:decide');
  // an accepted suggestion's idea can serve agreed goals; choosing them is planning
  const canLinkGoals = canDecide && can(user.roles, 'calendar:plan');
  const canAsk = can(user.roles, 'topics:request');
  const [suggestions, goals, gap, topicRequests, answeredRequests] = await Promise.all([
    suggestionsForNeed(need.id, 10),
    canLinkGoals ? goalChoicesForNeed(need.audienceId) : Promise.resolve(null),
    // "why not": for a need no accepted match serves yet
    gapForNeed(need.id),
    topicRequestsForNeed({ needId: need.id }),
    answeredTopicRequestsForNeed({ needId: need.id }),
  ]);
  // whether the published pieces serving the need perform (app/domain/results/needs.ts)
  const served = (await needsServed([need.id]))[need.id] ?? 'unserved';
  return json({
    need,
    suggestions: suggestions ?? [],
    canDecide,
    canAsk,
    canEditGlossary: can(user.roles, 'glossary:manage'),
    goals: goals ?? [],
    served,
    gap,
    topicRequests,
    answeredRequests,
  });
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

/** Asking the experts of a department for the knowledge the need lacks. */
const ask = () =>
  intent({
    permission: 'topics:request',
    schema: TopicRequestFormSchema,
    keepValues: true,
    run: ({ user, data, params }) =>
      createTopicRequest({
        needId: params.needId ?? '',
        department: data.department,
        text: data.text,
        actor: user,
      }),
    problems: {
      notFound: 404,
      notAllowed: 403,
      invalid: { status: 400, field: 'text', key: 'validation.invalid' },
      unknownDepartment: { status: 400, field: 'department', key: 'validation.choose' },
    },
    done: (_outcome, { params }) => redirect(`/matches/${params.needId}?done=asked#gap-title`),
  });

/** Withdrawing an open topic request of the need (with the version the editor saw). */
const withdrawRequest = () =>
  intent({
    permission: 'topics:request',
    schema: WithdrawTopicRequestSchema,
    run: ({ user, data, params }) =>
      withdrawTopicRequest({
        id: data.requestId,
        needId: params.needId ?? '',
        expectedVersion: data.expectedVersion,
        actor: user,
      }),
    problems: { notFound: 404, notAllowed: 403, conflict: 409, closed: 409 },
    done: (_outcome, { params }) =>
      redirect(`/matches/${params.needId}?done=withdrawn#topic-requests-title`),
  });

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      accept: decide('accepted'),
      dismiss: decide('dismissed'),
      ask: ask(),
      withdrawRequest: withdrawRequest(),
    },
    { guard: 'matches:decide' },
  );
}

export default function NeedMatches() {
  const {
    need,
    suggestions,
    canDecide,
    canAsk,
    canEditGlossary,
    goals,
    served,
    gap,
    topicRequests,
    answeredRequests,
  } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const f = useFormat();
  // the suggestions that reach the minimum fit with a reason first, the weaker ones on request
  const { strong, weak } = splitByFit(suggestions);
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
      {done === 'accepted' || done === 'dismissed' || done === 'asked' || done === 'withdrawn' ? (
        <p className="notice" role="status">
          {t(`matches.done.${done}`)}{' '}
          {piece ? <Link to={`/calendar/${piece}`}>{t('matches.openIdea')}</Link> : null}
        </p>
      ) : null}
      <h2>{t('matches.suggestions')}</h2>
      {strong.length ? (
        <ol className="suggestions">
          {strong.map((s) => (
            <SuggestionCard key={s.knowledgeItemId} s={s} canDecide={canDecide} goals={goals} />
          ))}
        </ol>
      ) : weak.length ? (
        <p className="empty">
          {t('matches.noStrong', { fit: f.number(Math.round(MIN_FIT * 100)) })}
        </p>
      ) : (
        <p className="empty">{t('matches.noSuggestions')}</p>
      )}
      {weak.length ? (
        // with nothing strong to show, the nearest suggestions are open from the start
        <details className="weak-suggestions" open={!strong.length}>
          <summary>{t('matches.weaker', { count: weak.length })}</summary>
          <p className="field-hint">
            {t('matches.weakerHint', { fit: f.number(Math.round(MIN_FIT * 100)) })}
          </p>
          <ol className="suggestions">
            {weak.map((s) => (
              <SuggestionCard key={s.knowledgeItemId} s={s} canDecide={canDecide} goals={goals} />
            ))}
          </ol>
        </details>
      ) : null}
      {gap ? (
        <WhyNot
          gap={gap}
          needLanguage={need.language}
          canAsk={canAsk}
          canEditGlossary={canEditGlossary}
          asked={topicRequests.length}
        />
      ) : null}
      {topicRequests.length ? (
        <OpenTopicRequests requests={topicRequests} canWithdraw={canAsk} />
      ) : null}
      {answeredRequests.length ? (
        <section aria-labelledby="answered-requests-title">
          <h2 id="answered-requests-title">{t('topicRequests.answeredForNeed')}</h2>
          <ul className="plain">
            {answeredRequests.map((r) => (
              <li key={r.id}>
                <strong>{r.department}</strong>: {r.text}{' '}
                <span className="field-hint">
                  {r.closedAt
                    ? t('topicRequests.answeredOn', { date: f.shortDate(r.closedAt) })
                    : null}
                </span>
                {r.answers.length ? (
                  <>
                    {' '}
                    {t('topicRequests.answeredWith')}{' '}
                    {r.answers.map((item, i) => (
                      <span key={item.id}>
                        {i ? ', ' : null}
                        <Link to={`/knowledge/${item.id}`} lang={item.language}>
                          {item.title}
                        </Link>
                      </span>
                    ))}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

type OpenRequest = ReturnType<typeof useLoaderData<typeof loader>>['topicRequests'][number];

/** The need's open requests to experts; editors may withdraw one that is no longer needed. */
function OpenTopicRequests({
  requests,
  canWithdraw,
}: {
  requests: OpenRequest[];
  canWithdraw: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigation = useNavigation();
  const data = useActionData<typeof action>();
  return (
    <section aria-labelledby="topic-requests-title">
      <h2 id="topic-requests-title">{t('topicRequests.openForNeed')}</h2>
      <ProblemAlert
        data={failureOf(data, 'withdrawRequest')}
        message={(p) => t(`topicRequests.problems.${p}`)}
      />
      <ul className="plain">
        {requests.map((r) => (
          <li key={r.id}>
            <strong>{r.department}</strong>: {r.text}{' '}
            <span className="field-hint">
              {t('topicRequests.askedBy', {
                name: r.requestedBy.name,
                date: f.shortDate(r.createdAt),
              })}
            </span>
            {canWithdraw ? (
              <Form method="post" className="inline">
                <input type="hidden" name="requestId" value={r.id} />
                <input type="hidden" name="expectedVersion" value={r.version} />
                <button
                  type="submit"
                  name="intent"
                  value="withdrawRequest"
                  className="button-secondary"
                  disabled={navigation.state === 'submitting'}
                  aria-label={t('topicRequests.withdrawNamed', { text: r.text })}
                >
                  {t('topicRequests.withdraw')}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

type Gap = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['gap']>;

/**
 * Why nothing serves the need yet: the nearest items whatever their fit, the need's words no
 * item covers (each a glossary term or an expert interview to come), and asking the experts.
 */
function WhyNot({
  gap,
  needLanguage,
  canAsk,
  canEditGlossary,
  asked,
}: {
  gap: Gap;
  needLanguage: string;
  canAsk: boolean;
  canEditGlossary: boolean;
  /** how many open requests the need has: a new one starts the form afresh */
  asked: number;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const data = useActionData<typeof action>();
  const validation = useValidatedForm({ schema: TopicRequestFormSchema });
  const errors = validation.errorsWith(errorsOf(data, 'ask'));
  const values = (failureOf(data, 'ask') as { values?: Record<string, unknown> } | null)?.values;
  const navigation = useNavigation();
  const defaultText = gap.missing.length
    ? t('topicRequests.form.defaultText', { words: gap.missing.join(', ') })
    : '';
  return (
    <section aria-labelledby="gap-title" className="card">
      <h2 id="gap-title">{t('gaps.title')}</h2>
      <p>{t('gaps.intro')}</p>
      <h3>{t('gaps.nearest')}</h3>
      {gap.nearest.length ? (
        <ul className="plain">
          {gap.nearest.map((n) => (
            <li key={n.knowledgeItemId}>
              <Link to={`/knowledge/${n.knowledgeItemId}`} lang={n.language}>
                {n.title}
              </Link>{' '}
              <span className="field-hint">
                {t('matches.scoreLabel', { score: f.number(Math.round(n.score * 100)) })}
                {n.department ? ` · ${n.department}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t('gaps.nearestEmpty')}</p>
      )}
      <h3>{t('gaps.missing')}</h3>
      {gap.missing.length ? (
        <>
          <ul className="plain missing-words">
            {gap.missing.map((w) => (
              <li key={w}>
                <span lang={needLanguage}>{w}</span>
              </li>
            ))}
          </ul>
          <p className="field-hint">{t('gaps.missingHint')}</p>
          {canEditGlossary ? (
            <p>
              <Link to="/glossary/new">{t('gaps.addTerm')}</Link>
            </p>
          ) : null}
        </>
      ) : (
        <p className="empty">{t('gaps.missingEmpty')}</p>
      )}
      {canAsk ? (
        gap.departments.length ? (
          <Form key={asked} method="post" className="stack" {...validation.formProps()}>
            <h3 id="ask-title">{t('topicRequests.form.title')}</h3>
            <ProblemAlert
              data={failureOf(data, 'ask')}
              message={(p) => t(`topicRequests.problems.${p}`)}
            />
            <div className="field">
              <label htmlFor="field-department">{t('topicRequests.form.department')}</label>
              <select
                id="field-department"
                name="department"
                defaultValue={String(values?.department ?? gap.department)}
                aria-invalid={errors.department ? true : undefined}
                aria-describedby={errors.department ? 'field-department-error' : undefined}
              >
                {gap.departments.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
              <FieldError errors={errors} name="department" id="field-department-error" />
            </div>
            <TextAreaField
              name="text"
              label={t('topicRequests.form.text')}
              hint={t('topicRequests.form.textHint')}
              errors={errors}
              rows={3}
              defaultValue={String(values?.text ?? defaultText)}
            />
            <div className="inline">
              <button
                type="submit"
                name="intent"
                value="ask"
                disabled={navigation.state === 'submitting'}
              >
                {t('topicRequests.form.submit')}
              </button>
            </div>
          </Form>
        ) : (
          <p className="empty">{t('topicRequests.noDepartments')}</p>
        )
      ) : null}
    </section>
  );
}

/** One suggestion: the item, its fit and reasons, and accepting or dismissing it. */
function SuggestionCard({
  s,
  canDecide,
  goals,
}: {
  s: Suggestion;
  canDecide: boolean;
  goals: { id: string; title: string; suggested: boolean }[];
}) {
  const failed = failureOf(useActionData<typeof action>(), 'accept');
  const navigation = useNavigation();
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <li className="card">
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
      {s.reasons.length ? (
        <MatchReasons reasons={s.reasons} />
      ) : (
        <p className="field-hint">{t('matches.noReason')}</p>
      )}
      {canDecide && s.decision !== 'accepted' ? (
        <Form method="post" className="stack">
          <input type="hidden" name="item" value={s.knowledgeItemId} />
          {goals.length ? (
            <IdeaGoals
              item={s.knowledgeItemId}
              title={s.title}
              goals={goals}
              errors={failed?.values?.item === s.knowledgeItemId ? failed.errors : undefined}
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
