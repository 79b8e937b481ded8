import { assertCan, type Action } from '~/domain/permissions';
import type { Tx } from '~/utils/db.server';

/**
 * The permission re-check of a write that knows its actor by id (the route already checked the
 * session's roles): inside the write's transaction, the actor must still be an active user who
 * holds the permission. A role taken away a moment ago counts, and so does a caller that is not a
 * route (the command line, a script). Throws `NotAllowedError`, which routes answer with 403.
 */
export async function assertActorCan(tx: Tx, actorId: string, action: Action): Promise<void> {
  const actor = await tx.user.findUnique({
    where: { id: actorId },
    select: { active: true, roles: { select: { role: true } } },
  });
  assertCan({ roles: actor?.active ? actor.roles.map((r) => r.role) : [] }, action);
}
