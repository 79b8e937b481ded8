import {
  CHANNELS,
  DEADLINE_STAGES,
  type Channel,
  type DeadlineStage,
} from '~/domain/calendar/vocabulary';
import { prisma } from '~/utils/db.server';
import { assertActorCan } from './actor.server';

export async function listChannelPlans() {
  const plans = await prisma.channelPlan.findMany();
  return CHANNELS.map((channel) => {
    const p = plans.find((x) => x.channel === channel);
    let lead: Record<string, number> = {};
    try {
      lead = JSON.parse(p?.leadTimes ?? '{}');
    } catch {
      lead = {};
    }
    return {
      channel,
      cadenceCount: p?.cadenceCount ?? 0,
      cadencePeriod: p?.cadencePeriod ?? 'month',
      lead,
    };
  });
}

export async function saveChannelPlan({
  channel,
  cadenceCount,
  cadencePeriod,
  lead,
  actorId,
}: {
  channel: Channel;
  cadenceCount: number;
  cadencePeriod: string;
  lead: Record<DeadlineStage, number>;
  actorId: string;
}) {
  const leadTimes = JSON.stringify(Object.fromEntries(DEADLINE_STAGES.map((s) => [s, lead[s]])));
  await prisma.$transaction(async (tx) => {
    await assertActorCan(tx, actorId, 'calendar:plan');
    await tx.channelPlan.upsert({
      where: { channel },
      update: { cadenceCount, cadencePeriod, leadTimes, version: { increment: 1 } },
      create: { channel, cadenceCount, cadencePeriod, leadTimes },
    });
  });
}
