// Creating and editing a knowledge item is audited, in the same transaction as the write: the
// entry says what the item held before and after, and a write that fails leaves no entry.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createKnowledgeItem,
  updateKnowledgeItem,
  type KnowledgeInput,
} from '~/models/knowledge.server';
import { createUser } from '~/models/user.server';
import { prisma } from '~/utils/db.server';

type Viewer = { id: string; roles: ('expert' | 'editor')[] };
let expert: Viewer;

const input = (over: Partial<KnowledgeInput> = {}): KnowledgeInput => ({
  title: 'Kontaktlinsen richtig reinigen',
  summary: 'Was Kundinnen bei der Pflege falsch machen.',
  details: 'Drei Fehler, die wir in der Beratung täglich sehen.',
  kind: 'expertise',
  language: 'de',
  department: 'Optometrie',
  tags: ['Pflege', 'linsen'],
  links: [],
  ...over,
});

const entriesAbout = (id: string) =>
  prisma.auditEvent.findMany({
    where: { entityType: 'knowledge_item', entityId: id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { actorId: true, action: true, before: true, after: true },
  });

beforeAll(async () => {
  const user = await createUser({
    email: 'knowledge-audit@example.com',
    name: 'Kai Knowledge',
    password: 'correct horse battery',
    roles: ['expert'],
    actorId: null,
  });
  expert = { id: user.id, roles: ['expert'] };
});

describe('auditing knowledge items', () => {
  it('records the creation of a draft and of a submitted item', async () => {
    const draft = await createKnowledgeItem({ owner: expert, input: input(), submit: false });
    const [created, ...rest] = await entriesAbout(draft.id);
    expect(rest).toEqual([]);
    expect(created).toMatchObject({ actorId: expert.id, action: 'knowledge.create', before: null });
    expect(JSON.parse(created!.after!)).toEqual({
      title: 'Kontaktlinsen richtig reinigen',
      summary: 'Was Kundinnen bei der Pflege falsch machen.',
      details: 'Drei Fehler, die wir in der Beratung täglich sehen.',
      kind: 'expertise',
      language: 'de',
      department: 'Optometrie',
      tags: ['linsen', 'pflege'],
      status: 'draft',
    });

    const submitted = await createKnowledgeItem({
      owner: expert,
      input: input({ title: 'Gleich eingereicht' }),
      submit: true,
    });
    const entries = await entriesAbout(submitted.id);
    expect(entries.map((e) => e.action)).toEqual(['knowledge.create']);
    expect(JSON.parse(entries[0]!.after!)).toMatchObject({
      title: 'Gleich eingereicht',
      status: 'submitted',
    });
  });

  it('records an edit with the item before and after it', async () => {
    const item = await createKnowledgeItem({ owner: expert, input: input(), submit: false });
    const saved = await updateKnowledgeItem({
      id: item.id,
      actor: expert,
      input: input({ title: 'Kontaktlinsen pflegen', tags: ['linsen', 'hygiene'] }),
      expectedVersion: 1,
      submit: true,
    });
    expect(saved).toEqual({ ok: true, status: 'submitted' });
    const entries = await entriesAbout(item.id);
    expect(entries.map((e) => e.action)).toEqual(['knowledge.create', 'knowledge.update']);
    const edit = entries[1]!;
    expect(edit.actorId).toBe(expert.id);
    expect(JSON.parse(edit.before!)).toMatchObject({
      title: 'Kontaktlinsen richtig reinigen',
      tags: ['linsen', 'pflege'],
      status: 'draft',
    });
    expect(JSON.parse(edit.after!)).toMatchObject({
      title: 'Kontaktlinsen pflegen',
      tags: ['hygiene', 'linsen'],
      status: 'submitted',
    });
  });

  it('records nothing for an edit that is refused or a creation that fails', async () => {
    const item = await createKnowledgeItem({ owner: expert, input: input(), submit: false });
    // a stale version: the edit is refused as a whole
    const stale = await updateKnowledgeItem({
      id: item.id,
      actor: expert,
      input: input({ title: 'Zu spät' }),
      expectedVersion: 7,
      submit: false,
    });
    expect(stale).toEqual({ ok: false, problem: 'conflict' });
    expect((await entriesAbout(item.id)).map((e) => e.action)).toEqual(['knowledge.create']);

    // an owner that does not exist: the creation fails, and leaves neither item nor entry
    const before = await prisma.auditEvent.count({ where: { action: 'knowledge.create' } });
    await expect(
      createKnowledgeItem({
        owner: { id: 'no-such-user', roles: ['expert'] },
        input: input({ title: 'Ohne Besitzer' }),
        submit: false,
      }),
    ).rejects.toThrow();
    expect(await prisma.auditEvent.count({ where: { action: 'knowledge.create' } })).toBe(before);
    expect(await prisma.knowledgeItem.count({ where: { title: 'Ohne Besitzer' } })).toBe(0);
  });
});
