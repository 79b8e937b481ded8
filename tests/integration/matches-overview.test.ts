// The matches overview reads a bounded number of needs whatever the workspace's size: each
// audience's most pressing needs (all of them for the audience asked for), the most pressing
// content gaps, and the counts of all of them.
import { beforeAll, describe, expect, it } from 'vitest';
import { matchingOverview, OVERVIEW_GAPS, OVERVIEW_NEEDS } from '~/models/matching.server';
import { createUser } from '~/models/user.server';
import { prisma } from '~/utils/db.server';
import { ensureReferenceData } from '../../seeds/reference';

const MANY = OVERVIEW_NEEDS + 7;
let big: string;
let small: string;
let served: string;

beforeAll(async () => {
  await ensureReferenceData(prisma);
  big = (await prisma.audience.create({ data: { name: 'A crowd' } })).id;
  small = (await prisma.audience.create({ data: { name: 'B few' } })).id;
  for (let i = 0; i < MANY; i++)
    await prisma.need.create({
      data: {
        audienceId: big,
        text: `Question ${String(i).padStart(2, '0')}`,
        priority: i === 3 ? 3 : 1,
        language: 'en',
      },
    });
  served = (
    await prisma.need.create({
      data: { audienceId: small, text: 'Answered question', priority: 2, language: 'de' },
    })
  ).id;
  const expert = await createUser({
    email: 'overview-expert@example.com',
    name: 'Expert',
    password: 'password-123',
    roles: ['expert'],
  });
  const item = await prisma.knowledgeItem.create({
    data: {
      title: 'An answer',
      summary: 'It answers the question.',
      kind: 'expertise',
      language: 'de',
      department: 'Research',
      status: 'accepted',
      ownerId: expert.id,
    },
  });
  await prisma.match.create({
    data: { needId: served, knowledgeItemId: item.id, decision: 'accepted', score: 0.5 },
  });
});

describe('the matches overview', () => {
  it('lists each audience’s most pressing needs and says how many there are', async () => {
    const { audiences } = await matchingOverview();
    const crowd = audiences.find((a) => a.id === big)!;
    expect(crowd.needCount).toBe(MANY);
    expect(crowd.needs).toHaveLength(OVERVIEW_NEEDS);
    expect(crowd.needs[0]!.text).toBe('Question 03');
    expect(crowd.collapsible).toBe(false);
    const few = audiences.find((a) => a.id === small)!;
    expect(few.needs.map((n) => [n.id, n._count.matches])).toEqual([[served, 1]]);
  });

  it('lists all needs of the audience asked for, and only of that one', async () => {
    const { audiences } = await matchingOverview({ expand: big });
    const crowd = audiences.find((a) => a.id === big)!;
    expect(crowd.needs).toHaveLength(MANY);
    expect(crowd.collapsible).toBe(true);
    expect(audiences.find((a) => a.id === small)!.collapsible).toBe(false);
    // an unknown audience changes nothing
    const unknown = await matchingOverview({ expand: 'no-such-audience' });
    expect(unknown.audiences.find((a) => a.id === big)!.needs).toHaveLength(OVERVIEW_NEEDS);
  });

  it('lists the most pressing gaps first, at most a page of them, with their count', async () => {
    const { gaps, gapCount } = await matchingOverview();
    expect(gapCount).toBe(MANY);
    expect(gaps).toHaveLength(Math.min(MANY, OVERVIEW_GAPS));
    expect(gaps[0]).toMatchObject({ text: 'Question 03', audience: 'A crowd' });
    expect(gaps.some((g) => g.id === served)).toBe(false);
  });
});
