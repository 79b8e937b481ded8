import { json } from '@remix-run/node';
import { z } from 'zod';
import type { DisclosureRule } from '~/domain/disclosure/engine';
import { RULE_KINDS, RULE_SEVERITIES } from '~/domain/disclosure/vocabulary';
import { draftRuleReach, type RuleReach } from '~/models/rule-reach.server';
import type { SessionUser } from './session.server';

/**
 * A rule as drafted in the rule form, for its reach: only what decides what it finds (kind,
 * severity, patterns, exceptions, window), with the form's limits. Empty patterns are allowed
 * here (the form is being typed); the reach of a rule without patterns is nothing.
 */
const lines = z
  .string()
  .max(20_000)
  .default('')
  .transform((v) => [
    ...new Set(
      v
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(z.string().max(500)).max(1000));

export const DraftRuleSchema = z
  .object({
    key: z.string().trim().max(100).default(''),
    name: z.string().trim().max(200).default(''),
    severity: z.enum(RULE_SEVERITIES),
    kind: z.enum(RULE_KINDS),
    patterns: lines,
    exceptions: lines,
    window: z
      .string()
      .trim()
      .max(10)
      .default('')
      .transform((v) => (v === '' ? undefined : Number(v)))
      .pipe(z.number().int().min(0).max(10_000).optional()),
  })
  .transform((d): DisclosureRule => ({
    id: d.key || 'draft',
    name: d.name || d.key || 'draft',
    severity: d.severity,
    kind: d.kind,
    patterns: d.patterns,
    exceptions: d.exceptions,
    window: d.window,
  }));

/** Largest body the reach reads: the rule form's fields at their limits fit within it. */
export const RULE_REACH_MAX_BYTES = 256 * 1024;

/** What the rule form shows: the reach, nothing yet (no patterns), or why there is none. */
export type ReachAnswer =
  | { ok: true; reach: RuleReach | null }
  | { ok: false; error: 'invalid' | 'tooLarge'; fields: string[] }
  | { ok: false; error: 'compile'; problem: string }
  | { ok: false; error: 'aborted' };

/** The reach of the drafted rule in `data` (the rule form's fields), with its HTTP status. */
export async function answerDraftReach(
  data: Record<string, unknown>,
  viewer: Pick<SessionUser, 'id' | 'roles'>,
  signal?: AbortSignal,
): Promise<{ status: number; answer: ReachAnswer }> {
  const parsed = DraftRuleSchema.safeParse(data);
  if (!parsed.success) {
    const tooLarge = parsed.error.issues.some((i) => i.code === 'too_big');
    return {
      status: tooLarge ? 413 : 400,
      answer: {
        ok: false,
        error: tooLarge ? 'tooLarge' : 'invalid',
        fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? 'rule')))],
      },
    };
  }
  if (!parsed.data.patterns.length) return { status: 200, answer: { ok: true, reach: null } };
  const result = await draftRuleReach({ rule: parsed.data, viewer, signal });
  if (result.ok) return { status: 200, answer: { ok: true, reach: result.reach } };
  // 499: the browser gave the request up (nobody reads this answer)
  if ('aborted' in result) return { status: 499, answer: { ok: false, error: 'aborted' } };
  return { status: 400, answer: { ok: false, error: 'compile', problem: result.problem } };
}

/**
 * "Preview reach" on the rule form without JavaScript: the form comes back as typed, with the
 * drafted rule's reach and nothing saved.
 */
export async function previewReachFromForm(
  form: FormData,
  viewer: Pick<SessionUser, 'id' | 'roles'>,
) {
  const values = Object.fromEntries(
    [...form.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  const { answer } = await answerDraftReach(values, viewer);
  return json({ errors: {}, values, problem: null, examples: null, reach: answer });
}
