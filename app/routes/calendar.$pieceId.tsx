import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { DisclosurePanel, ExemptionRequestForm } from '~/components/disclosure-panel';
import { ChannelLabel, StatusBadge } from '~/components/labels';
import { PieceForm } from '~/components/piece-form';
import { toLocalInput } from '~/domain/calendar/grid';
import type { PieceStatus } from '~/domain/calendar/vocabulary';
import { nextStatuses, overdueStages, PUBLIC_STAGES } from '~/domain/calendar/workflow';
import { can } from '~/domain/permissions';
import { checkPiece, verdictForPage } from '~/models/disclosure.server';
import { requestExemption } from '~/models/exemption.server';
import {
  addPieceComment,
  calendarFacets,
  getPiece,
  pieceActivity,
  PieceReferenceError,
  transitionPiece,
  updatePiece,
} from '~/models/piece.server';
import { getWorkspace } from '~/models/workspace.server';
import { requirePermission } from '~/utils/auth.server';
import { formDataToObject, parseForm, type FieldErrors } from '~/utils/forms';
import { parseJsonArray } from '~/utils/json';
import { pageTitle } from '~/utils/meta';
import { invariantResponse } from '~/utils/misc';
import { CommentSchema, pieceFormSchema, TransitionSchema } from '~/forms/piece';
import { useFormat } from '~/utils/use-format';

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
    canApprove: can(user.roles, 'rules:manage'),
    isContributor: piece.experts.some((e) => e.user.id === user.id),
  };
  const [facets, activity, verdict] = await Promise.all([
    canPlan ? calendarFacets() : null,
    pieceActivity(piece.id),
    checkPiece(piece),
  ]);
  const local = (d: Date | null) => toLocalInput(d, timeZone);
  return json({
    piece,
    canPlan,
    transitions: nextStatuses(piece.status as PieceStatus, actor, piece),
    canRequestExemption: can(user.roles, 'exemptions:request'),
    disclosure: verdictForPage(verdict),
    overdue: overdueStages(piece.status as PieceStatus, piece.deadlines, new Date()),
    activity,
    options: facets && {
      audiences: facets.audiences,
      owners: facets.owners,
      experts: facets.experts,
    },
    values: {
      channel: piece.channel,
      title: piece.title,
      brief: piece.brief,
      body: piece.body,
      publishAt: local(piece.publishAt),
      ownerId: piece.ownerId ?? '',
      audiences: piece.audiences.map((a) => a.audience.id),
      experts: piece.experts.map((e) => e.user.id),
      slug: piece.slug ?? '',
      targetUrl: piece.targetUrl ?? '',
      episodeNumber: piece.episodeNumber?.toString() ?? '',
      guests: parseJsonArray(piece.guests).join(', '),
      durationMinutes: piece.durationMinutes?.toString() ?? '',
      gated: piece.gated === null ? '' : piece.gated ? 'yes' : 'no',
      pageEstimate: piece.pageEstimate?.toString() ?? '',
      webinarStart: local(piece.webinarStart),
      webinarEnd: local(piece.webinarEnd),
      speakers: parseJsonArray(piece.speakers).join(', '),
      registrationUrl: piece.registrationUrl ?? '',
    } as Record<string, string | string[]>,
  });
}

type Conflict = {
  title: string;
  brief: string;
  body: string;
  channel: string;
  publishAt: string | null;
  owner: string | null;
  audiences: string[];
  experts: string[];
};

