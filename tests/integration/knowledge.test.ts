import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUERY } from '~/domain/knowledge/inventory-query';
import { commitImport, previewImport } from '~/models/knowledge-import.server';
import {
  bulkKnowledgeAction,
  createKnowledgeItem,
  getKnowledgeItem,
  queryInventory,
  transitionKnowledgeItem,
  updateKnowledgeItem,
  type KnowledgeInput,
} from '~/models/knowledge.server';
import { createUser } from '~/models/user.server';
import { prisma } from '~/utils/db.server';

type Viewer = { id: string; roles: string[] };
let anna: Viewer;
let ben: Viewer;
let editor: Viewer;

const input = (over: Partial<KnowledgeInput> = {}): KnowledgeInput => ({
  title: 'Pflege von Kontaktlinsen',
  summary: 'Wie man Linsen richtig reinigt.',
  details: '',
  kind: 'expertise',
  language: 'de',
  department: 'Optometrie',
  tags: ['Pflege', 'hygiene'],
  links: [],
  ...over,
});

beforeAll(async () => {
  const mk = async (email: string, name: string, roles: ('expert' | 'editor')[]) => {
    const u = await createUser({ email, name, password: 'password-123', roles });
    return { id: u.id, roles };
  };
  anna = await mk('anna@example.com', 'Anna Expert', ['expert']);
  ben = await mk('ben@example.com', 'Ben Expert', ['expert']);
  editor = await mk('eddie@example.com', 'Eddie Editor', ['editor']);
  await prisma.expertProfile.create({ data: { userId: anna.id, department: 'Optometrie' } });
});

describe('the review workflow', () => {
  it('takes a topic from draft to accepted with a recorded history', async () => {
    const { id } = await createKnowledgeItem({ owner: anna, input: input(), submit: false });
    // a draft is the owner's alone
    expect(await getKnowledgeItem({ id, viewer: ben })).toBeNull();
    expect(await getKnowledgeItem({ id, viewer: editor })).toBeNull();

    expect(await transitionKnowledgeItem({ id, actor: anna, action: 'submit' })).toEqual({
      ok: true,
      status: 'submitted',
    });
    expect(await getKnowledgeItem({ id, viewer: editor })).not.toBeNull();
    expect(await getKnowledgeItem({ id, viewer: ben })).toBeNull();

    expect(await transitionKnowledgeItem({ id, actor: anna, action: 'accept' })).toEqual({
      ok: false,
      problem: 'notAllowed',
    });
    expect(await transitionKnowledgeItem({ id, actor: editor, action: 'request_changes' })).toEqual(
      {
        ok: false,
        problem: 'commentRequired',
      },
    );
    expect(
      await transitionKnowledgeItem({
        id,
        actor: editor,
        action: 'request_changes',
        comment: 'Quelle?',
      }),
    ).toEqual({
      ok: true,
      status: 'changes_requested',
    });
    const item = await getKnowledgeItem({ id, viewer: anna });
    const revised = await updateKnowledgeItem({
      id,
      actor: anna,
      input: input({ details: 'Quelle: Studie 2025', tags: ['pflege', 'quelle'] }),
      expectedVersion: item!.version,
      submit: true,
    });
    expect(revised).toEqual({ ok: true, status: 'submitted' });
    expect(await transitionKnowledgeItem({ id, actor: editor, action: 'accept' })).toEqual({
      ok: true,
      status: 'accepted',
    });
    // accepted items are visible to every expert, and no longer editable by the owner
    expect(await getKnowledgeItem({ id, viewer: ben })).not.toBeNull();
    const final = await getKnowledgeItem({ id, viewer: anna });
    expect(final?.transitions.map((t) => t.toStatus)).toEqual([
      'draft',
      'submitted',
      'changes_requested',
      'submitted',
      'accepted',
    ]);
    expect(final?.transitions[2]?.comment).toBe('Quelle?');
    expect(final?.tags.map((t) => t.tag.name)).toEqual(['pflege', 'quelle']);
    expect(
      await updateKnowledgeItem({
        id,
        actor: anna,
        input: input(),
        expectedVersion: final!.version,
        submit: false,
      }),
    ).toEqual({ ok: false, problem: 'notEditable' });
  });

  it('detects a concurrent change instead of overwriting it', async () => {
    const { id } = await createKnowledgeItem({
      owner: anna,
      input: input({ title: 'Zwei Fenster' }),
      submit: true,
    });
    const seen = (await getKnowledgeItem({ id, viewer: anna }))!.version;
    expect(
      await transitionKnowledgeItem({
        id,
        actor: editor,
        action: 'request_changes',
        comment: 'Bitte kürzen',
      }),
    ).toMatchObject({ ok: true });
    const stale = await updateKnowledgeItem({
      id,
      actor: anna,
      input: input({ title: 'Überschrieben?' }),
      expectedVersion: seen,
      submit: false,
    });
    expect(stale).toEqual({ ok: false, problem: 'conflict' });
    expect((await getKnowledgeItem({ id, viewer: anna }))?.title).toBe('Zwei Fenster');
    // two reviewers deciding on the same version: the second one is told
    const v = (await getKnowledgeItem({ id, viewer: editor }))!.version;
    await transitionKnowledgeItem({ id, actor: anna, action: 'submit' });
    expect(
      await transitionKnowledgeItem({ id, actor: editor, action: 'accept', expectedVersion: v }),
    ).toEqual({
      ok: false,
      problem: 'conflict',
    });
  });

  it('bulk actions change what they can and skip the rest', async () => {
    const a = await createKnowledgeItem({
      owner: anna,
      input: input({ title: 'Bulk A' }),
      submit: true,
    });
    const b = await createKnowledgeItem({
      owner: anna,
      input: input({ title: 'Bulk B' }),
      submit: false,
    });
    expect(
      await bulkKnowledgeAction({ ids: [a.id, b.id], actor: editor, action: 'accept' }),
    ).toEqual({ changed: 1, skipped: 1 });
    expect(
      await bulkKnowledgeAction({ ids: [a.id], actor: editor, action: 'add_tag', tag: ' Neu ' }),
    ).toEqual({ changed: 1, skipped: 0 });
    expect(
      (await getKnowledgeItem({ id: a.id, viewer: editor }))?.tags.map((t) => t.tag.name),
    ).toContain('neu');
  });
});

