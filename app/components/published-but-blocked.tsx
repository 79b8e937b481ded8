import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '~/utils/use-format';

type BlockedPiece = {
  id: string;
  title: string;
  channel: string;
  publishAt: string | null;
  owner: string | null;
  failed: boolean;
  findings: { ruleName: string; field: string; excerpt: string }[];
};

/**
 * Published pieces that the rules in force now block (a rule added or sharpened after they went
 * out): management's list to act on, each with its owner, publish date, and the rules and
 * passages that block it.
 */
export function PublishedButBlocked({ pieces }: { pieces: BlockedPiece[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="card" aria-labelledby="published-blocked-title">
      <h2 id="published-blocked-title">{t('rules.publishedBlocked.title')}</h2>
      {pieces.length ? (
        <>
          <p className="field-hint">{t('rules.publishedBlocked.intro')}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('rules.publishedBlocked.piece')}</th>
                <th scope="col">{t('rules.publishedBlocked.owner')}</th>
                <th scope="col">{t('rules.publishedBlocked.publishedAt')}</th>
                <th scope="col">{t('rules.publishedBlocked.findings')}</th>
              </tr>
            </thead>
            <tbody>
              {pieces.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/calendar/${p.id}`}>{p.title}</Link>{' '}
                    <span className="badge">{t(`channels.${p.channel}`)}</span>
                  </td>
                  <td>{p.owner ?? t('common.none')}</td>
                  <td>{p.publishAt ? f.dateTime(p.publishAt) : t('common.none')}</td>
                  <td>
                    {p.failed ? (
                      <p>{t('disclosure.failed')}</p>
                    ) : (
                      <ul className="plain">
                        {p.findings.map((x, i) => (
                          <li key={`${x.field}-${i}`}>
                            <strong>{x.ruleName}</strong> · {t(`disclosure.fields.${x.field}`)}:{' '}
                            <mark>{x.excerpt}</mark>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="empty">{t('rules.publishedBlocked.empty')}</p>
      )}
    </section>
  );
}
