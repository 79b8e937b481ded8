import { TZDate } from '@date-fns/tz';
import { subDays } from 'date-fns';
import { DEADLINE_STAGES, type DeadlineStage } from './vocabulary';

/**
 * Stage deadlines of a piece from its publish date and its channel's lead times (days before
 * publication). Days are counted in the workspace time zone, so a deadline keeps its local time
 * of day across a daylight-saving change.
 */
export function deriveDeadlines(
  publishAt: Date,
  leadTimes: Partial<Record<DeadlineStage, number>>,
  timeZone: string,
): { stage: DeadlineStage; dueAt: Date }[] {
  const local = new TZDate(publishAt.getTime(), timeZone);
  return DEADLINE_STAGES.flatMap((stage) => {
    const days = leadTimes[stage];
    if (days === undefined || !Number.isFinite(days) || days < 0) return [];
    return [{ stage, dueAt: new Date(subDays(local, days).getTime()) }];
  });
}
