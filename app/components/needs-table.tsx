import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** An audience's needs with their accepted matches, links to suggestions and to editing. */
export function NeedsTable({
  needs,
  canManage,
  canMatch,
}: {
  needs: {
    id: string;
    text: string;
    priority: number;
    language: string;
    tags: string[];
    _count: { matches: number };
  }[];
  canManage: boolean;
  canMatch: boolean;
}) {
  const { t } = useTranslation();
  if (!needs.length) return <p className="empty">{t('audiences.needsEmpty')}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('matches.need')}</th>
          <th scope="col">{t('audiences.priority')}</th>
          <th scope="col">{t('knowledge.columns.language')}</th>
          <th scope="col">{t('knowledge.columns.tags')}</th>
          <th scope="col">{t('audiences.acceptedMatches')}</th>
          {canManage || canMatch ? <th scope="col">{t('common.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {needs.map((n) => (
          <tr key={n.id}>
            <td lang={n.language}>{n.text}</td>
            <td>{t(`priority.${n.priority}`)}</td>
            <td>{t(`contentLanguages.${n.language}`)}</td>
            <td>
              <div className="tags">
                {n.tags.map((tag) => (
                  <span key={tag} className="badge">
                    {tag}
                  </span>
                ))}
              </div>
            </td>
            <td>{n._count.matches}</td>
            {canManage || canMatch ? (
              <td>
                <div className="inline">
                  {canMatch ? (
                    <Link
                      to={`/matches/${n.id}`}
                      aria-label={t('needs.suggestionsFor', { need: n.text })}
                    >
                      {t('needs.suggestions')}
                    </Link>
                  ) : null}
                  {canManage ? (
                    <Link to={`/needs/${n.id}`} aria-label={t('needs.editNamed', { need: n.text })}>
                      {t('common.edit')}
                    </Link>
                  ) : null}
                </div>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
