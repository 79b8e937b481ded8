import { Form, Link, useNavigation } from '@remix-run/react';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { RULE_KINDS, RULE_SEVERITIES } from '~/domain/disclosure/vocabulary';
import { ruleFormSchema } from '~/forms/rule';

/** The browser's check of the rule form; the server also compiles regular expressions. */
const BrowserRuleFormSchema = ruleFormSchema();
import type { FieldErrors } from '~/utils/forms';
import type { ReachAnswer } from '~/models/rule-reach.server';
import { useValidatedForm } from '~/utils/use-validated-form';
import { TextAreaField, TextField } from './field';
import { formPayload, useDebouncedPost } from './live-disclosure';
import { RuleReachPanel } from './rule-reach';

export type RuleFormValues = Record<string, string | boolean>;

/** Create and edit a disclosure rule; lists are one entry per line. */
export function RuleForm({
  values,
  errors: serverErrors,
  revision,
  submitLabel,
  preview,
}: {
  values: RuleFormValues;
  errors?: FieldErrors;
  revision?: number;
  submitLabel: string;
  /** the reach from "Preview reach" (the form posted without JavaScript) */
  preview?: ReachAnswer | null;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const validation = useValidatedForm({
    schema: BrowserRuleFormSchema,
    // "Preview reach" saves nothing: the server shows the reach of whatever is typed
    skip: (submitter) => submitter.name === 'intent' && submitter.value === 'preview',
  });
  const errors = validation.errorsWith(serverErrors);
  const v = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const saving =
    navigation.state === 'submitting' && navigation.formData?.get('intent') !== 'preview';
  // the reach of the rule as typed, asked for whenever typing pauses (and once at the start)
  const form = useRef<HTMLFormElement>(null);
  const reach = useDebouncedPost<ReachAnswer>('/rules/reach');
  const { schedule } = reach;
  const check = useCallback(
    (wait?: number) => schedule(() => (form.current ? formPayload(form.current, []) : null), wait),
    [schedule],
  );
  useEffect(() => check(0), [check]);
  return (
    <Form
      ref={form}
      method="post"
      className="stack wide"
      onChange={() => check()}
      {...validation.formProps(reach.cancel)}
    >
      {revision ? <input type="hidden" name="expectedRevision" value={revision} /> : null}
      <TextField
        name="key"
        label={t('rules.form.key')}
        errors={errors}
        defaultValue={v('key')}
        hint={t('rules.form.keyHint')}
        required
      />
      <TextField
        name="name"
        label={t('rules.form.name')}
        errors={errors}
        defaultValue={v('name')}
        required
      />
      <TextField
        name="category"
        label={t('rules.form.category')}
        errors={errors}
        defaultValue={v('category')}
      />
      <div className="field">
        <label htmlFor="field-severity">{t('rules.form.severity')}</label>
        <select id="field-severity" name="severity" defaultValue={v('severity') || 'block'}>
          {RULE_SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`severity.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="field-kind">{t('rules.form.kind')}</label>
        <select
          id="field-kind"
          name="kind"
          defaultValue={v('kind') || 'term'}
          aria-describedby="field-kind-hint"
        >
          {RULE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`ruleKinds.${k}`)}
            </option>
          ))}
        </select>
        <p className="field-hint" id="field-kind-hint">
          {t('rules.form.kindHint')}
        </p>
      </div>
      <TextAreaField
        name="patterns"
        label={t('rules.form.patterns')}
        errors={errors}
        rows={3}
        defaultValue={v('patterns')}
        hint={t('rules.form.linesHint')}
      />
      <TextAreaField
        name="exceptions"
        label={t('rules.form.exceptions')}
        errors={errors}
        rows={2}
        defaultValue={v('exceptions')}
        hint={t('rules.form.exceptionsHint')}
      />
      <TextField
        name="window"
        inputMode="numeric"
        label={t('rules.form.window')}
        errors={errors}
        defaultValue={v('window')}
        hint={t('rules.form.windowHint')}
      />
      <RuleReachPanel answer={reach.data ?? preview} busy={reach.busy} />
      <TextAreaField
        name="message"
        label={t('rules.form.message')}
        errors={errors}
        rows={2}
        defaultValue={v('message')}
        hint={t('rules.form.messageHint')}
      />
      <TextAreaField
        name="rationale"
        label={t('rules.form.rationale')}
        errors={errors}
        rows={2}
        defaultValue={v('rationale')}
      />
      <TextAreaField
        name="examplesMatch"
        label={t('rules.form.examplesMatch')}
        errors={errors}
        rows={3}
        defaultValue={v('examplesMatch')}
        hint={t('rules.form.examplesHint')}
      />
      <TextAreaField
        name="examplesNoMatch"
        label={t('rules.form.examplesNoMatch')}
        errors={errors}
        rows={3}
        defaultValue={v('examplesNoMatch')}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          name="active"
          // a form that comes back after an error or a preview carries "on" only when it was ticked
          defaultChecked={values.active === true || values.active === 'on'}
        />
        {t('rules.form.active')}
      </label>
      <TextField
        name="changeNote"
        label={t('rules.form.changeNote')}
        errors={errors}
        defaultValue=""
      />
      <div className="toolbar">
        <Link to="/rules">{t('common.cancel')}</Link>
        <span className="inline">
          <button
            type="submit"
            name="intent"
            value="save"
            disabled={navigation.state === 'submitting'}
          >
            {saving ? t('rules.form.saving') : submitLabel}
          </button>
          {/* after the save button, so that Enter in a field still saves */}
          <button type="submit" name="intent" value="preview" className="button-secondary">
            {t('rules.reach.preview')}
          </button>
        </span>
      </div>
    </Form>
  );
}
