import { json } from '@remix-run/node';
import { saveRule } from '~/models/rule.server';
import { parseForm } from './forms';
import { RuleFormSchema } from '~/forms/rule';

/** Saves the rule form (new or existing rule); answers the form's errors or the outcome. */
export async function saveRuleFromForm(form: FormData, actorId: string, id?: string) {
  const values = Object.fromEntries(
    [...form.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  const result = parseForm(RuleFormSchema, values);
  if (!result.ok)
    return {
      response: json(
        { errors: result.errors, values, problem: null, examples: null },
        { status: 400 },
      ),
    };
  const { definition, changeNote, expectedRevision } = result.data;
  const outcome = await saveRule({ id, definition, actorId, changeNote, expectedRevision });
  if (!outcome.ok) {
    if (outcome.problem === 'notFound') throw new Response('Not found', { status: 404 });
    const examples =
      outcome.problem === 'examplesFail'
        ? { missed: outcome.missed, wronglyHit: outcome.wronglyHit }
        : null;
    return {
      response: json(
        { errors: {}, values, problem: `rules.problems.${outcome.problem}`, examples },
        { status: outcome.problem === 'conflict' ? 409 : 400 },
      ),
    };
  }
  return { id: outcome.id, recheck: outcome.recheck };
}
