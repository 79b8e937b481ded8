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

function describedBy(id: string, hint: boolean, invalid: boolean) {
  return (
    [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined
  );
}

export function TextAreaField({
  name,
  label,
  errors,
  hint,
  ...textarea
}: {
  name: string;
  label: ReactNode;
  errors?: FieldErrors;
  hint?: ReactNode;
} & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = `field-${name}`;
  const invalid = Boolean(errors?.[name]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, Boolean(hint), invalid)}
        {...textarea}
      />
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError errors={errors} name={name} id={`${id}-error`} />
    </div>
  );
}

export function TextField({
  name,
  label,
  errors,
  hint,
  ...input
}: {
  name: string;
  label: ReactNode;
  errors?: FieldErrors;
  hint?: ReactNode;
} & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = `field-${name}`;
  const invalid = Boolean(errors?.[name]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, Boolean(hint), invalid)}
        {...input}
      />
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError errors={errors} name={name} id={`${id}-error`} />
    </div>
  );
}
