import { beforeAll, describe, expect, it } from 'vitest';
import { decideMatch, needsForItem, suggestionsForNeed } from '~/models/matching.server';
import { createUser } from '~/models/user.server';
import { prisma } from '~/utils/db.server';
import { ensureReferenceData } from '../../seeds/reference';

let editorId = '';
let audienceId = '';
const items: Record<string, string> = {};

const inventory = [
  ['kit', 'Holiday lens care kit', 'Case, a small bottle of solution and a spare pair.'],
  ['dry', 'Dry eyes on long flights', 'Cabin air dries lenses out: drops and glasses help.'],
  ['airport', 'Liquids in hand luggage', 'Airport security allows 100 ml per bottle for a flight.'],
  ['solution', 'Choosing a lens solution', 'Multipurpose or peroxide solutions compared.'],
] as const;

beforeAll(async () => {
  await ensureReferenceData(prisma);
  editorId = (
    await createUser({
      email: 'feedback-ed@example.com',
      name: 'Feedback Editor',
      password: 'password-123',
      roles: ['editor'],
    })
  ).id;
  const author = await createUser({
    email: 'feedback-author@example.com',
    name: 'Feedback Author',
    password: 'password-123',
    roles: ['expert'],
  });
  audienceId = (await prisma.audience.create({ data: { name: 'Travelling wearers' } })).id;
  for (const [key, title, summary] of inventory)
    items[key] = (
      await prisma.knowledgeItem.create({
        data: {
          title,
          summary,
          kind: 'expertise',
          language: 'en',
          department: 'Optometry',
          ownerId: author.id,
          status: 'accepted',
        },
      })
    ).id;
});

const newNeed = async (text: string) =>
  (await prisma.need.create({ data: { audienceId, text, language: 'en' } })).id;

const decide = async (needId: string, key: string, decision: 'accepted' | 'dismissed') => {
  // as the suggestions page does: with the fit and reasons the editor saw
  const shown = (await suggestionsForNeed(needId, 50))!.find(
    (s) => s.knowledgeItemId === items[key],
  )!;
  const outcome = await decideMatch({
    needId,
    knowledgeItemId: items[key]!,
    decision,
    actor: { id: editorId },
    score: shown.score,
    reasons: shown.reasons,
  });
  expect(outcome.ok).toBe(true);
};

describe('suggestions learn from the editors’ decisions', () => {
  it('ranks an item accepted for a similar need higher for a new need, with the reason', async () => {
    const first = await newNeed('What should I pack for my lenses on a long flight?');
    const earlier = await newNeed('Packing my contact lenses for a flight abroad');
    const before = (await suggestionsForNeed(earlier))!.map((s) => s.knowledgeItemId);
    expect(before.indexOf(items.kit!)).toBeGreaterThan(0);
    const dryBefore = before.indexOf(items.dry!);
    const unrelated = await newNeed('Which lens solution suits sensitive eyes?');
    const unrelatedBefore = await suggestionsForNeed(unrelated);

    await decide(first, 'kit', 'accepted');
    await decide(first, 'dry', 'dismissed');

    // a need written after the decisions, and one written before: both learn from them
    const later = await newNeed('Packing contact lenses for my flight abroad');
    for (const needId of [later, earlier]) {
      const after = (await suggestionsForNeed(needId))!;
      expect(after[0]!.knowledgeItemId).toBe(items.kit);
      expect(after[0]!.decision).toBe('suggested');
      expect(after[0]!.reasons).toContainEqual(
        expect.objectContaining({
          type: 'feedback',
          need: 'What should I pack for my lenses on a long flight?',
          similarNeedId: first,
        }),
      );
      expect(after.map((s) => s.knowledgeItemId).indexOf(items.dry!)).toBeGreaterThan(dryBefore);
    }

    // a need unlike the decided one is ranked as before
    expect(await suggestionsForNeed(unrelated)).toEqual(unrelatedBefore);

    // the need the decisions were made for: no evidence from itself, the dismissed item stays away
    const own = (await suggestionsForNeed(first))!;
    expect(own.map((s) => s.knowledgeItemId)).not.toContain(items.dry);
    expect(own.find((s) => s.knowledgeItemId === items.kit)!.decision).toBe('accepted');
    expect(own.flatMap((s) => s.reasons).some((r) => r.type === 'feedback')).toBe(false);

    // the knowledge page says the same about the needs the item could serve
    const serves = await needsForItem(items.kit!, 10);
    const forLater = serves.find((n) => n.needId === later)!;
    expect(forLater.reasons.some((r) => r.type === 'feedback' && r.similarNeedId === first)).toBe(
      true,
    );
  });
});
