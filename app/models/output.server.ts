import type { CalendarQuery } from '~/domain/calendar/calendar-query';
import { CHANNELS, type Channel } from '~/domain/calendar/vocabulary';
import { localDay, viewRange } from '~/domain/calendar/grid';
import type { InventoryQuery } from '~/domain/knowledge/inventory-query';
import type { ResultsQuery } from '~/domain/results/table-query';
import { assertCan } from '~/domain/permissions';
import { milestonesInRange } from './calendar-milestones.server';
import { blockedPieceIds, checkFields } from './disclosure.server';
import { exportInventory } from './knowledge.server';
import { feedOwner, feedPieces } from './piece-feed.server';
import { getPiece, listPiecesInRange, type Viewer } from './piece-queries.server';
import { getGoalResults } from './results-impact.server';
import {
  BEYOND_PIECES,
  listPieceResults,
  listResultsBeyondPieces,
  type ResultsActor,
} from './results.server';
import { queryResultsTable } from './results-table.server';
import { exportRuleSet } from './rule.server';
import { getWorkspace } from './workspace.server';

/**
 * The output gate: everything that leaves the system through a route (the calendar's CSV export
 * and print view, the iCal feed, the knowledge export, the rule set) is read here, and every
 * function here answers only what the viewer may see and no disclosure rule blocks. Output routes
 * import from this module only, so none of them can reach an ungated list
 * (tests/unit/output-routes.test.ts holds them to it).
 */

/**
 * What an output of a calendar view carries (the CSV export, the print view): the pieces of the
 * view's range (`query.date`, else today, in the workspace's zone) that the viewer may see and the
 * filters let through, less those a disclosure rule blocks. `withheld` counts those left out.
 */
export async function piecesForOutput({ viewer, query }: { viewer: Viewer; query: CalendarQuery }) {
  const { timeZone } = await getWorkspace();
  const anchor = query.date ?? localDay(new Date(), timeZone);
  const { from, to } = viewRange(query.view, anchor, timeZone);
  const listed = await listPiecesInRange({ viewer, from, to, query });
  const blocked = await blockedPieceIds(listed.map((p) => p.id));
  return {
    pieces: listed.filter((p) => !blocked.has(p.id)),
    withheld: blocked.size,
    anchor,
    from,
    to,
    timeZone,
  };
}

/**
 * The strategy's milestones on the days of a printed calendar view, for those who may read the
 * strategy, less any whose title or note a disclosure rule blocks (a failed check blocks too).
 */
export async function milestonesForOutput(range: Parameters<typeof milestonesInRange>[0]) {
  const milestones = await milestonesInRange(range);
  const verdicts = await Promise.all(
    milestones.map((m) => checkFields({ title: m.title, note: m.note })),
  );
  return milestones.filter((_, i) => verdicts[i]?.decision !== 'block');
}

/**
 * The personal iCal feed at a secret address: its owner (an active user) and the pieces they may
 * see from `from` on, less those a disclosure rule blocks; null for an unknown or revoked token.
 */
export async function feedForToken({ token, from }: { token: string; from: Date }) {
  const owner = await feedOwner(token);
  if (!owner) return null;
  return { owner, pieces: await feedPieces({ viewer: owner, from }) };
}

/**
 * The inventory view as an export: the items the viewer may see, less those a disclosure rule
 * blocks in any text the export carries (`withheld` counts them).
 */
export function knowledgeForExport({ viewer, query }: { viewer: Viewer; query: InventoryQuery }) {
  assertCan(viewer, 'knowledge:read');
  return exportInventory({ viewer, query });
}

/** The rule set in the exchange format, for management only (it names what the rules look for). */
export function ruleSetForExport({ viewer }: { viewer: Viewer }) {
  assertCan(viewer, 'rules:manage');
  return exportRuleSet();
}

/**
 * The results table as a download: the rows the viewer's table shows, less the pieces a
 * disclosure rule blocks (`withheld` counts them); the metric columns are those of the rows let
 * through, so nothing hints at a withheld piece.
 */
export async function resultsForExport({ viewer, query }: { viewer: Viewer; query: ResultsQuery }) {
  const table = await queryResultsTable({ viewer, query });
  const blocked = await blockedPieceIds(table.rows.map((r) => r.id));
  const rows = table.rows.filter((r) => !blocked.has(r.id));
  const present = new Set(rows.flatMap((r) => Object.keys(r.values)));
  return {
    metrics: table.metrics.filter((m) => present.has(m)),
    rows,
    withheld: blocked.size,
  };
}

/**
 * One KPI's results for a download (the goal page's CSV files): as on the page, less the pieces
 * a disclosure rule blocks (their values stay in the KPI's total; `withheld` counts them). Null
 * when the viewer may not read results, `notFound` when the goal or KPI does not exist.
 */
