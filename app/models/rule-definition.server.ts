import type { DisclosureRule } from '~/domain/disclosure/engine';
import type { RuleKind, RuleSeverity } from '~/domain/disclosure/vocabulary';
import type { prisma } from '~/utils/db.server';
import { parseJsonArray } from '~/utils/json';

/**
 * A disclosure rule's three shapes and the one way between them: the stored row, the definition
 * management edits (and every revision records), and the engine's rule that checks texts.
 */

export type RuleDefinition = {
  key: string;
  name: string;
  category: string;
  rationale: string;
  message: string;
  severity: RuleSeverity;
  kind: RuleKind;
  patterns: string[];
  exceptions: string[];
  window: number | null;
  examplesMatch: string[];
  examplesNoMatch: string[];
  active: boolean;
};

export type RuleRow = Awaited<ReturnType<typeof prisma.disclosureRule.findUniqueOrThrow>>;

/** A stored rule as its definition (the lists are kept as JSON text in the row). */
export function definitionOf(r: RuleRow): RuleDefinition {
  return {
    key: r.key,
    name: r.name,
    category: r.category,
    rationale: r.rationale,
    message: r.message,
    severity: r.severity as RuleSeverity,
    kind: r.kind as RuleKind,
    patterns: parseJsonArray(r.patterns),
    exceptions: parseJsonArray(r.exceptions),
    window: r.window,
    examplesMatch: parseJsonArray(r.examplesMatch),
    examplesNoMatch: parseJsonArray(r.examplesNoMatch),
    active: r.active,
  };
}

/**
 * A rule as the disclosure engine takes it, from a stored row or from a definition that is not
 * saved yet (a rule's own examples are run before it is saved). The engine knows a rule by its
 * key.
 */
export function toEngineRule(rule: RuleRow | RuleDefinition): DisclosureRule {
  const d =
    typeof rule.patterns === 'string' ? definitionOf(rule as RuleRow) : (rule as RuleDefinition);
  return {
    id: d.key,
    name: d.name,
    category: d.category,
    severity: d.severity,
    kind: d.kind,
    patterns: d.patterns,
    exceptions: d.exceptions,
    window: d.window ?? undefined,
    message: d.message || undefined,
  };
}
