import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { SerializeFrom } from '@remix-run/node';
import { BarChart, type BarDatum } from './charts/bar-chart';
import { LineChart } from './charts/line-chart';
import { formatDay, formatValue, useMetricName } from './strategy-parts';
import type { GoalKpiResults } from '~/models/results-impact.server';

type KpiResults = SerializeFrom<GoalKpiResults>;

/** The address of one of a KPI's downloads (the figures of one chart as CSV). */
export const kpiCsvHref = (goalId: string, kpiId: string, chart: 'progress' | 'trend' | 'pieces') =>
  `/strategy/goals/${goalId}/results.csv?kpi=${encodeURIComponent(kpiId)}&chart=${chart}`;

/**
 * A goal's results: per KPI the actual value against its target (a bullet chart with the
 * baseline), the progress in words, the trend with the target line, and the pieces that
 * contributed, each with its figures as a table and a CSV download.
 */
export function GoalResults({ goalId, kpis }: { goalId: string; kpis: readonly KpiResults[] }) {
  const { t } = useTranslation();
  return (
    <section className="card goal-results" aria-labelledby="goal-results-title">
      <h2 id="goal-results-title">{t('strategy.results.title')}</h2>
      {kpis.length ? (
        kpis.map((k) => <KpiResultsPart key={k.id} goalId={goalId} kpi={k} />)
      ) : (
        <p>{t('strategy.kpi.none')}</p>
      )}
    </section>
  );
}

function KpiResultsPart({ goalId, kpi }: { goalId: string; kpi: KpiResults }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const name = useMetricName()(kpi);
  const unit = t(`strategy.units.${kpi.unit}`);
  const amount = (value: number) => `${formatValue(value, lang)} ${unit}`;
  const targetText = t('strategy.results.targetText', { value: amount(kpi.target) });
  const headingId = `kpi-results-${kpi.id}`;
  const percent = (share: number) =>
    new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
      style: 'percent',
      maximumFractionDigits: 0,
    }).format(share);
  const { share, status } = kpi.progress;
  const progressWords =
    kpi.actual === null
      ? t('strategy.results.noData', { date: formatDay(kpi.targetDate, lang) })
      : [
          t(`strategy.results.status.${status}`, {
            actual: amount(kpi.actual),
            target: amount(kpi.target),
            date: formatDay(kpi.targetDate, lang),
          }),
          // a value moved away from the target, past the baseline, is not "a negative share"
          share !== null && status !== 'reached'
            ? share < 0
              ? t(`strategy.results.pastBaseline.${kpi.direction}`)
              : t('strategy.results.share', { share: percent(share) })
            : '',
          t(`strategy.results.better.${kpi.direction}`),
        ]
          .filter(Boolean)
          .join(' ');
  const rows: BarDatum[] = [
    ...(kpi.baseline !== null
      ? [
          {
            key: 'baseline',
            label: t('strategy.kpi.baseline'),
            value: kpi.baseline,
            valueText: amount(kpi.baseline),
            target: kpi.target,
            targetText,
            className: 'bar-baseline',
          },
        ]
      : []),
    {
      key: 'actual',
      label: t('strategy.results.actual'),
      value: kpi.actual ?? 0,
      valueText: kpi.actual === null ? t('strategy.results.none') : amount(kpi.actual),
      target: kpi.target,
      targetText,
      note: t(`strategy.results.statusWord.${kpi.progress.status}`),
    },
  ];
  return (
    <section className="kpi-results" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <BarChart
        title={t('strategy.results.bulletTitle', { name })}
        summary={progressWords}
        data={rows}
        headers={{
          label: t('strategy.results.row'),
          value: t('strategy.results.value'),
          target: t('strategy.kpi.target'),
          note: t('strategy.results.statusColumn'),
        }}
        headingLevel={4}
      />
      <p className="chart-download">
        <a href={kpiCsvHref(goalId, kpi.id, 'progress')} download>
          {t('strategy.results.download', { chart: t('strategy.results.bulletTitle', { name }) })}
        </a>
      </p>
      {kpi.trend.length ? (
        <LineChart
          title={t('strategy.results.trendTitle', { name })}
          summary={t('strategy.results.trendSummary', {
            count: kpi.trend.length,
            first: formatDay(kpi.trend[0]!.day, lang),
            last: formatDay(kpi.trend.at(-1)!.day, lang),
            value: amount(kpi.trend.at(-1)!.value),
            target: amount(kpi.target),
          })}
          points={kpi.trend.map((p) => ({
            day: p.day,
            value: p.value,
            dayText: formatDay(p.day, lang),
            valueText: amount(p.value),
          }))}
          reference={{ value: kpi.target, text: targetText }}
          headers={{ day: t('strategy.results.day'), value: name }}
          headingLevel={4}
          download={{
            href: kpiCsvHref(goalId, kpi.id, 'trend'),
            label: t('strategy.results.download', {
              chart: t('strategy.results.trendTitle', { name }),
            }),
          }}
        />
      ) : null}
      <h4>{t('strategy.results.piecesTitle', { name })}</h4>
      {kpi.contributors.length ? (
        <>
          <table>
            <caption className="visually-hidden">
              {t('strategy.results.piecesTitle', { name })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('strategy.results.piece')}</th>
                <th scope="col">{t('strategy.results.channel')}</th>
                <th scope="col">{name}</th>
              </tr>
            </thead>
            <tbody>
              {kpi.contributors.map((c) => (
                <tr key={c.pieceId}>
                  <th scope="row">
                    <Link to={`/calendar/${c.pieceId}`}>{c.title}</Link>
                  </th>
                  <td>{t(`channels.${c.channel}`)}</td>
                  <td>{amount(c.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="chart-download">
            <a href={kpiCsvHref(goalId, kpi.id, 'pieces')} download>
              {t('strategy.results.download', {
                chart: t('strategy.results.piecesTitle', { name }),
              })}
            </a>
          </p>
        </>
      ) : (
        <p>
          {t(
            kpi.basis === 'scope' ? 'strategy.results.piecesScope' : 'strategy.results.piecesNone',
          )}
        </p>
      )}
    </section>
  );
}