export async function kpiResultsForOutput({
  viewer,
  goalId,
  kpiId,
  today,
}: {
  viewer: ResultsActor;
  goalId: string;
  kpiId: string;
  today: string;
}) {
  const results = await getGoalResults({ viewer, goalId, today });
  if (!results) return null;
  const kpi = results.kpis.find((k) => k.id === kpiId);
  if (!results.goal || !kpi) return 'notFound' as const;
  const blocked = await blockedPieceIds(kpi.contributors.map((c) => c.pieceId));
  return {
    goal: results.goal,
    kpi: { ...kpi, contributors: kpi.contributors.filter((c) => !blocked.has(c.pieceId)) },
    withheld: blocked.size,
  };
}

/** One metric's entries as a chart's download carries them, oldest period first. */
export type ObservationOutput = {
  periodStart: string;
  periodEnd: string;
  value: number;
  source: string;
  note: string;
};

/**
 * The entries of one metric, oldest period first, each note a disclosure rule blocks left empty
 * (a failed check blocks too): a note is free text and may name what must not leave the house.
 */
async function observationsForOutput(
  observations: readonly (ObservationOutput & { metric: string })[],
  metric: string,
): Promise<ObservationOutput[]> {
  const chosen = observations
    .filter((o) => o.metric === metric)
    .sort(
      (a, b) =>
        a.periodEnd.localeCompare(b.periodEnd) || a.periodStart.localeCompare(b.periodStart),
    );
  return withGatedNotes(
    chosen.map((o) => ({
      periodStart: o.periodStart,
      periodEnd: o.periodEnd,
      value: o.value,
      source: o.source,
      note: o.note,
    })),
  );
}

/** The entries with each note a disclosure rule blocks left empty (a failed check blocks too). */
async function withGatedNotes<O extends { note: string }>(entries: readonly O[]): Promise<O[]> {
  const verdicts = await Promise.all(
    entries.map((o) => (o.note ? checkFields({ note: o.note }) : null)),
  );
  return entries.map((o, i) => ({ ...o, note: verdicts[i]?.decision === 'block' ? '' : o.note }));
}

/**
 * One metric of a published piece's results for a download (the CSV of a chart on the piece's
 * page). `notFound` for a piece the viewer cannot see, one not published or a metric it has no
 * entries for; null when the viewer sees the piece but not its results; `withheld` when a
 * disclosure rule blocks the piece, so that neither its numbers nor its notes leave.
 */
export async function pieceResultsForOutput({
  viewer,
  pieceId,
  metric,
}: {
  viewer: Viewer;
  pieceId: string;
  metric: string;
}) {
  const piece = await getPiece({ id: pieceId, viewer });
  if (!piece || piece.status !== 'published') return 'notFound' as const;
  const observations = await listPieceResults({ viewer, pieceId: piece.id });
  if (!observations) return null;
  if ((await blockedPieceIds([piece.id])).size) return 'withheld' as const;
  const rows = await observationsForOutput(observations, metric);
  if (!rows.length) return 'notFound' as const;
  return { piece: { id: piece.id, title: piece.title }, metric, rows };
}

/** An entry of the numbers beyond single pieces as a download carries it: with its subject. */
export type SubjectObservationOutput = ObservationOutput & {
  subject: 'workspace' | 'channel' | 'audience';
  /** the channel's key, when the subject is a channel */
  channel: string | null;
  /** the audience's name, when the subject is an audience */
  audience: string | null;
};

/**
 * One metric of the numbers beyond single pieces for a download (the CSV of a chart on
 * /results/workspace): the whole workspace's entries first, then each channel's (in the channels'
 * order) and each audience's (by name), each oldest period first, a note a disclosure rule
 * blocks left empty. Null when the viewer may not read them, `notFound` for a metric without
 * entries.
 */
export async function workspaceResultsForOutput({
  viewer,
  metric,
}: {
  viewer: ResultsActor;
  metric: string;
}) {
  const results = await listResultsBeyondPieces({ viewer });
  if (!results) return null;
  const rank = (o: SubjectObservationOutput) =>
    [BEYOND_PIECES.indexOf(o.subject), CHANNELS.indexOf(o.channel as Channel)] as const;
  const chosen = results.observations
    .filter((o) => o.metric === metric)
    .map((o): SubjectObservationOutput => ({
      subject: o.subject as SubjectObservationOutput['subject'],
      channel: o.subject === 'channel' ? o.channel : null,
      audience: o.subject === 'audience' ? (o.audience?.name ?? null) : null,
      periodStart: o.periodStart,
      periodEnd: o.periodEnd,
      value: o.value,
      source: o.source,
      note: o.note,
    }))
    .sort(
      (a, b) =>
        rank(a)[0] - rank(b)[0] ||
        rank(a)[1] - rank(b)[1] ||
        (a.audience ?? '').localeCompare(b.audience ?? '') ||
        a.periodEnd.localeCompare(b.periodEnd) ||
        a.periodStart.localeCompare(b.periodStart),
    );
  if (!chosen.length) return 'notFound' as const;
  return { metric, rows: await withGatedNotes(chosen) };
}
