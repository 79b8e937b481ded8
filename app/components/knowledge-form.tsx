import { Form, Link, useNavigation } from '@remix-run/react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { suggestLanguage } from '~/domain/knowledge/language';
import { CONTENT_LANGUAGES, KNOWLEDGE_KINDS } from '~/domain/knowledge/vocabulary';
import type { FieldErrors } from '~/utils/forms';
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

export type KnowledgeFormDefaults = {
  title: string;
  summary: string;
  details: string;
  kind: string;
  language: string;
  department: string;
  tags: string[];
  links: string;
};

/** The form experts use to propose a topic and to revise it. */
export function KnowledgeForm({
  defaults,
  errors,
  tagSuggestions,
  departments,
  version,
  cancelTo,
  problem,
  isDraft,
}: {
  defaults: KnowledgeFormDefaults;
  errors?: FieldErrors;
  tagSuggestions: readonly string[];
  departments: readonly string[];
  version?: number;
  cancelTo: string;
  problem?: string | null;
  /** a new item or a draft: saving keeps it a draft; otherwise saving keeps its status */
  isDraft: boolean;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const [text, setText] = useState(`${defaults.title} ${defaults.summary} ${defaults.details}`);
  const [language, setLanguage] = useState(defaults.language);
  const [languageTouched, setLanguageTouched] = useState(Boolean(defaults.language));
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
      noValidate
      onChange={(e) => {
        onText(e.currentTarget);
        live.onChange();
      }}
      onSubmit={live.onSubmit}
    >
      {problem ? (
        <p className="form-error" role="alert">
          {t(problem)}
        </p>
      ) : null}
      {version ? <input type="hidden" name="expectedVersion" value={version} /> : null}
      <TextField
        name="title"
        label={t('knowledge.form.title')}
        errors={errors}
        defaultValue={defaults.title}
        required
        maxLength={200}
      />
      <TextAreaField
        name="summary"
        label={t('knowledge.form.summary')}
        errors={errors}
        rows={3}
        defaultValue={defaults.summary}
        required
      />
      <TextAreaField
        name="details"
        label={t('knowledge.form.details')}
        errors={errors}
        rows={6}
        defaultValue={defaults.details}
        hint={t('knowledge.form.detailsHint')}
      />
      <div className="field">
        <label htmlFor="field-kind">{t('knowledge.form.kind')}</label>
        <select id="field-kind" name="kind" defaultValue={defaults.kind || 'expertise'}>
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
        defaultValue={defaults.department}
        list="department-suggestions"
        required
      />
      <datalist id="department-suggestions">
        {departments.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
      <TagInput
        defaultTags={defaults.tags}
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
        defaultValue={defaults.links}
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
