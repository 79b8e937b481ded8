// Saved column mappings on the results import page: an editor saves how an export's columns are
// read under a name, chooses it for the next import, and deletes it. Names are unique (without
// regard to case), who may not import may not save or delete, every change is audited, and a
// refused write changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { previewResultsImport } from '~/models/results-import.server';
import {
  deleteResultMapping,
  listSavedMappings,
  saveResultMapping,
} from '~/models/results-mapping.server';
import { prisma } from '~/utils/db.server';
import { call, setUpDemoWorkspace, userId } from './route-harness';

const ROUTE = 'routes/results.import';
const SLUG = 'die-fuenf-haeufigsten-pflegefehler-und-wie-sie-sie-vermeiden';
const OCTOBER = { start: '2026-10-01', end: '2026-10-31' };

/** A Plausible pages export with German headers, as one of its users' spreadsheets has it. */
const GERMAN_EXPORT = `Seite;Besucher;Aufrufe\n/blog/${SLUG};10;12\n/impressum;3;4\n`;

const GERMAN_FORM = {
  intent: 'saveMapping',
  name: 'Plausible auf Deutsch',
  preset: 'plausible',
  path: 'Seite',
  valueColumn1: 'Aufrufe',
  valueMetric1: 'page_views',
  valueColumn2: 'Besucher',
  valueMetric2: 'visitors',
};

const audits = (action: string) => prisma.auditEvent.count({ where: { action } });
const state = async () => ({
  mappings: await prisma.resultMapping.count(),
  saved: await audits('resultMapping.save'),
  deleted: await audits('resultMapping.delete'),
});

beforeAll(async () => {
  await setUpDemoWorkspace();
  await prisma.resultMapping.deleteMany();
  // only published pieces take results, from their publication day on
  await prisma.contentPiece.updateMany({
    where: { slug: SLUG },
    data: { status: 'published', publishAt: new Date('2026-09-15T08:00:00Z') },
  });
}, 60_000);

describe('saving a column mapping', () => {
  let id = '';

  it('saves the mapping under its name, audited, and chooses it for the next import', async () => {
    const answer = await call(ROUTE, 'POST', 'editor', { form: GERMAN_FORM });
    expect(answer.status).toBe(302);
    const location = new URL(answer.location!, 'http://lotse.test');
    expect(location.pathname).toBe('/results/import');
    id = location.searchParams.get('mapping')!;
    const stored = await prisma.resultMapping.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      name: 'Plausible auf Deutsch',
      preset: 'plausible',
      createdById: userId('editor'),
    });
    expect(JSON.parse(stored.mapping)).toEqual({
      columns: { path: 'Seite' },
      values: { Aufrufe: 'page_views', Besucher: 'visitors' },
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'resultMapping.save', entityId: id },
    });
    expect(audit.actorId).toBe(userId('editor'));
    expect(JSON.parse(audit.after!)).toMatchObject({ name: 'Plausible auf Deutsch' });

    // the page lists it with what it maps
    const page = await call(ROUTE, 'GET', 'editor');
    expect((page.body as { mappings: unknown[] }).mappings).toEqual([
      {
        id,
        name: 'Plausible auf Deutsch',
        preset: 'plausible',
        mapping: {
          columns: { path: 'Seite' },
          values: { Aufrufe: 'page_views', Besucher: 'visitors' },
        },
        version: 1,
      },
    ]);
  });

  it('reads an export the preset alone cannot read when the mapping is chosen', async () => {
    const request = { fileName: 'seiten.csv', text: GERMAN_EXPORT, period: OCTOBER };
    expect(await previewResultsImport(request)).toMatchObject({ ok: false, problem: 'file' });
    expect(await previewResultsImport({ ...request, mappingId: id })).toMatchObject({
      ok: true,
      preview: {
        preset: 'plausible',
        rows: 2,
        matched: 1,
        unmatched: [{ row: 2, label: '/impressum' }],
        observations: 2,
      },
    });
  });

  it('refuses a name already taken, also in other case, at the name field, writing nothing', async () => {
    const before = await state();
    for (const name of ['Plausible auf Deutsch', '  plausible AUF deutsch ']) {
      expect(await call(ROUTE, 'POST', 'editor', { form: { ...GERMAN_FORM, name } })).toMatchObject(
        {
          status: 409,
          body: {
            ok: false,
            intent: 'saveMapping',
            problem: null,
            errors: { name: { key: 'results.problems.nameTaken' } },
            values: { name },
          },
        },
      );
    }
    expect(await state()).toEqual(before);
  });

  it('asks for a name, and a metric for each result column, with messages at the fields', async () => {
    const before = await state();
    expect(
      await call(ROUTE, 'POST', 'editor', { form: { ...GERMAN_FORM, name: '   ' } }),
    ).toMatchObject({ status: 400, body: { errors: { name: { key: 'validation.required' } } } });
    expect(
      await call(ROUTE, 'POST', 'editor', {
        form: { ...GERMAN_FORM, name: 'Halb', valueMetric2: '' },
      }),
    ).toMatchObject({
      status: 400,
      body: { errors: { valueMetric2: { key: 'validation.choose' } } },
    });
    expect(
      await call(ROUTE, 'POST', 'editor', {
        form: { ...GERMAN_FORM, name: 'Unbekannt', valueMetric1: 'likes' },
      }),
    ).toMatchObject({
      status: 400,
      body: { errors: { valueMetric1: { key: 'results.problems.unknownMetric' } } },
    });
    expect(
      await call(ROUTE, 'POST', 'editor', {
        form: { ...GERMAN_FORM, name: 'Lang', path: 'x'.repeat(121) },
      }),
    ).toMatchObject({ status: 400, body: { errors: { path: { key: 'validation.tooLong' } } } });
    // the model checks the same without the form
    const editor = { id: userId('editor'), roles: ['editor'] };
    expect(
      await saveResultMapping({
        actor: editor,
        input: { name: 'Kaputt', preset: 'plausible', mapping: { values: { Aufrufe: 'likes' } } },
      }),
    ).toEqual({
      ok: false,
      problem: 'invalid',
      errors: { valueMetric1: { key: 'results.problems.unknownMetric' } },
    });
    expect(await state()).toEqual(before);
  });

  it('is refused to those who may not import, on the page and in the model', async () => {
    const before = await state();
    for (const who of ['expert', 'management', 'admin'] as const) {
      const answer = await call(ROUTE, 'POST', who, { form: { ...GERMAN_FORM, name: who } });
      expect(answer.status, who).toBe(403);
      const mapping = await prisma.resultMapping.findFirstOrThrow();
      expect(
        (
          await call(ROUTE, 'POST', who, {
            form: { intent: 'deleteMapping', id: mapping.id, expectedVersion: '1' },
          })
        ).status,
        who,
      ).toBe(403);
    }
    const expert = { id: userId('expert'), roles: ['expert'] };
    expect(
      await saveResultMapping({
        actor: expert,
        input: { name: 'Expertin', preset: 'generic', mapping: {} },
      }),
    ).toEqual({ ok: false, problem: 'notAllowed' });
    expect(await deleteResultMapping({ actor: expert, id, expectedVersion: 1 })).toEqual({
      ok: false,
      problem: 'notAllowed',
    });
    expect(await state()).toEqual(before);
  });
});

