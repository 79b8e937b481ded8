import { beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeItem, transitionKnowledgeItem } from '~/models/knowledge.server';
import { prisma } from '~/utils/db.server';
import { NO_ACTION, ROUTE_ACCESS, WHO, type Who } from './route-access';
import {
  call,
  MANIFEST,
  moduleOf,
  ORIGIN,
  otherExpertId,
  setUpDemoWorkspace,
  userId,
  type Outcome,
} from './route-harness';

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

beforeAll(setUpDemoWorkspace, 60_000);

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
      owner: { id: otherExpertId(), roles: ['expert'] },
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
      params: { expertId: otherExpertId() },
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
      owner: { id: otherExpertId(), roles: ['expert'] },
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
