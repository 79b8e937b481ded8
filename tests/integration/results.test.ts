// Results: importing exports (dry run, all-or-nothing commit, undo), results entered by hand,
// saved column mappings, who may do what (editors and the strategy's owner write; experts read
// their own pieces' results), the audit entries, and one subject per observation.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  commitResultsImport,
  listResultImports,
  previewResultsImport,
  undoResultsImport,
} from '~/models/results-import.server';
import { saveResultMapping } from '~/models/results-mapping.server';
import {
  deleteObservation,
  enterObservation,
  findPiecesByPlatformId,
  getKpiResults,
  listPieceResults,
} from '~/models/results.server';
import { prisma } from '~/utils/db.server';
import { createDemoWorkspace } from '../../seeds/demo';
import { ensureReferenceData } from '../../seeds/reference';

type Actor = { id: string; roles: string[] };
let editor: Actor;
let management: Actor;
let expert: Actor;
let admin: Actor;
let blog: { id: string; slug: string }[];
let webinarId: string;

const actor = async (email: string, roles: string[]) => ({
  id: (await prisma.user.findUniqueOrThrow({ where: { email } })).id,
  roles,
});

beforeAll(async () => {
  await ensureReferenceData(prisma);
  await createDemoWorkspace(prisma, new Date('2026-11-28T10:00:00Z'));
  editor = await actor('editor@demo.lotse', ['editor']);
  management = await actor('management@demo.lotse', ['management']);
  expert = await actor('expert@demo.lotse', ['expert']);
  admin = await actor('admin@demo.lotse', ['admin']);
  blog = (
    await prisma.contentPiece.findMany({
      // planned pieces: the published ones of the demo have results already
      where: {
        channel: 'blog',
        slug: { not: null },
        status: { notIn: ['cancelled', 'published'] },
      },
      select: { id: true, slug: true },
      orderBy: { title: 'asc' },
      take: 3,
    })
  ).map((p) => ({ id: p.id, slug: p.slug! }));
  expect(blog).toHaveLength(3);
  // only published pieces take results: these were published before the periods imported
  await prisma.contentPiece.updateMany({
    where: { id: { in: blog.map((b) => b.id) } },
    data: { status: 'published', publishAt: new Date('2026-09-15T08:00:00Z') },
  });
  await prisma.contentPiece.update({
    where: { id: blog[0]!.id },
    data: { targetUrl: `https://klarblick.example/blog/${blog[0]!.slug}` },
  });
  const webinar = await prisma.contentPiece.findFirstOrThrow({
    where: { channel: 'webinar', status: { not: 'published' } },
  });
  webinarId = webinar.id;
  await prisma.contentPiece.update({
    where: { id: webinar.id },
    data: {
      platformId: '81234567890',
      status: 'published',
      publishAt: new Date('2026-09-15T08:00:00Z'),
    },
  });
});

const OCTOBER = { start: '2026-10-01', end: '2026-10-31' };

/** A Plausible pages export over the demo's blog pieces, with one page that is no piece. */
const plausible = () =>
  [
    'name,visitors,pageviews,bounce_rate,time_on_page',
    `/blog/${blog[0]!.slug}/,900,1100,48,142`,
    `/blog/${blog[1]!.slug}?ref=newsletter,300,420,52,171`,
    '/impressum,88,91,80,12',
  ].join('\n');

const count = () => prisma.metricObservation.count();

