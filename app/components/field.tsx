import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '~/utils/forms';

/** The first error of a field, translated, linked to its input by id. */
export function FieldError({
  errors,
  name,
  id,
}: {
  errors?: FieldErrors;
  name: string;
  id: string;
}) {
  const { t } = useTranslation();
  const error = errors?.[name];
  if (!error) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {t(error.key, error.values)}
    </p>
  );
}

type FieldProps = { name: string; label: ReactNode; errors?: FieldErrors; hint?: ReactNode };

/**
 * Label, hint and error around one control, linked by ids; `control` gets the attributes that
 * tie it to them (id, name, aria-invalid, aria-describedby).
 */
function Field({
  name,
  label,
  errors,
  hint,
  control,
}: FieldProps & {
  control: (a: {
    id: string;
    name: string;
    'aria-invalid'?: boolean;
    'aria-describedby'?: string;
  }) => ReactNode;
}) {
  const id = `field-${name}`;
  const invalid = Boolean(errors?.[name]);
  const describedBy =
    [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control({ id, name, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy })}
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError errors={errors} name={name} id={`${id}-error`} />
    </div>
  );
}

export function TextAreaField({
  name,
  label,
  errors,
  hint,
  ...textarea
}: FieldProps & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field
      name={name}
      label={label}
      errors={errors}
      hint={hint}
      control={(a) => <textarea {...a} {...textarea} />}
    />
  );
}

export function TextField({
  name,
  label,
  errors,
  hint,
  ...input
}: FieldProps & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field
      name={name}
      label={label}
      errors={errors}
      hint={hint}
      control={(a) => <input {...a} {...input} />}
    />
  );
}
