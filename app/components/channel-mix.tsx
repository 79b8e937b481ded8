import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelSuggestion } from '~/domain/strategy/technographics';

const ROW = 34;
const LABEL = 110;
const BAR = 250;
const WIDTH = LABEL + BAR + 60;

/**
 * The channel mix a behaviour profile suggests: a bar chart rendered on the server as SVG (one
 * image with a title and a text summary for screen readers), and beside it the same figures as a
 * table with the formats and the reasons. Every bar carries its channel's name and share as
 * text, so no meaning hangs on colour.
 */
export function ChannelMix({ mix }: { mix: ChannelSuggestion[] }) {
  const { t } = useTranslation();
  const id = useId();
  if (mix.length === 0) return <p className="empty">{t('technographics.mix.none')}</p>;
  const summary = t('technographics.mix.summary', {
    list: mix
      .map((m) =>
        t('technographics.mix.item', { channel: t(`channels.${m.channel}`), share: m.share }),
      )
      .join(', '),
  });
  const max = Math.max(...mix.map((m) => m.share), 1);
  const height = mix.length * ROW + 8;
  return (
    <div className="channel-mix">
      <figure className="channel-mix-chart">
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-summary`}
          viewBox={`0 0 ${WIDTH} ${height}`}
          width="100%"
          preserveAspectRatio="xMinYMin meet"
        >
          <title id={`${id}-title`}>{t('technographics.mix.chartLabel')}</title>
          {mix.map((m, i) => {
            const y = i * ROW + 4;
            const w = Math.max(2, Math.round((m.share / max) * BAR));
            return (
              <g key={m.channel} aria-hidden="true">
                <text x={LABEL - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle">
                  {t(`channels.${m.channel}`)}
                </text>
                <rect
                  className={`bar bar-${m.channel}`}
                  x={LABEL}
                  y={y + 5}
                  width={w}
                  height={ROW - 10}
                  rx={3}
                />
                <text x={LABEL + w + 6} y={y + ROW / 2} dominantBaseline="middle">
                  {`${m.share} %`}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption id={`${id}-summary`}>{summary}</figcaption>
      </figure>
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
    </div>
  );
}
