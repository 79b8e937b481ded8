import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatValue } from './strategy-parts';

type MetricValue = { metric: string; value: number };
type ImpactPiece = { id: string; title: string; channel: string; results: MetricValue[] };

/** A result in words, in the reader's number format: "1,240 listeners". */
export function useImpactPhrase() {
  const { t, i18n } = useTranslation();
  return ({ metric, value }: MetricValue) => {
    const shown = formatValue(value, i18n.language);
    return i18n.exists(`impact.phrases.${metric}`)
      ? t(`impact.phrases.${metric}`, { value: shown })
      : t('impact.phrases.other', {
          value: shown,
          metric: metric.startsWith('custom:') ? metric.slice(7).replace(/_/g, ' ') : metric,
        });
  };
}

/** The published pieces some knowledge fed, each with what it achieved in a sentence. */
export function ImpactList({ pieces }: { pieces: readonly ImpactPiece[] }) {
  const { t } = useTranslation();
  const phrase = useImpactPhrase();
  return (
    <ul className="plain impact-list">
      {pieces.map((p) => (
        <li key={p.id}>
          <Link to={`/calendar/${p.id}`}>
            {p.results.length
              ? t('impact.piece', {
                  title: p.title,
                  channel: t(`channels.${p.channel}`),
                  results: p.results.map(phrase).join(', '),
                })
              : t('impact.noResults', { title: p.title, channel: t(`channels.${p.channel}`) })}
          </Link>
        </li>
      ))}
    </ul>
  );
}
