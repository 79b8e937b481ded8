import { Form, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '~/utils/forms';
import { FieldError } from './field';

/**
 * Deleting needs a ticked confirmation (no browser dialog), so it works the same with a
 * keyboard, a screen reader and without JavaScript.
 */
export function DeleteForm({
  version,
  confirmLabel,
  buttonLabel,
  errors,
}: {
  version: number;
  confirmLabel: string;
  buttonLabel: string;
  errors?: FieldErrors;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'delete';
  return (
    <Form method="post" className="stack" noValidate>
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
