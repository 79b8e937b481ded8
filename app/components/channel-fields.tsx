import { useTranslation } from 'react-i18next';
import { fieldsOfChannel, type ChannelField } from '~/domain/calendar/channel-fields';
import { PLANNING_INPUT_RANGE } from '~/domain/calendar/vocabulary';
import type { FieldErrors } from '~/utils/forms';
import { TextField } from './field';

/** The input attributes each kind of channel field gets (its type, its keyboard, its range). */
function inputOf(field: ChannelField): React.InputHTMLAttributes<HTMLInputElement> {
  switch (field.kind) {
    case 'url':
      return { type: 'url' };
    case 'integer':
      return { inputMode: 'numeric' };
    case 'dateTime':
      return { type: 'datetime-local', ...PLANNING_INPUT_RANGE };
    default:
      return {};
  }
}

/**
 * The fields only the chosen channel has, rendered from the table in
 * domain/calendar/channel-fields (the same table the schema and the model read).
 */
export function ChannelFields({
  channel,
  value,
  errors,
  inputProps,
}: {
  channel: string;
  /** the field's value to start from */
  value: (name: string) => string;
  errors?: FieldErrors;
  /** further attributes for a field's input (e.g. the browser's own checks) */
  inputProps?: (name: string) => React.InputHTMLAttributes<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  const fields = fieldsOfChannel(channel);
  if (!fields.length) return null;
  return (
    <fieldset className="channel-fields">
      <legend>{t(`channels.${channel}`)}</legend>
      {fields.map((field) =>
        field.kind === 'yesNo' ? (
          <div className="field" key={field.name}>
            <label htmlFor={`field-${field.name}`}>{t(field.label)}</label>
            <select id={`field-${field.name}`} name={field.name} defaultValue={value(field.name)}>
              <option value="">{t('calendar.form.undecided')}</option>
              <option value="yes">{t('calendar.form.gatedYes')}</option>
              <option value="no">{t('calendar.form.gatedNo')}</option>
            </select>
          </div>
        ) : (
          <TextField
            key={field.name}
            name={field.name}
            {...inputOf(field)}
            {...inputProps?.(field.name)}
            label={t(field.label)}
            errors={errors}
            defaultValue={value(field.name)}
            hint={field.hint ? t(field.hint) : undefined}
          />
        ),
      )}
    </fieldset>
  );
}
