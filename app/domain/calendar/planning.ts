import { TZDate } from '@date-fns/tz';
import {
  addMonths,
  addQuarters,
  addWeeks,
  format,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
} from 'date-fns';
import { memoized } from '../memo';
import { fitOfPlan, type TechnographicsProfile } from '../strategy/technographics';
import { localDay, localWeekStart, startOfLocalDay } from './grid';
import { CHANNELS, type CadencePeriod, type Channel } from './vocabulary';

export type PlannedPiece = {
  id: string;
  title: string;
  channel: string;
  status: string;
  publishAt: Date | string | null;
  webinarStart?: Date | string | null;
  webinarEnd?: Date | string | null;
  experts: string[];
  audiences: string[];
};

export type CadenceTarget = {
  channel: Channel;
  cadenceCount: number;
  cadencePeriod: CadencePeriod;
};

function periodStart(instant: Date, period: CadencePeriod, timeZone: string): TZDate {
  const local = new TZDate(instant.getTime(), timeZone);
  if (period === 'week') return startOfWeek(local, { weekStartsOn: 1 });
  if (period === 'month') return startOfMonth(local);
  return startOfQuarter(local);
}
const next = (d: TZDate, period: CadencePeriod) =>
  period === 'week' ? addWeeks(d, 1) : period === 'month' ? addMonths(d, 1) : addQuarters(d, 1);

/**
 * The periods from the one containing a local day until `to` (key: "day|toMs|period|zone"),
 * remembered: every calendar page asks for the same few.
 */
const periodsFrom = memoized(2_000, (key) => {
  const [day, toMs, period, timeZone] = key.split('|') as [string, string, CadencePeriod, string];
  const periods: { start: number; end: number; label: string }[] = [];
  for (
    let p = periodStart(startOfLocalDay(day, timeZone), period, timeZone);
    p.getTime() < Number(toMs);
    p = next(p, period)
  ) {
    periods.push({
      start: p.getTime(),
      end: next(p, period).getTime(),
      label: format(p, 'yyyy-MM-dd'),
    });
  }
  return periods;
});

const live = (p: PlannedPiece) => p.status !== 'cancelled' && p.publishAt;

/**
 * Periods (weeks, months or quarters, per channel) between `from` and `to` in which fewer pieces
 * are planned than the channel's cadence target.
 */
export function cadenceGaps(
  pieces: readonly PlannedPiece[],
  targets: readonly CadenceTarget[],
  from: Date,
  to: Date,
  timeZone: string,
  /** periods already over by then are left out: nothing can be planned into them any more */
  now: Date = from,
) {
  const gaps: {
    channel: Channel;
    period: CadencePeriod;
    start: string;
    planned: number;
    target: number;
  }[] = [];
  for (const target of targets) {
    if (target.cadenceCount <= 0) continue;
    const firstDay = localDay(new Date(Math.max(from.getTime(), now.getTime())), timeZone);
    const periods = periodsFrom(`${firstDay}|${to.getTime()}|${target.cadencePeriod}|${timeZone}`);
    for (const period of periods) {
      const planned = pieces.filter((x) => {
        if (!live(x) || x.channel !== target.channel) return false;
        const t = new Date(x.publishAt as Date).getTime();
        return t >= period.start && t < period.end;
      }).length;
      if (planned < target.cadenceCount) {
        gaps.push({
          channel: target.channel,
          period: target.cadencePeriod,
          start: period.label,
          planned,
          target: target.cadenceCount,
        });
      }
    }
  }
  return gaps;
}

/** Experts in more than `limit` pieces in one week, and webinars whose times overlap. */
export function overloads(pieces: readonly PlannedPiece[], timeZone: string, limit = 3) {
  const perExpertWeek = new Map<string, { expert: string; week: string; pieces: string[] }>();
  for (const p of pieces) {
    if (!live(p)) continue;
    const week = localWeekStart(p.publishAt as Date, timeZone);
    for (const expert of p.experts) {
      const key = `${expert}|${week}`;
      const entry = perExpertWeek.get(key) ?? { expert, week, pieces: [] };
      entry.pieces.push(p.title);
      perExpertWeek.set(key, entry);
    }
  }
  const busyExperts = [...perExpertWeek.values()].filter((e) => e.pieces.length > limit);
  const webinars = pieces
    .filter(
      (p) => p.channel === 'webinar' && p.status !== 'cancelled' && p.webinarStart && p.webinarEnd,
    )
    .map((p) => ({
      title: p.title,
      start: new Date(p.webinarStart as Date).getTime(),
      end: new Date(p.webinarEnd as Date).getTime(),
    }))
    .sort((a, b) => a.start - b.start);
  const overlappingWebinars: [string, string][] = [];
  for (let i = 0; i < webinars.length; i++) {
    for (let j = i + 1; j < webinars.length && webinars[j]!.start < webinars[i]!.end; j++) {
      overlappingWebinars.push([webinars[i]!.title, webinars[j]!.title]);
    }
  }
  return { busyExperts, overlappingWebinars };
}

/** How many pieces address each audience per month (YYYY-MM). */
export function audienceCoverage(pieces: readonly PlannedPiece[], timeZone: string) {
  const coverage = new Map<string, Map<string, number>>();
  for (const p of pieces) {
    if (!live(p)) continue;
    const month = localDay(p.publishAt as Date, timeZone).slice(0, 7);
    for (const a of p.audiences) {
      const row = coverage.get(a) ?? new Map<string, number>();
      row.set(month, (row.get(month) ?? 0) + 1);
      coverage.set(a, row);
    }
  }
  return coverage;
}

/** An audience's behaviour profile, by the audience's name (as planned pieces carry it). */
export type AudienceBehaviour = {
  audience: string;
  audienceId: string;
  shares: TechnographicsProfile;
};

/**
 * Audiences whose live pieces in the range do not fit their Social Technographics profile: the
 * channels with clearly more or fewer pieces than the profile suggests, and why the most
 * neglected channel would suit them. Audiences without a profile, or with too few pieces to
 * judge, are left out.
 */
export function profileMismatches(
  pieces: readonly PlannedPiece[],
  profiles: readonly AudienceBehaviour[],
) {
  const counts = new Map<string, Partial<Record<Channel, number>>>();
  for (const p of pieces) {
    if (!live(p) || !(CHANNELS as readonly string[]).includes(p.channel)) continue;
    for (const a of p.audiences) {
      const row = counts.get(a) ?? {};
      row[p.channel as Channel] = (row[p.channel as Channel] ?? 0) + 1;
      counts.set(a, row);
    }
  }
  return profiles.flatMap(({ audience, audienceId, shares }) => {
    const fit = fitOfPlan(shares, counts.get(audience) ?? {});
    if (fit.fits) return [];
    const channel = (c: Channel) => {
      const f = fit.channels.find((x) => x.channel === c);
      return { channel: c, planned: f?.plannedShare ?? 0, suggested: f?.suggestedShare ?? 0 };
    };
    return [
      {
        audience,
        audienceId,
        total: fit.total,
        over: fit.over.map(channel),
        under: fit.under.map(channel),
        reason: fit.reason,
      },
    ];
  });
}
