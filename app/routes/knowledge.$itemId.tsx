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
import { DisclosurePanel } from '~/components/disclosure-panel';
import { StatusBadge } from '~/components/labels';
import { FieldError } from '~/components/field';
import { MatchReasons } from '~/components/match-reasons';
import { NextNotified } from '~/components/next-notified';
import { TopicRequestSummary } from '~/components/topic-request-summary';
import { ProblemAlert } from '~/components/problem-alert';
import type { KnowledgeStatus } from '~/domain/knowledge/vocabulary';
import {
  actionNeedsComment,
  availableActions,
  canEdit,
  KNOWLEDGE_ACTIONS,
  type KnowledgeAction,
} from '~/domain/knowledge/workflow';
import { can } from '~/domain/permissions';
import { knowledgeVerdictFor, verdictForPage } from '~/models/disclosure.server';
import { getKnowledgeItem, transitionKnowledgeItem } from '~/models/knowledge.server';
import { needsForItem } from '~/models/matching.server';
import { knowledgeImpact } from '~/models/results-impact.server';
import { ImpactList } from '~/components/impact';
import { nextNotifiedForKnowledge } from '~/models/notification.server';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { parseJsonLinks } from '~/utils/json';
import { ReviewSchema, type ReviewStep } from '~/forms/knowledge';
import { pageTitle } from '~/utils/meta';
import { invariantResponse } from '~/utils/misc';
import { useFormat } from '~/utils/use-format';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'knowledge.title', data?.item.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'knowledge:read');
  const item = await getKnowledgeItem({ id: params.itemId ?? '', viewer: user });
  invariantResponse(item, 'Not found', { status: 404 });
  const actor = {
    isOwner: item.ownerId === user.id,
    canReview: can(user.roles, 'knowledge:review'),
  };
  const status = item.status as KnowledgeStatus;
  // what the disclosure rules would say if this went public (a warning, never a block here);
  // the model decides who sees findings
  const verdict = await knowledgeVerdictFor({ item, viewer: user });
  const lastComment = [...item.transitions]
    .reverse()
    .find((tr) => tr.comment && tr.toStatus === status);
  return json({
    item: { ...item, links: parseJsonLinks(item.links) },
    actions: availableActions(status, actor),
    editable: canEdit(status, actor),
    lastComment: lastComment ?? null,
    disclosure: verdictForPage(verdict),
    // for editors and management: which audience needs this knowledge could serve
    couldServe:
      status === 'accepted' && can(user.roles, 'matches:read') ? await needsForItem(item.id) : null,
    nextNotified: await nextNotifiedForKnowledge({ item, viewerId: user.id }),
    // what the published pieces this knowledge fed achieved (only the results the viewer may read)
    impact: await knowledgeImpact({ viewer: user, itemId: item.id }),
    canReadMatches: can(user.roles, 'matches:read'),
  });
}

/** A review step on the item (its intent is the workflow action), for whoever the workflow lets. */
const review = (step: ReviewStep) =>
  intent({
    schema: ReviewSchema,
    run: ({ user, data, params }) =>
      transitionKnowledgeItem({
        id: params.itemId ?? '',
        actor: user,
        action: step,
        comment: data.comment,
        expectedVersion: data.expectedVersion,
      }),
    problems: {
      notFound: 404,
      notAllowed: 403,
      commentRequired: { status: 400, field: 'comment', key: 'knowledge.review.commentRequired' },
      conflict: 409,
      notEditable: 409,
      wrongStatus: 409,
    },
    done: (_, { params }) => redirect(`/knowledge/${params.itemId}?done=${step}`),
  });

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      submit: review('submit'),
      withdraw: review('withdraw'),
      accept: review('accept'),
      request_changes: review('request_changes'),
      decline: review('decline'),
      archive: review('archive'),
    },
    { guard: 'knowledge:read' },
  );
}

const DONE = ['saved', 'submitted', ...KNOWLEDGE_ACTIONS] as const;

