import type { KnowledgeStatus } from './vocabulary';

/**
 * The review workflow of a knowledge item: who may move it from which status to which.
 * Experts work on their own items; reviewers (editors, management) decide on submitted ones.
 */
export const KNOWLEDGE_ACTIONS = [
  'submit',
  'withdraw',
  'accept',
  'request_changes',
  'decline',
  'archive',
] as const;
export type KnowledgeAction = (typeof KNOWLEDGE_ACTIONS)[number];

type Rule = {
  from: readonly KnowledgeStatus[];
  to: KnowledgeStatus;
  by: 'owner' | 'reviewer';
  comment: boolean;
};

const RULES: Record<KnowledgeAction, Rule> = {
  submit: { from: ['draft', 'changes_requested'], to: 'submitted', by: 'owner', comment: false },
  withdraw: {
    from: ['draft', 'submitted', 'changes_requested'],
    to: 'withdrawn',
    by: 'owner',
    comment: false,
  },
  accept: { from: ['submitted'], to: 'accepted', by: 'reviewer', comment: false },
  request_changes: { from: ['submitted'], to: 'changes_requested', by: 'reviewer', comment: true },
  decline: { from: ['submitted'], to: 'declined', by: 'reviewer', comment: true },
  archive: { from: ['accepted'], to: 'archived', by: 'reviewer', comment: false },
};

export type Actor = { isOwner: boolean; canReview: boolean };

export type TransitionProblem = 'notAllowed' | 'wrongStatus' | 'commentRequired';

/** The status an action leads to, or why it may not happen. */
export function transition(
  status: KnowledgeStatus,
  action: KnowledgeAction,
  actor: Actor,
  comment = '',
): { ok: true; to: KnowledgeStatus } | { ok: false; problem: TransitionProblem } {
  const rule = RULES[action];
  const allowed = rule.by === 'owner' ? actor.isOwner : actor.canReview;
  if (!allowed) return { ok: false, problem: 'notAllowed' };
  if (!rule.from.includes(status)) return { ok: false, problem: 'wrongStatus' };
  if (rule.comment && !comment.trim()) return { ok: false, problem: 'commentRequired' };
  return { ok: true, to: rule.to };
}

/** The actions an actor may take on an item in a status (for offering buttons). */
export function availableActions(status: KnowledgeStatus, actor: Actor): KnowledgeAction[] {
  return KNOWLEDGE_ACTIONS.filter((a) => {
    const result = transition(status, a, actor, 'x');
    return result.ok;
  });
}

export function actionNeedsComment(action: KnowledgeAction): boolean {
  return RULES[action].comment;
}

/** Owners edit their items until they are accepted (or closed). */
export function canEdit(status: KnowledgeStatus, actor: Actor): boolean {
  return (
    actor.isOwner &&
    (status === 'draft' || status === 'submitted' || status === 'changes_requested')
  );
}
