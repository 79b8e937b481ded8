import { formatDay } from '~/utils/format';
import { Form, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { Observation as DomainObservation } from '~/domain/results/aggregate';
import { METRIC_KEYS } from '~/domain/strategy/vocabulary';
import { ObservationEntrySchema } from '~/forms/results';
import type { FieldErrors } from '~/utils/forms';
import { useFormat } from '~/utils/use-format';
import { useValidatedForm } from '~/utils/use-validated-form';
import { BarChart } from './charts/bar-chart';
import type { ChartFrameProps } from './charts/chart-figure';
import { FieldError, TextAreaField, TextField } from './field';
import { metricLabel } from './results-table';

/**
 * What the results pages share about metric observations (a piece's Results section, the
 * workspace's numbers): the entry form's fields and one metric's numbers over its periods.
 */

/** An observation as the results pages show it: its period, value, source and note. */
export type Observation = Pick<
  DomainObservation,
  'id' | 'metric' | 'value' | 'periodStart' | 'periodEnd'
> & { source: string; note: string };

/** The values a refused entry is shown again with. */
export type EntryValues = {
  metric?: unknown;
  value?: unknown;
  periodStart?: unknown;
  periodEnd?: unknown;
  note?: unknown;
};

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** A calendar day as the reader writes it (`1 Oct 2026`, `01.10.2026`), never shifted by a zone. */
export function useDayFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'de' ? 'de' : 'en';
  return (day: string) => formatDay(day, locale);
}

/**
 * The fields of one observation: metric, value, period and note. With `usual`, those metrics
 * come first in a group of their own and the others follow in a second group.
 */
export function ObservationEntryFields({
  values,
  errors,
  usual,
  noteHint,
}: {
  values?: EntryValues | null;
  errors: FieldErrors;
  usual?: readonly string[];
  noteHint: string;
}) {
  const { t } = useTranslation();
  const options = (metrics: readonly string[]) =>
    metrics.map((m) => (
      <option key={m} value={m}>
        {metricLabel(t, m)}
      </option>
    ));
  const all = METRIC_KEYS.filter((m) => m !== 'custom');
  const dayField = (name: 'periodStart' | 'periodEnd', label: string) => (
    <TextField
      name={name}
      type="date"
      label={label}
      defaultValue={text(values?.[name])}
      errors={errors}
    />
  );
  return (
    <>
      <div className="field">
        <label htmlFor="field-metric">{t('results.workspace.metric')}</label>
        <select
          id="field-metric"
          name="metric"
          defaultValue={text(values?.metric)}
          aria-invalid={Boolean(errors.metric) || undefined}
          aria-describedby={errors.metric ? 'field-metric-error' : undefined}
        >
          <option value="">{t('results.workspace.chooseMetric')}</option>
          {usual ? (
            <>
              <optgroup label={t('results.workspace.usualMetrics')}>{options(usual)}</optgroup>
              <optgroup label={t('results.workspace.otherMetrics')}>
                {options(all.filter((m) => !usual.includes(m)))}
              </optgroup>
            </>
          ) : (
            options(all)
          )}
        </select>
        <FieldError errors={errors} name="metric" id="field-metric-error" />
      </div>
      <TextField
        name="value"
        label={t('results.workspace.value')}
        hint={t('results.workspace.valueHint')}
        inputMode="decimal"
        autoComplete="off"
        defaultValue={text(values?.value)}
        errors={errors}
      />
      <div className="inline">
        {dayField('periodStart', t('results.workspace.periodStart'))}
        {dayField('periodEnd', t('results.workspace.periodEnd'))}
      </div>
      <TextAreaField
        name="note"
        label={t('results.workspace.note')}
        hint={noteHint}
        rows={2}
        defaultValue={text(values?.note)}
        errors={errors}
      />
    </>
  );
}

