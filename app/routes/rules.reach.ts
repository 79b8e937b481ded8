import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { requirePermission } from '~/utils/auth.server';
import { readSmallBody } from '~/utils/body.server';
import { answerDraftReach, RULE_REACH_MAX_BYTES } from '~/models/rule-reach.server';

/**
 * A drafted rule's reach, for the rule form while management types: POST the form's fields
 * (kind, severity, patterns, exceptions, window; JSON or URL-encoded) and get the counts and the
 * first affected pieces and knowledge items back. Nothing is saved.
 */

const NO_STORE = { 'Cache-Control': 'no-store' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'rules:manage');
  return json(
    { error: 'methodNotAllowed' },
    { status: 405, headers: { ...NO_STORE, Allow: 'POST' } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'rules:manage');
  const body = await readSmallBody(request, RULE_REACH_MAX_BYTES);
  if (!body.ok)
    return json(
      { ok: false, error: body.error, fields: [] },
      { status: body.status, headers: NO_STORE },
    );
  const { status, answer } = await answerDraftReach(body.data, user, request.signal);
  return json(answer, { status, headers: NO_STORE });
}
