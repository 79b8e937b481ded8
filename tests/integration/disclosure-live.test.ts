import { beforeAll, describe, expect, it } from 'vitest';
import { draftRuleReach } from '~/models/rule-reach.server';
import * as check from '~/routes/disclosure.check';
import * as rulesIndex from '~/routes/rules._index';
import * as rulesNew from '~/routes/rules.new';
import * as reachRoute from '~/routes/rules.reach';
import { prisma } from '~/utils/db.server';
import { createSession } from '~/utils/session.server';
import { createDemoWorkspace } from '../../seeds/demo';
import { ensureReferenceData } from '../../seeds/reference';

/**
 * The disclosure check while writing (/disclosure/check), a drafted rule's reach (/rules/reach,
 * the rule form's "Preview reach", the rule-set import's dry run) and the list of published
 * pieces the rules now block (/rules), called as the routes' loaders and actions with real
 * sessions on this file's own database.
 */

const ORIGIN = 'http://lotse.test';
type Role = 'expert' | 'editor' | 'management' | 'admin';
const users = new Map<Role, string>();

beforeAll(async () => {
  await ensureReferenceData(prisma);
  await createDemoWorkspace(prisma, new Date('2026-11-28T10:00:00Z'));
  for (const role of ['expert', 'editor', 'management', 'admin'] as const) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: `${role}@demo.lotse` } });
    users.set(role, user.id);
  }
}, 60_000);

async function cookie(who: Role | 'anonymous'): Promise<Record<string, string>> {
  if (who === 'anonymous') return {};
  const setCookie = await createSession(users.get(who) as string, new Request(ORIGIN));
  return { Cookie: setCookie.split(';')[0] as string };
}

type Handler = (args: { request: Request; params: object; context: object }) => unknown;
type Answer = { status: number; body: unknown; text: string; location: string | null };

/** Calls a loader or action as Remix would and reads the response, thrown or returned. */
async function call(handler: Handler, request: Request): Promise<Answer> {
  let answer: unknown;
  try {
    answer = await handler({ request, params: {}, context: {} });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    answer = thrown;
  }
  if (!(answer instanceof Response)) throw new Error('expected a response');
  const text = await answer.text();
  const json = (answer.headers.get('Content-Type') ?? '').includes('json');
  return {
    status: answer.status,
    body: json ? JSON.parse(text) : text,
    text,
    location: answer.headers.get('Location'),
  };
}

