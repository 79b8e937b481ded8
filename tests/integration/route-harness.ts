import path from 'node:path';
import { readConfig } from '@remix-run/dev/dist/config.js';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { getOrCreateFeedToken } from '~/models/piece-feed.server';
import { prisma } from '~/utils/db.server';
import { createSession } from '~/utils/session.server';
import { createDemoWorkspace } from '../../seeds/demo';
import { ensureReferenceData } from '../../seeds/reference';
import type { Who } from './route-access';

/**
 * Calling the app's routes as Remix would, for the tests that go over every route: the route
 * manifest that `remix build` itself uses (`readConfig` applies remix.config.js exactly as the
 * compiler does, so a new route file is in this list the moment it would be in the app), real
 * rows for route parameters, and real session cookies of demo users of each role.
 */
export const config = await readConfig(path.resolve('.'));
export const MANIFEST = Object.values(config.routes);

export type Module = {
  loader?: (args: LoaderFunctionArgs) => unknown;
  action?: (args: ActionFunctionArgs) => unknown;
};
const modules = new Map<string, Module>();
export async function moduleOf(id: string): Promise<Module> {
  let mod = modules.get(id);
  if (!mod) {
    const route = config.routes[id];
    if (!route) throw new Error(`no route ${id}`);
    mod = (await import(path.join(config.appDirectory, route.file))) as Module;
    modules.set(id, mod);
  }
  return mod;
}

export const ORIGIN = 'http://lotse.test';
const users = new Map<Exclude<Who, 'anonymous'>, string>();
let otherExpert = '';
/** Another demo expert than expert@demo.lotse (set by setUpDemoWorkspace). */
export const otherExpertId = () => otherExpert;

/** The demo workspace on this file's database, and its users by role (for beforeAll). */
export async function setUpDemoWorkspace() {
  await ensureReferenceData(prisma);
  await createDemoWorkspace(prisma);
  for (const role of ['expert', 'editor', 'management', 'admin'] as const) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: `${role}@demo.lotse` } });
    users.set(role, user.id);
  }
  otherExpert = (
    await prisma.user.findFirstOrThrow({
      where: {
        email: { not: 'expert@demo.lotse' },
        roles: { some: { role: 'expert' } },
        expertProfile: { isNot: null },
      },
    })
  ).id;
}

export const userId = (who: Exclude<Who, 'anonymous'>) => users.get(who) as string;

/**
 * Real rows for the route's parameters, chosen so that every role the table lets in can see
 * them: the demo expert's own submitted item (reviewers see it, the owner may edit it), a piece
 * the demo expert contributes to, and so on.
 */
export async function paramValue(name: string): Promise<string> {
  const expertId = userId('expert');
  switch (name) {
    case 'itemId':
      return (
        await prisma.knowledgeItem.findFirstOrThrow({
          where: { ownerId: expertId, status: { in: ['submitted', 'changes_requested'] } },
        })
      ).id;
    case 'pieceId':
      return (
        await prisma.contentPiece.findFirstOrThrow({
          where: { experts: { some: { userId: expertId } } },
        })
      ).id;
    case 'expertId':
    case 'userId':
      return expertId;
    case 'audienceId':
      return (await prisma.audience.findFirstOrThrow()).id;
    case 'needId':
      return (await prisma.need.findFirstOrThrow()).id;
    case 'ruleId':
      return (await prisma.disclosureRule.findFirstOrThrow()).id;
    case 'conceptId':
      return (await prisma.glossaryConcept.findFirstOrThrow()).id;
    case 'goalId':
      // a proposal, so every decision and edit of the goal page is open to its role
      return (await prisma.goal.findFirstOrThrow({ where: { status: 'proposed' } })).id;
    case 'batchId':
      // a finished import of the editor's (others may ask, and get a 404)
      return (
        await prisma.importBatch.create({
          data: {
            kind: 'knowledge',
            fileName: 'topics.csv',
            actorId: userId('editor'),
            status: 'done',
            totalRows: 0,
          },
        })
      ).id;
    case 'notificationId':
      // one of the demo expert's own notifications (anyone else's answer is "not found")
      return (await prisma.notification.findFirstOrThrow({ where: { recipientId: expertId } })).id;
    case 'file':
      // the feed of someone outside the matrix, so no cell's "reset-feed" can revoke it
      return `${await getOrCreateFeedToken(otherExpert)}.ics`;
    case 'reviewId':
      // the demo's signed-off strategy review
      return (await prisma.strategyReview.findFirstOrThrow()).id;
    case '*':
      return 'no/such/page';
    default:
      throw new Error(`route parameter :${name} has no value here: add one to paramValue()`);
  }
}

/**
 * The URL path and params of a route in the manifest (root first, then its children); `given`
 * overrides the default row for a parameter.
 */
async function addressOf(id: string, given: Record<string, string> = {}) {
  const segments: string[] = [];
  for (let r = config.routes[id]; r; r = r.parentId ? config.routes[r.parentId] : undefined) {
    if (r.path) segments.unshift(r.path);
  }
  const params: Record<string, string> = {};
  const parts: string[] = [];
  for (const segment of segments.join('/').split('/').filter(Boolean)) {
    const name = segment === '*' ? '*' : segment.startsWith(':') ? segment.slice(1) : null;
    if (name) {
      params[name] = given[name] ?? (await paramValue(name));
      parts.push(params[name]);
    } else parts.push(segment);
  }
  return { pathname: `/${parts.join('/')}`, params };
}

export async function cookieFor(who: Who): Promise<Record<string, string>> {
  if (who === 'anonymous') return {};
  const setCookie = await createSession(userId(who), new Request(ORIGIN));
  return { Cookie: setCookie.split(';')[0] as string };
}

export type Outcome = { status: number; location: string | null; error?: string; body?: unknown };

/**
 * Calls the route's loader (GET) or action (POST, with the form fields) as `who` and reads what
 * Remix would answer: a returned or thrown Response as it is, any other value as a 200, anything
 * else thrown as the 500 it would become.
 */
export async function call(
  id: string,
  method: 'GET' | 'POST',
  who: Who,
  {
    form = {},
    params: given = {},
  }: { form?: Record<string, string> | URLSearchParams; params?: Record<string, string> } = {},
): Promise<Outcome> {
  const mod = await moduleOf(id);
  const { pathname, params } = await addressOf(id, given);
  const headers = await cookieFor(who);
  const request =
    method === 'GET'
      ? new Request(ORIGIN + pathname, { headers })
      : new Request(ORIGIN + pathname, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(form),
        });
  const handler = method === 'GET' ? mod.loader : mod.action;
  // without a loader Remix renders the component; without an action it answers 405
  if (!handler) return { status: method === 'GET' ? 200 : 405, location: null };
  const context = { clientAddress: '203.0.113.50', cspNonce: 'n' };
  let answer: unknown;
  try {
    answer = await handler({ request, params, context });
  } catch (thrown) {
    if (!(thrown instanceof Response))
      return { status: 500, location: null, error: String(thrown) };
    answer = thrown;
  }
  if (!(answer instanceof Response)) return { status: 200, location: null, body: answer };
  const type = answer.headers.get('Content-Type') ?? '';
  return {
    status: answer.status,
    location: answer.headers.get('Location'),
    body: type.includes('json') ? await answer.json() : await answer.text(),
  };
}
