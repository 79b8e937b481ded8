import { beforeAll, describe, expect, it } from 'vitest';
import { auditQueryToSearch, parseAuditQuery, type AuditQuery } from '~/domain/audit';
import { listAuditEvents, recordAudit, SYSTEM_ACTOR } from '~/models/audit.server';
import { createKnowledgeItem, transitionKnowledgeItem } from '~/models/knowledge.server';
import { saveRule } from '~/models/rule.server';
import { createUser, updateUser } from '~/models/user.server';
import { loader } from '~/routes/audit._index';
import { prisma } from '~/utils/db.server';
import { createSession } from '~/utils/session.server';

const TZ = 'Europe/Berlin';
const PASSWORD = 'Leuchtturm am Hafen 7';
type Viewer = { id: string; roles: string[] };
let admin: Viewer;
let management: Viewer;
let editor: Viewer;
let expert: Viewer;
let ruleId: string;
let draftId: string;

const query = (over: Partial<AuditQuery> = {}): AuditQuery => ({
  ...parseAuditQuery(new URLSearchParams()),
  ...over,
});

beforeAll(async () => {
  const make = async (email: string, name: string, roles: Viewer['roles'], actorId?: string) => {
    const user = await createUser({
      email,
      name,
      password: PASSWORD,
      roles: roles as never,
      actorId: actorId ?? null,
    });
    return { id: user.id, roles };
  };
  admin = await make('audit-admin@example.com', 'Ada Admin', ['admin']);
  management = await make('audit-mgmt@example.com', 'Mia Management', ['management'], admin.id);
  editor = await make('audit-editor@example.com', 'Ed Editor', ['editor'], admin.id);
  expert = await make('audit-expert@example.com', 'Eva Expert', ['expert'], admin.id);
  await updateUser({
    id: editor.id,
    actorId: admin.id,
    expectedVersion: 1,
    name: 'Ed Editor',
    roles: ['editor', 'expert'],
    active: true,
  });
  const saved = await saveRule({
    definition: {
      key: 'R-AUDIT',
      name: 'Projekt Polarstern',
      category: '',
      rationale: 'Noch nicht angekündigt.',
      message: 'Vertraulich.',
      severity: 'block',
      kind: 'term',
      patterns: ['Polarstern'],
      exceptions: [],
      window: null,
      examplesMatch: ['Projekt Polarstern'],
      examplesNoMatch: ['Nordstern'],
      active: true,
    },
    actorId: management.id,
  });
  if (!saved.ok) throw new Error('rule not saved');
  ruleId = saved.id;
  // a draft is its owner's alone, also for reviewers: an entry about it (its creation's, or
  // one of an action outside the vocabulary below) must not reveal it
  const item = await createKnowledgeItem({
    owner: expert,
    input: {
      title: 'Geheimer Entwurf zur Linsenpflege',
      summary: 'Noch nicht fertig.',
      details: '',
      kind: 'case',
      language: 'de',
      department: 'Optometrie',
      tags: [],
      links: [],
    },
    submit: false,
  });
  draftId = item.id;
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      actorId: expert.id,
      // an action outside the vocabulary, as entries of older versions may hold
      action: 'knowledge.note' as 'knowledge.update',
      entityType: 'knowledge_item',
      entityId: item.id,
      after: { title: 'Geheimer Entwurf zur Linsenpflege' },
    }),
  );
});

