import { useTranslation } from 'react-i18next';
import type { ComponentProps } from 'react';
import { ObservationChart, ObservationEntryForm, type Observation } from './observations';
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

/** Entering one number of the workspace for a period. */
export function WorkspaceEntryForm({
  values,
  errors,
}: Pick<ComponentProps<typeof ObservationEntryForm>, 'values' | 'errors'>) {
  const { t } = useTranslation();
  return (
    <ObservationEntryForm
      intent="enter"
      values={values}
      errors={errors}
      usual={WORKSPACE_METRICS}
      noteHint={t('results.workspace.noteHint')}
      submitLabel={t('results.workspace.save')}
    />
  );
}

/**
 * One metric's numbers over the periods under its own heading: a bar per period (oldest at the
 * top), the same figures as a table and as a CSV download, with a delete button per entry for
 * those who may enter results.
 */
export function WorkspaceMetric({
  metric,
  observations,
  canWrite,
}: {
  metric: string;
  observations: Observation[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const label = metricLabel(t, metric);
  return (
    <section className="card" aria-labelledby={`metric-${metric}`}>
      <h2 id={`metric-${metric}`}>{label}</h2>
      <ObservationChart
        title={t('results.workspace.chartTitle', { metric: label })}
        titleHidden
        metric={metric}
        observations={observations}
        canWrite={canWrite}
        deleteIntent="delete"
        csv="/results/workspace.csv"
      />
    </section>
  );
}
