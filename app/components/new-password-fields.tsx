import { useTranslation } from 'react-i18next';
import { TextField } from '~/components/field';
import type { FieldErrors } from '~/utils/forms';

/** A new password and its repetition, as the password change and the reset link ask for them. */
export function NewPasswordFields({
  errors,
  minLength,
}: {
  errors?: FieldErrors;
  minLength: number;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        name="newPassword"
        type="password"
        label={t('account.password.new')}
        hint={t('account.password.hint', { min: minLength })}
        errors={errors}
        autoComplete="new-password"
        required
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={t('account.password.confirm')}
        errors={errors}
        autoComplete="new-password"
        required
      />
    </>
  );
}
