import fs from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { checkText, type Verdict } from '~/domain/disclosure/engine';
import { parseRuleSet } from '~/utils/ruleset.server';
import { CliError, readJson } from './common';

/**
 * `disclosure check --rules R.json [--text FILE] [--jsonl]`: decides texts against a rule set.
 * Prints { decision, findings } (with --jsonl: one { id, decision, findings } per input line).
 * Exit 0 allow or warn, 1 block (any, with --jsonl), 2 bad input.
 */
export async function runDisclosureCommand(
  command: string | undefined,
  args: string[],
): Promise<number> {
  if (command !== 'check')
    throw new CliError(`unknown disclosure command "${command ?? ''}" (check)`);
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        rules: { type: 'string' },
        text: { type: 'string' },
        jsonl: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  if (!values.rules) throw new CliError('give the rule set with --rules FILE');
  const rules = parseRuleSet(readJson(values.rules));
  if (!rules.ok)
    throw new CliError(
      `the rule set ${values.rules} is not valid:\n  ${rules.errors.join('\n  ')}`,
    );
  const { compiled } = rules;
  const out = (v: Verdict, id?: unknown) =>
    JSON.stringify({
      ...(id !== undefined ? { id } : {}),
      decision: v.decision,
      findings: v.findings.map(({ ruleId, severity, start, end, excerpt }) => ({
        ruleId,
        severity,
        start,
        end,
        excerpt,
      })),
    });

  if (values.jsonl) {
    let blocked = false;
    const input = values.text ? fs.createReadStream(values.text) : process.stdin;
    let line = 0;
    for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
      line++;
      if (!raw.trim()) continue;
      let item: unknown;
      try {
        item = JSON.parse(raw);
      } catch {
        throw new CliError(`line ${line} is not JSON`);
      }
      if (
        !item ||
        typeof item !== 'object' ||
        typeof (item as { text?: unknown }).text !== 'string'
      ) {
        throw new CliError(`line ${line} needs an object with "id" and "text"`);
      }
      const { id, text } = item as { id?: unknown; text: string };
      const verdict = checkText(compiled, text);
      blocked ||= verdict.decision === 'block';
      process.stdout.write(`${out(verdict, id ?? line)}\n`);
    }
    return blocked ? 1 : 0;
  }
  let text: string;
  try {
    text = values.text ? fs.readFileSync(values.text, 'utf8') : fs.readFileSync(0, 'utf8');
  } catch (error) {
    throw new CliError(
      `cannot read the text: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const verdict = checkText(compiled, text);
  process.stdout.write(`${out(verdict)}\n`);
  return verdict.decision === 'block' ? 1 : 0;
}
