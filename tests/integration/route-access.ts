import type { Action, Role } from '~/domain/permissions';

/**
 * Who may call which route: the one table the authorization matrix test
 * (authorization-matrix.test.ts) checks every route file against. A new route file fails that
 * test until it has a line here, and a line whose route file is gone fails it too.
 *
 * GET lists who may load the route, POST who may call its action with an empty form (or `NO_ACTION`
 * when the module has none: Remix answers 405). `intents` lists, per `intent` value of a form,
 * who passes that branch's guard when a route checks a different permission per intent.
 * Everyone not listed is refused: 403 when signed in, a redirect to /login when anonymous.
 * "May" means the guard lets them through; the answer can still be a 400 (empty form), a 404
 * (e.g. the catch-all route) or a redirect, but never 401, 403 or a server error.
 *
 * The lists are written out rather than derived from app/domain/permissions.ts on purpose: a
 * grant that slips into the permission map must show up here as a failing cell.
 */
export type Who = 'anonymous' | Role;
export const NO_ACTION = 'no action';
export type RouteAccess = {
  GET: readonly Who[];
  POST: readonly Who[] | typeof NO_ACTION;
  intents?: Readonly<Record<string, readonly Who[]>>;
};

export const WHO: readonly Who[] = ['anonymous', 'expert', 'editor', 'management', 'admin'];

const ANYONE: readonly Who[] = WHO;
const SIGNED_IN: readonly Who[] = ['expert', 'editor', 'management', 'admin'];
/** knowledge:read, experts:read, calendar:read (experts see only their own share) */
const CONTENT: readonly Who[] = ['expert', 'editor', 'management'];
/** knowledge:review, knowledge:findings, audiences:read, matches:read */
const REVIEW: readonly Who[] = ['editor', 'management'];
/** audiences:manage, matches:decide, glossary:manage, calendar:plan, exemptions:request */
const EDITOR: readonly Who[] = ['editor'];
/** rules:read, rules:manage, exemptions:decide, calendar:approve */
const MANAGEMENT: readonly Who[] = ['management'];
/** users:manage, notifications:queue */
const ADMIN: readonly Who[] = ['admin'];
/** audit:read */
const AUDIT: readonly Who[] = ['management', 'admin'];

