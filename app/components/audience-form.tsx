import { Form, Link, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AudienceFormSchema, readAudienceForm } from '~/forms/audience';
import type { FieldErrors } from '~/utils/forms';
import { useValidatedForm } from '~/utils/use-validated-form';
import { TextAreaField, TextField } from './field';

/** The form's fields as the action reads them back (and the page fills them in). */
export type AudienceFormValues = ReturnType<typeof readAudienceForm>['values'];

/** Name and description of a target audience; `version` guards against overwriting a change. */
export function AudienceForm({
  values,
  errors: serverErrors,
  version,
  submitLabel,
  cancelTo,
}: {
  values: AudienceFormValues;
  errors?: FieldErrors;
  version?: number;
  submitLabel: string;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const validation = useValidatedForm({ schema: AudienceFormSchema, read: readAudienceForm });
  const errors = validation.errorsWith(serverErrors);
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'save';
  return (
    <Form method="post" className="stack" key={version} {...validation.formProps()}>
      <input type="hidden" name="intent" value="save" />
      {version ? <input type="hidden" name="expectedVersion" value={version} /> : null}
      <TextField
        name="name"
        label={t('audiences.form.name')}
        hint={t('audiences.form.nameHint')}
        errors={errors}
        defaultValue={values.name}
        maxLength={120}
        required
      />
      <TextAreaField
        name="description"
        label={t('audiences.form.description')}
        hint={t('audiences.form.descriptionHint')}
        errors={errors}
        defaultValue={values.description}
        rows={3}
        maxLength={2000}
      />
      <div className="toolbar">
        <Link to={cancelTo}>{t('common.cancel')}</Link>
        <button type="submit" disabled={busy}>
          {busy ? t('common.saving') : submitLabel}
        </button>
      </div>
    </Form>
  );
}