async function postJson(handler: Handler, path: string, who: Role | 'anonymous', body: unknown) {
  return call(
    handler,
    new Request(ORIGIN + path, {
      method: 'POST',
      headers: { ...(await cookie(who)), 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

async function postForm(
  handler: Handler,
  path: string,
  who: Role,
  fields: [string, string][] | Record<string, string>,
) {
  return call(
    handler,
    new Request(ORIGIN + path, {
      method: 'POST',
      headers: { ...(await cookie(who)), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    }),
  );
}

type Finding = {
  field: string;
  start: number;
  end: number;
  excerpt: string;
  severity: string;
  ruleName: string;
  message: string | null;
  exempted: boolean;
};
type Verdict = { decision: string; failed: boolean; findings: Finding[] };

const checkPiece = (who: Role | 'anonymous', fields: Record<string, unknown>) =>
  postJson(check.action as Handler, '/disclosure/check', who, { intent: 'check-piece', ...fields });

describe('the disclosure check while writing', () => {
  it('answers an editor the findings of the piece form, never the rules behind them', async () => {
    const body = '  Intro.\n\nKunde KD-123456 meldete sich wegen Projekt Falke.';
    const answer = await checkPiece('editor', { title: 'Neuer Beitrag', body, channel: 'blog' });
    expect(answer.status).toBe(200);
    const verdict = answer.body as Verdict;
    expect(verdict.decision).toBe('block');
    const customer = verdict.findings.find((f) => f.ruleName === 'Customer numbers');
    expect(customer).toMatchObject({
      field: 'body',
      excerpt: 'KD-123456',
      severity: 'block',
      message: 'Customer numbers are personal data and never appear in content.',
    });
    // offsets into the value as the form holds it (before the save trims it)
    expect(body.slice(customer!.start, customer!.end)).toBe('KD-123456');
    const falke = verdict.findings.find((f) => f.ruleName.startsWith('Projekt Falke'));
    expect(body.slice(falke!.start, falke!.end)).toBe('Projekt Falke');
    // only the findings' fields: no pattern, rule kind, exception or rule id
    expect(answer.text).not.toContain('KD-[0-9]{6}');
    expect(answer.text).not.toMatch(/"(patterns|kind|exceptions|ruleId|examplesMatch)"/);
    for (const f of verdict.findings)
      expect(Object.keys(f).sort()).toEqual(
        ['end', 'excerpt', 'exempted', 'field', 'message', 'ruleName', 'severity', 'start'].sort(),
      );
  });

  it('reads the form as posted: list fields, the channel, and the names behind chosen ids', async () => {
    const audience = await prisma.audience.create({
      data: { name: 'Freundeskreis Projekt Falke', description: '' },
    });
    const guests = 'Dr. Lena Hoffmann,  Projekt Falke Team\nClaire Martin';
    const answer = await postForm(check.action as Handler, '/disclosure/check', 'editor', [
      ['intent', 'check-piece'],
      ['channel', 'podcast'],
      ['title', 'Folge 20'],
      ['guests', guests],
      // a blog field left over from switching channels: a save drops it, so the check does too
      ['slug', 'projekt-falke'],
      ['targetUrl', 'https://example.com/KD-123456'],
      ['audiences', audience.id],
      ['audiences', 'no-such-audience'],
      ['experts', 'no-such-user'],
    ]);
    expect(answer.status).toBe(200);
    const findings = (answer.body as Verdict).findings;
    expect(findings.map((f) => f.field).sort()).toEqual(['audiences', 'guests']);
    const inGuests = findings.find((f) => f.field === 'guests')!;
    expect(guests.slice(inGuests.start, inGuests.end)).toBe('Projekt Falke');
    expect(inGuests.excerpt).toBe('Projekt Falke');
  });

  it('applies the piece’s granted exemptions while its content is the one they were granted for', async () => {
    const piece = await prisma.contentPiece.findFirstOrThrow({
      where: { title: 'Wearing habits 2026: what 4,800 lens wearers really do' },
      include: { audiences: true, experts: true },
    });
    await prisma.disclosureExemption.updateMany({
      where: { pieceId: piece.id },
      data: { status: 'granted' },
    });
    const fields = {
      channel: piece.channel,
      title: piece.title,
      brief: piece.brief,
      body: piece.body,
      ownerId: piece.ownerId ?? '',
      audiences: piece.audiences.map((a) => a.audienceId),
      experts: piece.experts.map((e) => e.userId),
    };
    const revenue = (v: Verdict) => v.findings.find((f) => f.ruleName === 'Umsatz / revenue');
    const own = (await checkPiece('editor', { ...fields, pieceId: piece.id })).body as Verdict;
    expect(revenue(own)?.exempted).toBe(true);
    expect(own.decision).not.toBe('block');
    // a changed text lapses the exemption, as it would on save
    const changed = (
      await checkPiece('editor', { ...fields, pieceId: piece.id, body: `${piece.body} Mehr.` })
    ).body as Verdict;
    expect(revenue(changed)?.exempted).toBe(false);
    const other = (await checkPiece('editor', fields)).body as Verdict;
    expect(revenue(other)?.exempted).toBe(false);
  });

  it('answers an expert writing a knowledge item in the same shape', async () => {
    const details = 'Erste Zahlen: Kunde KD-654321 trug die Linse 12 Stunden.';
    const answer = await postJson(check.action as Handler, '/disclosure/check', 'expert', {
      intent: 'check-knowledge',
      title: 'Tragezeiten',
      summary: 'Beobachtungen aus der Anpassung.',
      details,
      department: 'Optometrie',
      tags: ['tragezeit'],
      tagsText: 'projekt falke',
      links: 'https://example.com/a\n  https://example.com/KD-111111',
    });
    expect(answer.status).toBe(200);
    const findings = (answer.body as Verdict).findings;
    const inDetails = findings.find((f) => f.field === 'details')!;
    expect(details.slice(inDetails.start, inDetails.end)).toBe('KD-654321');
    expect(findings.map((f) => f.field)).toEqual(
      expect.arrayContaining(['details', 'tags', 'links']),
    );
    expect(answer.text).not.toContain('KD-[0-9]{6}');
    expect(answer.text).not.toMatch(/"(patterns|kind|exceptions|ruleId)"/);
  });

  it('refuses roles that do not write the content', async () => {
    expect((await checkPiece('expert', { title: 'x' })).status).toBe(403);
    const knowledge = { intent: 'check-knowledge', title: 'x' };
    expect(
      (await postJson(check.action as Handler, '/disclosure/check', 'editor', knowledge)).status,
    ).toBe(403);
    expect((await checkPiece('management', { title: 'x' })).status).toBe(403);
    expect((await checkPiece('admin', { title: 'x' })).status).toBe(403);
    const anonymous = await checkPiece('anonymous', { title: 'x' });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
  });

  it('answers bad input with a clear 400 and oversized input with a 413, never a 500', async () => {
    const post = (body: unknown) =>
      postJson(check.action as Handler, '/disclosure/check', 'editor', body);
    const noIntent = await post({ title: 'x' });
    expect(noIntent.status).toBe(400);
    expect(noIntent.body).toMatchObject({ error: 'invalid', fields: ['intent'] });
    expect((await post({ intent: 'check-piece', channel: 'tv' })).body).toMatchObject({
      error: 'invalid',
      fields: ['channel'],
    });
    expect((await post({ intent: 'check-piece', title: 42 })).status).toBe(400);
    expect((await post('{"intent": "check-piece", ')).status).toBe(400);
    expect((await post('[1, 2]')).status).toBe(400);
    const long = await post({ intent: 'check-piece', body: 'a'.repeat(100_001) });
    expect(long.status).toBe(413);
    expect(long.body).toMatchObject({ error: 'tooLarge', fields: ['body'] });
    expect((await post({ intent: 'check-piece', body: 'a'.repeat(1_100_000) })).status).toBe(413);
  });
});

describe('a drafted rule’s reach', () => {
  let ids: Record<string, string>;

  beforeAll(async () => {
    const owner = users.get('editor') as string;
    const expert = users.get('expert') as string;
    const piece = (title: string, status: string, body: string) =>
      prisma.contentPiece.create({
        data: { channel: 'blog', title, status, body, ownerId: owner },
        select: { id: true },
      });
    const item = (title: string, status: string, summary: string) =>
      prisma.knowledgeItem.create({
        data: {
          title,
          summary,
          status,
          kind: 'case',
          language: 'de',
          department: 'Optometrie',
          ownerId: expert,
        },
        select: { id: true },
      });
    ids = {
      planned: (await piece('Ausblick Zanderwerk', 'planned', 'Das Zanderwerk kommt.')).id,
      review: (await piece('Zweiter Blick', 'in_review', 'Ein Satz über Zanderwerke.')).id,
      published: (await piece('Schon draußen', 'published', 'Zanderwerk!')).id,
      cancelled: (await piece('Abgesagt', 'cancelled', 'Zanderwerk')).id,
      submitted: (await item('Zanderwerk-Daten', 'submitted', 'Messreihe.')).id,
      archived: (await item('Alte Zanderwerk-Notiz', 'archived', 'Alt.')).id,
    };
  });

  const viewer = () => ({ id: users.get('management') as string, roles: ['management'] });
  const rule = (severity: 'block' | 'warn') => ({
    id: 'R-ZANDER',
    severity,
    kind: 'term' as const,
    patterns: ['Zanderwerk'],
  });

  it('counts the unpublished pieces and live knowledge items it would block or warn on', async () => {
    const block = await draftRuleReach({ rule: rule('block'), viewer: viewer() });
    expect(block.ok).toBe(true);
    if (!block.ok) return;
    expect(block.reach.pieces).toEqual({ block: 2, warn: 0 });
    expect(block.reach.knowledge).toEqual({ block: 1, warn: 0 });
    expect(block.reach.items.map((i) => i.id).sort()).toEqual(
      [ids.planned, ids.review, ids.submitted].sort(),
    );
    const planned = block.reach.items.find((i) => i.id === ids.planned)!;
    expect(planned).toMatchObject({ type: 'piece', status: 'planned', owner: expect.any(String) });
    expect(planned.passages).toEqual([
      { field: 'title', before: 'Ausblick ', excerpt: 'Zanderwerk', after: '' },
      { field: 'body', before: 'Das ', excerpt: 'Zanderwerk', after: ' kommt.' },
    ]);

    const warn = await draftRuleReach({ rule: rule('warn'), viewer: viewer() });
    expect(warn.ok && [warn.reach.pieces, warn.reach.knowledge]).toEqual([
      { block: 0, warn: 2 },
      { block: 0, warn: 1 },
    ]);
    // published and cancelled pieces, archived items are not counted
    expect(warn.ok && warn.reach.checked.pieces).toBe(
      await prisma.contentPiece.count({ where: { status: { notIn: ['published', 'cancelled'] } } }),
    );
  });

  it('is answered to management while typing, with the compiler’s message for a bad regex', async () => {
    const post = (who: Role, body: unknown) =>
      postJson(reachRoute.action as Handler, '/rules/reach', who, body);
    const answer = await post('management', {
      kind: 'term',
      severity: 'block',
      patterns: 'Zanderwerk\n',
      exceptions: '',
      window: '',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      ok: true,
      reach: { pieces: { block: 2, warn: 0 }, knowledge: { block: 1, warn: 0 } },
    });
    const bad = await post('management', { kind: 'regex', severity: 'warn', patterns: 'KD-(' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ ok: false, error: 'compile' });
    expect((bad.body as { problem: string }).problem).toContain('RE2');
    expect((await post('management', { kind: 'term', severity: 'block' })).body).toEqual({
      ok: true,
      reach: null,
    });
    expect((await post('management', { kind: 'spell', severity: 'block' })).status).toBe(400);
    expect(
      (await post('management', { kind: 'term', severity: 'block', patterns: 'x'.repeat(30_000) }))
        .status,
    ).toBe(413);
    expect((await post('editor', { kind: 'term', severity: 'block' })).status).toBe(403);
    expect((await post('expert', { kind: 'term', severity: 'block' })).status).toBe(403);
  });

  it('comes back with the rule form on "Preview reach", nothing saved', async () => {
    const before = await prisma.disclosureRule.count();
    const answer = await postForm(rulesNew.action as Handler, '/rules/new', 'management', {
      intent: 'preview',
      key: 'R-ZANDER',
      name: 'Zanderwerk',
      severity: 'warn',
      kind: 'term',
      patterns: 'Zanderwerk',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      values: { key: 'R-ZANDER' },
      reach: { ok: true, reach: { pieces: { warn: 2 } } },
    });
    expect(await prisma.disclosureRule.count()).toBe(before);
  });

  it('is shown per rule in the rule-set import’s dry run, nothing imported', async () => {
    const before = await prisma.disclosureRule.count();
    const form = new FormData();
    form.set('intent', 'preview-import');
    const set = {
      rules: [
        {
          id: 'R-ZANDER',
          name: 'Zanderwerk',
          severity: 'block',
          kind: 'term',
          patterns: ['Zanderwerk'],
        },
        { id: 'R-NONE', severity: 'warn', kind: 'phrase', patterns: ['kommt nirgends vor'] },
      ],
    };
    form.set('file', new File([JSON.stringify(set)], 'rules.json', { type: 'application/json' }));
    const answer = await call(
      rulesIndex.action as Handler,
      new Request(`${ORIGIN}/rules`, {
        method: 'POST',
        headers: await cookie('management'),
        body: form,
      }),
    );
    expect(answer.status).toBe(200);
    const preview = answer.body as {
      intent: string;
      rules: { id: string; reach: { pieces: object; items: { title: string }[] } }[];
    };
    expect(preview.intent).toBe('import-preview');
    expect(preview.rules.map((r) => r.id)).toEqual(['R-ZANDER', 'R-NONE']);
    expect(preview.rules[0]?.reach.pieces).toEqual({ block: 2, warn: 0 });
    expect(preview.rules[0]?.reach.items.map((i) => i.title)).toContain('Ausblick Zanderwerk');
    expect(preview.rules[1]?.reach.items).toEqual([]);
    expect(await prisma.disclosureRule.count()).toBe(before);
  });
});

describe('published content that the rules now block', () => {
  it('is listed on /rules with its owner, publish date, rules and passages', async () => {
    const load = async () =>
      (
        await call(
          rulesIndex.loader as Handler,
          new Request(`${ORIGIN}/rules`, { headers: await cookie('management') }),
        )
      ).body as {
        blockedPublished: {
          id: string;
          title: string;
          owner: string | null;
          publishAt: string | null;
          findings: { ruleName: string; field: string; excerpt: string }[];
        }[];
      };
    const piece = await prisma.contentPiece.create({
      data: {
        channel: 'blog',
        title: 'Rückblick Herbst',
        status: 'published',
        publishAt: new Date('2026-10-01T08:00:00Z'),
        body: 'Und ganz zum Schluss: Projekt Falke.',
        ownerId: users.get('editor'),
      },
    });
    const listed = (await load()).blockedPublished.find((p) => p.id === piece.id);
    expect(listed).toMatchObject({
      title: 'Rückblick Herbst',
      owner: expect.any(String),
      publishAt: '2026-10-01T08:00:00.000Z',
      findings: [
        { ruleName: 'Projekt Falke (unreleased product)', field: 'body', excerpt: 'Projekt Falke' },
      ],
    });
    await prisma.contentPiece.update({ where: { id: piece.id }, data: { body: 'Nichts mehr.' } });
    expect((await load()).blockedPublished.some((p) => p.id === piece.id)).toBe(false);
  });
});
