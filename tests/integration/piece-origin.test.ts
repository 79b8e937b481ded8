import { beforeAll, describe, expect, it } from 'vitest';
import { pieceOrigin } from '~/models/piece-origin.server';
import { createUser } from '~/models/user.server';
import { prisma } from '~/utils/db.server';
import { ensureReferenceData } from '../../seeds/reference';

type Viewer = { id: string; roles: string[] };
let editor: Viewer;
let management: Viewer;
let author: Viewer;
let drafter: Viewer;
let fromMatch: string;
let byHand: string;
let accepted: string;
let draft: string;
let needId: string;

beforeAll(async () => {
  await ensureReferenceData(prisma);
  const mk = async (email: string, roles: ('expert' | 'editor' | 'management')[]) => ({
    id: (await createUser({ email, name: email, password: 'password-123', roles })).id,
    roles,
  });
  editor = await mk('origin-ed@example.com', ['editor']);
  management = await mk('origin-mg@example.com', ['management']);
  author = await mk('origin-author@example.com', ['expert']);
  drafter = await mk('origin-drafter@example.com', ['expert']);
  await prisma.expertProfile.create({ data: { userId: author.id, department: 'Optometry' } });
  const audience = await prisma.audience.create({ data: { name: 'Origin wearers' } });
  const need = await prisma.need.create({
    data: { audienceId: audience.id, text: 'How long may I wear lenses?', language: 'en' },
  });
  needId = need.id;
  const item = (ownerId: string, status: string, title: string) =>
    prisma.knowledgeItem.create({
      data: {
        title,
        summary: 'Summary',
        kind: 'expertise',
        language: 'en',
        department: 'Optometry',
        ownerId,
        status,
      },
    });
  accepted = (await item(author.id, 'accepted', 'Wearing times')).id;
  draft = (await item(drafter.id, 'draft', 'Unfinished study')).id;
  const match = await prisma.match.create({
    data: { knowledgeItemId: accepted, needId, score: 0.8, decision: 'accepted' },
  });
  fromMatch = (
    await prisma.contentPiece.create({
      data: {
        channel: 'blog',
        title: 'Wearing times explained',
        originMatchId: match.id,
        needs: { create: [{ needId }] },
        knowledge: { create: [{ knowledgeItemId: accepted }, { knowledgeItemId: draft }] },
        experts: { create: [{ userId: author.id }] },
      },
    })
  ).id;
  byHand = (
    await prisma.contentPiece.create({
      data: {
        channel: 'blog',
        title: 'Planned by hand',
        experts: { create: [{ userId: author.id }] },
      },
    })
  ).id;
});

describe('where a piece came from', () => {
  it('shows planners the match, the need with its audience, the items and their experts', async () => {
    const origin = await pieceOrigin({ pieceId: fromMatch, viewer: editor });
    expect(origin?.fromMatch).toBe(true);
    expect(origin?.byHand).toBe(false);
    expect(origin?.needs).toEqual([
      expect.objectContaining({
        id: needId,
        text: 'How long may I wear lenses?',
        audience: expect.objectContaining({ name: 'Origin wearers' }),
      }),
    ]);
    // someone else's draft stays hidden, also from an editor
    expect(origin?.knowledge.map((k) => k.id)).toEqual([accepted]);
    expect(origin?.experts).toEqual([{ id: author.id, name: 'origin-author@example.com' }]);
    const read = await pieceOrigin({ pieceId: fromMatch, viewer: management });
    expect(read?.needs).toHaveLength(1);
  });

  it('shows an expert only what they may see: no needs, no one else’s drafts', async () => {
    const origin = await pieceOrigin({ pieceId: fromMatch, viewer: author });
    expect(origin?.needs).toEqual([]);
    expect(origin?.knowledge.map((k) => k.id)).toEqual([accepted]);
    expect(origin?.byHand).toBe(false);
  });

  it('answers nothing for a piece the viewer may not see', async () => {
    expect(await pieceOrigin({ pieceId: fromMatch, viewer: drafter })).toBeNull();
    expect(await pieceOrigin({ pieceId: 'no-such-piece', viewer: editor })).toBeNull();
  });

  it('says when a piece was planned by hand', async () => {
    const origin = await pieceOrigin({ pieceId: byHand, viewer: editor });
    expect(origin).toEqual({
      fromMatch: false,
      byHand: true,
      needs: [],
      knowledge: [],
      experts: [],
    });
  });
});
