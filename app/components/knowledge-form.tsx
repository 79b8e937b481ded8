import { Form, Link, useNavigation } from '@remix-run/react';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { suggestLanguage } from '~/domain/knowledge/language';
import { CONTENT_LANGUAGES, KNOWLEDGE_KINDS } from '~/domain/knowledge/vocabulary';
import {
  KnowledgeFormSchema,
  readKnowledgeFormData,
  type KnowledgeFormValues,
} from '~/forms/knowledge';
import type { FieldErrors } from '~/utils/forms';
import { useValidatedForm } from '~/utils/use-validated-form';
import { FieldError, TextAreaField, TextField } from './field';
import {
  formPayload,
  LiveDisclosurePanel,
  useHydrated,
  useLiveDisclosure,
} from './live-disclosure';
import { TagInput } from './tag-input';

/** The label of each field the disclosure check reads, as the form names it. */
const FIELD_LABELS: Record<string, string> = {
  title: 'knowledge.form.title',
  summary: 'knowledge.form.summary',
  details: 'knowledge.form.details',
  department: 'knowledge.form.department',
  tags: 'knowledge.form.tags',
  links: 'knowledge.form.links',
  expert: 'disclosure.fields.expert',
};

/** The form experts use to propose a topic and to revise it. */
export function KnowledgeForm({
  values,
  errors: serverErrors,
  tagSuggestions,
  departments,
  version,
  cancelTo,
  problem,
  isDraft,
  children,
}: {
  values: KnowledgeFormValues;
  errors?: FieldErrors;
  tagSuggestions: readonly string[];
  departments: readonly string[];
  version?: number;
  cancelTo: string;
  problem?: string | null;
  /** a new item or a draft: saving keeps it a draft; otherwise saving keeps its status */
  isDraft: boolean;
  /** further hidden fields the page sends along (e.g. the topic request a new item answers) */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const validation = useValidatedForm({
    schema: KnowledgeFormSchema,
    read: readKnowledgeFormData,
  });
  const errors = validation.errorsWith(serverErrors);
  const [text, setText] = useState(`${values.title} ${values.summary} ${values.details}`);
  const [language, setLanguage] = useState(values.language);
  const [languageTouched, setLanguageTouched] = useState(Boolean(values.language));
  const suggested = useMemo(() => suggestLanguage(text), [text]);
  const shownLanguage = languageTouched ? language : (suggested ?? language);
  const onText = (form: HTMLFormElement) => {
    const data = new FormData(form);
    setText(['title', 'summary', 'details'].map((k) => String(data.get(k) ?? '')).join(' '));
  };
  const form = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();
  const live = useLiveDisclosure(form, (f) => ({
    ...formPayload(f, ['tags']),
    intent: 'check-knowledge',
  }));
  return (
    <Form
      ref={form}
      method="post"
      className="stack wide"
      onChange={(e) => {
        onText(e.currentTarget);
        live.onChange();
      }}
      {...validation.formProps(live.onSubmit)}
    >
      {problem ? (
        <p className="form-error" role="alert">
          {t(problem)}
        </p>
      ) : null}
      {version ? <input type="hidden" name="expectedVersion" value={version} /> : null}
      {children}
      <TextField
        name="title"
        label={t('knowledge.form.title')}
        errors={errors}
        defaultValue={values.title}
        required
        maxLength={200}
      />
      <TextAreaField
        name="summary"
        label={t('knowledge.form.summary')}
        errors={errors}
        rows={3}
        defaultValue={values.summary}
        required
      />
      <TextAreaField
        name="details"
        label={t('knowledge.form.details')}
        errors={errors}
        rows={6}
        defaultValue={values.details}
        hint={t('knowledge.form.detailsHint')}
      />
      <div className="field">
        <label htmlFor="field-kind">{t('knowledge.form.kind')}</label>
        <select id="field-kind" name="kind" defaultValue={values.kind || 'expertise'}>
          {KNOWLEDGE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
        <FieldError errors={errors} name="kind" id="field-kind-error" />
      </div>
      <div className="field">
        <label htmlFor="field-language">{t('knowledge.form.language')}</label>
        <select
          id="field-language"
          name="language"
          value={shownLanguage || 'de'}
          onChange={(e) => {
            setLanguage(e.target.value);
            setLanguageTouched(true);
          }}
          aria-describedby="field-language-hint"
        >
          {CONTENT_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`contentLanguages.${l}`)}
            </option>
          ))}
        </select>
        <p className="field-hint" id="field-language-hint" aria-live="polite">
          {suggested
            ? t('knowledge.form.languageSuggested', {
                language: t(`contentLanguages.${suggested}`),
              })
            : t('knowledge.form.languageHint')}
        </p>
        <FieldError errors={errors} name="language" id="field-language-error" />
      </div>
      <TextField
        name="department"
        label={t('knowledge.form.department')}
        errors={errors}
        defaultValue={values.department}
        list="department-suggestions"
        required
      />
      <datalist id="department-suggestions">
        {departments.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
      <TagInput
        defaultTags={values.tags}
        suggestions={tagSuggestions}
        label={t('knowledge.form.tags')}
        errorId="field-tags-error"
        invalid={Boolean(errors?.tags)}
      />
      <FieldError errors={errors} name="tags" id="field-tags-error" />
      <TextAreaField
        name="links"
        label={t('knowledge.form.links')}
        errors={errors}
        rows={2}
        defaultValue={values.links}
        hint={t('knowledge.form.linksHint')}
      />
      {hydrated ? (
        <LiveDisclosurePanel
          id="knowledge-live-disclosure"
          answer={live.answer}
          busy={live.busy}
          valueOf={live.valueOf}
          labelOf={(field) => t(FIELD_LABELS[field] ?? `disclosure.fields.${field}`)}
        />
      ) : null}
      <div className="toolbar">
        <Link to={cancelTo}>{t('common.cancel')}</Link>
        <span className="inline">
          <button
            type="submit"
            name="intent"
            value="save"
            className="button-secondary"
            disabled={busy}
          >
            {isDraft ? t('knowledge.form.saveDraft') : t('knowledge.form.save')}
          </button>
          <button type="submit" name="intent" value="submit" disabled={busy}>
            {busy ? t('common.saving') : t('knowledge.form.submit')}
          </button>
        </span>
      </div>
    </Form>
  );
}
