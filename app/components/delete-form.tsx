import { Form, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { DeleteSchema } from '~/forms/delete';
import type { FieldErrors } from '~/utils/forms';
import { useValidatedForm } from '~/utils/use-validated-form';
import { FieldError } from './field';

/**
 * Deleting needs a ticked confirmation (no browser dialog), so it works the same with a
 * keyboard, a screen reader and without JavaScript.
 */
export function DeleteForm({
  version,
  confirmLabel,
  buttonLabel,
  errors: serverErrors,
}: {
  version: number;
  confirmLabel: string;
  buttonLabel: string;
  errors?: FieldErrors;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const validation = useValidatedForm({ schema: DeleteSchema });
  const errors = validation.errorsWith(serverErrors);
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'delete';
  return (
    <Form method="post" className="stack" {...validation.formProps()}>
      <input type="hidden" name="intent" value="delete" />
      <input type="hidden" name="expectedVersion" value={version} />
      <div className="checkbox">
        <input
          type="checkbox"
          id="field-confirm"
          name="confirm"
          value="yes"
          aria-invalid={Boolean(errors?.confirm) || undefined}
          aria-describedby={errors?.confirm ? 'field-confirm-error' : undefined}
        />
        <label htmlFor="field-confirm">{confirmLabel}</label>
      </div>
      <FieldError errors={errors} name="confirm" id="field-confirm-error" />
      <div>
        <button type="submit" className="button-danger" disabled={busy}>
          {busy ? t('common.deleting') : buttonLabel}
        </button>
      </div>
    </Form>
  );
}