describe('results import', () => {
  it('previews without writing: rows, matched, unmatched, problems', async () => {
    const before = await count();
    const outcome = await previewResultsImport({
      fileName: 'pages.csv',
      text: plausible(),
      period: OCTOBER,
    });
    expect(outcome).toMatchObject({
      ok: true,
      preview: {
        preset: 'plausible',
        rows: 3,
        matched: 2,
        unmatched: [{ row: 3, label: '/impressum' }],
        problems: [],
        observations: 4,
      },
    });
    if (!outcome.ok) return;
    expect(outcome.preview.tied.map((t) => t.pieceId)).toEqual([blog[0]!.id, blog[1]!.id]);
    expect(await count()).toBe(before);
    expect(await previewResultsImport({ fileName: 'x.csv', text: 'a,b\n1,2\n' })).toMatchObject({
      ok: false,
      problem: 'file',
      file: { code: 'unknownFormat' },
    });
  });

  it('commits all tied rows under one import, audited, and undoes it as a whole', async () => {
    const before = await count();
    const outcome = await commitResultsImport({
      actor: editor,
      request: { fileName: 'pages.csv', text: plausible(), period: OCTOBER },
    });
    if (!outcome.ok) throw new Error(outcome.problem);
    const written = await prisma.metricObservation.findMany({
      where: { importId: outcome.id },
      orderBy: [{ pieceId: 'asc' }, { metric: 'asc' }],
    });
    expect(written).toHaveLength(4);
    expect(await count()).toBe(before + 4);
    expect(written.every((o) => o.source === 'import' && o.subject === 'piece')).toBe(true);
    const first = await listPieceResults({ viewer: editor, pieceId: blog[0]!.id });
    expect(first?.map((o) => [o.metric, o.value, o.periodStart, o.periodEnd])).toEqual([
      ['page_views', 1100, '2026-10-01', '2026-10-31'],
      ['visitors', 900, '2026-10-01', '2026-10-31'],
    ]);
    const commitAudit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'resultImport.commit', entityId: outcome.id },
    });
    expect(commitAudit.actorId).toBe(editor.id);
    expect(JSON.parse(commitAudit.after!)).toMatchObject({ rows: 3, matched: 2, unmatched: 1 });

    const [listed] = await listResultImports();
    expect(listed).toMatchObject({
      id: outcome.id,
      importedBy: (await prisma.user.findUniqueOrThrow({ where: { id: editor.id } })).name,
      undoneAt: null,
    });

    const undone = await undoResultsImport({ actor: editor, id: outcome.id });
    expect(undone).toEqual({ ok: true, removed: 4 });
    expect(await count()).toBe(before);
    const record = await prisma.resultImport.findUniqueOrThrow({ where: { id: outcome.id } });
    expect(record.undoneById).toBe(editor.id);
    expect(record.undoneAt).toBeInstanceOf(Date);
    expect(
      await prisma.auditEvent.count({
        where: { action: 'resultImport.undo', entityId: outcome.id },
      }),
    ).toBe(1);
    expect(await undoResultsImport({ actor: editor, id: outcome.id })).toEqual({
      ok: false,
      problem: 'alreadyUndone',
    });
    expect(await undoResultsImport({ actor: editor, id: 'nope' })).toEqual({
      ok: false,
      problem: 'notFound',
    });
  });

  it('writes nothing when any row has a problem', async () => {
    const before = await count();
    const imports = await prisma.resultImport.count();
    const text = [
      'date,url,metric,value',
      `2026-10-01,https://klarblick.example/blog/${blog[0]!.slug},visitors,42`,
      `2026-10-02,https://klarblick.example/blog/${blog[0]!.slug},visitors,not-a-number`,
    ].join('\n');
    const outcome = await commitResultsImport({
      actor: editor,
      request: { fileName: 'g.csv', text },
    });
    expect(outcome).toMatchObject({
      ok: false,
      problem: 'hasProblems',
      preview: { rows: 2, matched: 2, problems: [{ row: 2, column: 'value', code: 'notANumber' }] },
    });
    expect(await count()).toBe(before);
    expect(await prisma.resultImport.count()).toBe(imports);
    // a file whose rows fit no piece is no import either
    expect(
      await commitResultsImport({
        actor: editor,
        request: {
          fileName: 'g.csv',
          text: 'date,url,metric,value\n2026-10-01,https://else.example/x,visitors,1\n',
        },
      }),
    ).toMatchObject({ ok: false, problem: 'nothingMatched' });
    expect(await prisma.resultImport.count()).toBe(imports);
  });

  it('ties a Zoom report by its webinar id', async () => {
    const text = [
      'Attendee Report',
      'Report Generated:,"Oct 16, 2026 09:12 AM"',
      'Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,# Cancelled Registrations,Unique Viewers,Total Users,Max Concurrent Views',
      'Zahlungsarten,812 3456 7890,"Oct 15, 2026 10:00 AM",58,212,9,131,149,118',
      '',
      'Host Details',
    ].join('\n');
    const outcome = await commitResultsImport({
      actor: editor,
      request: { fileName: 'zoom.csv', text },
    });
    if (!outcome.ok) throw new Error(outcome.problem);
    expect(
      (await listPieceResults({ viewer: management, pieceId: webinarId }))?.map((o) => [
        o.metric,
        o.value,
      ]),
    ).toEqual([
      ['webinar_attendees', 131],
      ['webinar_registrations', 212],
    ]);
    await undoResultsImport({ actor: editor, id: outcome.id });
    expect((await findPiecesByPlatformId('812-3456-7890')).map((p) => p.id)).toEqual([webinarId]);
    expect(await findPiecesByPlatformId('999')).toEqual([]);
  });

  it('reads files with a saved mapping', async () => {
    const saved = await saveResultMapping({
      actor: editor,
      input: {
        name: 'Plausible auf Deutsch',
        preset: 'plausible',
        mapping: { columns: { path: 'Seite' }, values: { Aufrufe: 'page_views' } },
      },
    });
    if (!saved.ok) throw new Error(saved.problem);
    const text = `Seite;Besucher;Aufrufe\n/blog/${blog[2]!.slug};10;12\n`;
    expect(
      await previewResultsImport({
        fileName: 'de.csv',
        text,
        period: OCTOBER,
        mappingId: saved.id,
      }),
    ).toMatchObject({ ok: true, preview: { preset: 'plausible', matched: 1, observations: 1 } });
    expect(
      await saveResultMapping({
        actor: editor,
        input: { name: 'Plausible auf Deutsch', preset: 'plausible', mapping: {} },
      }),
    ).toEqual({ ok: false, problem: 'nameTaken' });
    expect(
      await saveResultMapping({
        actor: editor,
        input: { name: 'Broken', preset: 'plausible', mapping: { values: { x: 'likes' } } },
      }),
    ).toMatchObject({ ok: false, problem: 'invalid', errors: { valueMetric1: expect.anything() } });
    expect(await prisma.auditEvent.count({ where: { action: 'resultMapping.save' } })).toBe(1);
  });
});

