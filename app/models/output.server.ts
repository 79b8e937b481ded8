import type { CalendarQuery } from '~/domain/calendar/calendar-query';
import { localDay, viewRange } from '~/domain/calendar/grid';
import type { InventoryQuery } from '~/domain/knowledge/inventory-query';
import type { ResultsQuery } from '~/domain/results/table-query';
import { assertCan } from '~/domain/permissions';
import { milestonesInRange } from './calendar-milestones.server';
import { blockedPieceIds, checkFields } from './disclosure.server';
import { exportInventory } from './knowledge.server';
import { feedOwner, feedPieces } from './piece-feed.server';
import { listPiecesInRange, type Viewer } from './piece-queries.server';
import { getGoalResults } from './results-impact.server';
import type { ResultsActor } from './results.server';
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