describe('deleting a column mapping', () => {
  it('refuses a stale version, then deletes the mapping, audited', async () => {
    const editor = { id: userId('editor'), roles: ['editor'] };
    const saved = await saveResultMapping({
      actor: editor,
      input: {
        name: 'Matomo, deutsch',
        preset: 'matomo',
        mapping: { columns: { url: 'Adresse' } },
      },
    });
    if (!saved.ok) throw new Error(saved.problem);
    const before = await state();
    expect(
      await call(ROUTE, 'POST', 'editor', {
        form: { intent: 'deleteMapping', id: saved.id, expectedVersion: '2' },
      }),
    ).toMatchObject({ status: 409, body: { intent: 'deleteMapping', problem: 'conflict' } });
    expect(await state()).toEqual(before);

    const answer = await call(ROUTE, 'POST', 'editor', {
      form: { intent: 'deleteMapping', id: saved.id, expectedVersion: '1' },
    });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(
      `/results/import?mappingDeleted=${encodeURIComponent('Matomo, deutsch')}`,
    );
    expect(await prisma.resultMapping.findUnique({ where: { id: saved.id } })).toBeNull();
    expect((await listSavedMappings()).map((m) => m.name)).toEqual(['Plausible auf Deutsch']);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'resultMapping.delete', entityId: saved.id },
    });
    expect(JSON.parse(audit.before!)).toMatchObject({ name: 'Matomo, deutsch', preset: 'matomo' });

    // gone: a second delete says so instead of failing
    expect(
      await call(ROUTE, 'POST', 'editor', {
        form: { intent: 'deleteMapping', id: saved.id, expectedVersion: '1' },
      }),
    ).toMatchObject({ status: 409, body: { problem: 'notFound' } });
    // and an import naming it is refused with its own message
    expect(
      await previewResultsImport({
        fileName: 'x.csv',
        text: GERMAN_EXPORT,
        period: OCTOBER,
        mappingId: saved.id,
      }),
    ).toEqual({ ok: false, problem: 'mappingGone' });
  });
});
