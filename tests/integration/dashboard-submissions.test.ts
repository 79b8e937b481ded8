import type { LoaderFunctionArgs } from '@remix-run/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '~/models/user.server';
import { loader as dashboardLoader } from '~/routes/_index';
import { loader as inventoryLoader } from '~/routes/knowledge._index';
import { prisma } from '~/utils/db.server';
import { createSession } from '~/utils/session.server';
import { ensureReferenceData } from '../../seeds/reference';

/**
 * "Submissions to review" on an editor's dashboard lists the oldest few, says how many wait in
 * all, and links to the whole list: the inventory filtered to submitted items, oldest first.
 */

const ORIGIN = 'http://lotse.test';
const SUBMITTED = 23;
let editorCookie = '';

const args = (url: string) =>
  ({
    request: new Request(`${ORIGIN}${url}`, { headers: { Cookie: editorCookie } }),
    params: {},
    context: {},
  }) as LoaderFunctionArgs;

beforeAll(async () => {
  await ensureReferenceData(prisma);
  const editor = await createUser({
    email: 'editor@submissions.test',
    name: 'Edda Editor',
    password: 'a-long-password-1',
    roles: ['editor'],
  });
  const expert = await createUser({
    email: 'expert@submissions.test',
    name: 'Erik Expert',
    password: 'a-long-password-1',
    roles: ['expert'],
  });
  editorCookie = (await createSession(editor.id, new Request(ORIGIN))).split(';')[0]!;
  const start = Date.parse('2026-01-05T09:00:00Z');
  const item = (title: string, status: string, day: number) => ({
    title,
    summary: 'A summary',
    kind: 'expertise',
    language: 'en',
    department: 'R&D',
    ownerId: expert.id,
    status,
    submittedAt: status === 'draft' ? null : new Date(start + day * 86_400_000),
    updatedAt: new Date(start + day * 86_400_000),
  });
  for (let i = 0; i < SUBMITTED; i++)
    await prisma.knowledgeItem.create({
      data: item(`Submission ${String(i + 1).padStart(2, '0')}`, 'submitted', i),
    });
  await prisma.knowledgeItem.create({ data: item('A draft', 'draft', 1) });
  await prisma.knowledgeItem.create({ data: item('Accepted already', 'accepted', 2) });
});

describe('submissions to review on the dashboard', () => {
  it('lists the 20 oldest and counts all that wait', async () => {
    const data = (await ((await dashboardLoader(args('/'))) as Response).json()) as {
      editor: { toReview: { title: string }[]; toReviewTotal: number };
    };
    expect(data.editor.toReviewTotal).toBe(SUBMITTED);
    expect(data.editor.toReview).toHaveLength(20);
    expect(data.editor.toReview[0]?.title).toBe('Submission 01');
    expect(data.editor.toReview.at(-1)?.title).toBe('Submission 20');
  });

  it('links to the inventory filtered to all of them, oldest first', async () => {
    const data = (await (
      (await inventoryLoader(args('/knowledge?status=submitted&sort=updated&dir=asc'))) as Response
    ).json()) as { total: number; rows: { title: string; status: string }[] };
    expect(data.total).toBe(SUBMITTED);
    expect(data.rows[0]?.title).toBe('Submission 01');
    expect(new Set(data.rows.map((r) => r.status))).toEqual(new Set(['submitted']));
  });
});
