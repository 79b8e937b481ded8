/**
 * Who may do what in Lotse: the one permission map every loader and action consults on the
 * server. The interface only mirrors it (hiding what a user may not do); it never decides.
 * Pure data and functions, shared by server and browser.
 */

export const ROLES = ['expert', 'editor', 'management', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export const ACTIONS = [
  // expert knowledge
  'knowledge:read', // the accepted inventory (and one's own items)
  'knowledge:submit', // propose, edit and withdraw one's own items
  'knowledge:review', // accept, request changes, decline, archive; see every item
  'knowledge:findings', // see disclosure findings on any item one may read (owners see their own)
  'experts:read',
  // audiences, needs, matching, glossary
  'audiences:read',
  'audiences:manage',
  'matches:read',
  'matches:decide',
  'glossary:manage',
  'topics:request', // ask the experts of a department for knowledge a need lacks
  'topics:read', // the open topic requests of one's own department
  // editorial calendar
  'calendar:read', // pieces one may see (experts: those they contribute to)
  'calendar:read-all',
  'calendar:plan', // create, edit, move, transition pieces
  'calendar:approve', // approve a piece that is in review
  // disclosure
  'rules:read',
  'rules:manage',
  'exemptions:request',
  'exemptions:decide',
  // content strategy
  'strategy:read', // the strategy page: owner, goals, KPIs, stock-take, timeline, review
  'strategy:propose', // propose goals and edit proposals, maintain stock-take and milestones
  'strategy:agree', // agree to goals, send them back, retire them; name the owner, set the cadence
  // results (the strategy's owner enters and imports too, whatever their roles: see results.server.ts)
  'results:read', // every piece's results, the imports
  'results:read-own', // the results of the pieces one contributes to
  'results:enter', // enter observations by hand
  'results:import', // import results files, undo imports, save column mappings
  // strategy reviews (the strategy's owner writes too, whatever their roles: see review.server.ts)
  'review:read', // the reviews, their snapshots, findings and decisions, the management report
  'review:write', // open a due review, add findings and decisions
  'review:signoff', // sign a review off, which freezes it
  // administration
  'users:manage',
  'notifications:queue', // the mail queue: what waits, what failed, sending failed mail again
  'audit:read',
] as const;
export type Action = (typeof ACTIONS)[number];

export const PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = {
  expert: [
    'knowledge:read',
    'knowledge:submit',
    'experts:read',
    'topics:read',
    'calendar:read',
    'strategy:read',
    'results:read-own',
  ],
  editor: [
    'knowledge:read',
    'knowledge:review',
    'knowledge:findings',
    'experts:read',
    'audiences:read',
    'audiences:manage',
    'matches:read',
    'matches:decide',
    'glossary:manage',
    'topics:request',
    'calendar:read',
    'calendar:read-all',
    'calendar:plan',
    'exemptions:request',
    'strategy:read',
    'strategy:propose',
    'results:read',
    'results:enter',
    'results:import',
    'review:read',
  ],
  management: [
    'knowledge:read',
    'knowledge:review',
    'knowledge:findings',
    'experts:read',
    'audiences:read',
    'matches:read',
    'calendar:read',
    'calendar:read-all',
    'calendar:approve',
    'rules:read',
    'rules:manage',
    'exemptions:decide',
    'audit:read',
    'strategy:read',
    'strategy:agree',
    'results:read',
    'review:read',
    'review:write',
    'review:signoff',
  ],
  // the strategy is what everyone's work is for: administrators read it too
  admin: ['users:manage', 'notifications:queue', 'audit:read', 'strategy:read'],
};

/** Whether any of the roles grants the action. */
export function can(roles: readonly string[], action: Action): boolean {
  return roles.some((role) => isRole(role) && PERMISSIONS[role].includes(action));
}

/**
 * A write refused by the permission map. Models throw it through `assertCan`; a route answers
 * it with 403 (routes check the same permission first, so it only fires when a route forgot).
 */
export class NotAllowedError extends Error {
  readonly status = 403;
  constructor(readonly action: Action) {
    super(`not allowed: ${action}`);
    this.name = 'NotAllowedError';
  }
}

/**
 * The check every model write makes before it touches anything, whatever the route already
 * checked: the CLI, seeds and tests call models directly.
 */
export function assertCan(actor: { roles: readonly string[] }, action: Action): void {
  if (!can(actor.roles, action)) throw new NotAllowedError(action);
}

/**
 * Runs a write whose answer already has a `notAllowed` problem (`{ ok: false, problem }`): a
 * refusal by `assertCan` inside it becomes that answer instead of an error.
 */
export async function refusalAsProblem<T>(
  write: () => Promise<T>,
): Promise<T | { ok: false; problem: 'notAllowed' }> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof NotAllowedError) return { ok: false, problem: 'notAllowed' };
    throw error;
  }
}

/** All actions the roles grant, for mirroring in the interface. */
export function allowedActions(roles: readonly string[]): Action[] {
  return ACTIONS.filter((action) => can(roles, action));
}

/** The main sections of the app and the action that opens each one. */
export const SECTIONS = [
  { path: '/', key: 'dashboard', action: null },
  { path: '/knowledge', key: 'knowledge', action: 'knowledge:read' },
  { path: '/experts', key: 'experts', action: 'experts:read' },
  { path: '/audiences', key: 'audiences', action: 'audiences:read' },
  { path: '/matches', key: 'matches', action: 'matches:read' },
  { path: '/calendar', key: 'calendar', action: 'calendar:read' },
  { path: '/strategy', key: 'strategy', action: 'strategy:read' },
  { path: '/results', key: 'results', action: 'results:read' },
  { path: '/rules', key: 'rules', action: 'rules:read' },
  { path: '/users', key: 'users', action: 'users:manage' },
  { path: '/notifications/queue', key: 'mailQueue', action: 'notifications:queue' },
  { path: '/audit', key: 'audit', action: 'audit:read' },
] as const satisfies readonly { path: string; key: string; action: Action | null }[];

export type SectionKey = (typeof SECTIONS)[number]['key'];

export function visibleSections(roles: readonly string[]) {
  return SECTIONS.filter((s) => s.action === null || can(roles, s.action));
}
