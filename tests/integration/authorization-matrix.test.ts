import path from 'node:path';
import { readConfig } from '@remix-run/dev/dist/config.js';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeItem, transitionKnowledgeItem } from '~/models/knowledge.server';
import { getOrCreateFeedToken } from '~/models/piece.server';
import { prisma } from '~/utils/db.server';
import { createSession } from '~/utils/session.server';
import { createDemoWorkspace } from '../../seeds/demo';
import { ensureReferenceData } from '../../seeds/reference';
import { NO_ACTION, ROUTE_ACCESS, WHO, type Who } from './route-access';

/**
 * Every route × every role × GET and POST, against the one table in route-access.ts.
 *
 * The routes come from the route manifest that `remix build` itself uses: `readConfig` applies
 * remix.config.js (flat routes under app/routes, `ignoredRouteFiles`) exactly as the compiler
 * does, so a new route file is in this list the moment it would be in the app — no build needed,
 * and no second copy of Remix's file-name rules that could drift from the real one.
 *
 * Each cell calls the route module's loader or action directly, with a real request carrying a
 * real session cookie of a demo user of that role, on this file's own SQLite database.
 */
const config = await readConfig(path.resolve('.'));
const MANIFEST = Object.values(config.routes);

type Module = {
  loader?: (args: LoaderFunctionArgs) => unknown;
  action?: (args: ActionFunctionArgs) => unknown;
};
const modules = new Map<string, Module>();
async function moduleOf(id: string): Promise<Module> {
  let mod = modules.get(id);
  if (!mod) {
    const route = config.routes[id];
    if (!route) throw new Error(`no route ${id}`);
    mod = (await import(path.join(config.appDirectory, route.file))) as Module;
    modules.set(id, mod);
  }
  return mod;
}

const ORIGIN = 'http://lotse.test';
const users = new Map<Exclude<Who, 'anonymous'>, string>();
let otherExpertId: string;

beforeAll(async () => {
  await ensureReferenceData(prisma);
  await createDemoWorkspace(prisma);
  for (const role of ['expert', 'editor', 'management', 'admin'] as const) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: `${role}@demo.lotse` } });
    users.set(role, user.id);
  }
  otherExpertId = (
    await prisma.user.findFirstOrThrow({
      where: {
        email: { not: 'expert@demo.lotse' },
        roles: { some: { role: 'expert' } },
        expertProfile: { isNot: null },
      },
    })
  ).id;
}, 60_000);

const userId = (who: Exclude<Who, 'anonymous'>) => users.get(who) as string;

/**
 * Real rows for the route's parameters, chosen so that every role the table lets in can see
 * them: the demo expert's own submitted item (reviewers see it, the owner may edit it), a piece
 * the demo expert contributes to, and so on.
 */
