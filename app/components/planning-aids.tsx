import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '~/utils/use-format';
import { StrategyAidsNav } from './strategy-aids-nav';

type Aids = {
  gaps: { channel: string; period: string; start: string; planned: number; target: number }[];
  busyExperts: { expert: string; week: string; pieces: string[] }[];
  overlappingWebinars: [string, string][];
  coverage: { audience: string; months: Record<string, number> }[];
  /** audiences whose planned pieces do not fit their behaviour profile */
  profileMismatches?: ProfileMismatch[];
};

type ChannelShare = { channel: string; planned: number; suggested: number };
type ProfileMismatch = {
  audience: string;
  audienceId: string;
  total: number;
  over: ChannelShare[];
  under: ChannelShare[];
  reason: { key: string; values: Record<string, string | number> } | null;
};

/** Cadence gaps, overloads and audience coverage for the period on screen. */
export function PlanningAids({ aids }: { aids: Aids }) {
  const { t } = useTranslation();
  const f = useFormat();
  const mismatches = aids.profileMismatches ?? [];
  const warnings =
    aids.gaps.length +
    aids.busyExperts.length +
    aids.overlappingWebinars.length +
    mismatches.length;
  const months = [...new Set(aids.coverage.flatMap((c) => Object.keys(c.months)))].sort();
  return (
    <details className="card planning-aids no-print">
      <summary>
        {t('calendar.aids.title')} — {t('calendar.aids.count', { count: warnings })}
      </summary>
      {aids.gaps.length ? (
        <>
          <h3>{t('calendar.aids.gaps')}</h3>
          <ul>
            {aids.gaps.map((g) => (
              <li key={`${g.channel}-${g.start}`}>
                {t('calendar.aids.gap', {
                  channel: t(`channels.${g.channel}`),
                  period: t(`calendar.aids.period.${g.period}`, {
                    date: f.shortDate(`${g.start}T12:00:00Z`),
                  }),
                  planned: g.planned,
                  target: g.target,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {aids.busyExperts.length ? (
        <>
          <h3>{t('calendar.aids.overload')}</h3>
          <ul>
            {aids.busyExperts.map((b) => (
              <li key={`${b.expert}-${b.week}`}>
                {t('calendar.aids.busy', {
                  expert: b.expert,
                  count: b.pieces.length,
                  date: f.shortDate(`${b.week}T12:00:00Z`),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {aids.overlappingWebinars.length ? (
        <>
          <h3>{t('calendar.aids.webinars')}</h3>
          <ul>
            {aids.overlappingWebinars.map(([a, b]) => (
              <li key={`${a}-${b}`}>{t('calendar.aids.overlap', { a, b })}</li>
            ))}
          </ul>
        </>
      ) : null}
      {mismatches.length ? (
        <>
          <h3>{t('technographics.aid.title')}</h3>
          <ul>
            {mismatches.map((m) => (
              <li key={m.audienceId}>
                {t('technographics.aid.mismatch', { audience: m.audience, total: m.total })}{' '}
                {m.over.map((c) => (
                  <span key={c.channel}>
                    {t('technographics.aid.over', {
                      ...c,
                      channel: t(`channels.${c.channel}`),
                    })}{' '}
                  </span>
                ))}
                {m.under.map((c) => (
                  <span key={c.channel}>
                    {t('technographics.aid.under', {
                      ...c,
                      channel: t(`channels.${c.channel}`),
                    })}{' '}
                  </span>
                ))}
                {m.reason ? <span>{t(m.reason.key, m.reason.values)} </span> : null}
                <Link to={`/audiences/${m.audienceId}#technographics-title`}>
                  {t('technographics.aid.profileLink', { audience: m.audience })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t('strategy.aids.title')}</h3>
      <StrategyAidsNav page="/strategy" />
      {aids.coverage.length ? (
        <>
          <h3>{t('calendar.aids.coverage')}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('calendar.audience')}</th>
                {months.map((m) => (
                  <th key={m} scope="col">
                    {f.monthYear(`${m}-15T12:00:00Z`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {aids.coverage.map((c) => (
                <tr key={c.audience}>
                  <th scope="row">{c.audience}</th>
                  {months.map((m) => (
                    <td key={m}>{c.months[m] ?? 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </details>
  );
}
