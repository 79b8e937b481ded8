import { Form, Link, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

type ProposalTerm = { term: string; language: 'de' | 'en' | null };

export type GlossaryProposalView = {
  key: string;
  kind: 'translation' | 'synonym';
  terms: ProposalTerm[];
  adds: ProposalTerm[];
  support: number;
  strength: number;
  evidence: { needId: string; needText: string; itemId: string; itemTitle: string }[];
  /** the concept the proposal adds a term to, when one of its terms is in the glossary */
  concept: { id: string; name: string } | null;
};

function Term({ term }: { term: ProposalTerm }) {
  const { t } = useTranslation();
  return (
    <>
      <q lang={term.language ?? undefined}>{term.term}</q>
      {term.language ? ` (${t(`glossary.proposals.language.${term.language}`)})` : null}
    </>
  );
}

/**
 * The glossary's proposals, for editors: each with the words it links, why (the accepted
 * suggestions that bear it out) and buttons to confirm or reject it.
 */
export function GlossaryProposals({ proposals }: { proposals: GlossaryProposalView[] }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const pending = navigation.state === 'submitting' ? navigation.formData?.get('key') : null;
  return (
    <section aria-labelledby="glossary-proposals" className="card">
      <h2 id="glossary-proposals">{t('glossary.proposals.title')}</h2>
      <p className="hint">{t('glossary.proposals.intro')}</p>
      {proposals.length ? (
        <ol className="proposal-list">
          {proposals.map((p) => {
            const [a, b] = p.terms as [ProposalTerm, ProposalTerm];
            const pair = `${a.term} = ${b.term}`;
            const busy = pending === p.key;
            return (
              <li key={p.key}>
                <article aria-label={t('glossary.proposals.named', { pair })}>
                  <p>
                    <strong>
                      <Term term={a} /> = <Term term={b} />
                    </strong>{' '}
                    <span className="badge">{t(`glossary.proposals.kind.${p.kind}`)}</span>
                  </p>
                  <p>
                    {p.concept ? (
                      <>
                        {t('glossary.proposals.extends', {
                          terms: p.adds.map((x) => `“${x.term}”`).join(', '),
                        })}{' '}
                        <Link to={`/glossary/${p.concept.id}`}>{p.concept.name}</Link>
                      </>
                    ) : (
                      t('glossary.proposals.creates')
                    )}
                  </p>
                  <details>
                    <summary>
                      {t('glossary.proposals.evidence', {
                        count: p.support,
                        strength: Math.round(p.strength * 100),
                      })}
                    </summary>
                    <ul>
                      {p.evidence.map((e) => (
                        <li key={`${e.needId}|${e.itemId}`}>
                          <Link to={`/matches/${e.needId}`}>{e.needText}</Link> →{' '}
                          <Link to={`/knowledge/${e.itemId}`}>{e.itemTitle}</Link>
                        </li>
                      ))}
                    </ul>
                  </details>
                  <div className="actions">
                    <Form method="post">
                      <input type="hidden" name="key" value={p.key} />
                      <button
                        type="submit"
                        name="intent"
                        value="confirmProposal"
                        disabled={busy}
                        aria-label={t('glossary.proposals.confirmNamed', { pair })}
                      >
                        {busy && navigation.formData?.get('intent') === 'confirmProposal'
                          ? t('common.saving')
                          : t('glossary.proposals.confirm')}
                      </button>{' '}
                      <button
                        type="submit"
                        name="intent"
                        value="rejectProposal"
                        className="secondary"
                        disabled={busy}
                        aria-label={t('glossary.proposals.rejectNamed', { pair })}
                      >
                        {t('glossary.proposals.reject')}
                      </button>
                    </Form>
                  </div>
                </article>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="empty">{t('glossary.proposals.empty')}</p>
      )}
    </section>
  );
}