async function paramValue(name: string): Promise<string> {
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
    case 'file':
      // the feed of someone outside the matrix, so no cell's "reset-feed" can revoke it
      return `${await getOrCreateFeedToken(otherExpertId)}.ics`;
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

async function cookieFor(who: Who): Promise<Record<string, string>> {
  if (who === 'anonymous') return {};
  const setCookie = await createSession(userId(who), new Request(ORIGIN));
  return { Cookie: setCookie.split(';')[0] as string };
}

type Outcome = { status: number; location: string | null; error?: string; body?: unknown };

/**
 * Calls the route's loader (GET) or action (POST, with the form fields) as `who` and reads what
 * Remix would answer: a returned or thrown Response as it is, any other value as a 200, anything
 * else thrown as the 500 it would become.
 */
async function call(
  id: string,
  method: 'GET' | 'POST',
  who: Who,
  {
    form = {},
    params: given = {},
  }: { form?: Record<string, string>; params?: Record<string, string> } = {},
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

const guardRedirect = (o: Outcome) =>
  o.status >= 300 &&
  o.status < 400 &&
  o.location !== null &&
  new URL(o.location, ORIGIN).pathname === '/login';

/** Why the outcome is not what the table expects, or null when it is. */
function mismatch(allowed: boolean, who: Who, o: Outcome): string | null {
  const got = `${o.status}${o.location ? ` → ${o.location}` : ''}${o.error ? ` (${o.error})` : ''}`;
  if (o.status >= 500) return `${who}: server error ${got}`;
  if (allowed) {
    if (o.status === 401 || o.status === 403) return `${who}: refused (${got}) but may`;
    // the login guard's redirect carries the address to come back to
    if (guardRedirect(o) && o.location?.includes('redirectTo'))
      return `${who}: sent to the login (${got}) but may`;
    return null;
  }
  if (who === 'anonymous')
    return guardRedirect(o) ? null : `${who}: expected a redirect to /login, got ${got}`;
  return o.status === 403 ? null : `${who}: expected 403, got ${got}`;
}

describe('the route table', () => {
  it('lists every route file of the app, and no route that is gone', () => {
    const inApp = MANIFEST.map((r) => r.id).sort();
    const inTable = Object.keys(ROUTE_ACCESS).sort();
    expect(
      inApp.filter((id) => !inTable.includes(id)),
      'routes missing from tests/integration/route-access.ts',
    ).toEqual([]);
    expect(
      inTable.filter((id) => !inApp.includes(id)),
      'routes in tests/integration/route-access.ts without a route file',
    ).toEqual([]);
  });
});

const listed = MANIFEST.filter((r) => ROUTE_ACCESS[r.id]);

describe.each(listed.map((r) => r.id))('%s', (id) => {
  const access = ROUTE_ACCESS[id]!;

  it('GET', async () => {
    const wrong: string[] = [];
    for (const who of WHO) {
      const problem = mismatch(access.GET.includes(who), who, await call(id, 'GET', who));
      if (problem) wrong.push(problem);
    }
    expect(wrong).toEqual([]);
  });

  it('POST', async () => {
    const mod = await moduleOf(id);
    if (access.POST === NO_ACTION) {
      // Remix answers 405 Method Not Allowed when the route has no action
      expect(mod.action, 'the table says this route has no action').toBeUndefined();
      return;
    }
    expect(mod.action, 'the table lists who may POST, but the route has no action').toBeTypeOf(
      'function',
    );
    const wrong: string[] = [];
    for (const who of WHO) {
      const problem = mismatch(access.POST.includes(who), who, await call(id, 'POST', who));
      if (problem) wrong.push(problem);
    }
    for (const [intent, may] of Object.entries(access.intents ?? {})) {
      for (const who of WHO) {
        const problem = mismatch(
          may.includes(who),
          who,
          await call(id, 'POST', who, { form: { intent } }),
        );
        if (problem) wrong.push(`intent=${intent}: ${problem}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('key invariants', () => {
  const refused = (o: Outcome) => [403, 404].includes(o.status);
  const topic = (title: string, summary: string) => ({
    title,
    summary,
    details: '',
    kind: 'case' as const,
    language: 'de' as const,
    department: 'Optometrie',
    tags: [],
    links: [],
  });

  it('an expert never reads another expert’s draft', async () => {
    const draft = await createKnowledgeItem({
      owner: { id: otherExpertId, roles: ['expert'] },
      input: topic('Unveröffentlichte Messreihe Prototyp XQ-17', 'Noch in Arbeit.'),
      submit: false,
    });
    const params = { itemId: draft.id };
    for (const id of ['routes/knowledge.$itemId', 'routes/knowledge_.$itemId.edit']) {
      const outcome = await call(id, 'GET', 'expert', { params });
      expect(refused(outcome), `${id} answered ${outcome.status}`).toBe(true);
    }
    const submit = await call('routes/knowledge.$itemId', 'POST', 'expert', {
      params,
      form: { intent: 'submit', comment: '', expectedVersion: '1' },
    });
    expect(refused(submit), `answered ${submit.status}`).toBe(true);
    const edit = await call('routes/knowledge_.$itemId.edit', 'POST', 'expert', {
      params,
      form: { intent: 'save', title: 'Übernommen', summary: 'x', kind: 'case', language: 'de' },
    });
    expect(edit.status).not.toBe(302);
    const after = await prisma.knowledgeItem.findUniqueOrThrow({ where: { id: draft.id } });
    expect([after.status, after.title]).toEqual([
      'draft',
      'Unveröffentlichte Messreihe Prototyp XQ-17',
    ]);
    // nor through the inventory, its export, the dashboard or the owner's expert page
    for (const id of ['routes/knowledge._index', 'routes/knowledge.export', 'routes/_index']) {
      const text = JSON.stringify((await call(id, 'GET', 'expert')).body);
      expect(text, id).not.toContain('XQ-17');
    }
    const expertPage = await call('routes/experts.$expertId', 'GET', 'expert', {
      params: { expertId: otherExpertId },
    });
    expect(JSON.stringify(expertPage.body)).not.toContain('XQ-17');
  });

  it('an expert never reads a piece they do not contribute to', async () => {
    const piece = await prisma.contentPiece.findFirstOrThrow({
      where: { experts: { none: { userId: userId('expert') } }, status: { not: 'cancelled' } },
    });
    const params = { pieceId: piece.id };
    const page = await call('routes/calendar.$pieceId', 'GET', 'expert', { params });
    expect(refused(page), `answered ${page.status}`).toBe(true);
    const comments = await prisma.contentComment.count({ where: { pieceId: piece.id } });
    const attempts: Record<string, string>[] = [
      { intent: 'comment', body: 'Darf ich das sehen?' },
      { intent: 'transition', to: 'cancelled', expectedVersion: String(piece.version) },
    ];
    for (const form of attempts) {
      const outcome = await call('routes/calendar.$pieceId', 'POST', 'expert', { params, form });
      expect(refused(outcome), `${form.intent} answered ${outcome.status}`).toBe(true);
    }
    expect(await prisma.contentComment.count({ where: { pieceId: piece.id } })).toBe(comments);
    expect((await prisma.contentPiece.findUniqueOrThrow({ where: { id: piece.id } })).status).toBe(
      piece.status,
    );
    // nor through the calendar, its export, the dashboard or the expert pages
    for (const id of ['routes/calendar._index', 'routes/calendar.export', 'routes/_index']) {
      const text = JSON.stringify((await call(id, 'GET', 'expert')).body);
      expect(text, id).not.toContain(piece.id);
      expect(text, id).not.toContain(piece.title);
    }
    const contributor = await prisma.contentPieceExpert.findFirst({ where: { pieceId: piece.id } });
    if (contributor) {
      const expertPage = await call('routes/experts.$expertId', 'GET', 'expert', {
        params: { expertId: contributor.userId },
      });
      expect(JSON.stringify(expertPage.body)).not.toContain(piece.id);
    }
  });

  it('experts never see the rules, only findings on their own content', async () => {
    const created = await call('routes/rules.new', 'POST', 'management', {
      form: ruleForm('R-NORDLICHT', 'Projekt Nordlicht'),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(302);
    const own = await createKnowledgeItem({
      owner: { id: userId('expert'), roles: ['expert'] },
      input: topic('Eigener Fall', 'Erfahrungen aus dem Projekt Nordlicht.'),
      submit: false,
    });
    const other = await createKnowledgeItem({
      owner: { id: otherExpertId, roles: ['expert'] },
      input: topic('Fremder Fall', 'Erfahrungen aus dem Projekt Nordlicht.'),
      submit: true,
    });
    const accepted = await transitionKnowledgeItem({
      id: other.id,
      actor: { id: userId('editor'), roles: ['editor'] },
      action: 'accept',
    });
    expect(accepted.ok).toBe(true);

    type Page = { disclosure: { findings: { ruleName: string }[] } };
    const findings = async (who: Who, itemId: string) => {
      const page = await call('routes/knowledge.$itemId', 'GET', who, { params: { itemId } });
      expect(page.status).toBe(200);
      return (page.body as Page).disclosure.findings.map((f) => f.ruleName);
    };
    expect(await findings('expert', own.id)).toContain('Nordlicht');
    expect(await findings('expert', other.id)).toEqual([]);
    expect(await findings('editor', other.id)).toContain('Nordlicht');

    // no page an expert may open carries a rule's definition; the rule pages are closed
    for (const [id, access] of Object.entries(ROUTE_ACCESS)) {
      const outcome = await call(id, 'GET', 'expert');
      if (!access.GET.includes('expert')) {
        expect(mismatch(false, 'expert', outcome), id).toBeNull();
        continue;
      }
      const text = JSON.stringify(outcome.body ?? '');
      expect(text, id).not.toMatch(/"(patterns|exceptions|examplesMatch|examplesNoMatch)"/);
      expect(text, id).not.toContain('noch nicht angekündigt');
    }
  });

  it('no one but management changes rules or decides exemptions', async () => {
    const rule = await prisma.disclosureRule.findFirstOrThrow({ where: { key: 'R-NORDLICHT' } });
    const exemption = await prisma.disclosureExemption.findFirstOrThrow({
      where: { status: 'requested' },
    });
    const rules = await prisma.disclosureRule.count();
    for (const who of WHO.filter((w) => w !== 'management')) {
      const attempts = {
        create: await call('routes/rules.new', 'POST', who, {
          form: ruleForm(`R-BY-${who}`, `Geheimsache ${who}`),
        }),
        change: await call('routes/rules.$ruleId', 'POST', who, {
          params: { ruleId: rule.id },
          form: { ...ruleForm('R-NORDLICHT', 'Projekt Südlicht'), expectedRevision: '1' },
        }),
        restore: await call('routes/rules.$ruleId', 'POST', who, {
          params: { ruleId: rule.id },
          form: { intent: 'restore', revision: '1' },
        }),
        tryOut: await call('routes/rules._index', 'POST', who, {
          form: { intent: 'try', text: 'x' },
        }),
        grant: await call('routes/rules._index', 'POST', who, {
          form: { intent: 'grant', id: exemption.id, note: 'ok' },
        }),
        deny: await call('routes/rules._index', 'POST', who, {
          form: { intent: 'deny', id: exemption.id, note: 'no' },
        }),
      };
      for (const [what, outcome] of Object.entries(attempts))
        expect(mismatch(false, who, outcome), `${who}: ${what}`).toBeNull();
    }
    expect(await prisma.disclosureRule.count()).toBe(rules);
    const after = await prisma.disclosureRule.findUniqueOrThrow({ where: { id: rule.id } });
    expect([after.revision, after.patterns]).toEqual([rule.revision, rule.patterns]);
    const still = await prisma.disclosureExemption.findUniqueOrThrow({
      where: { id: exemption.id },
    });
    expect(still.status).toBe('requested');
    // the same requests from management go through
    const change = await call('routes/rules.$ruleId', 'POST', 'management', {
      params: { ruleId: rule.id },
      form: { ...ruleForm('R-NORDLICHT', 'Projekt Südlicht'), expectedRevision: '1' },
    });
    expect(change.status, JSON.stringify(change.body)).toBe(302);
    const grant = await call('routes/rules._index', 'POST', 'management', {
      form: { intent: 'grant', id: exemption.id, note: 'ok' },
    });
    expect(grant.status, JSON.stringify(grant.body)).toBe(200);
    const decided = await prisma.disclosureExemption.findUniqueOrThrow({
      where: { id: exemption.id },
    });
    expect(decided.status).toBe('granted');
  });

  it('only an administrator manages users', async () => {
    const expertId = userId('expert');
    const form = (who: Who) => ({
      name: `Neu von ${who}`,
      email: `new-by-${who}@example.com`,
      password: 'Leuchtturm am Hafen 7',
      roles: 'admin',
    });
    const version = (await prisma.user.findUniqueOrThrow({ where: { id: expertId } })).version;
    for (const who of WHO.filter((w) => w !== 'admin')) {
      const attempts = {
        list: await call('routes/users._index', 'GET', who),
        create: await call('routes/users.new', 'POST', who, { form: form(who) }),
        promote: await call('routes/users.$userId', 'POST', who, {
          params: { userId: expertId },
          form: { name: 'Lena', roles: 'admin', active: 'true', expectedVersion: String(version) },
        }),
      };
      for (const [what, outcome] of Object.entries(attempts))
        expect(mismatch(false, who, outcome), `${who}: ${what}`).toBeNull();
    }
    expect(await prisma.user.count({ where: { email: { startsWith: 'new-by-' } } })).toBe(0);
    const roles = await prisma.userRole.findMany({ where: { userId: expertId } });
    expect(roles.map((r) => r.role)).toEqual(['expert']);
    const byAdmin = await call('routes/users.new', 'POST', 'admin', { form: form('admin') });
    expect(byAdmin.status, JSON.stringify(byAdmin.body)).toBe(302);
    expect(await prisma.user.count({ where: { email: 'new-by-admin@example.com' } })).toBe(1);
  });
});

function ruleForm(key: string, pattern: string): Record<string, string> {
  return {
    key,
    name: 'Nordlicht',
    category: 'Projekte',
    rationale: 'Internes Projekt, noch nicht angekündigt.',
    message: 'Das Projekt ist noch vertraulich.',
    severity: 'block',
    kind: 'term',
    patterns: pattern,
    active: 'on',
  };
}
