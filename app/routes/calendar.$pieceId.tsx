import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { NextNotified } from '~/components/next-notified';
import { DisclosurePanel, ExemptionRequestForm } from '~/components/disclosure-panel';
import { ConflictCompare, readConflict } from '~/components/conflict-compare';
import { FieldError } from '~/components/field';
import { ChannelLabel, StatusBadge } from '~/components/labels';
import { PieceForm } from '~/components/piece-form';
import { PieceGoalsSection, PieceOriginSection } from '~/components/piece-origin';
import { PieceResults } from '~/components/piece-results';
import type { PieceStatus } from '~/domain/calendar/vocabulary';
import { nextStatuses, overdueStages, PUBLIC_STAGES } from '~/domain/calendar/workflow';
import { can } from '~/domain/permissions';
import { checkPiece, verdictForPage } from '~/models/disclosure.server';
import { requestExemption } from '~/models/exemption.server';
import { listGoalChoices, type GoalChoice } from '~/models/piece-goals.server';
import { pieceOrigin } from '~/models/piece-origin.server';
import {
  calendarFacets,
  getPiece,
  pieceActivity,
  pieceFormValues,
} from '~/models/piece-queries.server';
import {
  addPieceComment,
  type BlockingFinding,
  referencesAsProblem,
  transitionPiece,
  updatePiece,
} from '~/models/piece-writes.server';
import { nextNotifiedForPiece } from '~/models/notification.server';
import { getWorkspace } from '~/models/workspace.server';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { errorsOf, failureOf } from '~/utils/intent-result';
import { pageTitle } from '~/utils/meta';
import { markdownToHtml } from '~/utils/markdown.server';
import { invariantResponse } from '~/utils/misc';
import { CommentSchema, TransitionSchema } from '~/forms/piece';
import { useFormat } from '~/utils/use-format';
import { pieceFormIntent } from './__piece-form.server';
import { pieceResultIntents, pieceResultsFor } from './__piece-results.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'calendar.title', data?.piece.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'calendar:read');
  const piece = await getPiece({ id: params.pieceId ?? '', viewer: user });
  invariantResponse(piece, 'Not found', { status: 404 });
  const { timeZone } = await getWorkspace();
  const canPlan = can(user.roles, 'calendar:plan');
  const actor = {
    canPlan,
    canApprove: can(user.roles, 'calendar:approve'),
    isContributor: piece.experts.some((e) => e.user.id === user.id),
  };
  const [facets, goalChoices, activity, verdict, origin, results] = await Promise.all([
    canPlan ? calendarFacets() : null,
    canPlan ? listGoalChoices({ pieceId: piece.id }) : ([] as GoalChoice[]),
    pieceActivity(piece.id),
    checkPiece(piece),
    pieceOrigin({ pieceId: piece.id, viewer: user }),
    pieceResultsFor(user, piece),
  ]);
  return json({
    piece,
    canPlan,
    transitions: nextStatuses(piece.status as PieceStatus, actor, piece),
    canRequestExemption: can(user.roles, 'exemptions:request'),
    disclosure: verdictForPage(verdict),
    overdue: overdueStages(piece.status as PieceStatus, piece.deadlines, new Date()),
    nextNotified: await nextNotifiedForPiece({
      piece: { ...piece, expertIds: piece.experts.map((e) => e.user.id) },
    }),
    activity,
    options: facets && {
      audiences: facets.audiences,
      owners: facets.owners,
      experts: facets.experts,
      goals: goalChoices,
    },
    values: pieceFormValues(piece, timeZone),
    // who may not plan reads the body as the page renders it
    bodyHtml: canPlan ? null : markdownToHtml(piece.body),
    origin,
    results,
    // a need's page is for those who manage audiences; an audience's for those who read them
    originLinks: {
      needs: can(user.roles, 'audiences:manage'),
      audiences: can(user.roles, 'audiences:read'),
    },
  });
}

const ExemptionRequestSchema = z.object({
  rule: z.string().max(200).default(''),
  reason: z.string().trim().min(1, 'validation.required').max(2000, 'validation.required'),
});

