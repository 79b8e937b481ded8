import { compileRules, RuleCompileError } from '~/domain/disclosure/engine';
import { ruleFormSchema } from './rule';

/**
 * The rule form as the server checks it: also whether every regular expression compiles. The
 * browser checks the same form without this step, so the engine stays out of its bundle.
 */
export const RuleFormSchema = ruleFormSchema(({ key, severity, kind, patterns }) => {
  if (kind !== 'regex') return null;
  try {
    compileRules([{ id: key, severity, kind: 'regex', patterns }]);
    return null;
  } catch (error) {
    return error instanceof RuleCompileError ? 'rules.form.badRegex' : 'validation.invalid';
  }
});
