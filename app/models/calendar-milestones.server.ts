import { localDay } from '~/domain/calendar/grid';
import { can } from '~/domain/permissions';
import type { Viewer } from './piece-queries.server';
import { listMilestones } from './strategy.server';

/**
 * The strategy's milestones on the days of a calendar view ([from, to) in the workspace's zone),
 * for those who may read the strategy; the calendar shows them beside the pieces.
 */
export async function milestonesInRange({
  viewer,
  from,
  to,
  timeZone,
}: {
  viewer: Viewer;
  from: Date;
  to: Date;
  timeZone: string;
}) {
  if (!can(viewer.roles, 'strategy:read')) return [];
  const milestones = await listMilestones({
    from: localDay(from, timeZone),
    // the last day of the view, not the instant after it
    to: localDay(new Date(to.getTime() - 1), timeZone),
  });
  return milestones.map(({ id, title, date, note }) => ({ id, title, date, note }));
}
export type CalendarMilestone = Awaited<ReturnType<typeof milestonesInRange>>[number];