const TRANSITION_PROBLEMS = {
  notFound: 404,
  notAllowed: 403,
  conflict: 409,
  wrongStatus: 409,
  needsDate: 409,
  blocked: 409,
} as const;

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      save: intent({
        ...pieceFormIntent,
        run: ({ user, data, params }) =>
          referencesAsProblem(() =>
            updatePiece({
              id: params.pieceId ?? '',
              actor: user,
              input: data.input,
              expectedVersion: data.expectedVersion ?? 0,
            }),
          ),
        problems: { ...TRANSITION_PROBLEMS, references: 400 },
        done: (outcome, { params }) =>
          redirect(
            `/calendar/${params.pieceId}?done=${outcome.droppedBack ? 'droppedBack' : 'saved'}`,
          ),
      }),
      transition: intent({
        permission: 'calendar:read',
        schema: TransitionSchema,
        run: ({ user, data, params }) =>
          transitionPiece({
            id: params.pieceId ?? '',
            actor: user,
            to: data.to,
            expectedVersion: data.expectedVersion,
          }),
        problems: TRANSITION_PROBLEMS,
        done: (_, { params }) => redirect(`/calendar/${params.pieceId}?done=status`),
      }),
      comment: intent({
        permission: 'calendar:read',
        schema: CommentSchema,
        run: async ({ user, data, params }) =>
          (await addPieceComment({ id: params.pieceId ?? '', actor: user, body: data.body }))
            ? ({ ok: true } as const)
            : ({ ok: false, problem: 'notFound' } as const),
        problems: { notFound: 404 },
        done: (_, { params }) => redirect(`/calendar/${params.pieceId}`),
      }),
      exemption: intent({
        permission: 'exemptions:request',
        schema: ExemptionRequestSchema,
        run: ({ user, data, params }) =>
          requestExemption({
            pieceId: params.pieceId ?? '',
            ruleKey: data.rule,
            reason: data.reason,
            actor: user,
          }),
        // each problem has its message (a finding gone, a request already open…)
        problems: 409,
        done: (_, { params }) => redirect(`/calendar/${params.pieceId}?done=exemptionRequested`),
      }),
      ...pieceResultIntents(),
    },
    { default: 'save' },
  );
}

type ActionData = ReturnType<typeof useActionData<typeof action>>;

/** What the page says about a failed intent: its message, and a save's blocking findings. */
function explainFailure(data: ActionData) {
  const failed = data && !data.ok ? data : null;
  const detail = failed?.detail ?? null;
  const findings =
    detail && 'findings' in detail && Array.isArray(detail.findings)
      ? (detail.findings as BlockingFinding[])
      : null;
  // the Results section answers its own intents
  const problemKey =
    !failed?.problem || failed.intent.startsWith('result-')
      ? null
      : failed.intent === 'exemption'
        ? `rules.exemptions.${failed.problem}`
        : findings && failed.intent === 'save'
          ? 'calendar.problems.blockedEdit'
          : `calendar.problems.${failed.problem}`;
  return { problemKey, findings };
}

const DONE = ['created', 'saved', 'status', 'droppedBack', 'exemptionRequested'] as const;

