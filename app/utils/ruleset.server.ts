import { z } from 'zod';
import {
  compileRules,
  RuleCompileError,
  type CompiledRules,
  type DisclosureRule,
} from '~/domain/disclosure/engine';
import { RULE_KINDS, RULE_SEVERITIES } from '~/domain/disclosure/vocabulary';

/**
 * The rule-set format (files, import and export): { "rules": [ { id, name, category?, severity,
 * kind, patterns, exceptions?, window?, message? } ] }. A set is accepted only when every rule
 * is well-formed and every regex compiles; the errors name the rule.
 */
const RuleSchema = z.object({
  id: z.string().trim().min(1, 'id is missing').max(100),
  name: z.string().trim().max(200).optional(),
  category: z.string().trim().max(100).optional(),
  severity: z.enum(RULE_SEVERITIES, 'severity must be "block" or "warn"'),
  kind: z.enum(RULE_KINDS, 'kind must be one of term, phrase, regex, figure'),
  patterns: z
    .array(z.string().min(1).max(500), 'patterns must be a list of texts')
    .min(1, 'at least one pattern')
    .max(1000),
  exceptions: z
    .array(z.string().min(1).max(500), 'exceptions must be a list of texts')
    .max(1000)
    .optional(),
  window: z.number().int().min(0).max(10_000).optional(),
  message: z.string().max(2000).optional(),
});
const RuleSetSchema = z.object({
  rules: z.array(z.unknown(), '"rules" must be a list').max(100_000),
});

export type RuleSetResult =
  { ok: true; rules: DisclosureRule[]; compiled: CompiledRules } | { ok: false; errors: string[] };

export function parseRuleSet(data: unknown): RuleSetResult {
  const set = RuleSetSchema.safeParse(data);
  if (!set.success)
    return { ok: false, errors: ['the rule set must be an object with a "rules" list'] };
  const errors: string[] = [];
  const rules: DisclosureRule[] = [];
  const ids = new Set<string>();
  set.data.rules.forEach((raw, index) => {
    const parsed = RuleSchema.safeParse(raw);
    const label =
      raw && typeof raw === 'object' && 'id' in raw
        ? `rule ${String((raw as { id: unknown }).id)}`
        : `rule #${index + 1}`;
    if (!parsed.success) {
      errors.push(
        `${label}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'rule'}: ${i.message}`).join('; ')}`,
      );
      return;
    }
    if (ids.has(parsed.data.id)) errors.push(`${label}: the id is used twice`);
    ids.add(parsed.data.id);
    rules.push(parsed.data);
  });
  if (errors.length) return { ok: false, errors };
  // the set compiles as a whole in one go (and the caller can check with it); only when it does
  // not is every rule compiled alone, so each broken pattern is named
  try {
    return { ok: true, rules, compiled: compileRules(rules) };
  } catch {
    // named below
  }
  for (const rule of rules) {
    try {
      compileRules([rule]);
    } catch (error) {
      errors.push(
        error instanceof RuleCompileError ? error.message : `rule ${rule.id}: ${String(error)}`,
      );
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, rules, compiled: compileRules(rules) };
}
