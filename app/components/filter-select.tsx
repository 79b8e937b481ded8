import { useSubmit } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

export type FilterOption = { value: string; label: string };

/** One filter of a GET filter form: choosing a value applies it at once (the URL follows). */
export function FilterSelect({
  id,
  name,
  label,
  current,
  options,
}: {
  id: string;
  name: string;
  label: string;
  current: string;
  options: readonly FilterOption[];
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={current}
        onChange={(e) => submit(e.currentTarget.form)}
      >
        <option value="">{t('knowledge.filters.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