export default function KnowledgeItemPage() {
  const {
    item,
    actions,
    editable,
    lastComment,
    disclosure,
    couldServe,
    nextNotified,
    impact,
    canReadMatches,
  } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const f = useFormat();
  const done = DONE.find((d) => d === params.get('done'));
  const busy = navigation.state === 'submitting';
  const simple = actions.filter((a) => !actionNeedsComment(a));
  const withComment = actions.filter((a) => actionNeedsComment(a));
  return (
    <article className="card" aria-labelledby="item-title">
      <p>
        <Link to="/knowledge">{t('knowledge.backToInventory')}</Link>
      </p>
      {done ? (
        <p className="notice" role="status">
          {t(`knowledge.done.${done}`)}
        </p>
      ) : null}
      <ProblemAlert data={data} message={(p) => t(`knowledge.problems.${p}`)} />
      <h1 id="item-title" lang={item.language}>
        {item.title}
      </h1>
      <p>
        <StatusBadge kind="knowledge" status={item.status} /> · {t(`kinds.${item.kind}`)} ·{' '}
        {t(`contentLanguages.${item.language}`)} · {item.department} ·{' '}
        <Link to={`/experts/${item.owner.id}`}>{item.owner.name}</Link>
      </p>
      {lastComment ? (
        <div className="callout" role="note" aria-label={t('knowledge.review.editorComment')}>
          <strong>{t('knowledge.review.editorComment')}</strong> ({lastComment.actor.name},{' '}
          {f.dateTime(lastComment.createdAt)}): {lastComment.comment}
        </div>
      ) : null}
      {disclosure.findings.length || disclosure.failed ? (
        <DisclosurePanel disclosure={disclosure} context="knowledge" />
      ) : null}
      {item.answersRequest ? (
        <TopicRequestSummary request={item.answersRequest} needLink={canReadMatches} />
      ) : null}
      <ul className="tags" aria-label={t('knowledge.columns.tags')}>
        {item.tags.map(({ tag }) => (
          <li key={tag.name} className="badge">
            <Link to={`/knowledge?tag=${encodeURIComponent(tag.name)}`}>{tag.name}</Link>
          </li>
        ))}
      </ul>
      <p lang={item.language}>{item.summary}</p>
      {item.details ? (
        <p lang={item.language} className="pre-wrap">
          {item.details}
        </p>
      ) : null}
      {item.links.length ? (
        <ul>
          {item.links.map((l) => (
            <li key={l.url}>
              <a href={l.url} rel="noopener noreferrer nofollow" target="_blank">
                {l.label || l.url}
              </a>
            </li>
          ))}
        </ul>
      ) : null}

      {editable || actions.length ? (
        <section aria-labelledby="actions-title" className="actions">
          <h2 id="actions-title">{t('knowledge.review.actions')}</h2>
          <div className="inline">
            {editable ? (
              <Link className="button button-secondary" to="edit">
                {t('knowledge.review.edit')}
              </Link>
            ) : null}
            {simple.map((a: KnowledgeAction) => (
              <Form method="post" key={a}>
                <input type="hidden" name="expectedVersion" value={item.version} />
                <button
                  type="submit"
                  name="intent"
                  value={a}
                  disabled={busy}
                  className={a === 'withdraw' || a === 'archive' ? 'button-secondary' : undefined}
                >
                  {t(`knowledge.review.${a}`)}
                </button>
              </Form>
            ))}
          </div>
          {withComment.length ? (
            <Form method="post" className="stack">
              <input type="hidden" name="expectedVersion" value={item.version} />
              <div className="field">
                <label htmlFor="review-comment">{t('knowledge.review.comment')}</label>
                <textarea
                  id="review-comment"
                  name="comment"
                  rows={3}
                  aria-describedby={
                    data?.errors?.comment ? 'review-comment-error' : 'review-comment-hint'
                  }
                  aria-invalid={Boolean(data?.errors?.comment) || undefined}
                />
                <p className="field-hint" id="review-comment-hint">
                  {t('knowledge.review.commentHint')}
                </p>
                <FieldError errors={data?.errors} name="comment" id="review-comment-error" />
              </div>
              <div className="inline">
                {withComment.map((a) => (
                  <button
                    key={a}
                    type="submit"
                    name="intent"
                    value={a}
                    disabled={busy}
                    className={a === 'decline' ? 'button-danger' : undefined}
                  >
                    {t(`knowledge.review.${a}`)}
                  </button>
                ))}
              </div>
            </Form>
          ) : null}
        </section>
      ) : null}

      <NextNotified next={nextNotified} />

      {couldServe ? (
        <section aria-labelledby="could-serve-title" className="card">
          <h2 id="could-serve-title">{t('matches.couldServe')}</h2>
          {couldServe.length ? (
            <ol className="plain">
              {couldServe.map((n) => (
                <li key={n.needId}>
                  <p>
                    <Link to={`/matches/${n.needId}`} lang={n.language}>
                      {n.text}
                    </Link>{' '}
                    <span className="field-hint">
                      ({n.audience} · {t('matches.scoreLabel', { score: n.score })})
                    </span>{' '}
                    {n.decision === 'accepted' ? (
                      <StatusBadge kind="match" status={n.decision} />
                    ) : null}
                  </p>
                  <MatchReasons reasons={n.reasons} />
                </li>
              ))}
            </ol>
          ) : (
            <p className="empty">{t('matches.couldServeEmpty')}</p>
          )}
        </section>
      ) : null}

      {impact?.length ? (
        <section aria-labelledby="impact-title" className="card">
          <h2 id="impact-title">{t('impact.title')}</h2>
          <p className="field-hint">{t('impact.itemHint')}</p>
          <ImpactList pieces={impact} />
        </section>
      ) : null}

      <h2>{t('knowledge.history')}</h2>
      <ol>
        {item.transitions.map((tr) => (
          <li key={tr.id}>
            {f.dateTime(tr.createdAt)} · {tr.actor.name}:{' '}
            <StatusBadge kind="knowledge" status={tr.toStatus} />
            {tr.comment ? <> — {tr.comment}</> : null}
          </li>
        ))}
      </ol>
    </article>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