export async function action({ request, params }: ActionFunctionArgs) {
  const id = params.pieceId ?? '';
  const form = await request.formData();
  const intent = form.get('intent');
  if (intent === 'comment') {
    const user = await requirePermission(request, 'calendar:read');
    const result = parseForm(CommentSchema, Object.fromEntries(form));
    if (!result.ok)
      return json(
        { errors: result.errors, problem: null, conflict: null, values: null },
        { status: 400 },
      );
    invariantResponse(
      await addPieceComment({ id, actor: user, body: result.data.body }),
      'Not found',
      { status: 404 },
    );
    return redirect(`/calendar/${id}`);
  }
  if (intent === 'exemption') {
    const user = await requirePermission(request, 'exemptions:request');
    const reason = String(form.get('reason') ?? '').trim();
    if (!reason || reason.length > 2000) {
      return json(
        {
          errors: { reason: { key: 'validation.required' } } as FieldErrors,
          problem: null,
          conflict: null,
          values: null,
        },
        { status: 400 },
      );
    }
    const outcome = await requestExemption({
      pieceId: id,
      ruleKey: String(form.get('rule') ?? ''),
      reason,
      actor: user,
    });
    if (!outcome.ok) {
      return json(
        {
          errors: {} as FieldErrors,
          problem: `rules.exemptions.${outcome.problem}`,
          conflict: null,
          values: null,
        },
        { status: 409 },
      );
    }
    return redirect(`/calendar/${id}?done=exemptionRequested`);
  }
  if (intent === 'transition') {
    const user = await requirePermission(request, 'calendar:read');
    const result = parseForm(TransitionSchema, Object.fromEntries(form));
    if (!result.ok)
      return json(
        { errors: result.errors, problem: null, conflict: null, values: null },
        { status: 400 },
      );
    const outcome = await transitionPiece({
      id,
      actor: user,
      to: result.data.to,
      expectedVersion: result.data.expectedVersion,
    });
    if (!outcome.ok) {
      invariantResponse(outcome.problem !== 'notFound', 'Not found', { status: 404 });
      if (outcome.problem === 'notAllowed') throw new Response('Forbidden', { status: 403 });
      return json(
        {
          errors: {} as FieldErrors,
          problem: `calendar.problems.${outcome.problem}`,
          conflict: null,
          values: null,
        },
        { status: 409 },
      );
    }
    return redirect(`/calendar/${id}?done=status`);
  }
  const user = await requirePermission(request, 'calendar:plan');
  const { timeZone } = await getWorkspace();
  const values = formDataToObject(form, ['audiences', 'experts']);
  const result = parseForm(pieceFormSchema(timeZone), values);
  if (!result.ok)
    return json({ errors: result.errors, problem: null, conflict: null, values }, { status: 400 });
  let outcome;
  try {
    outcome = await updatePiece({
      id,
      actor: user,
      input: result.data.input,
      expectedVersion: result.data.expectedVersion ?? 0,
    });
  } catch (error) {
    if (error instanceof PieceReferenceError)
      return json(
        { errors: error.errors as FieldErrors, problem: null, conflict: null, values },
        { status: 400 },
      );
    throw error;
  }
  if (!outcome.ok) {
    invariantResponse(outcome.problem !== 'notFound', 'Not found', { status: 404 });
    if (outcome.problem === 'notAllowed') throw new Response('Forbidden', { status: 403 });
    const conflict =
      outcome.problem === 'conflict'
        ? {
            values: outcome.current as Conflict,
            fields: (outcome.fields ?? []) as (keyof Conflict)[],
          }
        : null;
    return json(
      {
        errors: {} as FieldErrors,
        problem:
          outcome.problem === 'blocked' && 'findings' in outcome
            ? 'calendar.problems.blockedEdit'
            : `calendar.problems.${outcome.problem}`,
        conflict,
        values,
        // what a save of a published piece would have put out, rule by rule (never the patterns)
        findings: outcome.problem === 'blocked' && 'findings' in outcome ? outcome.findings : null,
      },
      { status: 409 },
    );
  }
  return redirect(`/calendar/${id}?done=${outcome.droppedBack ? 'droppedBack' : 'saved'}`);
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
  } = useLoaderData<typeof loader>();
  const blocked = disclosure.decision === 'block';
  const data = useActionData<typeof action>();
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
      {data?.problem ? (
        <div className="form-error" role="alert">
          <p>{t(data.problem)}</p>
          {'findings' in data && data.findings?.length ? (
            <ul>
              {data.findings.map((finding, i) => (
                <li key={i}>
                  <strong>{finding.ruleName}</strong> · {t(`disclosure.fields.${finding.field}`)}:{' '}
                  <mark>{finding.excerpt}</mark>
                  {finding.message ? <> — {finding.message}</> : null}
                </li>
              ))}
            </ul>
          ) : null}
          {data.conflict ? (
            <>
              <p>{t('calendar.conflict.intro')}</p>
              <dl className="conflict">
                {data.conflict.fields.map((k) => {
                  const value = data.conflict!.values[k];
                  return (
                    <div key={k}>
                      <dt>{t(`calendar.conflict.fields.${k}`)}</dt>
                      <dd>
                        {k === 'publishAt' && typeof value === 'string'
                          ? f.dateTime(value)
                          : Array.isArray(value)
                            ? value.join(', ')
                            : String(value ?? t('common.none'))}
                      </dd>
                    </div>
                  );
                })}
              </dl>
              <p>
                <Link to={`/calendar/${piece.id}`} reloadDocument>
                  {t('calendar.conflict.reload')}
                </Link>
              </p>
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
        <ExemptionRequestForm findings={disclosure.findings} errors={data?.errors} />
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
      {canPlan && options ? (
        <section className="card" aria-labelledby="edit-title">
          <h2 id="edit-title">{t('calendar.editPiece')}</h2>
          <PieceForm
            key={piece.version}
            values={(data?.values as Record<string, string | string[]> | null) ?? values}
            errors={data?.errors}
            options={options}
            version={piece.version}
            submitLabel={t('calendar.form.save')}
            cancelTo="/calendar"
          />
        </section>
      ) : (
        <section className="card">
          <p>{piece.brief}</p>
          <pre className="pre-wrap">{piece.body}</pre>
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
            <textarea id="comment-body" name="body" rows={2} required />
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
