import { Form, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { METRIC_KEYS } from '~/domain/strategy/vocabulary';
import { ObservationEntrySchema } from '~/forms/results';
import type { FieldErrors } from '~/utils/forms';
import { useFormat } from '~/utils/use-format';
import { useValidatedForm } from '~/utils/use-validated-form';
import { BarChart } from './charts/bar-chart';
import { TextAreaField, TextField } from './field';
import { metricLabel } from './results-table';

/** The numbers of the whole workspace that people usually enter by hand, offered first. */
export const WORKSPACE_METRICS = [
  'nps',
  'mentions',
  'tonality',
  'repurchase_rate',
  'support_tickets',
  'engagement',
] as const;

export type WorkspaceObservation = {
  id: string;
  metric: string;
  value: number;
  periodStart: string;
  periodEnd: string;
  source: string;
  note: string;
};

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
  const locale = i18n.language === 'de' ? 'de-DE' : 'en-GB';
  return (day: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${day}T00:00:00Z`),
    );
}

/** Entering one number of the workspace for a period. */
export function WorkspaceEntryForm({
  values,
  errors: serverErrors,
}: {
  values?: EntryValues | null;
  errors?: FieldErrors;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const validation = useValidatedForm({ schema: ObservationEntrySchema });
  const errors = validation.errorsWith(serverErrors);
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'enter';
  const others = METRIC_KEYS.filter(
    (m) => m !== 'custom' && !(WORKSPACE_METRICS as readonly string[]).includes(m),
  );
  const metricError = errors.metric ? 'field-metric-error' : undefined;
  return (
    <Form method="post" className="stack" {...validation.formProps()}>
      <input type="hidden" name="intent" value="enter" />
      <div className="field">
        <label htmlFor="field-metric">{t('results.workspace.metric')}</label>
        <select
          id="field-metric"
          name="metric"
          defaultValue={text(values?.metric)}
          aria-invalid={Boolean(errors.metric) || undefined}
          aria-describedby={metricError}
        >
          <option value="">{t('results.workspace.chooseMetric')}</option>
          <optgroup label={t('results.workspace.usualMetrics')}>
            {WORKSPACE_METRICS.map((m) => (
              <option key={m} value={m}>
                {metricLabel(t, m)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('results.workspace.otherMetrics')}>
            {others.map((m) => (
              <option key={m} value={m}>
                {metricLabel(t, m)}
              </option>
            ))}
          </optgroup>
        </select>
        {errors.metric ? (
          <p className="field-error" id="field-metric-error" role="alert">
            {t(errors.metric.key, errors.metric.values)}
          </p>
        ) : null}
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
        <TextField
          name="periodStart"
          type="date"
          label={t('results.workspace.periodStart')}
          defaultValue={text(values?.periodStart)}
          errors={errors}
        />
        <TextField
          name="periodEnd"
          type="date"
          label={t('results.workspace.periodEnd')}
          defaultValue={text(values?.periodEnd)}
          errors={errors}
        />
      </div>
      <TextAreaField
        name="note"
        label={t('results.workspace.note')}
        hint={t('results.workspace.noteHint')}
        rows={2}
        defaultValue={text(values?.note)}
        errors={errors}
      />
      <div>
        <button type="submit" disabled={busy}>
          {busy ? t('results.workspace.saving') : t('results.workspace.save')}
        </button>
      </div>
    </Form>
  );
}

/**
 * One metric's numbers over the periods: a bar per period (oldest at the top) and the same
 * figures as a table, with a delete button per entry for those who may enter results.
 */
export function WorkspaceMetric({
  metric,
  observations,
  canWrite,
}: {
  metric: string;
  observations: WorkspaceObservation[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const day = useDayFormat();
  const navigation = useNavigation();
  const label = metricLabel(t, metric);
  const period = (o: WorkspaceObservation) =>
    o.periodStart === o.periodEnd
      ? day(o.periodStart)
      : t('results.workspace.period', { from: day(o.periodStart), to: day(o.periodEnd) });
  const number = (v: number) => f.number(Math.round(v * 100) / 100);
  const chronological = [...observations].sort(
    (a, b) => a.periodEnd.localeCompare(b.periodEnd) || a.periodStart.localeCompare(b.periodStart),
  );
  const latest = chronological[chronological.length - 1]!;
  return (
    <section className="card" aria-labelledby={`metric-${metric}`}>
      <h2 id={`metric-${metric}`}>{label}</h2>
      <BarChart
        title={t('results.workspace.chartTitle', { metric: label })}
        titleHidden
        summary={t('results.workspace.chartSummary', {
          count: observations.length,
          value: number(latest.value),
          period: period(latest),
        })}
        headers={{
          label: t('results.workspace.periodColumn'),
          value: t('results.workspace.value'),
        }}
        data={chronological.map((o) => ({
          key: o.id,
          label: period(o),
          value: o.value,
          valueText: number(o.value),
        }))}
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
              {observations.map((o) => {
                const deleting =
                  navigation.state === 'submitting' &&
                  navigation.formData?.get('intent') === 'delete' &&
                  navigation.formData?.get('id') === o.id;
                return (
                  <tr key={o.id}>
                    <th scope="row">{period(o)}</th>
                    <td className="numeric">{number(o.value)}</td>
                    <td>{o.note}</td>
                    <td>
                      {t(
                        `results.workspace.sources.${o.source === 'import' ? 'import' : 'manual'}`,
                      )}
                    </td>
                    {canWrite ? (
                      <td>
                        {o.source === 'manual' ? (
                          <Form method="post">
                            <input type="hidden" name="intent" value="delete" />
                            <input type="hidden" name="id" value={o.id} />
                            <button
                              type="submit"
                              className="button-secondary"
                              disabled={deleting}
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
                );
              })}
            </tbody>
          </table>
        }
      />
    </section>
  );
}
