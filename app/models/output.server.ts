import type { CalendarQuery } from '~/domain/calendar/calendar-query';
import { localDay, viewRange } from '~/domain/calendar/grid';
import type { InventoryQuery } from '~/domain/knowledge/inventory-query';
import { assertCan } from '~/domain/permissions';
import { milestonesInRange } from './calendar-milestones.server';
import { blockedPieceIds, checkFields } from './disclosure.server';
import { exportInventory } from './knowledge.server';
import { feedOwner, feedPieces } from './piece-feed.server';
import { listPiecesInRange, type Viewer } from './piece-queries.server';
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
