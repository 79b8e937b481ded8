import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { ReachItem, RuleReach } from '~/models/rule-reach.server';
import type { ReachAnswer } from '~/models/rule-reach.server';

const itemPath = (item: Pick<ReachItem, 'type' | 'id'>) =>
  item.type === 'piece' ? `/calendar/${item.id}` : `/knowledge/${item.id}`;

/** One sentence per severity: how many pieces and knowledge items a rule would block or warn on. */
export function ReachSummary({ reach }: { reach: RuleReach }) {
  const { t } = useTranslation();
  const values = (severity: 'block' | 'warn') => ({
    pieces: reach.pieces[severity],
    knowledge: reach.knowledge[severity],
    checkedPieces: reach.checked.pieces,
    checkedKnowledge: reach.checked.knowledge,
  });
  const blocks = reach.pieces.block + reach.knowledge.block;
  const warns = reach.pieces.warn + reach.knowledge.warn;
  return (
    <>
      {blocks ? <p>{t('rules.reach.blocks', values('block'))}</p> : null}
      {warns ? <p>{t('rules.reach.warns', values('warn'))}</p> : null}
      {!blocks && !warns ? <p>{t('rules.reach.nothing', values('block'))}</p> : null}
    </>
  );
}

/** The affected records: title (linked), kind of record, status, owner and the passages found. */
export function ReachTable({ reach }: { reach: RuleReach }) {
  const { t } = useTranslation();
  if (!reach.items.length) return null;
  return (
    <>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('rules.reach.columns.title')}</th>
            <th scope="col">{t('rules.reach.columns.type')}</th>
            <th scope="col">{t('rules.reach.columns.status')}</th>
            <th scope="col">{t('rules.reach.columns.owner')}</th>
            <th scope="col">{t('rules.reach.columns.passage')}</th>
          </tr>
        </thead>
        <tbody>
          {reach.items.map((item) => (
            <tr key={`${item.type}-${item.id}`}>
              <td>
                <Link to={itemPath(item)}>{item.title}</Link>
              </td>
              <td>
                {item.type === 'piece' ? t('rules.reach.piece') : t('rules.reach.knowledgeItem')}{' '}
                <span className="badge" data-tone={item.severity === 'block' ? 'danger' : 'warn'}>
                  {t(`severity.${item.severity}`)}
                </span>
              </td>
              <td>
                {item.type === 'piece'
                  ? t(`status.piece.${item.status}`)
                  : t(`status.knowledge.${item.status}`)}
              </td>
              <td>{item.owner ?? t('common.none')}</td>
              <td>
                {item.passages.map((p, i) => (
                  <p key={`${p.field}-${i}`} className="pre-wrap">
                    {t(`disclosure.fields.${p.field}`)}: {p.before ? '…' : ''}
                    {p.before}
                    <mark>{p.excerpt}</mark>
                    {p.after}
                    {p.after ? '…' : ''}
                  </p>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {reach.more ? <p>{t('rules.reach.more', { count: reach.more })}</p> : null}
    </>
  );
}

/**
 * The rule form's reach panel: which unpublished content the rule, as drafted, would block or
 * warn on. Announced politely as it changes while management types.
 */
export function RuleReachPanel({
  answer: given,
  busy,
}: {
  answer: ReachAnswer | null | undefined;
  busy: boolean;
}) {
  const { t } = useTranslation();
  // an answer to a request given up for a newer one has nothing to show
  const answer = given && !given.ok && given.error === 'aborted' ? null : given;
  return (
    <section className="card" aria-labelledby="rule-reach-title">
      <h2 id="rule-reach-title">{t('rules.reach.title')}</h2>
      {/* a live region without role="status": the page's own status messages (saved, moved)
          stay the one status on the page */}
      <div aria-live="polite">
        {busy ? <p className="field-hint">{t('rules.reach.checking')}</p> : null}
        {!answer || (answer.ok && !answer.reach) ? (
          <p className="field-hint">{t('rules.reach.hint')}</p>
        ) : !answer.ok ? (
          <p className="field-error">
            {answer.error === 'compile'
              ? t('rules.reach.compileError', { problem: answer.problem })
              : answer.error === 'tooLarge'
                ? t('rules.reach.tooLarge')
                : t('rules.reach.invalid')}
          </p>
        ) : answer.reach ? (
          <>
            <ReachSummary reach={answer.reach} />
            <ReachTable reach={answer.reach} />
          </>
        ) : null}
      </div>
    </section>
  );
}
