import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '~/utils/use-format';

type Request = {
  id: string;
  reason: string;
  createdAt: string;
  piece: { id: string; title: string };
  rule: { name: string; key: string };
  requestedBy: { name: string };
};

/** Management's queue of exemption requests, each granted or denied with a note. */
export function ExemptionRequests({
  exemptions,
  result,
}: {
  exemptions: Request[];
  result: { ok: boolean; problem?: string } | null;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="card" aria-labelledby="exemptions-title">
      <h2 id="exemptions-title">{t('rules.exemptions.title')}</h2>
      {result ? (
        <p className={result.ok ? 'notice' : 'form-error'} role="status">
          {result.ok ? t('rules.exemptions.done') : t(result.problem ?? 'errors.badRequest')}
        </p>
      ) : null}
      {exemptions.length ? (
        <ul className="plain">
          {exemptions.map((e) => (
            <li key={e.id} className="exemption">
              <p>
                <Link to={`/calendar/${e.piece.id}`}>{e.piece.title}</Link> ·{' '}
                <strong>{e.rule.name}</strong> ·{' '}
                {t('rules.exemptions.by', {
                  name: e.requestedBy.name,
                  date: f.dateTime(e.createdAt),
                })}
              </p>
              <p className="field-hint">{e.reason}</p>
              <Form method="post" className="inline">
                <input type="hidden" name="id" value={e.id} />
                <label htmlFor={`note-${e.id}`} className="visually-hidden">
                  {t('rules.exemptions.note', { title: e.piece.title })}
                </label>
                <input
                  id={`note-${e.id}`}
                  name="note"
                  placeholder={t('rules.exemptions.notePlaceholder')}
                />
                <button
                  type="submit"
                  name="intent"
                  value="grant"
                  aria-label={t('rules.exemptions.grantFor', { title: e.piece.title })}
                >
                  {t('rules.exemptions.grant')}
                </button>
                <button
                  type="submit"
                  name="intent"
                  value="deny"
                  className="button-danger"
                  aria-label={t('rules.exemptions.denyFor', { title: e.piece.title })}
                >
                  {t('rules.exemptions.deny')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t('dashboard.management.exemptionsEmpty')}</p>
      )}
    </section>
  );
}
