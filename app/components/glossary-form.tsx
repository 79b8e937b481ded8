import { Form, Link, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GlossaryFormSchema, readGlossaryForm } from '~/forms/glossary';
import type { FieldErrors } from '~/utils/forms';
import { useValidatedForm } from '~/utils/use-validated-form';
import { TextAreaField } from './field';

/** The form's fields as the action reads them back (and the page fills them in). */
export type GlossaryFormValues = ReturnType<typeof readGlossaryForm>['values'];

/** A concept's terms, one per line (or separated by commas), German, English and both. */
export function GlossaryForm({
  values,
  errors: serverErrors,
  version,
  submitLabel,
}: {
  values: GlossaryFormValues;
  errors?: FieldErrors;
  version?: number;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const validation = useValidatedForm({ schema: GlossaryFormSchema, read: readGlossaryForm });
  const errors = validation.errorsWith(serverErrors);
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'save';
  return (
    <Form method="post" className="stack" key={version} {...validation.formProps()}>
      <input type="hidden" name="intent" value="save" />
      {version ? <input type="hidden" name="expectedVersion" value={version} /> : null}
      <p className="field-hint">{t('glossary.form.intro')}</p>
      <div className="grid-2">
        <TextAreaField
          name="de"
          label={t('glossary.form.de')}
          hint={t('glossary.form.deHint')}
          errors={errors}
          defaultValue={values.de}
          rows={5}
          lang="de"
        />
        <TextAreaField
          name="en"
          label={t('glossary.form.en')}
          hint={t('glossary.form.enHint')}
          errors={errors}
          defaultValue={values.en}
          rows={5}
          lang="en"
        />
      </div>
      <TextAreaField
        name="both"
        label={t('glossary.form.both')}
        hint={t('glossary.form.bothHint')}
        errors={errors}
        defaultValue={values.both}
        rows={2}
      />
      <TextAreaField
        name="note"
        label={t('glossary.form.note')}
        errors={errors}
        defaultValue={values.note}
        rows={2}
        maxLength={1000}
      />
      <div className="toolbar">
        <Link to="/glossary">{t('common.cancel')}</Link>
        <button type="submit" disabled={busy}>
          {busy ? t('common.saving') : submitLabel}
        </button>
      </div>
    </Form>
  );
}
