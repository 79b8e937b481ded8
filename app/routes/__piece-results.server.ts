import { redirect } from '@remix-run/node';
import { entryErrors, ObservationDeleteSchema, ObservationEntrySchema } from '~/forms/results';
import { getPiece } from '~/models/piece-queries.server';
import {
  deleteObservation,
  enterObservation,
  listPieceResults,
  mayWriteResults,
  type ResultsActor,
} from '~/models/results.server';
import { intent } from '~/utils/intent-action.server';

/**
 * The Results section of a published piece's page (routes/calendar.$pieceId.tsx): what its
 * loader reads and the two intents its action adds. Who may write is the model's decision
 * (editors and the strategy's owner); experts who contribute to the piece read only.
 */

/** The piece's results and whether the viewer may enter them; null when not shown at all. */
export async function pieceResultsFor(viewer: ResultsActor, piece: { id: string; status: string }) {
  if (piece.status !== 'published') return null;
  const observations = await listPieceResults({ viewer, pieceId: piece.id });
  if (!observations) return null;
  return { observations, canWrite: await mayWriteResults(viewer) };
}

/**
 * Records one observation entered in a form (a piece's Results section, the workspace's numbers),
 * the model's field errors translated into the form's messages.
 */
export async function enterFromForm(
  actor: ResultsActor,
  input: Parameters<typeof enterObservation>[0]['input'],
) {
  const outcome = await enterObservation({ actor, input });
  if (!outcome.ok && outcome.problem === 'invalid')
    return { ok: false as const, problem: 'invalid' as const, errors: entryErrors(outcome.errors) };
  return outcome;
}

const back = (pieceId: string | undefined, done: string) =>
  redirect(`/calendar/${pieceId}?result=${done}#results-title`);

/** The intents "result-enter" and "result-delete" (built inside the route's action). */
export function pieceResultIntents() {
  return {
    'result-enter': intent({
      permission: 'calendar:read',
      schema: ObservationEntrySchema,
      keepValues: true,
      run: async ({ user, data, params }) => {
        const piece = await getPiece({ id: params.pieceId ?? '', viewer: user });
        if (!piece) return { ok: false as const, problem: 'pieceGone' as const };
        if (piece.status !== 'published')
          return { ok: false as const, problem: 'notPublished' as const };
        return enterFromForm(user, { subject: 'piece', pieceId: piece.id, ...data });
      },
      problems: {
        invalid: 400,
        notAllowed: 403,
        pieceGone: 404,
        audienceGone: 409,
        notPublished: 409,
      },
      done: (_, { params }) => back(params.pieceId, 'entered'),
    }),
    'result-delete': intent({
      permission: 'calendar:read',
      schema: ObservationDeleteSchema,
      run: async ({ user, data, params }) => {
        // only this piece's own entries are deleted from its page
        const listed = await listPieceResults({ viewer: user, pieceId: params.pieceId ?? '' });
        if (!listed) return { ok: false as const, problem: 'notAllowed' as const };
        if (!listed.some((o) => o.id === data.id))
          return { ok: false as const, problem: 'notFound' as const };
        return deleteObservation({ actor: user, id: data.id });
      },
      problems: { notFound: 409, imported: 409, notAllowed: 403 },
      done: (_, { params }) => back(params.pieceId, 'deleted'),
    }),
  };
}