describe('the audit log', () => {
  it('lists entries newest first with actor, action and subject', async () => {
    const { events, total } = await listAuditEvents({
      query: query(),
      timeZone: TZ,
      viewer: management,
    });
    expect(total).toBe(await prisma.auditEvent.count());
    const times = events.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const rule = events.find((e) => e.action === 'rule.create');
    expect(rule).toMatchObject({
      actor: { name: 'Mia Management' },
      subject: { type: 'disclosure_rule', name: 'Projekt Polarstern', href: `/rules/${ruleId}` },
    });
    expect(rule?.changes).toContainEqual({ field: 'patterns', after: '["Polarstern"]' });
    const roleChange = events.find((e) => e.action === 'user.update');
    // management may not open user accounts: the entry shows that it happened, nothing more
    expect(roleChange?.subject.name).toBeNull();
    expect(roleChange?.changes).toBeNull();
  });

  it('shows each role no more than the rest of the app does', async () => {
    const { events } = await listAuditEvents({ query: query(), timeZone: TZ, viewer: admin });
    const roleChange = events.find((e) => e.action === 'user.update');
    expect(roleChange?.subject).toMatchObject({ name: 'Ed Editor', href: `/users/${editor.id}` });
    expect(roleChange?.changes).toEqual([
      { field: 'roles', before: '["editor"]', after: '["editor","expert"]' },
    ]);
    const rule = events.find((e) => e.action === 'rule.create');
    expect(rule?.subject.name).toBeNull();
    expect(rule?.changes).toBeNull();
    expect(JSON.stringify(events)).not.toContain('Polarstern');
    // a reviewer does not see someone else's draft, so its entries stay bare
    const asManagement = await listAuditEvents({
      query: query({ action: 'knowledge.note' }),
      timeZone: TZ,
      viewer: management,
    });
    expect(asManagement.events).toHaveLength(1);
    expect(asManagement.events[0]?.subject.name).toBeNull();
    expect(asManagement.events[0]?.changes).toBeNull();
    expect(JSON.stringify(asManagement.events)).not.toContain('Geheimer Entwurf');
    await transitionKnowledgeItem({ id: draftId, actor: expert, action: 'submit' });
    const submitted = await listAuditEvents({
      query: query({ action: 'knowledge.note' }),
      timeZone: TZ,
      viewer: management,
    });
    expect(submitted.events[0]?.subject).toMatchObject({
      name: 'Geheimer Entwurf zur Linsenpflege',
      href: `/knowledge/${draftId}`,
    });
  });

  it('filters by person, action and a range of local days', async () => {
    const byAction = await listAuditEvents({
      query: query({ action: 'user.create' }),
      timeZone: TZ,
      viewer: admin,
    });
    expect(byAction.total).toBe(4);
    expect(byAction.events.every((e) => e.action === 'user.create')).toBe(true);
    const byActor = await listAuditEvents({
      query: query({ actor: management.id }),
      timeZone: TZ,
      viewer: admin,
    });
    expect(byActor.events.map((e) => e.action)).toEqual(['rule.create']);
    const bySystem = await listAuditEvents({
      query: query({ actor: SYSTEM_ACTOR }),
      timeZone: TZ,
      viewer: admin,
    });
    // the first administrator was created without an actor (as the command line does)
    expect(bySystem.events.map((e) => e.subject.name)).toEqual(['Ada Admin']);

    // 23:30 in Berlin on 1 March is 22:30 UTC: it belongs to 1 March, not 2 March
    const entry = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'rule.create' } });
    await prisma.auditEvent.update({
      where: { id: entry.id },
      data: { createdAt: new Date('2026-03-01T22:30:00Z') },
    });
    const day = (from: string, to: string) =>
      listAuditEvents({ query: query({ from, to }), timeZone: TZ, viewer: admin });
    expect((await day('2026-03-01', '2026-03-01')).total).toBe(1);
    expect((await day('2026-03-02', '2026-03-02')).total).toBe(0);
    expect((await day('2026-02-01', '2026-03-31')).total).toBe(1);
    expect((await day('2026-03-01', '')).total).toBe(
      await prisma.auditEvent.count({
        where: { createdAt: { gte: new Date('2026-02-28T23:00:00Z') } },
      }),
    );
  });

  it('pages through many entries', async () => {
    await prisma.$transaction(async (tx) => {
      for (let i = 0; i < 60; i++)
        await recordAudit(tx, {
          actorId: admin.id,
          action: 'test.bulk' as 'user.update',
          entityType: 'user',
          entityId: admin.id,
          after: { n: i },
        });
    });
    const first = await listAuditEvents({
      query: query({ action: 'test.bulk' }),
      timeZone: TZ,
      viewer: admin,
    });
    expect([first.total, first.pages, first.events.length]).toEqual([60, 2, 50]);
    const second = await listAuditEvents({
      query: query({ action: 'test.bulk', page: 2 }),
      timeZone: TZ,
      viewer: admin,
    });
    expect(second.events).toHaveLength(10);
    const ids = new Set([...first.events, ...second.events].map((e) => e.id));
    expect(ids.size).toBe(60);
    // a page past the end shows the last one
    const beyond = await listAuditEvents({
      query: query({ action: 'test.bulk', page: 99 }),
      timeZone: TZ,
      viewer: admin,
    });
    expect(beyond.page).toBe(2);
  });

  it('keeps its filters in the URL, ignoring what does not parse', () => {
    const parsed = parseAuditQuery(
      new URLSearchParams('actor=u1&action=rule.update&from=2026-02-30&to=2026-03-05&page=-3'),
    );
    expect(parsed).toEqual({
      actor: 'u1',
      action: 'rule.update',
      from: '',
      to: '2026-03-05',
      page: 1,
    });
    expect(auditQueryToSearch({ ...parsed, page: 2 })).toBe(
      '?actor=u1&action=rule.update&to=2026-03-05&page=2',
    );
    expect(auditQueryToSearch(query())).toBe('');
  });
});

describe('the audit log page', () => {
  const open = async (viewer: Viewer, search = '') => {
    const cookie = (await createSession(viewer.id, new Request('http://lotse.test/'))).split(
      ';',
    )[0];
    const request = new Request(`http://lotse.test/audit${search}`, {
      headers: { Cookie: cookie as string },
    });
    try {
      return (await loader({ request, params: {}, context: {} })) as Response;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  };
  it('opens for management and administrators, with the filters from the URL', async () => {
    const response = await open(management, '?action=rule.create');
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.query.action).toBe('rule.create');
    expect(data.events.map((e: { action: string }) => e.action)).toEqual(['rule.create']);
    expect(data.options.actions).toContain('user.update');
    expect(data.options.actors.map((a: { name: string }) => a.name)).toContain('Mia Management');
    expect((await open(admin)).status).toBe(200);
  });
  it('is closed to editors and experts', async () => {
    expect((await open(editor)).status).toBe(403);
    expect((await open(expert)).status).toBe(403);
  });
});