describe('who may enter, import and read results', () => {
  const request = () => ({ fileName: 'pages.csv', text: plausible(), period: OCTOBER });

  it('refuses management, experts and administrators, and lets the strategy owner import', async () => {
    for (const who of [management, expert, admin])
      expect(await commitResultsImport({ actor: who, request: request() })).toEqual({
        ok: false,
        problem: 'notAllowed',
      });
    await prisma.strategy.upsert({
      where: { id: 1 },
      create: { id: 1, ownerId: management.id },
      update: { ownerId: management.id },
    });
    const asOwner = await commitResultsImport({ actor: management, request: request() });
    expect(asOwner.ok).toBe(true);
    if (asOwner.ok)
      expect((await undoResultsImport({ actor: management, id: asOwner.id })).ok).toBe(true);
    await prisma.strategy.update({ where: { id: 1 }, data: { ownerId: editor.id } });
    expect((await commitResultsImport({ actor: management, request: request() })).ok).toBe(false);
  });

  it('re-checks the actor inside the write: a deactivated editor may not', async () => {
    const user = await prisma.user.create({
      data: {
        email: 'former.editor@example.org',
        name: 'Former Editor',
        passwordHash: 'x',
        active: false,
        roles: { create: { role: 'editor' } },
      },
    });
    expect(
      await enterObservation({
        actor: { id: user.id, roles: ['editor'] },
        input: {
          subject: 'workspace',
          metric: 'nps',
          value: 40,
          periodStart: '2026-07-01',
          periodEnd: '2026-09-30',
        },
      }),
    ).toEqual({ ok: false, problem: 'notAllowed' });
  });

  it('shows experts the results of the pieces they contribute to, and only those', async () => {
    const mine = await prisma.contentPieceExpert.findFirstOrThrow({ where: { userId: expert.id } });
    const other = await prisma.contentPiece.findFirstOrThrow({
      where: { experts: { none: { userId: expert.id } } },
    });
    // published before the period (results of days before a publication are refused)
    await prisma.contentPiece.update({
      where: { id: mine.pieceId },
      data: { publishAt: new Date('2026-09-01T08:00:00Z') },
    });
    const entered = await enterObservation({
      actor: editor,
      input: {
        subject: 'piece',
        pieceId: mine.pieceId,
        metric: 'page_views',
        value: 1240,
        periodStart: '2026-10-01',
        periodEnd: '2026-10-31',
      },
    });
    expect(entered.ok).toBe(true);
    expect(
      (await listPieceResults({ viewer: expert, pieceId: mine.pieceId }))?.map((o) => o.value),
    ).toEqual([1240]);
    expect(await listPieceResults({ viewer: expert, pieceId: other.id })).toBeNull();
    expect(await listPieceResults({ viewer: admin, pieceId: mine.pieceId })).toBeNull();
    expect(
      await enterObservation({
        actor: expert,
        input: {
          subject: 'piece',
          pieceId: mine.pieceId,
          metric: 'page_views',
          value: 1,
          periodStart: '2026-10-01',
          periodEnd: '2026-10-31',
        },
      }),
    ).toEqual({ ok: false, problem: 'notAllowed' });
  });
});