export const ROUTE_ACCESS: Readonly<Record<string, RouteAccess>> = {
  root: { GET: ANYONE, POST: NO_ACTION },
  'routes/$': { GET: SIGNED_IN, POST: NO_ACTION },
  'routes/_index': { GET: SIGNED_IN, POST: NO_ACTION },
  'routes/login': { GET: ANYONE, POST: ANYONE },
  'routes/logout': { GET: SIGNED_IN, POST: ANYONE },
  'routes/healthz': { GET: ANYONE, POST: NO_ACTION },
  'routes/settings.language': { GET: ANYONE, POST: ANYONE },
  'routes/account.password': { GET: SIGNED_IN, POST: SIGNED_IN },
  // each person's own notifications and preferences; opening one is a GET that marks it read
  'routes/account.notifications': { GET: SIGNED_IN, POST: SIGNED_IN },
  'routes/notifications._index': {
    GET: SIGNED_IN,
    POST: SIGNED_IN,
    intents: { read: SIGNED_IN, 'read-all': SIGNED_IN },
  },
  'routes/notifications.$notificationId': { GET: SIGNED_IN, POST: NO_ACTION },
  'routes/forgot-password': { GET: ANYONE, POST: ANYONE },
  'routes/reset-password': { GET: ANYONE, POST: ANYONE },

  'routes/knowledge._index': { GET: CONTENT, POST: REVIEW },
  'routes/knowledge.$itemId': { GET: CONTENT, POST: CONTENT },
  'routes/knowledge_.$itemId.edit': { GET: ['expert'], POST: ['expert'] },
  'routes/knowledge.new': { GET: ['expert'], POST: ['expert'] },
  'routes/knowledge.export': { GET: CONTENT, POST: NO_ACTION },
  'routes/knowledge.import': { GET: REVIEW, POST: REVIEW },
  'routes/knowledge.import_.$batchId': { GET: REVIEW, POST: NO_ACTION },
  'routes/experts._index': { GET: CONTENT, POST: NO_ACTION },
  'routes/experts.$expertId': { GET: CONTENT, POST: NO_ACTION },

  'routes/audiences._index': { GET: REVIEW, POST: NO_ACTION },
  'routes/audiences.new': { GET: EDITOR, POST: EDITOR },
  'routes/audiences.$audienceId': { GET: REVIEW, POST: EDITOR },
  'routes/needs.new': { GET: EDITOR, POST: EDITOR },
  'routes/needs.$needId': { GET: EDITOR, POST: EDITOR },
  'routes/matches._index': { GET: REVIEW, POST: NO_ACTION },
  // accepting and dismissing suggestions; asking a department's experts for a missing topic,
  // and withdrawing such a request
  'routes/matches.$needId': {
    GET: REVIEW,
    POST: EDITOR,
    intents: { accept: EDITOR, dismiss: EDITOR, ask: EDITOR, withdrawRequest: EDITOR },
  },
  'routes/glossary._index': {
    GET: REVIEW,
    POST: EDITOR,
    intents: { confirmProposal: EDITOR, rejectProposal: EDITOR },
  },
  'routes/glossary.new': { GET: EDITOR, POST: EDITOR },
  'routes/glossary.$conceptId': { GET: EDITOR, POST: EDITOR },

  'routes/calendar._index': {
    GET: CONTENT,
    POST: CONTENT,
    intents: { 'reset-feed': CONTENT, move: EDITOR },
  },
  'routes/calendar.$pieceId': {
    GET: CONTENT,
    POST: EDITOR,
    // the Results section: its intents pass the guard, the results model refuses experts (403)
    intents: {
      comment: CONTENT,
      transition: CONTENT,
      exemption: EDITOR,
      'result-enter': CONTENT,
      'result-delete': CONTENT,
    },
  },
  'routes/calendar.new': { GET: EDITOR, POST: EDITOR },
  'routes/calendar.plans': { GET: EDITOR, POST: EDITOR },
  'routes/calendar.export': { GET: CONTENT, POST: NO_ACTION },
  // the live disclosure check: editors check pieces, experts their own knowledge items
  'routes/disclosure.check': {
    GET: ['expert', 'editor'],
    POST: ['expert', 'editor'],
    intents: { 'check-piece': EDITOR, 'check-knowledge': ['expert'] },
  },
  'routes/calendar.print': { GET: CONTENT, POST: NO_ACTION },
  // the personal feed is guarded by its secret address, not by a session
  'routes/calendar.feed.$file': { GET: ANYONE, POST: NO_ACTION },

  'routes/rules._index': {
    GET: MANAGEMENT,
    POST: MANAGEMENT,
    intents: { try: MANAGEMENT, grant: MANAGEMENT, deny: MANAGEMENT },
  },
  'routes/rules.$ruleId': {
    GET: MANAGEMENT,
    POST: MANAGEMENT,
    intents: { restore: MANAGEMENT, preview: MANAGEMENT },
  },
  'routes/rules.new': { GET: MANAGEMENT, POST: MANAGEMENT, intents: { preview: MANAGEMENT } },
  'routes/rules.reach': { GET: MANAGEMENT, POST: MANAGEMENT },
  'routes/rules.export': { GET: MANAGEMENT, POST: NO_ACTION },

  'routes/users._index': { GET: ADMIN, POST: NO_ACTION },
  'routes/users.new': { GET: ADMIN, POST: ADMIN },
  'routes/users.$userId': {
    GET: ADMIN,
    POST: ADMIN,
    intents: { 'one-time-password': ADMIN },
  },
  // notifications:queue
  'routes/notifications.queue': {
    GET: ADMIN,
    POST: ADMIN,
    intents: { retry: ADMIN, 'retry-all': ADMIN },
  },
  'routes/audit._index': { GET: AUDIT, POST: NO_ACTION },

  // the strategy: everyone who signs in reads it; editors propose goals and keep the stock-take
  // and the timeline; management agrees to goals, names the owner and sets the review cadence
  'routes/strategy._index': {
    GET: SIGNED_IN,
    POST: SIGNED_IN,
    intents: {
      owner: MANAGEMENT,
      cadence: MANAGEMENT,
      stock: EDITOR,
      'stock-update': EDITOR,
      'stock-remove': EDITOR,
      milestone: EDITOR,
      'milestone-update': EDITOR,
      'milestone-remove': EDITOR,
    },
  },
  'routes/strategy.goals.new': { GET: EDITOR, POST: EDITOR },
  // results:import (the strategy's owner imports too, through the models and the command line)
  'routes/results.import': {
    GET: EDITOR,
    POST: EDITOR,
    intents: {
      preview: EDITOR,
      commit: EDITOR,
      undo: EDITOR,
      saveMapping: EDITOR,
      deleteMapping: EDITOR,
    },
  },
  // results:read (the table, its CSV download and the workspace's numbers); results:enter
  'routes/results._index': { GET: REVIEW, POST: NO_ACTION },
  'routes/results.export': { GET: REVIEW, POST: NO_ACTION },
  'routes/results.workspace': {
    GET: REVIEW,
    POST: EDITOR,
    intents: { enter: EDITOR, delete: EDITOR },
  },
  'routes/strategy.goals.$goalId': {
    GET: SIGNED_IN,
    POST: SIGNED_IN,
    intents: {
      save: EDITOR,
      kpi: EDITOR,
      'kpi-remove': EDITOR,
      agree: MANAGEMENT,
      'send-back': MANAGEMENT,
      retire: MANAGEMENT,
      link: EDITOR,
      unlink: EDITOR,
    },
  },
  // strategy reviews: review:read (and the strategy's owner); opening, findings and decisions
  // review:write or the owner (decided in the model); signing off review:signoff
  'routes/strategy.reviews._index': { GET: REVIEW, POST: REVIEW, intents: { open: MANAGEMENT } },
  'routes/strategy.reviews.$reviewId': {
    GET: REVIEW,
    POST: REVIEW,
    intents: { finding: REVIEW, decision: REVIEW, signoff: MANAGEMENT },
  },
  // a chart's figures on the goal page as CSV: results:read (and the strategy's owner)
  'routes/strategy.goals.$goalId.results[.csv]': { GET: REVIEW, POST: NO_ACTION },
  // a chart's figures in a published piece's Results section as CSV: calendar:read at the door,
  // the results model decides (experts read the pieces they contribute to)
  'routes/calendar.$pieceId.results[.csv]': { GET: CONTENT, POST: NO_ACTION },
  // a chart's figures on the workspace numbers page as CSV: results:read
  'routes/results.workspace[.csv]': { GET: REVIEW, POST: NO_ACTION },
};

/**
 * Permissions that decide inside a route rather than at its door, and who holds each, written
 * out like the cells above; permission-decisions.test.ts checks the pages and the models against
 * them.
 */
export const DECIDED_INSIDE = {
  /** approving a piece in review (calendar.$pieceId offers it; the model's transition checks it) */
  'calendar:approve': MANAGEMENT,
  /** seeing disclosure findings on a knowledge item someone else owns (knowledge.$itemId) */
  'knowledge:findings': REVIEW,
  /**
   * entering and deleting a published piece's results (calendar.$pieceId's Results section; the
   * results model checks it, and lets the strategy's owner in too)
   */
  'results:enter': EDITOR,
} as const satisfies Partial<Record<Action, readonly Who[]>>;
