import { useTranslation } from 'react-i18next';
import type { ChannelSuggestion } from '~/domain/strategy/technographics';
import { BarChart } from './charts/bar-chart';

/**
 * The channel mix a behaviour profile suggests: a bar chart (the shared server-rendered SVG chart,
 * every bar with its channel's name and share as text, so no meaning hangs on colour) with a text
 * summary, and beside it the same figures as a table with the formats and the reasons.
 */
export function ChannelMix({ mix }: { mix: ChannelSuggestion[] }) {
  const { t } = useTranslation();
  if (mix.length === 0) return <p className="empty">{t('technographics.mix.none')}</p>;
  const summary = t('technographics.mix.summary', {
    list: mix
      .map((m) =>
        t('technographics.mix.item', { channel: t(`channels.${m.channel}`), share: m.share }),
      )
      .join(', '),
  });
  return (
    <BarChart
      className="channel-mix"
      title={t('technographics.mix.chartLabel')}
      titleHidden
      summary={summary}
      data={mix.map((m) => ({
        key: m.channel,
        label: t(`channels.${m.channel}`),
        value: m.share,
        valueText: `${m.share} %`,
        className: `bar-${m.channel}`,
      }))}
      headers={{ label: t('technographics.mix.channel'), value: t('technographics.mix.share') }}
      table={
        <table className="channel-mix-table">
          <caption>{t('technographics.mix.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('technographics.mix.channel')}</th>
              <th scope="col">{t('technographics.mix.share')}</th>
              <th scope="col">{t('technographics.mix.formats')}</th>
              <th scope="col">{t('technographics.mix.reasons')}</th>
            </tr>
          </thead>
          <tbody>
            {mix.map((m) => (
              <tr key={m.channel}>
                <th scope="row">{t(`channels.${m.channel}`)}</th>
                <td>{`${m.share} %`}</td>
                <td>{m.formats.map((f) => t(`technographics.formats.${f}`)).join(', ')}</td>
                <td>
                  <ul className="plain-list">
                    {m.reasons.map((r) => (
                      <li key={r.key}>{t(r.key, r.values)}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
