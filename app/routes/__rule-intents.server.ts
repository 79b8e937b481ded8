import { json, redirect } from '@remix-run/node';
import { z } from 'zod';
import { RuleFormSchema } from '~/forms/rule.server';
import { answerDraftReach } from '~/models/rule-reach.server';
import { saveRule } from '~/models/rule.server';
import { intent } from '~/utils/intent-action.server';

/** The intents the rule form has on both the new-rule and the rule page. */

/** Where a saved rule goes: its page, with how many pieces the recheck looked at and moved. */
export const afterRuleSaved = (id: string, recheck: { checked: number; movedBack: number }) =>
  redirect(`/rules/${id}?checked=${recheck.checked}&movedBack=${recheck.movedBack}`);

/**
 * "Preview reach" without JavaScript: the form comes back as typed, with the drafted rule's
 * reach, and nothing is saved.
 */
export const previewRuleIntent = intent({
  permission: 'rules:manage',
  schema: z.record(z.string(), z.unknown()),
  run: async ({ user, data }) => ({
    ok: true as const,
    reach: (await answerDraftReach(data, user)).answer,
  }),
  done: ({ reach }, { data }) =>
    json({ ok: true as const, intent: 'preview' as const, values: data, reach }),
});

/** Saves the rule form: a new rule, or the rule of the page (`params.ruleId`). */
export const saveRuleIntent = intent({
  permission: 'rules:manage',
  schema: RuleFormSchema,
  keepValues: true,
  run: ({ user, data, params }) =>
    saveRule({
      id: params.ruleId,
      definition: data.definition,
      actorId: user.id,
      changeNote: data.changeNote,
      expectedRevision: data.expectedRevision,
    }),
  problems: { notFound: 404, conflict: 409, keyTaken: 400, examplesFail: 400 },
  done: ({ id, recheck }) => afterRuleSaved(id, recheck),
});
