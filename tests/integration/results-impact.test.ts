// Experts see their impact: on a knowledge item, what the published pieces it fed achieved; on
// the expert's profile, those pieces and the totals. Experts see only their own pieces' results.
import { beforeAll, describe, expect, it } from 'vitest';
import { enterObservation } from '~/models/results.server';
import { expertImpact, knowledgeImpact } from '~/models/results-impact.server';
import { prisma } from '~/utils/db.server';
import { call, otherExpertId, setUpDemoWorkspace, userId } from './route-harness';

let itemId = '';
let pieceId = '';
let unpublishedId = '';

beforeAll(async () => {
  await setUpDemoWorkspace();
  await prisma.metricObservation.deleteMany();
  const expert = userId('expert');
  const item = await prisma.knowledgeItem.findFirstOrThrow({
    where: { ownerId: expert, status: 'accepted' },
  });
  itemId = item.id;
  const [piece, draft] = await prisma.contentPiece.findMany({
    where: { channel: 'podcast', experts: { none: { userId: otherExpertId() } } },
    orderBy: { title: 'asc' },
    take: 2,
  });
  pieceId = piece!.id;
  unpublishedId = draft!.id;
  // published before the results' periods (results of days before the publication are refused)
  const publishAt = new Date('2026-09-15T08:00:00Z');
  await prisma.contentPiece.update({
    where: { id: pieceId },
    data: { status: 'published', publishAt },
  });
  await prisma.contentPiece.update({
    where: { id: unpublishedId },
    data: { status: 'planned', publishAt },
  });
  for (const id of [pieceId, unpublishedId])
    await prisma.contentPieceKnowledge.upsert({
      where: { pieceId_knowledgeItemId: { pieceId: id, knowledgeItemId: itemId } },
      create: { pieceId: id, knowledgeItemId: itemId },
      update: {},
    });
  const editor = { id: userId('editor'), roles: ['editor'] };
  for (const [id, value, periodEnd] of [
    [pieceId, 900, '2026-10-31'],
    [pieceId, 1240, '2026-11-30'],
    [unpublishedId, 50, '2026-11-30'],
  ] as const) {
    const entered = await enterObservation({
      actor: editor,
      input: {
        subject: 'piece',
        pieceId: id,
        metric: 'podcast_downloads_30d',
        value,
        periodStart: '2026-10-01',
        periodEnd,
      },
    });
    expect(entered.ok).toBe(true);
  }
}, 60_000);

type Impact = { id: string; results: { metric: string; value: number }[] }[];

describe('a knowledge item’s impact', () => {
  it('shows its owner what the published pieces it fed achieved', async () => {
    const page = await call('routes/knowledge.$itemId', 'GET', 'expert', { params: { itemId } });
    expect(page.status).toBe(200);
    const impact = (page.body as { impact: Impact }).impact;
    // downloads after 30 days are a snapshot: the latest counts; planned pieces do not show
    expect(impact.find((p) => p.id === pieceId)?.results).toEqual([
      { metric: 'podcast_downloads_30d', value: 1240 },
    ]);
    expect(impact.map((p) => p.id)).not.toContain(unpublishedId);
  });

  it('shows another expert none of the results of pieces that are not theirs', async () => {
    const other = { id: otherExpertId(), roles: ['expert'] };
    expect((await knowledgeImpact({ viewer: other, itemId })) ?? []).toEqual([]);
    // an administrator reads no results at all
    expect(
      await knowledgeImpact({ viewer: { id: userId('admin'), roles: ['admin'] }, itemId }),
    ).toBeNull();
  });
});

describe('an expert’s profile', () => {
  it('sums up the impact of the expert’s knowledge for the expert and for results readers', async () => {
    for (const who of ['expert', 'editor', 'management'] as const) {
      const page = await call('routes/experts.$expertId', 'GET', who, {
        params: { expertId: userId('expert') },
      });
      expect(page.status).toBe(200);
      const { impact } = page.body as {
        impact: { summary: { totals: { metric: string; value: number }[]; withResults: number } };
      };
      expect(impact.summary).toMatchObject({
        withResults: 1,
        totals: [{ metric: 'podcast_downloads_30d', value: 1240 }],
      });
    }
  });

  it('counts the pieces the expert contributed to, not only those their knowledge items fed', async () => {
    const expert = { id: userId('expert'), roles: ['expert'] };
    const before = await expertImpact({ viewer: expert, expertId: expert.id });
    // a published webinar the expert speaks in, fed by no knowledge item of theirs
    const webinar = await prisma.contentPiece.findFirstOrThrow({
      where: {
        channel: 'webinar',
        knowledge: { none: { knowledgeItem: { ownerId: expert.id } } },
        experts: { none: { userId: expert.id } },
      },
    });
    await prisma.contentPiece.update({
      where: { id: webinar.id },
      data: { status: 'published', publishAt: new Date('2026-09-20T08:00:00Z') },
    });
    expect(
      (await expertImpact({ viewer: expert, expertId: expert.id }))?.pieces.map((p) => p.id),
    ).not.toContain(webinar.id);
    await prisma.contentPieceExpert.create({ data: { pieceId: webinar.id, userId: expert.id } });
    const after = await expertImpact({ viewer: expert, expertId: expert.id });
    expect(after?.pieces.map((p) => p.id)).toContain(webinar.id);
    expect(after?.pieces).toHaveLength((before?.pieces.length ?? 0) + 1);
  });

  it('keeps it from other experts', async () => {
    expect(
      await expertImpact({
        viewer: { id: otherExpertId(), roles: ['expert'] },
        expertId: userId('expert'),
      }),
    ).toBeNull();
  });
});

describe('needs served', () => {
  it('says per need whether the published pieces serving it perform', async () => {
    const need = await prisma.need.create({
      data: {
        audienceId: (await prisma.audience.findFirstOrThrow()).id,
        text: 'How long may I wear my lenses in one go?',
        language: 'en',
      },
    });
    const verdict = async () => {
      const page = await call('routes/matches.$needId', 'GET', 'editor', {
        params: { needId: need.id },
      });
      expect(page.status).toBe(200);
      return (page.body as { served: string }).served;
    };
    expect(await verdict()).toBe('unserved');
    await prisma.contentPieceNeed.create({ data: { pieceId, needId: need.id } });
    // the only podcast with results: no median to fall short of
    expect(await verdict()).toBe('performing');
    const overview = await call('routes/matches._index', 'GET', 'management');
    expect((overview.body as { served: Record<string, string> }).served[need.id]).toBe(
      'performing',
    );
  });
});
