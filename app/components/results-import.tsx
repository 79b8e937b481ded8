import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '~/models/results-import.server';
import { useFormat } from '~/utils/use-format';
import { useDayFormat } from './observations';
import { RowActionForm } from './row-action-form';

/** What a results file holds: its problems, the rows tied to pieces, the rows tied to none. */
export function ResultsPreviewTable({
  preview,
  refused,
  children,
}: {
  preview: ImportPreview;
  /** why a commit was refused (hasProblems, nothingMatched), if it was */
  refused: string | null;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const day = useDayFormat();
  // a problem's message names days as the reader writes them
  const values = (v: Record<string, string | number> | undefined) =>
    v && typeof v.date === 'string' ? { ...v, date: day(v.date) } : v;
  return (
    <section aria-labelledby="results-preview-title" className="stack">
      <h2 id="results-preview-title">{t('results.import.preview')}</h2>
      <p role="status">
        {t('results.import.summary', {
          preset: t(`results.presets.${preview.preset}`),
          rows: preview.rows,
          matched: preview.matched,
          unmatched: preview.unmatched.length,
          observations: preview.observations,
        })}
      </p>
      {refused ? (
        <p className="form-error" role="alert">
          {t(`results.problems.${refused}`)}
        </p>
      ) : null}
      {preview.alreadyImported.length ? (
        <div className="notice" aria-labelledby="results-again-title" role="note">
          <p id="results-again-title">
            <strong>{t('results.import.alreadyImportedTitle')}</strong>
          </p>
          <ul>
            {preview.alreadyImported.map((i) => (
              <li key={i.id}>
                {t('results.import.alreadyImported', {
                  name: i.fileName,
                  date: format.dateTime(i.createdAt),
                  by: i.importedBy ?? '—',
                })}
              </li>
            ))}
          </ul>
          <p>{t('results.import.alreadyImportedHint')}</p>
        </div>
      ) : null}
      <h3>{t('results.import.problemsTitle', { count: preview.problems.length })}</h3>
      {preview.problems.length ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('results.import.problemsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.import.row')}</th>
                <th scope="col">{t('results.import.column')}</th>
                <th scope="col">{t('results.import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.problems.map((p) => (
                <tr key={`${p.row}-${p.column}-${p.code}`}>
                  <td>{p.row}</td>
                  <td>{p.field ? t(`results.import.${p.field}`) : p.column}</td>
                  <td>{t(`results.problems.${p.code}`, values(p.values))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('results.import.noProblems')}</p>
      )}
      <h3>{t('results.import.unmatchedTitle', { count: preview.unmatched.length })}</h3>
      {preview.unmatched.length ? (
        <>
          <p className="field-hint">{t('results.import.unmatchedHint')}</p>
          <ul aria-label={t('results.import.unmatchedTitle', { count: preview.unmatched.length })}>
            {preview.unmatched.map((u) => (
              <li key={u.row}>
                {u.reason
                  ? t('results.import.unmatchedRowWhy', {
                      row: u.row,
                      label: u.label,
                      reason: t(`results.import.unmatchedReason.${u.reason}`),
                    })
                  : t('results.import.unmatchedRow', { row: u.row, label: u.label })}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('results.import.allMatched')}</p>
      )}
      {preview.tied.length ? (
        <div className="table-scroll">
          <table>
            <caption>{t('results.import.tiedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.import.row')}</th>
                <th scope="col">{t('results.import.label')}</th>
                <th scope="col">{t('results.import.piece')}</th>
                <th scope="col">{t('results.import.by')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.tied.map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <td>{r.label}</td>
                  <td>{r.title}</td>
                  <td>{t(`results.import.tiedBy.${r.by}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {children}
    </section>
  );
}

type ImportRecord = {
  id: string;
  fileName: string;
  preset: string;
  rows: number;
  matched: number;
  observations: number;
  createdAt: string;
  importedBy: string | null;
  undoneAt: string | null;
  undoneBy: string | null;
  version: number;
};

/** The imports so far, newest first, each with its undo. */
export function ResultsImportHistory({
  imports,
  refusal,
  busy,
  undoing,
}: {
  imports: ImportRecord[];
  refusal: string | null;
  /** whether any form of the page is being sent (the undo buttons wait meanwhile) */
  busy: boolean;
  /** the import whose undo is being sent */
  undoing: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  // to the second: two imports of one file, minutes apart or not, have undo buttons of their own
  const stamp = (d: string) =>
    new Intl.DateTimeFormat(format.locale === 'de' ? 'de-DE' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'medium',
      timeZone: format.timeZone,
    }).format(new Date(d));
  // each undo button's name: the file, when and by whom; imports of one file by one person in
  // the same second are told apart by their order (oldest first)
  const undoNames = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const i of [...imports].reverse()) {
    const values = { name: i.fileName, date: stamp(i.createdAt), by: i.importedBy ?? '—' };
    const key = t('results.import.undoNamed', values);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    undoNames.set(
      i.id,
      n > 1 ? t('results.import.undoNamed', { ...values, date: `${values.date} (${n})` }) : key,
    );
  }
  return (
    <section aria-labelledby="results-history-title" className="stack">
      <h2 id="results-history-title">{t('results.import.history')}</h2>
      {refusal ? (
        <p className="form-error" role="alert">
          {t(`results.problems.${refusal}`)}
        </p>
      ) : null}
      {imports.length ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('results.import.fileName')}</th>
                <th scope="col">{t('results.import.preset')}</th>
                <th scope="col">{t('results.import.when')}</th>
                <th scope="col">{t('results.import.counts')}</th>
                <th scope="col">{t('results.import.state')}</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((i) => (
                <tr key={i.id}>
                  <td>{i.fileName}</td>
                  <td>{t(`results.presets.${i.preset}`)}</td>
                  <td>
                    {t('results.import.byWhom', {
                      date: format.dateTime(i.createdAt),
                      name: i.importedBy ?? '—',
                    })}
                  </td>
                  <td>
                    {t('results.import.countsValue', {
                      rows: i.rows,
                      matched: i.matched,
                      observations: i.observations,
                    })}
                  </td>
                  <td>
                    {i.undoneAt ? (
                      t('results.import.undone', {
                        date: format.dateTime(i.undoneAt),
                        name: i.undoneBy ?? '—',
                      })
                    ) : (
                      <RowActionForm
                        intent="undo"
                        id={i.id}
                        version={i.version}
                        label={
                          undoing === i.id ? t('results.import.undoing') : t('results.import.undo')
                        }
                        name={undoNames.get(i.id) ?? i.fileName}
                        disabled={busy}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('results.import.noImports')}</p>
      )}
    </section>
  );
}