export default function PiecePage() {
  const {
    piece,
    canPlan,
    transitions,
    overdue,
    activity,
    options,
    values,
    disclosure,
    canRequestExemption,
    origin,
    bodyHtml,
    originLinks,
    nextNotified,
    results,
  } = useLoaderData<typeof loader>();
  const blocked = disclosure.decision === 'block';
  const data = useActionData<typeof action>();
  const { problemKey, findings } = explainFailure(data);
  const commentErrors = failureOf(data, 'comment')?.errors;
  const saveFailed = failureOf(data, 'save');
  const conflict = readConflict(saveFailed);
  // until the editor chooses between the two versions, the form keeps the version it started
  // from: saving it again meets the same conflict instead of overwriting the other change
  const startedFrom = Number(saveFailed?.values?.expectedVersion);
  const formVersion = conflict && startedFrom > 0 ? startedFrom : piece.version;
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const f = useFormat();
  const done = DONE.find((d) => d === params.get('done'));
  return (
    <article aria-labelledby="piece-title">
      <p>
        <Link to="/calendar">{t('calendar.back')}</Link>
      </p>
      {done ? (
        <p className="notice" role="status">
          {t(`calendar.done.${done}`)}
        </p>
      ) : null}
      {problemKey ? (
        <div className="form-error" role="alert">
          <p>{t(problemKey)}</p>
          {findings?.length ? (
            <ul>
              {findings.map((finding, i) => (
                <li key={i}>
                  <strong>{finding.ruleName}</strong> · {t(`disclosure.fields.${finding.field}`)}:{' '}
                  <mark>{finding.excerpt}</mark>
                  {finding.message ? <> — {finding.message}</> : null}
                </li>
              ))}
            </ul>
          ) : null}
          {conflict && saveFailed?.values && options ? (
            <>
              <p>{t('calendar.conflict.intro')}</p>
              <ConflictCompare
                conflict={conflict}
                mine={saveFailed.values as Record<string, string | string[]>}
                options={options}
                version={conflict.version ?? piece.version}
                reloadTo={`/calendar/${piece.id}`}
              />
            </>
          ) : null}
        </div>
      ) : null}
      <h1 id="piece-title">{piece.title}</h1>
      <p>
        <ChannelLabel channel={piece.channel} /> ·{' '}
        <StatusBadge kind="piece" status={piece.status} /> ·{' '}
        {piece.publishAt ? f.dateTime(piece.publishAt) : t('calendar.unscheduled')}
        {piece.owner ? <> · {piece.owner.name}</> : null}
      </p>
      {overdue.length ? (
        <p className="callout" role="note">
          {t('calendar.overdue', { stages: overdue.map((s) => t(`status.piece.${s}`)).join(', ') })}
        </p>
      ) : null}
      {disclosure.findings.length || disclosure.failed ? (
        <DisclosurePanel disclosure={disclosure} />
      ) : null}
      {blocked && canRequestExemption ? (
        <ExemptionRequestForm
          findings={disclosure.findings}
          errors={failureOf(data, 'exemption')?.errors}
        />
      ) : null}
      {transitions.length ? (
        <section aria-labelledby="workflow-title" className="card">
          <h2 id="workflow-title">{t('calendar.workflow')}</h2>
          <div className="inline">
            {transitions.map((to) => (
              <Form method="post" key={to}>
                <input type="hidden" name="intent" value="transition" />
                <input type="hidden" name="expectedVersion" value={piece.version} />
                <button
                  type="submit"
                  name="to"
                  value={to}
                  className={to === 'cancelled' ? 'button-danger' : undefined}
                  disabled={blocked && PUBLIC_STAGES.includes(to)}
                  aria-describedby={
                    blocked && PUBLIC_STAGES.includes(to) ? 'disclosure-title' : undefined
                  }
                >
                  {t('calendar.moveTo', { status: t(`status.piece.${to}`) })}
                </button>
              </Form>
            ))}
          </div>
        </section>
      ) : null}
      {piece.deadlines.length ? (
        <section aria-labelledby="deadlines-title" className="card">
          <h2 id="deadlines-title">{t('calendar.deadlines')}</h2>
          <ul className="plain">
            {piece.deadlines.map((d) => (
              <li key={d.stage}>
                {t(`status.piece.${d.stage}`)}: {f.dateTime(d.dueAt)}{' '}
                {overdue.includes(d.stage) ? (
                  <span className="badge" data-tone="danger">
                    {t('calendar.overdueBadge')}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <NextNotified next={nextNotified} />
      <PieceGoalsSection goals={piece.goals.map((g) => g.goal)} />
      {origin ? <PieceOriginSection origin={origin} links={originLinks} /> : null}
      {results ? (
        <PieceResults
          observations={results.observations}
          canWrite={results.canWrite}
          values={failureOf(data, 'result-enter')?.values}
          errors={errorsOf(data, 'result-enter')}
          problem={failureOf(data, 'result-enter') ?? failureOf(data, 'result-delete')}
        />
      ) : null}
      {canPlan && options ? (
        <section className="card" aria-labelledby="edit-title">
          <h2 id="edit-title">{t('calendar.editPiece')}</h2>
          <PieceForm
            key={piece.version}
            values={(saveFailed?.values as Record<string, string | string[]> | null) ?? values}
            errors={saveFailed?.errors}
            options={options}
            version={formVersion}
            submitLabel={t('calendar.form.save')}
            cancelTo="/calendar"
          />
        </section>
      ) : (
        <section className="card">
          <p>{piece.brief}</p>
          {bodyHtml ? (
            // markdownToHtml escapes every HTML tag of the source: only Markdown's own markup
            <div className="markdown" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
          ) : (
            <p className="empty">{t('calendar.bodyEmpty')}</p>
          )}
        </section>
      )}
      <section className="card" aria-labelledby="comments-title">
        <h2 id="comments-title">{t('calendar.comments')}</h2>
        <ul className="plain">
          {piece.comments.map((c) => (
            <li key={c.id}>
              <strong>{c.author.name}</strong> ({f.dateTime(c.createdAt)}): {c.body}
            </li>
          ))}
        </ul>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="comment" />
          <div className="field">
            <label htmlFor="comment-body">{t('calendar.addComment')}</label>
            <textarea
              id="comment-body"
              name="body"
              rows={2}
              required
              aria-invalid={commentErrors?.body ? true : undefined}
              aria-describedby={commentErrors?.body ? 'comment-body-error' : undefined}
            />
            <FieldError errors={commentErrors} name="body" id="comment-body-error" />
          </div>
          <div>
            <button type="submit" className="button-secondary">
              {t('calendar.postComment')}
            </button>
          </div>
        </Form>
      </section>
      <section className="card" aria-labelledby="activity-title">
        <h2 id="activity-title">{t('calendar.activity')}</h2>
        <ul className="plain">
          {activity.map((a) => (
            <li key={a.id}>
              {f.dateTime(a.createdAt)} · {a.actor?.name ?? t('common.none')} ·{' '}
              {t(`calendar.actions.${a.action.replace('piece.', '')}`)}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
