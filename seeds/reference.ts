import { CHANNELS, DEFAULT_CHANNEL_PLANS } from '~/domain/calendar/vocabulary';
import { BUILT_IN_GLOSSARY } from '~/domain/matching/glossary';
import type { PrismaClient } from '~/utils/db.server';
import { DEFAULT_TIME_ZONE } from '~/utils/format';

/**
 * Data every install needs, demo or not: the workspace, a channel plan per channel and the
 * built-in glossary. Idempotent: only what is missing is created, nothing is overwritten.
 */
export async function ensureReferenceData(prisma: PrismaClient) {
  await prisma.$transaction(async (tx) => {
    if (!(await tx.workspace.findUnique({ where: { id: 1 } }))) {
      await tx.workspace.create({ data: { id: 1, name: 'Lotse', timeZone: DEFAULT_TIME_ZONE } });
    }
    for (const channel of CHANNELS) {
      if (await tx.channelPlan.findUnique({ where: { channel } })) continue;
      const plan = DEFAULT_CHANNEL_PLANS[channel];
      await tx.channelPlan.create({
        data: {
          channel,
          cadenceCount: plan.cadenceCount,
          cadencePeriod: plan.cadencePeriod,
          leadTimes: JSON.stringify(plan.leadTimes),
        },
      });
    }
    for (const concept of BUILT_IN_GLOSSARY) {
      if (await tx.glossaryConcept.findUnique({ where: { key: concept.key } })) continue;
      await tx.glossaryConcept.create({
        data: {
          key: concept.key,
          builtIn: true,
          terms: {
            create: concept.terms.map((t) => ({
              term: t.term,
              language: t.language,
              type: t.type ?? 'term',
            })),
          },
        },
      });
    }
  });
}
