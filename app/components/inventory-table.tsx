import { Link, useFetcher, useNavigate } from '@remix-run/react';
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowSelectionState,
  type VisibilityState,
} from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INVENTORY_COLUMNS,
  inventoryQueryToSearch,
  PAGE_SIZES,
  SORTABLE_COLUMNS,
  toggleSort,
  type InventoryColumn,
  type InventoryQuery,
  type SortColumn,
} from '~/domain/knowledge/inventory-query';
import { useFormat } from '~/utils/use-format';
import { SortIcon, StatusBadge } from './labels';

export type InventoryRow = {
  id: string;
  title: string;
  kind: string;
  language: string;
  department: string;
  status: string;
  updatedAt: string;
  owner: { id: string; name: string };
  tags: string[];
};

type BulkResult =
  | { ok: true; changed: number; skipped: number }
  | { ok: false; errors: Record<string, { key: string } | undefined> };

/**
 * The inventory as a table (@tanstack/react-table) whose sorting, paging and column visibility
 * live in the URL; the server sorts, filters and pages. Reviewers select rows for bulk actions.
 */
export function InventoryTable({
  rows,
  total,
  page,
  pages,
  query,
  canReview,
}: {
  rows: InventoryRow[];
  total: number;
  page: number;
  pages: number;
  query: InventoryQuery;
  canReview: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const go = (next: InventoryQuery) =>
    navigate(`/knowledge${inventoryQueryToSearch(next)}`, { preventScrollReset: true });
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const bulk = useFetcher<BulkResult>();
  // a new page of rows starts with nothing selected; so does a finished bulk action
  useEffect(() => setRowSelection({}), [rows]);

  // hidden columns change at once; the URL follows
  const [hidden, setHidden] = useState<InventoryColumn[]>(query.hide);
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setHidden(query.hide), [query.hide]);
  const toggleColumn = (column: InventoryColumn, visible: boolean) => {
    const hide = visible ? hidden.filter((h) => h !== column) : [...hidden, column];
    setHidden(hide);
    go({ ...query, hide });
  };
  const columnVisibility: VisibilityState = Object.fromEntries(
    INVENTORY_COLUMNS.map((c) => [c, !hidden.includes(c)]),
  );

  const columns = useMemo<ColumnDef<InventoryRow>[]>(() => {
    const list: ColumnDef<InventoryRow>[] = [
      {
        id: 'title',
        header: t('knowledge.columns.title'),
        cell: ({ row }) => (
          <Link to={`/knowledge/${row.original.id}`} lang={row.original.language}>
            {row.original.title}
          </Link>
        ),
      },
      {
        id: 'kind',
        header: t('knowledge.columns.kind'),
        cell: ({ row }) => t(`kinds.${row.original.kind}`),
      },
      {
        id: 'language',
        header: t('knowledge.columns.language'),
        cell: ({ row }) => t(`contentLanguages.${row.original.language}`),
      },
      {
        id: 'department',
        header: t('knowledge.columns.department'),
        cell: ({ row }) => row.original.department,
      },
      {
        id: 'expert',
        header: t('knowledge.columns.expert'),
        cell: ({ row }) => (
          <Link to={`/experts/${row.original.owner.id}`}>{row.original.owner.name}</Link>
        ),
      },
      {
        id: 'status',
        header: t('knowledge.columns.status'),
        cell: ({ row }) => <StatusBadge kind="knowledge" status={row.original.status} />,
      },
      {
        id: 'tags',
        header: t('knowledge.columns.tags'),
        cell: ({ row }) => (
          <span className="tags">
            {row.original.tags.map((tag) => (
              <span key={tag} className="badge">
                {tag}
              </span>
            ))}
          </span>
        ),
      },
      {
        id: 'updated',
        header: t('knowledge.columns.updated'),
        cell: ({ row }) => f.shortDate(row.original.updatedAt),
      },
    ];
    if (canReview) {
      list.unshift({
        id: 'select',
        header: ({ table }) => (
          <input
            type="checkbox"
            aria-label={t('knowledge.bulk.selectPage')}
            checked={table.getIsAllRowsSelected()}
            ref={(el) => {
              if (el) el.indeterminate = table.getIsSomeRowsSelected();
            }}
            onChange={table.getToggleAllRowsSelectedHandler()}
          />
        ),
        cell: ({ row }) => (
          <input
            type="checkbox"
            aria-label={t('knowledge.bulk.selectRow', { title: row.original.title })}
            checked={row.getIsSelected()}
            onChange={row.getToggleSelectedHandler()}
          />
        ),
      });
    }
    return list;
  }, [t, f, canReview]);

  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    pageCount: pages,
    state: { rowSelection, columnVisibility },
    onRowSelectionChange: setRowSelection,
    enableRowSelection: canReview,
  });

  const selected = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  const exportSearch = inventoryQueryToSearch({ ...query, page: 1 });
  const sep = exportSearch ? '&' : '?';
  const bulkData = bulk.data;

  return (
    <section aria-labelledby="inventory-count">
      <div className="toolbar table-tools">
        <p id="inventory-count" role="status">
          {t('knowledge.count', { count: total })}
        </p>
        <div className="inline">
          <details className="menu" onToggle={(e) => setMenuOpen(e.currentTarget.open)}>
            <summary>{t('knowledge.table.columns')}</summary>
            {/* rendered only while open, so its checkboxes never compete with the filters' labels */}
            {menuOpen ? (
              <fieldset>
                <legend className="visually-hidden">{t('knowledge.table.columns')}</legend>
                {INVENTORY_COLUMNS.filter((c) => c !== 'title').map((c) => (
                  <label key={c} className="checkbox">
                    <input
                      type="checkbox"
                      checked={!hidden.includes(c)}
                      onChange={(e) => toggleColumn(c, e.target.checked)}
                    />
                    {t('knowledge.table.showColumn', { column: t(`knowledge.columns.${c}`) })}
                  </label>
                ))}
              </fieldset>
            ) : null}
          </details>
          <a
            className="button button-secondary"
            href={`/knowledge/export${exportSearch}${sep}format=csv`}
            download
          >
            {t('knowledge.table.exportCsv')}
          </a>
          <a
            className="button button-secondary"
            href={`/knowledge/export${exportSearch}${sep}format=json`}
            download
          >
            {t('knowledge.table.exportJson')}
          </a>
        </div>
      </div>

      {canReview ? (
        <bulk.Form method="post" className="bulk-bar" aria-label={t('knowledge.bulk.title')}>
          <input type="hidden" name="intent" value="bulk" />
          {selected.map((id) => (
            <input key={id} type="hidden" name="ids" value={id} />
          ))}
          <span>{t('knowledge.bulk.selected', { count: selected.length })}</span>
          <label htmlFor="bulk-tag" className="visually-hidden">
            {t('knowledge.bulk.tag')}
          </label>
          <input
            id="bulk-tag"
            name="tag"
            placeholder={t('knowledge.bulk.tag')}
            disabled={!selected.length}
          />
          <button
            type="submit"
            name="action"
            value="add_tag"
            className="button-secondary"
            disabled={!selected.length || bulk.state !== 'idle'}
          >
            {t('knowledge.bulk.addTag')}
          </button>
          <button
            type="submit"
            name="action"
            value="accept"
            disabled={!selected.length || bulk.state !== 'idle'}
          >
            {t('knowledge.bulk.accept')}
          </button>
          <button
            type="submit"
            name="action"
            value="archive"
            className="button-secondary"
            disabled={!selected.length || bulk.state !== 'idle'}
          >
            {t('knowledge.bulk.archive')}
          </button>
          {bulkData && bulk.state === 'idle' ? (
            <span role="status" className={bulkData.ok ? 'notice' : 'form-error'}>
              {bulkData.ok
                ? t('knowledge.bulk.done', { changed: bulkData.changed, skipped: bulkData.skipped })
                : t(Object.values(bulkData.errors)[0]?.key ?? 'errors.badRequest')}
            </span>
          ) : null}
        </bulk.Form>
      ) : null}

      {rows.length ? (
        <div className="table-scroll">
          <table>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const id = header.column.id;
                    const sortable = (SORTABLE_COLUMNS as readonly string[]).includes(id);
                    const sorted = query.sort === id ? query.dir : null;
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        aria-sort={
                          sorted
                            ? sorted === 'asc'
                              ? 'ascending'
                              : 'descending'
                            : sortable
                              ? 'none'
                              : undefined
                        }
                      >
                        {sortable ? (
                          <button
                            type="button"
                            className="sort"
                            onClick={() => go(toggleSort(query, id as SortColumn))}
                          >
                            {flexRender(header.column.columnDef.header, header.getContext())}
                            <SortIcon direction={sorted} />
                          </button>
                        ) : (
                          flexRender(header.column.columnDef.header, header.getContext())
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map((row) => (
                <tr key={row.id} aria-selected={canReview ? row.getIsSelected() : undefined}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">{t('knowledge.empty')}</p>
      )}

      <nav className="pagination" aria-label={t('knowledge.table.pagination')}>
        {page > 1 ? (
          <Link
            to={`/knowledge${inventoryQueryToSearch({ ...query, page: page - 1 })}`}
            preventScrollReset
          >
            {t('knowledge.table.previous')}
          </Link>
        ) : (
          <span aria-disabled="true">{t('knowledge.table.previous')}</span>
        )}
        <span>{t('knowledge.table.pageOf', { page, pages })}</span>
        {page < pages ? (
          <Link
            to={`/knowledge${inventoryQueryToSearch({ ...query, page: page + 1 })}`}
            preventScrollReset
          >
            {t('knowledge.table.next')}
          </Link>
        ) : (
          <span aria-disabled="true">{t('knowledge.table.next')}</span>
        )}
        <label htmlFor="page-size">{t('knowledge.table.pageSize')}</label>
        <select
          id="page-size"
          value={query.size}
          onChange={(e) => go({ ...query, size: Number(e.target.value), page: 1 })}
        >
          {PAGE_SIZES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </nav>
    </section>
  );
}