/** Entering one observation: the fields above, checked in the browser, posted with `intent`. */
export function ObservationEntryForm({
  intent,
  values,
  errors: serverErrors,
  usual,
  noteHint,
  submitLabel,
  labelledBy,
}: {
  intent: string;
  values?: EntryValues | null;
  errors?: FieldErrors;
  usual?: readonly string[];
  noteHint: string;
  submitLabel: string;
  /** the id of the heading that names the form */
  labelledBy?: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const validation = useValidatedForm({ schema: ObservationEntrySchema });
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === intent;
  return (
    <Form method="post" className="stack" aria-labelledby={labelledBy} {...validation.formProps()}>
      <input type="hidden" name="intent" value={intent} />
      <ObservationEntryFields
        values={values}
        errors={validation.errorsWith(serverErrors)}
        usual={usual}
        noteHint={noteHint}
      />
      <div>
        <button type="submit" disabled={busy}>
          {busy ? t('results.workspace.saving') : submitLabel}
        </button>
      </div>
    </Form>
  );
}

/**
 * One metric's numbers over the periods: a bar per period (oldest at the top), the same figures
 * as a table with their notes and sources, a delete button per entry made by hand for those who
 * may enter results (posting `deleteIntent`), and the figures as a CSV download.
 */
export function ObservationChart({
  metric,
  observations,
  canWrite,
  deleteIntent,
  csv,
  ...frame
}: Pick<ChartFrameProps, 'title' | 'headingLevel' | 'titleHidden'> & {
  metric: string;
  observations: readonly Observation[];
  canWrite: boolean;
  deleteIntent: string;
  /** the address of the metric's figures as CSV, without its query (`?metric=` is added) */
  csv: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const day = useDayFormat();
  const navigation = useNavigation();
  const label = metricLabel(t, metric);
  const period = (o: Observation) =>
    o.periodStart === o.periodEnd
      ? day(o.periodStart)
      : t('results.workspace.period', { from: day(o.periodStart), to: day(o.periodEnd) });
  const number = (v: number) => f.number(Math.round(v * 100) / 100);
  const chronological = [...observations].sort(
    (a, b) => a.periodEnd.localeCompare(b.periodEnd) || a.periodStart.localeCompare(b.periodStart),
  );
  const latest = chronological[chronological.length - 1]!;
  return (
    <BarChart
      {...frame}
      summary={t('results.workspace.chartSummary', {
        count: observations.length,
        value: number(latest.value),
        period: period(latest),
      })}
      headers={{ label: t('results.workspace.periodColumn'), value: t('results.workspace.value') }}
      data={chronological.map((o) => ({
        key: o.id,
        label: period(o),
        value: o.value,
        valueText: number(o.value),
      }))}
      download={{
        href: `${csv}?${new URLSearchParams({ metric })}`,
        label: t('strategy.results.download', { chart: frame.title }),
      }}
      table={
        <table>
          <caption className="visually-hidden">
            {t('results.workspace.tableCaption', { metric: label })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('results.workspace.periodColumn')}</th>
              <th scope="col" className="numeric">
                {t('results.workspace.value')}
              </th>
              <th scope="col">{t('results.workspace.note')}</th>
              <th scope="col">{t('results.workspace.source')}</th>
              {canWrite ? (
                <th scope="col">
                  <span className="visually-hidden">{t('results.workspace.actions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {chronological.map((o) => (
              <tr key={o.id}>
                <th scope="row">{period(o)}</th>
                <td className="numeric">{number(o.value)}</td>
                <td>{o.note}</td>
                <td>
                  {t(`results.workspace.sources.${o.source === 'import' ? 'import' : 'manual'}`)}
                </td>
                {canWrite ? (
                  <td>
                    {o.source === 'manual' ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value={deleteIntent} />
                        <input type="hidden" name="id" value={o.id} />
                        <button
                          type="submit"
                          className="button-secondary"
                          disabled={
                            navigation.state === 'submitting' &&
                            navigation.formData?.get('intent') === deleteIntent &&
                            navigation.formData?.get('id') === o.id
                          }
                          aria-label={t('results.workspace.deleteNamed', {
                            metric: label,
                            period: period(o),
                          })}
                        >
                          {t('results.workspace.delete')}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
