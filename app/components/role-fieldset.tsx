import { useTranslation } from 'react-i18next';
import { ROLES } from '~/domain/permissions';
import type { FieldErrors } from '~/utils/forms';
import { FieldError } from './field';

export function RoleFieldset({
  selected,
  errors,
}: {
  selected: readonly string[];
  errors?: FieldErrors;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <fieldset aria-describedby={errors?.roles ? 'field-roles-error' : undefined}>
        <legend>{t('users.roles')}</legend>
        {ROLES.map((role) => (
          <label key={role} className="checkbox">
            <input
              type="checkbox"
              name="roles"
              value={role}
              defaultChecked={selected.includes(role)}
            />
            {t(`roles.${role}`)}
          </label>
        ))}
      </fieldset>
      <FieldError errors={errors} name="roles" id="field-roles-error" />
    </div>
  );
}
