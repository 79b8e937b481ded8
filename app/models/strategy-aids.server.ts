import { localDay } from '~/domain/calendar/grid';
import {
  coverageWindow,
  DEFAULT_COVERAGE_WEEKS,
  goalCoverage,
  PLANNED_STATUSES,
} from '~/domain/strategy/coverage';
import { contentMatrix, matrixPeriods, type MatrixGranularity } from '~/domain/strategy/matrix';
import { goalMix } from '~/domain/strategy/mix';
import { profileShares, TECHNOGRAPHIC_GROUPS } from '~/domain/strategy/technographics';
import { prisma } from '~/utils/db.server';

/**
 * The strategy's planning aids, read for the strategy page: goal coverage and goal mix over the
 * next weeks (domain/strategy/coverage.ts, mix.ts) and the content strategy matrix of audiences ×
 * channels per period (domain/strategy/matrix.ts). Counts only: no piece's title leaves here.
 */

const DAY_MS = 24 * 3600 * 1000;

/** Agreed goals and the planned pieces serving any goal in the window of the coverage check. */
async function readGoalPlan(now: Date, weeks: number) {
  const { from, to } = coverageWindow(now, weeks);
  const [goals, pieces] = await Promise.all([
    prisma.goal.findMany({
      where: { status: 'agreed' },
      select: {
        id: true,
        title: true,
        status: true,
        weight: true,
        periodStart: true,
        periodEnd: true,
      },
    }),
    prisma.contentPiece.findMany({
      where: { status: { in: [...PLANNED_STATUSES] }, publishAt: { gte: from, lt: to } },
      select: { status: true, publishAt: true, goals: { select: { goalId: true } } },
    }),
  ]);
  return {
    goals,
    pieces: pieces.map((p) => ({ ...p, goalIds: p.goals.map((g) => g.goalId) })),
  };
}

/** Agreed goals with the planned pieces serving each in the next weeks (domain/strategy/coverage.ts). */
export async function getGoalCoverage({ now, weeks }: { now: Date; weeks?: number }) {
  const plan = await readGoalPlan(now, weeks ?? DEFAULT_COVERAGE_WEEKS);
  return goalCoverage({ ...plan, now, weeks });
}

/** The content strategy matrix for `count` months (or quarters) from the one holding `now`. */
export async function getContentMatrix({
  now,
  timeZone,
  count = 3,
  granularity = 'month',
}: {
  now: Date;
  timeZone: string;
  count?: number;
  granularity?: MatrixGranularity;
}) {
  const periods = matrixPeriods(localDay(now, timeZone), count, granularity);
  const first = periods[0];
  const last = periods.at(-1);
  if (!first || !last) return contentMatrix({ audiences: [], pieces: [], periods, timeZone });
  // a day's margin either side: the domain assigns each piece to its local day
  const from = new Date(new Date(`${first.from}T00:00:00Z`).getTime() - DAY_MS);
  const to = new Date(new Date(`${last.to}T00:00:00Z`).getTime() + DAY_MS);
  const profileFields = Object.fromEntries(TECHNOGRAPHIC_GROUPS.map((g) => [g, true])) as Record<
    (typeof TECHNOGRAPHIC_GROUPS)[number],
    true
  >;
  const [audiences, pieces] = await Promise.all([
    prisma.audience.findMany({
      select: { id: true, name: true, profile: { select: profileFields } },
      orderBy: { name: 'asc' },
    }),
    prisma.contentPiece.findMany({
      where: { status: { in: [...PLANNED_STATUSES] }, publishAt: { gte: from, lt: to } },
      select: {
        channel: true,
        status: true,
        publishAt: true,
        audiences: { select: { audienceId: true } },
      },
    }),
  ]);
  return contentMatrix({
    audiences: audiences.map((a) => ({
      id: a.id,
      name: a.name,
      profile: a.profile ? profileShares(a.profile) : null,
    })),
    pieces: pieces.map((p) => ({ ...p, audienceIds: p.audiences.map((a) => a.audienceId) })),
    periods,
    timeZone,
  });
}

/** Goal coverage, goal mix and the content strategy matrix, as the strategy page shows them. */
export async function getStrategyAids({
  now,
  timeZone,
  weeks = DEFAULT_COVERAGE_WEEKS,
}: {
  now: Date;
  timeZone: string;
  weeks?: number;
}) {
  const [plan, matrix] = await Promise.all([
    readGoalPlan(now, weeks),
    getContentMatrix({ now, timeZone }),
  ]);
  return {
    weeks,
    coverage: goalCoverage({ ...plan, now, weeks }),
    mix: goalMix({ ...plan, now, weeks }),
    matrix,
  };
}