describe('the inventory query', () => {
  it('filters, sorts and pages on the server within what the viewer may see', async () => {
    const all = await queryInventory({ viewer: editor, query: { ...DEFAULT_QUERY, size: 100 } });
    expect(all.rows.some((r) => r.title === 'Bulk B')).toBe(false); // someone else's draft
    const mine = await queryInventory({
      viewer: anna,
      query: { ...DEFAULT_QUERY, q: 'Bulk', sort: 'title', dir: 'asc' },
    });
    expect(mine.rows.map((r) => r.title)).toEqual(['Bulk A', 'Bulk B']);
    const tagged = await queryInventory({
      viewer: editor,
      query: { ...DEFAULT_QUERY, tag: 'neu' },
    });
    expect(tagged.rows.map((r) => r.title)).toEqual(['Bulk A']);
    const paged = await queryInventory({
      viewer: anna,
      query: { ...DEFAULT_QUERY, size: 10, page: 99 },
    });
    expect(paged.page).toBe(paged.pages);
  });
});

describe('import', () => {
  const file = (rows: unknown) => JSON.stringify(rows);
  it('previews per-row problems and writes nothing when any row is bad', async () => {
    const before = await prisma.knowledgeItem.count();
    const content = file([
      { id: 'x1', title: 'Gut', description: 'ok', tags: ['a'], expert: 'anna@example.com' },
      { id: 'x2', title: '', description: 'kein Titel', tags: 'a,b', expert: 'Nobody' },
      { id: 'x1', title: 'Doppelt', description: '', tags: [] },
    ]);
    const preview = await previewImport({ name: 'f.json', content, importer: editor });
    expect(preview.rows.map((r) => r.errors.map((e) => e.key))).toEqual([
      [],
      ['import.required', 'import.tagsList'],
      ['import.duplicateId'],
    ]);
    const result = await commitImport({ name: 'f.json', content, importer: editor });
    expect(result.ok).toBe(false);
    expect(await prisma.knowledgeItem.count()).toBe(before);
  });

  it('refuses broken files with one clear error', async () => {
    for (const [content, key] of [
      ['{"not": "an array"}', 'import.notAnArray'],
      ['[{"id": 1,', 'import.invalidJson'],
      ['name;other\nx;y', 'import.csvHeader'],
    ] as const) {
      const preview = await previewImport({ name: 'f', content, importer: editor });
      expect(preview.fileError?.key).toBe(key);
    }
  });

  it('creates, and on re-import updates, all rows at once; CSV too', async () => {
    const content = file([
      {
        id: 'y1',
        title: 'Importiert',
        description: 'Eine Analyse der Pflege',
        tags: ['import'],
        expert: 'Anna Expert',
      },
      {
        id: 'y2',
        title: 'Imported',
        description: 'An analysis of lens care',
        tags: [],
        kind: 'study',
      },
    ]);
    expect(await commitImport({ name: 'f.json', content, importer: editor })).toEqual({
      ok: true,
      created: 2,
      updated: 0,
    });
    const y1 = await prisma.knowledgeItem.findUniqueOrThrow({ where: { externalId: 'y1' } });
    expect(y1).toMatchObject({
      ownerId: anna.id,
      department: 'Optometrie',
      language: 'de',
      status: 'accepted',
      kind: 'expertise',
    });
    const csv = 'id,title,description,tags\ny1,Importiert (neu),Eine Analyse,import; neu\n';
    expect(await commitImport({ name: 'f.csv', content: csv, importer: editor })).toEqual({
      ok: true,
      created: 0,
      updated: 1,
    });
    const updated = await getKnowledgeItem({ id: y1.id, viewer: editor });
    expect(updated?.title).toBe('Importiert (neu)');
    expect(updated?.tags.map((t) => t.tag.name)).toEqual(['import', 'neu']);
  });
});
