import { Form, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { orderMetrics } from '~/domain/results/table-query';
import { METRIC_KEYS } from '~/domain/strategy/vocabulary';
import { ObservationEntrySchema } from '~/forms/results';
import type { FieldErrors } from '~/utils/forms';
import { useFormat } from '~/utils/use-format';
import { useValidatedForm } from '~/utils/use-validated-form';
import { BarChart } from './charts/bar-chart';
import { TextAreaField, TextField } from './field';
import { ProblemAlert } from './problem-alert';
import { metricLabel } from './results-table';
import { useDayFormat, type EntryValues } from './results-workspace';

export type PieceObservation = {
  id: string;
  metric: string;
  value: number;
  periodStart: string;
  periodEnd: string;
  source: string;
  note: string;
};

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * A published piece's results: its numbers per metric over time (a small chart and the same
 * figures as a table), and for those who may enter results a form and a delete button per
 * entry made by hand. Experts who contribute to the piece read the same without the controls.
 */
export function PieceResults({
  observations,
  canWrite,
  values,
  errors,
  problem,
}: {
  observations: PieceObservation[];
  canWrite: boolean;
  values?: EntryValues | null;
  errors?: FieldErrors;
  /** a failed intent's answer (for its message) */
  problem?: unknown;
}) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const done = params.get('result');
  const metrics = orderMetrics(observations.map((o) => o.metric));
  return (
    <section className="card" aria-labelledby="results-title">
      <h2 id="results-title">{t('results.piece.title')}</h2>
      {done === 'entered' || done === 'deleted' ? (
        <p className="notice" role="status">
          {t(`results.piece.${done}`)}
        </p>
      ) : null}
      <ProblemAlert data={problem} message={(p) => t(`results.piece.problems.${p}`)} />
      {metrics.length ? (
        metrics.map((metric) => (
          <PieceMetric
            key={metric}
            metric={metric}
            observations={observations.filter((o) => o.metric === metric)}
            canWrite={canWrite}
          />
        ))
      ) : (
        <p className="empty">
          {canWrite ? t('results.piece.empty') : t('results.piece.emptyReadOnly')}
        </p>
      )}
      {canWrite ? (
        <>
          <h3 id="results-entry-title">{t('results.piece.enterTitle')}</h3>
          <PieceResultForm values={values} errors={errors} />
        </>
      ) : null}
    </section>
  );
}

function PieceResultForm({
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
  const busy =
    navigation.state === 'submitting' && navigation.formData?.get('intent') === 'result-enter';
  const metrics = METRIC_KEYS.filter((m) => m !== 'custom');
  return (
    <Form
      method="post"
      className="stack"
      aria-labelledby="results-entry-title"
      {...validation.formProps()}
    >
      <input type="hidden" name="intent" value="result-enter" />
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
          {metrics.map((m) => (
            <option key={m} value={m}>
              {metricLabel(t, m)}
            </option>
          ))}
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
        hint={t('results.piece.noteHint')}
        rows={2}
        defaultValue={text(values?.note)}
        errors={errors}
      />
      <div>
        <button type="submit" disabled={busy}>
          {busy ? t('results.workspace.saving') : t('results.piece.save')}
        </button>
      </div>
    </Form>
  );
}

/** One metric of the piece over its periods: a bar per period and the same figures as a table. */
function PieceMetric({
  metric,
  observations,
  canWrite,
}: {
  metric: string;
  observations: PieceObservation[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const day = useDayFormat();
  const navigation = useNavigation();
  const label = metricLabel(t, metric);
  const period = (o: PieceObservation) =>
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
      title={label}
      headingLevel={3}
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
            {chronological.map((o) => {
              const deleting =
                navigation.state === 'submitting' &&
                navigation.formData?.get('intent') === 'result-delete' &&
                navigation.formData?.get('id') === o.id;
              return (
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
                          <input type="hidden" name="intent" value="result-delete" />
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
  );
}
