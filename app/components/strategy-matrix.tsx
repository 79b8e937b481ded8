import { useTranslation } from 'react-i18next';
import { HeatGrid, FLAG_SIGN } from './charts/heat-grid';

type Period = { key: string; granularity: 'month' | 'quarter'; from: string; to: string };
type Cell = { channel: string; counts: number[]; gaps: boolean[]; suggested: boolean };
type Row = { audience: { id: string; name: string } | null; hasProfile: boolean; cells: Cell[] };
type Gap = {
  audience: { id: string; name: string };
  channel: string;
  periods: string[];
  suggestedShare: number;
};
export type MatrixData = {
  periods: Period[];
  channels: readonly string[];
  rows: Row[];
  gaps: Gap[];
  total: number;
};

/** A period's short name: "Jan 2027" / "Jan. 2027" for a month, "Q1 2027" for a quarter. */
export function usePeriodLabel() {
  const { t, i18n } = useTranslation();
  const month = new Intl.DateTimeFormat(i18n.language === 'de' ? 'de-DE' : 'en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (p: Pick<Period, 'key' | 'granularity' | 'from'>) =>
    p.granularity === 'quarter'
      ? t('strategy.matrix.quarter', { quarter: p.key.slice(6), year: p.key.slice(0, 4) })
      : month.format(new Date(`${p.from}T12:00:00Z`));
}

/**
 * The content strategy matrix: audiences × channels with the pieces planned per period. Empty
 * cells of channels an audience's behaviour profile suggests carry a sign (and are listed in
 * words above the grid), so a manager sees at a glance whom the plan does not reach where.
 */
export function StrategyMatrix({ matrix }: { matrix: MatrixData }) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const label = (key: string) => {
    const p = matrix.periods.find((x) => x.key === key);
    return p ? periodLabel(p) : key;
  };
  const first = matrix.periods[0];
  const last = matrix.periods.at(-1);
  const withoutProfile = matrix.rows.filter((r) => r.audience && !r.hasProfile);
  return (
    <section className="card" aria-labelledby="matrix-title">
      <h2 id="matrix-title">{t('strategy.matrix.title')}</h2>
      {first && last ? (
        <p>
          {t('strategy.matrix.intro', {
            from: periodLabel(first),
            to: periodLabel(last),
            count: matrix.total,
          })}
        </p>
      ) : null}
      {matrix.rows.length === 0 ? (
        <p>{t('strategy.matrix.noAudiences')}</p>
      ) : (
        <>
          {matrix.gaps.length ? (
            <div className="callout" role="note">
              <p>{t('strategy.matrix.gapsSummary')}</p>
              <ul>
                {gapsByAudience(matrix.gaps).map(({ audience, gaps }) => (
                  <li key={audience.id}>
                    {t('strategy.matrix.gapAudience', {
                      audience: audience.name,
                      list: gaps
                        .map((g) =>
                          t('strategy.matrix.gap', {
                            channel: t(`channels.${g.channel}`),
                            share: g.suggestedShare,
                            periods: g.periods.map(label).join(', '),
                          }),
                        )
                        .join('; '),
                    })}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p>{t('strategy.matrix.noGaps')}</p>
          )}
          {withoutProfile.length ? (
            <p>
              {t('strategy.matrix.withoutProfile', {
                list: withoutProfile.map((r) => r.audience?.name).join(', '),
              })}
            </p>
          ) : null}
          <HeatGrid
            title={t('strategy.matrix.chartTitle')}
            headingLevel={3}
            summary={t('strategy.matrix.chartSummary', {
              audiences: matrix.rows.filter((r) => r.audience).length,
              count: matrix.gaps.length,
            })}
            rowHeader={t('strategy.matrix.audience')}
            legend={t('strategy.matrix.legend', { sign: FLAG_SIGN })}
            columns={matrix.channels.flatMap((channel) =>
              matrix.periods.map((p) => ({
                key: `${channel}-${p.key}`,
                label: periodLabel(p),
                group: t(`channels.${channel}`),
              })),
            )}
            rows={matrix.rows.map((r) => ({
              key: r.audience?.id ?? '',
              label: r.audience?.name ?? t('strategy.matrix.noAudience'),
              cells: r.cells.flatMap((c) =>
                c.counts.map((n, i) => ({
                  value: n,
                  text: String(n),
                  flagged: c.gaps[i] ?? false,
                  flagText: t('strategy.matrix.flag'),
                })),
              ),
            }))}
          />
        </>
      )}
    </section>
  );
}

/** The gaps of each audience together, in the order of the matrix. */
function gapsByAudience(gaps: Gap[]) {
  const byAudience = new Map<string, { audience: Gap['audience']; gaps: Gap[] }>();
  for (const g of gaps) {
    const entry = byAudience.get(g.audience.id) ?? { audience: g.audience, gaps: [] };
    entry.gaps.push(g);
    byAudience.set(g.audience.id, entry);
  }
  return [...byAudience.values()];
}
