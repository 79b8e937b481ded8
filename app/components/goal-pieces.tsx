import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '~/utils/use-format';
import { SelectField, useBusy } from './strategy-parts';

type Piece = {
  id: string;
  title: string;
  channel: string;
  status: string;
  publishAt: Date | string | null;
};

/** The pieces serving a goal, and (for editors, on an agreed goal) linking another one. */
export function GoalPieces({
  goalTitle,
  pieces,
  linkable,
  canLink,
}: {
  goalTitle: string;
  pieces: Piece[];
  linkable: Piece[];
  canLink: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const busy = useBusy('link');
  const when = (p: Piece) => (p.publishAt ? f.dateTime(p.publishAt) : t('strategy.pieces.noDate'));
  return (
    <section className="card" aria-labelledby="goal-pieces-title">
      <h2 id="goal-pieces-title">{t('strategy.pieces.title')}</h2>
      {pieces.length ? (
        <ul className="plain">
          {pieces.map((p) => (
            <li key={p.id} className="inline">
              <Link to={`/calendar/${p.id}`}>{p.title}</Link>
              <span>
                {t(`channels.${p.channel}`)}, {when(p)}
              </span>
              {canLink ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="unlink" />
                  <input type="hidden" name="pieceId" value={p.id} />
                  <button type="submit" className="button-secondary">
                    {t('strategy.pieces.unlink', { title: p.title })}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('strategy.pieces.none')}</p>
      )}
      {canLink && linkable.length ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="link" />
          <SelectField
            idPrefix="link"
            name="pieceId"
            label={t('strategy.pieces.choose', { goal: goalTitle })}
            options={linkable.map((p) => ({
              value: p.id,
              label: `${p.title} (${t(`channels.${p.channel}`)}, ${when(p)})`,
            }))}
          />
          <div className="toolbar">
            <button type="submit" disabled={busy}>
              {t('strategy.pieces.link')}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
