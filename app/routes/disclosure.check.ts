import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { can } from '~/domain/permissions';
import { checkKnowledgeDraft, checkPieceDraft } from '~/models/live-check.server';
import { requireUser } from '~/utils/auth.server';
import { readSmallBody } from '~/utils/body.server';
import { describeIssues, LIVE_CHECK_MAX_BYTES, LiveCheckSchema } from '~/forms/live-check';

/**
 * The disclosure check while a piece or a knowledge item is written: POST the form's fields
 * (JSON or URL-encoded, `intent` = `check-piece` for editors, `check-knowledge` for experts) and
 * get the findings back. The rules stay on the server: the answer names each finding's rule and
 * message, never its patterns, kind or exceptions. Saving checks again regardless.
 */

const NO_STORE = { 'Cache-Control': 'no-store' };
const forbidden = () => json({ error: 'forbidden' }, { status: 403, headers: NO_STORE });

async function requireWriter(request: Request) {
  const user = await requireUser(request);
  if (!can(user.roles, 'calendar:plan') && !can(user.roles, 'knowledge:submit')) throw forbidden();
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireWriter(request);
  return json(
    { error: 'methodNotAllowed' },
    { status: 405, headers: { ...NO_STORE, Allow: 'POST' } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireWriter(request);
  const body = await readSmallBody(request, LIVE_CHECK_MAX_BYTES);
  if (!body.ok) return json({ error: body.error }, { status: body.status, headers: NO_STORE });
  const parsed = LiveCheckSchema.safeParse(body.data);
  if (!parsed.success) {
    const { tooLarge, fields } = describeIssues(parsed.error);
    return json(
      { error: tooLarge ? 'tooLarge' : 'invalid', fields },
      { status: tooLarge ? 413 : 400, headers: NO_STORE },
    );
  }
  const input = parsed.data;
  if (input.intent === 'check-piece') {
    if (!can(user.roles, 'calendar:plan')) return forbidden();
    const verdict = await checkPieceDraft({
      ...input,
      pieceId: input.pieceId || null,
      channel: input.channel ?? null,
    });
    return json(verdict, { headers: NO_STORE });
  }
  if (!can(user.roles, 'knowledge:submit')) return forbidden();
  return json(await checkKnowledgeDraft(input, user), { headers: NO_STORE });
}
