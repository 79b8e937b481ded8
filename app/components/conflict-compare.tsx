import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { fromLocalInput } from '~/domain/calendar/grid';
import { useFormat } from '~/utils/use-format';

/** A piece as another editor saved it, in the words a person reads (names, not ids). */
export type PieceSnapshot = {
  title: string;
  brief: string;
  body: string;
  channel: string;
  /** ISO instant */
  publishAt: string | null;
  owner: string | null;
  audiences: string[];
  experts: string[];
};

/**
 * What a save that met someone else's save answers: the stored piece (`theirs`), the fields in
 * which it differs from what was sent, and its version, which a save that overrides it must send
 * as `expectedVersion` (null when the answer does not carry it: then the page's own reading of
 * the stored piece stands in).
 */
export type PieceConflict = {
  theirs: PieceSnapshot;
  fields: (keyof PieceSnapshot)[];
  version: number | null;
};

type FormValues = Record<string, string | string[]>;
type Option = { id: string; name: string };

export const SNAPSHOT_FIELDS = [
  'title',
  'channel',
  'publishAt',
  'owner',
  'audiences',
  'experts',
  'brief',
  'body',
] as const satisfies readonly (keyof PieceSnapshot)[];

/**
 * The two versions of a piece side by side after a conflict, field by field, the fields that
 * differ marked; and the explicit choice between them: keep theirs (the page is loaded again with
 * the stored version, what was typed is dropped) or apply mine (what was sent is sent again, now
 * over the stored version). Nothing is overwritten until "Apply my changes" is pressed.
 */
export function ConflictCompare({
  conflict,
  mine,
  options,
  version,
  reloadTo,
}: {
  conflict: PieceConflict;
  /** the form as it was sent */
  mine: FormValues;
  /** the names of the people and audiences the form refers to by id */
  options: { owners: Option[]; audiences: Option[]; experts: Option[] };
  /** the stored version "Apply my changes" overrides */
  version: number;
  reloadTo: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const text = (k: string) => (typeof mine[k] === 'string' ? (mine[k] as string) : '');
  const list = (k: string) =>
    Array.isArray(mine[k]) ? (mine[k] as string[]) : text(k) ? [text(k)] : [];
  const names = (ids: string[], among: Option[]) =>
    ids.map((id) => among.find((o) => o.id === id)?.name ?? id).sort((a, b) => a.localeCompare(b));
  const mineShown: Record<(typeof SNAPSHOT_FIELDS)[number], string> = {
    title: text('title'),
    channel: text('channel') ? t(`channels.${text('channel')}`) : '',
    publishAt: (() => {
      const at = text('publishAt') ? fromLocalInput(text('publishAt'), f.timeZone) : null;
      return at ? f.dateTime(at) : text('publishAt');
    })(),
    owner: names(text('ownerId') ? [text('ownerId')] : [], options.owners).join(', '),
    audiences: names(list('audiences'), options.audiences).join(', '),
    experts: names(list('experts'), options.experts).join(', '),
    brief: text('brief'),
    body: text('body'),
  };
  const theirs = conflict.theirs;
  const theirsShown: Record<(typeof SNAPSHOT_FIELDS)[number], string> = {
    title: theirs.title,
    channel: t(`channels.${theirs.channel}`),
    publishAt: theirs.publishAt ? f.dateTime(theirs.publishAt) : '',
    owner: theirs.owner ?? '',
    audiences: theirs.audiences.join(', '),
    experts: theirs.experts.join(', '),
    brief: theirs.brief,
    body: theirs.body,
  };
  const differs = (k: (typeof SNAPSHOT_FIELDS)[number]) => conflict.fields.includes(k);
  const shown = (value: string) =>
    value ? value : <span className="empty">{t('common.none')}</span>;
  return (
    <div className="conflict-compare">
      <table>
        <caption>{t('calendar.conflict.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('calendar.conflict.field')}</th>
            <th scope="col">{t('calendar.conflict.theirs')}</th>
            <th scope="col">{t('calendar.conflict.mine')}</th>
          </tr>
        </thead>
        <tbody>
          {SNAPSHOT_FIELDS.map((k) => (
            <tr key={k} data-differs={differs(k) || undefined}>
              <th scope="row">
                {t(`calendar.conflict.fields.${k}`)}
                {differs(k) ? (
                  <>
                    {' '}
                    <span className="badge" data-tone="warn">
                      {t('calendar.conflict.differs')}
                    </span>
                  </>
                ) : null}
              </th>
              <td className={k === 'body' || k === 'brief' ? 'pre-wrap' : undefined}>
                {shown(theirsShown[k])}
              </td>
              <td className={k === 'body' || k === 'brief' ? 'pre-wrap' : undefined}>
                {shown(mineShown[k])}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('calendar.conflict.choose')}</p>
      <div className="toolbar">
        <Link to={reloadTo} reloadDocument className="button button-secondary">
          {t('calendar.conflict.reload')}
        </Link>
        <Form method="post" replace>
          {Object.entries(mine).flatMap(([k, v]) =>
            k === 'expectedVersion' || k === 'intent'
              ? []
              : (Array.isArray(v) ? v : [v]).map((value, i) => (
                  <input key={`${k}-${i}`} type="hidden" name={k} value={value} />
                )),
          )}
          <input type="hidden" name="expectedVersion" value={version} />
          <button type="submit" name="intent" value="save">
            {t('calendar.conflict.applyMine')}
          </button>
        </Form>
      </div>
    </div>
  );
}

/**
 * The conflict in a failed save's answer (`detail: { current, fields, version }`: the stored
 * piece, the fields that differ, its version). Null when the data holds no conflict.
 */
export function readConflict(data: unknown): PieceConflict | null {
  if (!data || typeof data !== 'object') return null;
  const { detail } = data as {
    detail?: { current?: PieceSnapshot; fields?: string[]; version?: number } | null;
  };
  if (!detail?.current) return null;
  return {
    theirs: detail.current,
    fields: (detail.fields ?? []) as PieceConflict['fields'],
    version: typeof detail.version === 'number' ? detail.version : null,
  };
}
