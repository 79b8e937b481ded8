import { useTranslation } from 'react-i18next';
import type { ReviewSnapshot, SnapshotKpi, SnapshotPiece } from '~/domain/strategy/review-snapshot';
import { formatValue } from './strategy-parts';

/** The results of a review's period as they were when it was opened. */
export function ReviewSnapshotView({ snapshot }: { snapshot: ReviewSnapshot }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="card" aria-labelledby="snapshot-title">
        <h2 id="snapshot-title">{t('reviews.snapshot.title')}</h2>
        <p>{t('reviews.snapshot.intro', { count: snapshot.published })}</p>
        {snapshot.goals.length ? (
          snapshot.goals.map((g) => (
            <section key={g.goalId} aria-labelledby={`goal-${g.goalId}`} className="review-goal">
              <h3 id={`goal-${g.goalId}`}>{g.title}</h3>
              <KpiTable kpis={g.kpis} goalTitle={g.title} />
              <PieceList
                title={t('reviews.snapshot.best')}
                pieces={g.best}
                empty={t('reviews.snapshot.noPieces')}
              />
              {g.best.length ? (
                <PieceList
                  title={t('reviews.snapshot.weakest')}
                  pieces={g.weakest}
                  empty={t('reviews.snapshot.allAmongBest')}
                />
              ) : null}
            </section>
          ))
        ) : (
          <p>{t('reviews.snapshot.noGoals')}</p>
        )}
      </section>
      <section className="card" aria-labelledby="gaps-title">
        <h2 id="gaps-title">{t('reviews.snapshot.gaps')}</h2>
        <h3>{t('reviews.snapshot.goalsWithout')}</h3>
        {snapshot.gaps.goals.length ? (
          <ul>
            {snapshot.gaps.goals.map((g) => (
              <li key={g.goalId}>{g.title}</li>
            ))}
          </ul>
        ) : (
          <p>{t('reviews.snapshot.allGoalsServed')}</p>
        )}
        <h3>{t('reviews.snapshot.channelsWithout')}</h3>
        {snapshot.gaps.channels.length ? (
          <ul>
            {snapshot.gaps.channels.map((c) => (
              <li key={c}>{t(`channels.${c}`)}</li>
            ))}
          </ul>
        ) : (
          <p>{t('reviews.snapshot.allChannelsUsed')}</p>
        )}
        <h3>{t('reviews.snapshot.unserved')}</h3>
        {snapshot.unservedNeeds.length ? (
          <ul>
            {snapshot.unservedNeeds.map((n) => (
              <li key={n.needId}>
                {n.text} <span className="meta">({n.audience})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('reviews.snapshot.allNeedsServed')}</p>
        )}
      </section>
    </>
  );
}

function KpiTable({ kpis, goalTitle }: { kpis: SnapshotKpi[]; goalTitle: string }) {
  const { t, i18n } = useTranslation();
  if (!kpis.length) return <p>{t('reviews.snapshot.noKpis')}</p>;
  // values with their unit, as the strategy page shows them; one wording for a missing value
  const value = (v: number | null, unit: string) =>
    v === null
      ? t('reviews.snapshot.statuses.noData')
      : `${formatValue(v, i18n.language)} ${t(`strategy.units.${unit}`)}`;
  const progress = (k: SnapshotKpi) => {
    if (k.share === null || k.status === 'noData') return null;
    // moved away from the target, past the baseline: said so, not as a negative share
    if (k.share < 0) return t(`reviews.snapshot.pastBaseline.${k.direction}`);
    return `${formatValue(Math.round(k.share * 100), i18n.language)} %`;
  };
  return (
    <table>
      <caption className="visually-hidden">
        {t('reviews.snapshot.kpisOf', { goal: goalTitle })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('reviews.snapshot.kpi')}</th>
          <th scope="col">{t('reviews.snapshot.baseline')}</th>
          <th scope="col">{t('reviews.snapshot.target')}</th>
          <th scope="col">{t('reviews.snapshot.actual')}</th>
          <th scope="col">{t('reviews.snapshot.progress')}</th>
        </tr>
      </thead>
      <tbody>
        {kpis.map((k) => (
          <tr key={k.kpiId}>
            <th scope="row">{k.customLabel ?? t(`strategy.metrics.${k.metric}`)}</th>
            <td>{value(k.baseline, k.unit)}</td>
            <td>{value(k.target, k.unit)}</td>
            <td>{value(k.actual, k.unit)}</td>
            <td>
              {t(`reviews.snapshot.statuses.${k.status}`)}
              {progress(k) ? ` (${progress(k)})` : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PieceList({
  title,
  pieces,
  empty,
}: {
  title: string;
  pieces: SnapshotPiece[];
  empty: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <h4>{title}</h4>
      {pieces.length ? (
        <ol>
          {pieces.map((p) => (
            <li key={p.pieceId}>
              {p.title} ({t(`channels.${p.channel}`)}): {formatValue(p.value, i18n.language)}{' '}
              {t(`strategy.metrics.${p.metric}`)} ·{' '}
              {t('reviews.snapshot.relative', { value: formatValue(p.relative, i18n.language) })}
            </li>
          ))}
        </ol>
      ) : (
        <p>{empty}</p>
      )}
    </>
  );
}
