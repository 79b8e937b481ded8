import { aggregate, median, type Observation } from './aggregate';
import { CHANNEL_MAIN_METRIC, MIN_PIECES_FOR_MEDIAN } from './wins';

/**
 * Whether an audience need is served, and how well, from the results of the published pieces
 * that serve it (ContentPieceNeed):
 *
 * - `unserved`: no published piece serves the need.
 * - `performing`: at least one of them did at least as well as the median of its channel's
 *   pieces on the channel's main metric (CHANNEL_MAIN_METRIC; a median needs results of at least
 *   MIN_PIECES_FOR_MEDIAN pieces; with fewer, a piece with any result counts as performing).
 * - `weak`: they have results, but none reaches its channel's median.
 * - `noResults`: served, but no serving piece has results on its main metric yet (not "weak":
 *   nothing is known).
 */
export type NeedVerdict = 'performing' | 'weak' | 'noResults' | 'unserved';

export type ServingPiece = { id: string; channel: string };

/** Each channel's median of its pieces' main-metric values (null without enough pieces). */
export function channelMedians(observations: readonly Observation[]) {
  const values = mainValues(observations);
  const medians = new Map<string, number | null>();
  for (const channel of Object.keys(CHANNEL_MAIN_METRIC)) {
    const list = [...values.values()].filter((v) => v.channel === channel).map((v) => v.value);
    medians.set(channel, list.length >= MIN_PIECES_FOR_MEDIAN ? median(list) : null);
  }
  return { values, medians };
}

/** Each piece's value on its channel's main metric (by the metric's aggregation). */
function mainValues(observations: readonly Observation[]) {
  const perPiece = new Map<string, { channel: string; list: Observation[] }>();
  for (const o of observations) {
    const channel = o.piece?.channel;
    if (o.subject !== 'piece' || !o.pieceId || !channel) continue;
    if ((CHANNEL_MAIN_METRIC as Readonly<Record<string, string>>)[channel] !== o.metric) continue;
    const had = perPiece.get(o.pieceId) ?? { channel, list: [] };
    had.list.push(o);
    perPiece.set(o.pieceId, had);
  }
  const values = new Map<string, { channel: string; value: number }>();
  for (const [id, { channel, list }] of perPiece)
    values.set(id, { channel, value: aggregate(list[0]!.metric, list).value ?? 0 });
  return values;
}

/** A need's verdict from the published pieces serving it and all pieces' observations. */
export function needVerdict(
  serving: readonly ServingPiece[],
  context: ReturnType<typeof channelMedians>,
): NeedVerdict {
  if (!serving.length) return 'unserved';
  let anyResult = false;
  for (const piece of serving) {
    const own = context.values.get(piece.id);
    if (!own) continue;
    anyResult = true;
    const mid = context.medians.get(piece.channel) ?? null;
    if (mid === null || own.value >= mid) return 'performing';
  }
  return anyResult ? 'weak' : 'noResults';
}
