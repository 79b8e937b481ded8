import type { ComponentProps } from 'react';
import { useParams, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { orderMetrics } from '~/domain/results/table-query';
import type { FieldErrors } from '~/utils/forms';
import { ObservationChart, ObservationEntryForm, type EntryValues } from './observations';
import { ProblemAlert } from './problem-alert';
import { metricLabel } from './results-table';

/**
 * A published piece's results: its numbers per metric over time (a small chart, the same
 * figures as a table and as a CSV download), and for those who may enter results a form and a
 * delete button per entry made by hand. Experts who contribute to the piece read the same
 * without the controls.
 */
export function PieceResults({
  observations,
  canWrite,
  values,
  errors,
  problem,
}: {
  observations: ComponentProps<typeof ObservationChart>['observations'];
  canWrite: boolean;
  values?: EntryValues | null;
  errors?: FieldErrors;
  /** a failed intent's answer (for its message) */
  problem?: unknown;
}) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { pieceId } = useParams();
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
          <ObservationChart
            key={metric}
            title={metricLabel(t, metric)}
            headingLevel={3}
            metric={metric}
            observations={observations.filter((o) => o.metric === metric)}
            canWrite={canWrite}
            deleteIntent="result-delete"
            csv={`/calendar/${pieceId}/results.csv`}
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
          <ObservationEntryForm
            intent="result-enter"
            labelledBy="results-entry-title"
            values={values}
            errors={errors}
            noteHint={t('results.piece.noteHint')}
            submitLabel={t('results.piece.save')}
          />
        </>
      ) : null}
    </section>
  );
}
