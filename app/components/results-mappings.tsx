import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FIELDS, PRESETS, type Field, type PresetKey } from '~/domain/results/presets';
import { METRIC_KEYS } from '~/domain/strategy/vocabulary';
import { MAPPING_VALUE_ROWS, ResultMappingSaveSchema } from '~/forms/results';
import type { FieldErrors } from '~/utils/forms';
import { useValidatedForm } from '~/utils/use-validated-form';
import { RowActionForm } from './row-action-form';

/**
 * The import page's saved column mappings: the list, each with its delete button, and the form
 * that saves a new one (name, the format it starts from, the columns read differently and the
 * columns whose values are results of a metric).
 */

export type MappingRow = {
  id: string;
  name: string;
  preset: PresetKey;
  mapping: { columns: Partial<Record<Field, string>>; values: Record<string, string> };
  version: number;
};

const CATALOGUE_METRICS = METRIC_KEYS.filter((k) => k !== 'custom');

function metricLabel(t: (key: string) => string, metric: string) {
  return (CATALOGUE_METRICS as readonly string[]).includes(metric)
    ? t(`strategy.metrics.${metric}`)
    : metric;
}

export function SavedMappings({
  mappings,
  busy,
  deleting,
}: {
  mappings: MappingRow[];
  busy: boolean;
  /** the mapping whose deletion is being sent */
  deleting?: string | null;
}) {
  const { t } = useTranslation();
  if (!mappings.length) return <p className="empty">{t('results.mappings.empty')}</p>;
  return (
    <div className="table-scroll">
      <table>
        <caption>{t('results.mappings.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.mappings.name')}</th>
            <th scope="col">{t('results.mappings.preset')}</th>
            <th scope="col">{t('results.mappings.maps')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('results.mappings.delete')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {mappings.map((m) => {
            const maps = [
              ...Object.entries(m.mapping.columns).map(([field, header]) =>
                t('results.mappings.columnMaps', {
                  header,
                  meaning: t(`results.mappings.fields.${field}`),
                }),
              ),
              ...Object.entries(m.mapping.values).map(([header, metric]) =>
                t('results.mappings.columnMaps', { header, meaning: metricLabel(t, metric) }),
              ),
            ];
            return (
              <tr key={m.id}>
                <th scope="row">{m.name}</th>
                <td>{t(`results.presets.${m.preset}`)}</td>
                <td>
                  {maps.length ? (
                    <ul className="plain">
                      {maps.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  ) : (
                    t('results.mappings.presetOnly')
                  )}
                </td>
                <td>
                  <RowActionForm
                    intent="deleteMapping"
                    id={m.id}
                    version={m.version}
                    label={
                      deleting === m.id
                        ? t('results.mappings.deleting')
                        : t('results.mappings.delete')
                    }
                    name={t('results.mappings.deleteNamed', { name: m.name })}
                    disabled={busy}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

type Values = Record<string, unknown> | null | undefined;

export function MappingForm({
  values,
  serverErrors,
  preset,
  busy,
  saving,
}: {
  /** the form as entered, after a refusal */
  values: Values;
  serverErrors: FieldErrors | undefined;
  /** the format to start from: the last preview's */
  preset: PresetKey | undefined;
  /** whether any form of the page is being sent */
  busy: boolean;
  /** whether this form is being sent */
  saving?: boolean;
}) {
  const { t } = useTranslation();
  const { errorsWith, formProps } = useValidatedForm({ schema: ResultMappingSaveSchema });
  const errors = errorsWith(serverErrors);
  const value = (name: string) => (typeof values?.[name] === 'string' ? String(values[name]) : '');
  const error = (name: string) =>
    errors[name] ? (
      <p className="field-error" id={`mapping-${name}-error`}>
        {t(errors[name]!.key, errors[name]!.values)}
      </p>
    ) : null;
  const described = (name: string, hint?: string) =>
    [hint, errors[name] ? `mapping-${name}-error` : null].filter(Boolean).join(' ') || undefined;
  const text = (name: string, label: string, hint?: string) => (
    <div className="field" key={name}>
      <label htmlFor={`mapping-${name}`}>{label}</label>
      <input
        id={`mapping-${name}`}
        name={name}
        defaultValue={value(name)}
        maxLength={name === 'name' ? 80 : 120}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={described(name, hint ? `mapping-${name}-hint` : undefined)}
      />
      {hint ? (
        <p className="field-hint" id={`mapping-${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error(name)}
    </div>
  );
  return (
    <Form method="post" className="stack" {...formProps()}>
      <h3 id="mapping-new-title">{t('results.mappings.new')}</h3>
      {text('name', t('results.mappings.name'), t('results.mappings.nameHint'))}
      <div className="field">
        <label htmlFor="mapping-preset">{t('results.mappings.presetField')}</label>
        <select
          id="mapping-preset"
          name="preset"
          defaultValue={value('preset') || preset || 'plausible'}
          aria-invalid={errors.preset ? true : undefined}
          aria-describedby={described('preset')}
        >
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`results.presets.${p}`)}
            </option>
          ))}
        </select>
        {error('preset')}
      </div>
      <fieldset aria-describedby="mapping-columns-hint">
        <legend>{t('results.mappings.columnsLegend')}</legend>
        <p className="field-hint" id="mapping-columns-hint">
          {t('results.mappings.columnsHint')}
        </p>
        {FIELDS.map((field) => text(field, t(`results.mappings.fields.${field}`)))}
      </fieldset>
      <fieldset aria-describedby="mapping-values-hint">
        <legend>{t('results.mappings.valuesLegend')}</legend>
        <p className="field-hint" id="mapping-values-hint">
          {t('results.mappings.valuesHint')}
        </p>
        {MAPPING_VALUE_ROWS.map((n) => (
          <div key={n}>
            {text(`valueColumn${n}`, t('results.mappings.valueColumn', { n }))}
            <div className="field">
              <label htmlFor={`mapping-valueMetric${n}`}>
                {t('results.mappings.valueMetric', { n })}
              </label>
              <select
                id={`mapping-valueMetric${n}`}
                name={`valueMetric${n}`}
                defaultValue={value(`valueMetric${n}`)}
                aria-invalid={errors[`valueMetric${n}`] ? true : undefined}
                aria-describedby={described(`valueMetric${n}`)}
              >
                <option value="">{t('results.mappings.metricNone')}</option>
                {CATALOGUE_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {t(`strategy.metrics.${m}`)}
                  </option>
                ))}
              </select>
              {error(`valueMetric${n}`)}
            </div>
          </div>
        ))}
      </fieldset>
      <div>
        <button type="submit" name="intent" value="saveMapping" disabled={busy}>
          {saving ? t('results.mappings.saving') : t('results.mappings.save')}
        </button>
      </div>
    </Form>
  );
}
