import { Memo } from '~/domain/memo';
import { prisma } from '~/utils/db.server';
import {
  activeRules,
  checkFields,
  contentHash,
  pieceContentSelect,
  pieceContentTexts,
} from './disclosure.server';

/**
 * Which pieces of a calendar view the output gate keeps out of the iCal feed and the CSV and print
 * exports, and why: the names of the blocking rules. The decision is the gate's own (the same
 * texts, rules and granted exemptions through `checkFields`, see `blockedPieceIds`); a piece that
 * cannot be loaded or checked is withheld, with no rule to name (fail closed).
 *
 * The calendar asks for every piece on screen at each visit, so verdicts are remembered by what
 * decides them: the rule set's fingerprint (it changes with every rule change), the hash of the
 * piece's texts and the piece's granted exemptions. Nothing stale can be answered: an edit, a
 * rule change or a new exemption makes a new key.
 */

export type WithheldReason = {
  /** the blocking rules' names, each once, in the order found; empty when the check failed */
  rules: string[];
  /** the check could not run or the piece could not be read */
  failed: boolean;
};

type Verdict = { blocked: false } | { blocked: true; rules: string[] };

/**
 * Remembered verdicts, one per (rule set, content, exemptions), a few hundred bytes each (a
 * verdict needs the awaited check, so it is remembered after it rather than computed by the memo).
 */
const known = new Memo<string, Verdict>(20_000);

function remember(key: string, verdict: Verdict) {
  known.set(key, verdict);
}

/**
 * Of the given piece ids, those withheld from the feed and the exports, each with its reason.
 * Ids the caller may see are expected (the calendar's own lists); no access check here.
 */
export async function withheldPieces(ids: readonly string[]): Promise<Map<string, WithheldReason>> {
  const withheld = new Map<string, WithheldReason>();
  const wanted = [...new Set(ids)];
  if (!wanted.length) return withheld;
  const [rules, exemptions] = await Promise.all([activeRules(), grantedExemptions(wanted)]);
  const loaded = new Set<string>();
  // in slices: SQLite takes only so many parameters in one query
  for (let i = 0; i < wanted.length; i += 500) {
    const pieces = await prisma.contentPiece.findMany({
      where: { id: { in: wanted.slice(i, i + 500) } },
      select: pieceContentSelect,
    });
    for (const piece of pieces) {
      loaded.add(piece.id);
      const texts = pieceContentTexts(piece);
      const granted = exemptions.get(piece.id) ?? [];
      const key = [
        rules.key,
        contentHash(texts),
        ...granted.map((e) => `${e.ruleId}@${e.ruleRevision}:${e.contentHash}`).sort(),
      ].join('|');
      let verdict = known.get(key);
      if (!verdict) {
        const checked = await checkFields(texts, granted, rules);
        if (checked.failed) {
          withheld.set(piece.id, { rules: [], failed: true });
          continue; // not remembered: the next visit tries again
        }
        verdict =
          checked.decision === 'block'
            ? {
                blocked: true,
                rules: [
                  ...new Set(
                    checked.findings
                      .filter((f) => !f.exempted && f.severity === 'block')
                      .map((f) => f.ruleName),
                  ),
                ],
              }
            : { blocked: false };
        remember(key, verdict);
      }
      if (verdict.blocked) withheld.set(piece.id, { rules: verdict.rules, failed: false });
    }
  }
  for (const id of wanted) if (!loaded.has(id)) withheld.set(id, { rules: [], failed: true });
  return withheld;
}

type Exemption = { ruleId: string; ruleRevision: number; contentHash: string };

/** Granted exemptions of the pieces (they are few: read them all, keep the wanted ones). */
async function grantedExemptions(pieceIds: readonly string[]) {
  const wanted = new Set(pieceIds);
  const rows = await prisma.disclosureExemption.findMany({
    where: { status: 'granted' },
    select: { pieceId: true, ruleId: true, ruleRevision: true, contentHash: true },
  });
  const byPiece = new Map<string, Exemption[]>();
  for (const { pieceId, ...e } of rows)
    if (wanted.has(pieceId)) byPiece.set(pieceId, [...(byPiece.get(pieceId) ?? []), e]);
  return byPiece;
}
