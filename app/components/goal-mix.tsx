import { useTranslation } from 'react-i18next';
import { MIX_MIN_PIECES, MIX_TOLERANCE, type MixVerdict } from '~/domain/strategy/mix';
import { BarChart } from './charts/bar-chart';
import { formatValue } from './strategy-parts';

type MixRow = {
  goal: { id: string; title: string; weight: number };
  planned: number;
  plannedShare: number;
  wantedShare: number;
  verdict: MixVerdict;
};
type Mix = { total: number; unlinked: number; judged: boolean; rows: MixRow[] };

const pct = (n: number) => Math.round(n);

/**
 * The goal-mix aid: how the pieces planned for the next weeks divide among the agreed goals,
 * against the share each goal's weight asks for. A sentence names the goals that are under- or
 * over-served; the chart shows planned share as a bar and wanted share as a mark, both printed
 * as numbers; the table repeats every figure.
 */
export function GoalMixView({ mix, weeks }: { mix: Mix; weeks: number }) {
  const { t, i18n } = useTranslation();
  const flagged = mix.rows.filter((r) => r.verdict !== 'fits');
  const item = (r: MixRow) =>
    t(`strategy.mix.item.${r.verdict}`, {
      title: r.goal.title,
      planned: pct(r.plannedShare),
      wanted: pct(r.wantedShare),
    });
  return (
    <section className="card" aria-labelledby="mix-title">
      <h2 id="mix-title">{t('strategy.mix.title', { weeks })}</h2>
      {mix.rows.length === 0 ? (
        <p>{t('strategy.mix.noGoals')}</p>
      ) : (
        <>
          {!mix.judged ? (
            <p>{t('strategy.mix.notJudged', { count: mix.total, min: MIX_MIN_PIECES })}</p>
          ) : flagged.length === 0 ? (
            <p>{t('strategy.mix.balanced', { tolerance: MIX_TOLERANCE })}</p>
          ) : (
            <div className="callout" role="note">
              <p>{t('strategy.mix.summary', { tolerance: MIX_TOLERANCE })}</p>
              <ul>
                {flagged.map((r) => (
                  <li key={r.goal.id}>{item(r)}</li>
                ))}
              </ul>
            </div>
          )}
          {mix.unlinked ? <p>{t('strategy.mix.unlinked', { count: mix.unlinked })}</p> : null}
          <BarChart
            title={t('strategy.mix.chartTitle')}
            headingLevel={3}
            summary={t('strategy.mix.chartSummary', { weeks, count: mix.total })}
            domainMax={100}
            data={mix.rows.map((r) => ({
              key: r.goal.id,
              label: r.goal.title,
              value: r.plannedShare,
              valueText: t('strategy.mix.plannedShare', { share: pct(r.plannedShare) }),
              target: r.wantedShare,
              targetText: t('strategy.mix.wantedShare', { share: pct(r.wantedShare) }),
              note: r.verdict === 'fits' ? undefined : t(`strategy.mix.verdicts.${r.verdict}`),
              className: `verdict-${r.verdict}`,
            }))}
            headers={{ label: t('strategy.coverage.goal'), value: t('strategy.mix.planned') }}
            table={
              <table>
                <caption className="visually-hidden">
                  {t('strategy.mix.caption', { weeks })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('strategy.coverage.goal')}</th>
                    <th scope="col">{t('strategy.goal.weight')}</th>
                    <th scope="col">{t('strategy.mix.pieces')}</th>
                    <th scope="col">{t('strategy.mix.planned')}</th>
                    <th scope="col">{t('strategy.mix.wanted')}</th>
                    <th scope="col">{t('strategy.mix.assessment')}</th>
                  </tr>
                </thead>
                <tbody>
                  {mix.rows.map((r) => (
                    <tr key={r.goal.id}>
                      <th scope="row">{r.goal.title}</th>
                      <td>{r.goal.weight}</td>
                      <td>{formatValue(r.planned, i18n.language)}</td>
                      <td>{`${pct(r.plannedShare)} %`}</td>
                      <td>{`${pct(r.wantedShare)} %`}</td>
                      <td>
                        {mix.judged
                          ? t(`strategy.mix.verdicts.${r.verdict}`)
                          : t('strategy.mix.verdicts.unjudged')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
          <p className="field-hint">{t('strategy.mix.counting')}</p>
        </>
      )}
    </section>
  );
}
