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
  'experts:read',
  // audiences, needs, matching, glossary
  'audiences:read',
  'audiences:manage',
  'matches:read',
  'matches:decide',
  'glossary:manage',
  // editorial calendar
  'calendar:read', // pieces one may see (experts: those they contribute to)
  'calendar:read-all',
  'calendar:plan', // create, edit, move, transition pieces
  // disclosure
  'rules:read',
  'rules:manage',
  'exemptions:request',
  'exemptions:decide',
  // administration
  'users:manage',
  'audit:read',
] as const;
export type Action = (typeof ACTIONS)[number];

export const PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = {
  expert: ['knowledge:read', 'knowledge:submit', 'experts:read', 'calendar:read'],
  editor: [
    'knowledge:read',
    'knowledge:review',
    'experts:read',
    'audiences:read',
    'audiences:manage',
    'matches:read',
    'matches:decide',
    'glossary:manage',
    'calendar:read',
    'calendar:read-all',
    'calendar:plan',
    'exemptions:request',
  ],
  management: [
    'knowledge:read',
    'knowledge:review',
    'experts:read',
    'audiences:read',
    'matches:read',
    'calendar:read',
    'calendar:read-all',
    'rules:read',
    'rules:manage',
    'exemptions:decide',
    'audit:read',
  ],
  admin: ['users:manage', 'audit:read'],
};

/** Whether any of the roles grants the action. */
export function can(roles: readonly string[], action: Action): boolean {
  return roles.some((role) => isRole(role) && PERMISSIONS[role].includes(action));
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
  { path: '/rules', key: 'rules', action: 'rules:read' },
  { path: '/users', key: 'users', action: 'users:manage' },
  { path: '/audit', key: 'audit', action: 'audit:read' },
] as const satisfies readonly { path: string; key: string; action: Action | null }[];

export type SectionKey = (typeof SECTIONS)[number]['key'];

export function visibleSections(roles: readonly string[]) {
  return SECTIONS.filter((s) => s.action === null || can(roles, s.action));
}
