import type { SerializeFrom } from '@remix-run/node';
import { Form, Link, useNavigation } from '@remix-run/react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { suggestLanguage } from '~/domain/knowledge/language';
import { CONTENT_LANGUAGES } from '~/domain/knowledge/vocabulary';
import { NeedFormSchema, readNeedForm } from '~/forms/audience';
import type { loader as needLoader } from '~/routes/needs.new';
import type { FieldErrors } from '~/utils/forms';
import { useValidatedForm } from '~/utils/use-validated-form';
import { FieldError, TextAreaField } from './field';
import { TagInput } from './tag-input';

/** The form's fields as the action reads them back (and the page fills them in). */
export type NeedFormValues = ReturnType<typeof readNeedForm>['values'];
/** The audiences to choose from, as the pages' loaders list them. */
type AudienceChoices = SerializeFrom<typeof needLoader>['audiences'];

/**
 * What an audience wants to know: the question in its own words, tags, priority and language
 * (suggested from the text until the editor picks one).
 */
export function NeedForm({
  values,
  errors: serverErrors,
  version,
  audiences,
  tagSuggestions,
  submitLabel,
  cancelTo,
}: {
  values: NeedFormValues;
  errors?: FieldErrors;
  version?: number;
  audiences: AudienceChoices;
  tagSuggestions: readonly string[];
  submitLabel: string;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const validation = useValidatedForm({ schema: NeedFormSchema, read: readNeedForm });
  const errors = validation.errorsWith(serverErrors);
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'save';
  const [text, setText] = useState(values.text);
  const [language, setLanguage] = useState(values.language);
  const [languageTouched, setLanguageTouched] = useState(Boolean(values.language));
  const suggested = useMemo(() => suggestLanguage(text), [text]);
  const shownLanguage = languageTouched ? language : (suggested ?? language);
  return (
    <Form method="post" className="stack wide" key={version} {...validation.formProps()}>
      <input type="hidden" name="intent" value="save" />
      {version ? <input type="hidden" name="expectedVersion" value={version} /> : null}
      <div className="field">
        <label htmlFor="field-audienceId">{t('needs.form.audience')}</label>
        <select
          id="field-audienceId"
          name="audienceId"
          defaultValue={values.audienceId}
          aria-invalid={Boolean(errors?.audienceId) || undefined}
          aria-describedby={errors?.audienceId ? 'field-audienceId-error' : undefined}
        >
          {values.audienceId ? null : <option value="">{t('needs.form.chooseAudience')}</option>}
          {audiences.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <FieldError errors={errors} name="audienceId" id="field-audienceId-error" />
      </div>
      <TextAreaField
        name="text"
        label={t('needs.form.text')}
        hint={t('needs.form.textHint')}
        errors={errors}
        defaultValue={values.text}
        onChange={(e) => setText(e.target.value)}
        rows={3}
        maxLength={1000}
        required
      />
      <TagInput
        defaultTags={values.tags}
        suggestions={tagSuggestions}
        label={t('needs.form.tags')}
        errorId="field-tags-error"
        invalid={Boolean(errors?.tags)}
      />
      <FieldError errors={errors} name="tags" id="field-tags-error" />
      <div className="field">
        <label htmlFor="field-priority">{t('needs.form.priority')}</label>
        <select id="field-priority" name="priority" defaultValue={values.priority || '2'}>
          {['3', '2', '1'].map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </select>
        <FieldError errors={errors} name="priority" id="field-priority-error" />
      </div>
      <div className="field">
        <label htmlFor="field-language">{t('needs.form.language')}</label>
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
      <div className="toolbar">
        <Link to={cancelTo}>{t('common.cancel')}</Link>
        <button type="submit" disabled={busy}>
          {busy ? t('common.saving') : submitLabel}
        </button>
      </div>
    </Form>
  );
}
