import { CHANNELS, type Channel } from '../calendar/vocabulary';
import { localDay } from '../calendar/grid';
import { PLANNED_STATUSES } from './coverage';
import { suggestChannelMix, type TechnographicsProfile } from './technographics';

/**
 * The content strategy matrix: audiences × channels, with the pieces planned for each per period
 * of the window (months or quarters, starting with the one that holds today). A cell stays empty
 * when nothing is planned; an empty cell is a gap worth a look when the audience's Social
 * Technographics profile suggests the channel (at least `SUGGESTED_MIN_SHARE` percent of its
 * suggested mix, technographics.ts). Pieces for several audiences count once for each of them (the
 * piece reaches every one of them); pieces for no audience are counted in a row of their own.
 * Pure: days are compared as YYYY-MM-DD in the workspace's time zone.
 */

/** A channel with at least this share of an audience's suggested mix is "suggested" for it. */
export const SUGGESTED_MIN_SHARE = 20;

export type MatrixGranularity = 'month' | 'quarter';

export type MatrixPeriod = {
  /** "2027-01" for a month, "2027-Q1" for a quarter */
  key: string;
  granularity: MatrixGranularity;
  /** first day, included (YYYY-MM-DD) */
  from: string;
  /** first day of the next period, excluded (YYYY-MM-DD) */
  to: string;
};

export type MatrixAudience = {
  id: string;
  name: string;
  profile: TechnographicsProfile | null;
};

export type MatrixPiece = {
  channel: string;
  status: string;
  publishAt: Date | string | null;
  audienceIds: readonly string[];
};

export type MatrixCell = {
  channel: Channel;
  /** planned pieces per period, in the order of `periods` */
  counts: number[];
  total: number;
  /** the channel's share of the audience's suggested mix (0 without a profile) */
  suggestedShare: number;
  suggested: boolean;
  /** per period: nothing planned although the profile suggests the channel */
  gaps: boolean[];
};

export type MatrixRow = {
  /** null for the row of pieces planned for no audience */
  audience: { id: string; name: string } | null;
  hasProfile: boolean;
  cells: MatrixCell[];
  total: number;
};

export type MatrixGap = {
  audience: { id: string; name: string };
  channel: Channel;
  periods: string[];
  suggestedShare: number;
};

export type ContentMatrix = {
  periods: MatrixPeriod[];
  channels: readonly Channel[];
  rows: MatrixRow[];
  /** every audience and suggested channel with at least one empty period */
  gaps: MatrixGap[];
  /** planned pieces in the window (each counted once) */
  total: number;
};

const pad = (n: number) => String(n).padStart(2, '0');
const monthStart = (y: number, m: number) => {
  // m may run past 12: normalise
  const year = y + Math.floor((m - 1) / 12);
  const month = ((((m - 1) % 12) + 12) % 12) + 1;
  return `${year}-${pad(month)}-01`;
};

/** `count` periods from the one holding `today` (YYYY-MM-DD). */
export function matrixPeriods(
  today: string,
  count = 3,
  granularity: MatrixGranularity = 'month',
): MatrixPeriod[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const step = granularity === 'month' ? 1 : 3;
  const first = granularity === 'month' ? m : m - ((m - 1) % 3);
  return Array.from({ length: Math.max(0, count) }, (_, i) => {
    const from = monthStart(y, first + i * step);
    const [fy, fm] = from.split('-').map(Number) as [number, number];
    return {
      key: granularity === 'month' ? from.slice(0, 7) : `${fy}-Q${Math.floor((fm - 1) / 3) + 1}`,
      granularity,
      from,
      to: monthStart(y, first + (i + 1) * step),
    };
  });
}

const isChannel = (c: string): c is Channel => (CHANNELS as readonly string[]).includes(c);

/** The matrix of planned pieces per audience, channel and period, with the profile's gaps. */
export function contentMatrix({
  audiences,
  pieces,
  periods,
  timeZone,
}: {
  audiences: readonly MatrixAudience[];
  pieces: readonly MatrixPiece[];
  periods: readonly MatrixPeriod[];
  timeZone: string;
}): ContentMatrix {
  const known = new Set(audiences.map((a) => a.id));
  // counts[audienceId or ''][channel][period index]
  const counts = new Map<string, Map<Channel, number[]>>();
  const bump = (row: string, channel: Channel, period: number) => {
    const byChannel = counts.get(row) ?? new Map<Channel, number[]>();
    counts.set(row, byChannel);
    const list = byChannel.get(channel) ?? periods.map(() => 0);
    byChannel.set(channel, list);
    list[period] = (list[period] ?? 0) + 1;
  };
  let total = 0;
  for (const piece of pieces) {
    if (!piece.publishAt || !isChannel(piece.channel)) continue;
    if (!(PLANNED_STATUSES as readonly string[]).includes(piece.status)) continue;
    const day = localDay(piece.publishAt, timeZone);
    const period = periods.findIndex((p) => day >= p.from && day < p.to);
    if (period < 0) continue;
    total++;
    const rows = [...new Set(piece.audienceIds)].filter((id) => known.has(id));
    for (const row of rows.length ? rows : ['']) bump(row, piece.channel, period);
  }

  const cellsOf = (rowKey: string, profile: TechnographicsProfile | null): MatrixCell[] => {
    const mix = profile ? suggestChannelMix(profile) : [];
    return CHANNELS.map((channel) => {
      const list = counts.get(rowKey)?.get(channel) ?? periods.map(() => 0);
      const suggestedShare = mix.find((m) => m.channel === channel)?.share ?? 0;
      const suggested = suggestedShare >= SUGGESTED_MIN_SHARE;
      return {
        channel,
        counts: list,
        total: list.reduce((s, n) => s + n, 0),
        suggestedShare,
        suggested,
        gaps: list.map((n) => suggested && n === 0),
      };
    });
  };
  const rows: MatrixRow[] = [...audiences]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((a) => {
      const cells = cellsOf(a.id, a.profile);
      return {
        audience: { id: a.id, name: a.name },
        hasProfile: a.profile !== null,
        cells,
        total: cells.reduce((s, c) => s + c.total, 0),
      };
    });
  if (counts.has('')) {
    const cells = cellsOf('', null);
    rows.push({
      audience: null,
      hasProfile: false,
      cells,
      total: cells.reduce((s, c) => s + c.total, 0),
    });
  }
  const gaps = rows.flatMap((row) =>
    row.audience
      ? row.cells
          .filter((c) => c.gaps.some(Boolean))
          .map((c) => ({
            audience: row.audience as { id: string; name: string },
            channel: c.channel,
            periods: periods.filter((_, i) => c.gaps[i]).map((p) => p.key),
            suggestedShare: c.suggestedShare,
          }))
      : [],
  );
  return { periods: [...periods], channels: CHANNELS, rows, gaps, total };
}
