import {
  json,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { UploadField } from '~/components/upload-field';
import {
  MAX_IMPORT_BYTES,
  previewImport,
  startImport,
  type ImportPreview,
} from '~/models/knowledge-import.server';
import { requirePermission } from '~/utils/auth.server';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'knowledge.import.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'knowledge:review');
  return json({ maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024 });
}

type ActionData =
  | { step: 'preview'; name: string; content: string; preview: ImportPreview }
  | { step: 'refused'; name: string; content: string; preview: ImportPreview };

/**
 * Step one (intent "preview"): the uploaded file is checked row by row and nothing is written.
 * Step two (intent "commit"): the same content is checked again; when every row is valid the
 * import starts and its progress page takes over (it is written all or nothing).
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'knowledge:review');
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }),
    );
  } catch {
    const preview: ImportPreview = {
      format: 'json',
      rows: [],
      fileError: { field: 'file', key: 'import.fileTooLarge' },
    };
    return json<ActionData>({ step: 'preview', name: '', content: '', preview }, { status: 413 });
  }
  const intent = form.get('intent');
  if (intent === 'commit') {
    const name = String(form.get('name') ?? '');
    const content = String(form.get('content') ?? '');
    const started = await startImport({ name, content, importer: user });
    if (!started.ok)
      return json<ActionData>(
        { step: 'refused', name, content, preview: started.preview },
        { status: 400 },
      );
    // the rows are staged in the background; the import's own page shows how far it got
    started.done.catch((error) => console.warn('knowledge import failed', error));
    return redirect(`/knowledge/import/${started.batchId}`);
  }
  const file = form.get('file');
  if (!(file instanceof File) || !file.size) {
    const preview: ImportPreview = {
      format: 'json',
      rows: [],
      fileError: { field: 'file', key: 'import.noFile' },
    };
    return json<ActionData>({ step: 'preview', name: '', content: '', preview }, { status: 400 });
  }
  const content = await file.text();
  const preview = await previewImport({ name: file.name, content, importer: user });
  return json<ActionData>(
    { step: 'preview', name: file.name, content, preview },
    { status: preview.fileError ? 400 : 200 },
  );
}

export default function ImportKnowledge() {
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === 'submitting';
  const preview = data ? data.preview : null;
  const bad = preview?.rows.filter((r) => r.errors.length) ?? [];
  return (
    <section className="card" aria-labelledby="import-title">
      <p>
        <Link to="/knowledge">{t('knowledge.backToInventory')}</Link>
      </p>
      <h1 id="import-title">{t('knowledge.import.title')}</h1>
      <p className="intro">{t('knowledge.import.intro')}</p>
      <Form method="post" encType="multipart/form-data" className="stack">
        <UploadField
          id="import-file"
          label={t('knowledge.import.file')}
          hint={t('knowledge.import.fileHint')}
          accept=".csv,.json,text/csv,application/json"
        />
        <div>
          <button type="submit" name="intent" value="preview" disabled={busy}>
            {busy ? t('knowledge.import.checking') : t('knowledge.import.check')}
          </button>
        </div>
      </Form>
      {preview ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">{t('knowledge.import.preview')}</h2>
          {data?.step === 'refused' || bad.length || preview.fileError ? (
            <p className="form-error" role="alert">
              {preview.fileError
                ? t(preview.fileError.key, preview.fileError.values)
                : t('knowledge.import.refused', { count: bad.length })}
            </p>
          ) : (
            <p role="status">{t('knowledge.import.ready', { count: preview.rows.length })}</p>
          )}
          {preview.rows.length ? (
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('knowledge.import.row')}</th>
                    <th scope="col">{t('knowledge.import.id')}</th>
                    <th scope="col">{t('knowledge.columns.title')}</th>
                    <th scope="col">{t('knowledge.import.action')}</th>
                    <th scope="col">{t('knowledge.import.problems')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.row} data-invalid={r.errors.length ? 'true' : undefined}>
                      <td>{r.row}</td>
                      <td>{r.id}</td>
                      <td>{r.title}</td>
                      <td>{t(`knowledge.import.${r.action}`)}</td>
                      <td>
                        {r.errors.length ? (
                          <ul className="plain field-error">
                            {r.errors.map((e) => (
                              <li key={e.field}>
                                {t('knowledge.import.fieldProblem', {
                                  field: e.field,
                                  problem: t(e.key, e.values),
                                })}
                              </li>
                            ))}
                          </ul>
                        ) : (
                          t('knowledge.import.ok')
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {data &&
          data.step === 'preview' &&
          preview.rows.length &&
          !bad.length &&
          !preview.fileError ? (
            <Form method="post" encType="multipart/form-data">
              <input type="hidden" name="name" value={data.name} />
              <input type="hidden" name="content" value={data.content} />
              <button type="submit" name="intent" value="commit" disabled={busy}>
                {busy
                  ? t('knowledge.import.importing')
                  : t('knowledge.import.commit', { count: preview.rows.length })}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