describe('results entered by hand', () => {
  it('checks the entry, writes one subject, audits it, and removes it again', async () => {
    expect(
      await enterObservation({
        actor: editor,
        input: {
          subject: 'channel',
          metric: 'likes',
          value: -1,
          periodStart: '2026-10-31',
          periodEnd: '2026-10-01',
        },
      }),
    ).toEqual({
      ok: false,
      problem: 'invalid',
      errors: [
        { field: 'channel', code: 'channel' },
        { field: 'metric', code: 'unknownMetric' },
        { field: 'value', code: 'negative' },
        { field: 'periodEnd', code: 'badPeriod' },
      ],
    });
    expect(
      await enterObservation({
        actor: editor,
        input: {
          subject: 'audience',
          audienceId: 'gone',
          metric: 'mentions',
          value: 3,
          periodStart: '2026-10-01',
          periodEnd: '2026-10-31',
        },
      }),
    ).toEqual({ ok: false, problem: 'audienceGone' });
    const nps = await enterObservation({
      actor: editor,
      input: {
        subject: 'workspace',
        pieceId: blog[0]!.id, // ignored: the subject decides which column is set
        metric: 'nps',
        value: -12,
        periodStart: '2026-07-01',
        periodEnd: '2026-09-30',
        note: 'Survey Q3',
      },
    });
    if (!nps.ok) throw new Error(nps.problem);
    expect(
      await prisma.metricObservation.findUniqueOrThrow({ where: { id: nps.id } }),
    ).toMatchObject({
      subject: 'workspace',
      pieceId: null,
      channel: null,
      audienceId: null,
      value: -12,
      source: 'manual',
      enteredById: editor.id,
    });
    expect(
      await prisma.auditEvent.count({ where: { action: 'observation.enter', entityId: nps.id } }),
    ).toBe(1);
    expect(await deleteObservation({ actor: editor, id: nps.id })).toEqual({ ok: true });
    expect(
      await prisma.auditEvent.count({ where: { action: 'observation.delete', entityId: nps.id } }),
    ).toBe(1);
  });

  it('writes every imported observation about exactly one piece', async () => {
    const outcome = await commitResultsImport({
      actor: editor,
      request: { fileName: 'pages.csv', text: plausible(), period: OCTOBER },
    });
    if (!outcome.ok) throw new Error(outcome.problem);
    const written = await prisma.metricObservation.findMany({ where: { importId: outcome.id } });
    expect(written.length).toBeGreaterThan(0);
    for (const o of written)
      expect([o.subject, o.channel, o.audienceId, o.source, Boolean(o.pieceId)]).toEqual([
        'piece',
        null,
        null,
        'import',
        true,
      ]);
    await undoResultsImport({ actor: editor, id: outcome.id });
  });

  it("computes a KPI's actual value from the observations in its scope", async () => {
    const goal = await prisma.goal.create({
      data: {
        title: 'Blog reach',
        category: 'brand_awareness',
        status: 'agreed',
        periodStart: '2026-07-01',
        periodEnd: '2026-12-31',
        weight: 10,
        proposedById: editor.id,
      },
    });
    // only this test's import counts: the demo's own blog results are left out
    await prisma.metricObservation.deleteMany({
      where: { metric: 'visitors', piece: { status: 'published' } },
    });
    const kpi = await prisma.kpi.create({
      data: {
        goalId: goal.id,
        metric: 'visitors',
        unit: 'count',
        direction: 'more',
        baseline: 0,
        target: 1000,
        targetDate: '2026-12-31',
        scope: 'channel',
        channel: 'blog',
      },
    });
    const outcome = await commitResultsImport({
      actor: editor,
      request: { fileName: 'pages.csv', text: plausible(), period: OCTOBER },
    });
    expect(outcome.ok).toBe(true);
    const results = await getKpiResults({ viewer: management, kpiId: kpi.id, today: '2026-11-01' });
    expect(results).toMatchObject({
      actual: 1200,
      basis: 'pieces',
      contributors: [
        { pieceId: blog[0]!.id, value: 900 },
        { pieceId: blog[1]!.id, value: 300 },
      ],
      progress: { reached: true, status: 'reached' },
    });
    expect(await getKpiResults({ viewer: expert, kpiId: kpi.id })).toBeNull();
  });
});
