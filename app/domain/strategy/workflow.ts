import { can } from '../permissions';
import type { GoalStatus } from './vocabulary';

/**
 * The goal workflow: who may do what to a goal in which status. The same rules decide the
 * buttons a page shows and what the model allows.
 *
 * Editors (the strategy's owner among them) propose goals and edit proposals (a goal sent back becomes a
 * proposal again when it is saved). Management agrees to a proposal, sends it back with a
 * comment, or retires a goal. Only agreed goals count in the plan.
 */

export type GoalAction = 'edit' | 'agree' | 'send_back' | 'retire';

export type StrategyActor = {
  id: string;
  roles: readonly string[];
};

/**
 * Whether the actor may propose goals (and edit proposals, the stock-take and the timeline).
 * The overall owner is usually an editor and proposes as one; an owner from management agrees
 * instead.
 */
export function mayPropose(actor: StrategyActor): boolean {
  return can(actor.roles, 'strategy:propose');
}

/** Which status each action leads to, and from which statuses it may start. */
const TRANSITIONS: Record<
  Exclude<GoalAction, 'edit'>,
  { from: readonly GoalStatus[]; to: GoalStatus }
> = {
  agree: { from: ['proposed'], to: 'agreed' },
  send_back: { from: ['proposed'], to: 'sent_back' },
  retire: { from: ['proposed', 'agreed', 'sent_back'], to: 'retired' },
};

/** Statuses in which a goal (and its KPIs) can still be edited by its proposers. */
export const EDITABLE_STATUSES: readonly GoalStatus[] = ['proposed', 'sent_back'];

/** The status an action leads to (saving a goal that was sent back proposes it again). */
export function statusAfter(action: GoalAction): GoalStatus {
  return action === 'edit' ? 'proposed' : TRANSITIONS[action].to;
}

/** Whether the actor may take the action on a goal in this status. */
export function mayDo(action: GoalAction, actor: StrategyActor, status: GoalStatus): boolean {
  if (action === 'edit') return EDITABLE_STATUSES.includes(status) && mayPropose(actor);
  return TRANSITIONS[action].from.includes(status) && can(actor.roles, 'strategy:agree');
}

/** Every action the actor may take on a goal in this status, in the order pages show them. */
export function goalActions(actor: StrategyActor, status: GoalStatus): GoalAction[] {
  return (['edit', 'agree', 'send_back', 'retire'] as const).filter((a) => mayDo(a, actor, status));
}

/** Whether a goal counts in the plan (coverage, mix): only agreed goals do. */
export function countsInPlan(goal: { status: string }): boolean {
  return goal.status === 'agreed';
}

export const MAX_SEND_BACK_COMMENT = 2000;

/** A send-back needs a reason: the comment with its whitespace trimmed, or null when empty. */
export function sendBackComment(comment: string | null | undefined): string | null {
  const trimmed = (comment ?? '').trim();
  return trimmed ? trimmed.slice(0, MAX_SEND_BACK_COMMENT) : null;
}
