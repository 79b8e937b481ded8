import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createMatcher } from '~/domain/matching/engine';
import { BUILT_IN_GLOSSARY } from '~/domain/matching/glossary';
import { CliError, readJson } from './common';

const KnowledgeFile = z.array(
  z.object({
    id: z.union([z.string().min(1), z.number()]).transform(String),
    title: z.string(),
    description: z.string().default(''),
    tags: z.array(z.string()).default([]),
    language: z.string().optional(),
    kind: z.string().optional(),
    department: z.string().optional(),
    expert: z.string().optional(),
  }),
  'must be an array of knowledge items',
);
const NeedsFile = z.array(
  z.object({
    id: z.union([z.string().min(1), z.number()]).transform(String),
    audience: z.string().optional(),
    text: z.string(),
    tags: z.array(z.string()).default([]),
    language: z.string().optional(),
    priority: z.union([z.string(), z.number()]).optional(),
  }),
  'must be an array of needs',
);

const DecisionsFile = z.array(
  z.object({
    need: z.union([z.string().min(1), z.number()]).transform(String),
    item: z.union([z.string().min(1), z.number()]).transform(String),
    decision: z.enum(['accepted', 'dismissed']),
    /** the need's text, when the need is not in the needs file */
    needText: z.string().optional(),
    needLanguage: z.string().optional(),
  }),
  'must be an array of { need, item, decision: "accepted" | "dismissed" }',
);

function load<T>(file: string, schema: z.ZodType<T>, label: string): T {
  const parsed = schema.safeParse(readJson(file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
    throw new CliError(
      `${label} file ${file} is not valid: ${issue?.message ?? 'unknown problem'}${where}`,
    );
  }
  return parsed.data;
}

/**
 * `match --knowledge K.json --needs N.json [--top 10] [--reverse] [--decisions D.json]`: prints a
 * JSON object mapping each need id to its ranked knowledge ids (with --reverse: each knowledge id
 * to ranked need ids). D.json holds editors' earlier decisions, `[{ need, item, decision }]`,
 * which rank items as the app does: accepted for a similar need higher, dismissed lower.
 */
export async function runMatchCommand(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        knowledge: { type: 'string' },
        needs: { type: 'string' },
        top: { type: 'string', default: '10' },
        reverse: { type: 'boolean', default: false },
        decisions: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  if (!values.knowledge || !values.needs)
    throw new CliError('give --knowledge FILE and --needs FILE');
  const top = Number(values.top);
  if (!Number.isInteger(top) || top < 1 || top > 1000)
    throw new CliError('--top must be a whole number from 1 to 1000');
  const items = load(values.knowledge, KnowledgeFile, 'the knowledge');
  const needs = load(values.needs, NeedsFile, 'the needs');
  const byId = new Map(needs.map((n) => [n.id, n]));
  const feedback = values.decisions
    ? load(values.decisions, DecisionsFile, 'the decisions').map((d, i) => {
        const need = byId.get(d.need);
        const needText = d.needText ?? need?.text;
        if (needText === undefined)
          throw new CliError(
            `the decisions file ${values.decisions}: need ${d.need} (at ${i}) is not in the needs file and has no needText`,
          );
        return {
          needId: d.need,
          needText,
          needLanguage: d.needLanguage ?? need?.language ?? null,
          needTags: need?.tags ?? [],
          itemId: d.item,
          decision: d.decision,
        };
      })
    : [];
  const matcher = createMatcher(items, BUILT_IN_GLOSSARY, { feedback });
  const out: Record<string, string[]> = {};
  if (values.reverse) {
    for (const [id, ranked] of matcher.rankNeedsForItems(needs, top))
      out[id] = ranked.map((r) => r.id);
  } else {
    for (const need of needs) out[need.id] = matcher.rankForNeed(need, top).map((r) => r.id);
  }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}
