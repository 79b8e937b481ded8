import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useRevalidator } from '@remix-run/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getImportBatch } from '~/models/knowledge-import.server';
import { requirePermission } from '~/utils/auth.server';
import { pageTitle } from '~/utils/meta';
import { invariantResponse } from '~/utils/misc';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageTitle(matches, 'knowledge.import.title'),
  // without JavaScript the page reloads itself while the import runs
  ...(data && running(data.batch.status) ? [{ httpEquiv: 'refresh', content: '2' }] : []),
];

const running = (status: string) => status === 'staging' || status === 'switching';

/** An import's progress: rows staged so far, the switch, and how it ended. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'knowledge:review');
  const batch = await getImportBatch(params.batchId ?? '', user);
  invariantResponse(batch, 'Not found', { status: 404 });
  return json({
    batch: {
      fileName: batch.fileName,
      status: batch.status,
      totalRows: batch.totalRows,
      stagedRows: batch.stagedRows,
      created: batch.created,
      updated: batch.updated,
      error: batch.error,
    },
  });
}

export default function ImportProgress() {
  const { batch } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const active = running(batch.status);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate();
    }, 700);
    return () => clearInterval(timer);
  }, [active, revalidator]);
  const message =
    batch.status === 'done'
      ? t('knowledge.import.done', { created: batch.created, updated: batch.updated })
      : batch.status === 'failed'
        ? t('knowledge.import.failedNothing', { reason: t(batch.error ?? 'import.failed') })
        : batch.status === 'switching'
          ? t('knowledge.import.switching', { count: batch.totalRows })
          : t('knowledge.import.staging', { done: batch.stagedRows, total: batch.totalRows });
  return (
    <section className="card" aria-labelledby="import-title">
      <p>
        <Link to="/knowledge">{t('knowledge.backToInventory')}</Link>
      </p>
      <h1 id="import-title">{t('knowledge.import.progressTitle', { file: batch.fileName })}</h1>
      <progress
        aria-label={t('knowledge.import.progress')}
        max={batch.totalRows}
        value={batch.status === 'done' ? batch.totalRows : batch.stagedRows}
      />
      <p
        className={batch.status === 'failed' ? 'form-error' : 'notice'}
        role={batch.status === 'failed' ? 'alert' : 'status'}
      >
        {message}
      </p>
      {active ? null : (
        <p className="inline">
          <Link to="/knowledge" className="button">
            {t('knowledge.backToInventory')}
          </Link>
          <Link to="/knowledge/import" className="button button-secondary">
            {t('knowledge.import.another')}
          </Link>
        </p>
      )}
    </section>
  );
}
