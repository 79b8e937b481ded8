import type { LoaderFunctionArgs } from '@remix-run/node';
import Papa from 'papaparse';
import { parseInventoryQuery } from '~/domain/knowledge/inventory-query';
import { knowledgeForExport } from '~/models/output.server';
import { requirePermission } from '~/utils/auth.server';

/**
 * The current view of the inventory (filters and sorting of the URL, all pages) as CSV or JSON,
 * in the exchange format the import and the matching command read, so an export can be edited
 * and imported again. Only items the viewer may see are in it, and none a disclosure rule blocks.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'knowledge:read');
  const params = new URL(request.url).searchParams;
  const format = params.get('format') === 'json' ? 'json' : 'csv';
  // the model's output gate leaves out what a disclosure rule blocks
  const { items, withheld } = await knowledgeForExport({
    viewer: user,
    query: parseInventoryQuery(params),
  });
  const records = items.map((i) => ({
    id: i.externalId ?? i.id,
    title: i.title,
    description: i.summary,
    tags: i.tags,
    language: i.language,
    kind: i.kind,
    department: i.department,
    expert: i.owner.email,
    status: i.status,
    updated: i.updatedAt.toISOString(),
  }));
  const stamp = new Date().toISOString().slice(0, 10);
  const headers = {
    'Content-Disposition': `attachment; filename="lotse-knowledge-${stamp}.${format}"`,
    'Cache-Control': 'no-store',
    // how many items of the view a disclosure rule kept out, for scripts that compare counts
    'X-Lotse-Withheld': String(withheld),
  };
  if (format === 'json') {
    return new Response(`${JSON.stringify(records, null, 2)}\n`, {
      headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' },
    });
  }
  const csv = Papa.unparse(
    records.map((r) => ({ ...r, tags: r.tags.join('; ') })),
    {
      columns: [
        'id',
        'title',
        'description',
        'tags',
        'language',
        'kind',
        'department',
        'expert',
        'status',
        'updated',
      ],
      escapeFormulae: true,
    },
  );
  // the byte-order mark lets spreadsheet programs read the umlauts right
  return new Response(`\uFEFF${csv}\r\n`, {
    headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' },
  });
}
