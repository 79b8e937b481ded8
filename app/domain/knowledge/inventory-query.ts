import { CONTENT_LANGUAGES, KNOWLEDGE_KINDS, KNOWLEDGE_STATUSES } from './vocabulary';

/**
 * The state of the inventory table, as it lives in the URL: sorting, filters, search, page,
 * page size and hidden columns. Parsing never fails: unknown or malformed values are dropped,
 * so a shared link always opens.
 */
export const INVENTORY_COLUMNS = [
  'title',
  'kind',
  'language',
  'department',
  'expert',
  'status',
  'tags',
  'updated',
] as const;
export type InventoryColumn = (typeof INVENTORY_COLUMNS)[number];
export const SORTABLE_COLUMNS = [
  'title',
  'kind',
  'language',
  'department',
  'expert',
  'status',
  'updated',
] as const;
export type SortColumn = (typeof SORTABLE_COLUMNS)[number];
export const PAGE_SIZES = [10, 25, 50, 100] as const;

export type InventoryQuery = {
  q: string;
  kind: string[];
  language: string[];
  status: string[];
  department: string;
  expert: string;
  tag: string;
  sort: SortColumn;
  dir: 'asc' | 'desc';
  page: number;
  size: number;
  hide: InventoryColumn[];
};

export const DEFAULT_QUERY: InventoryQuery = {
  q: '',
  kind: [],
  language: [],
  status: [],
  department: '',
  expert: '',
  tag: '',
  sort: 'updated',
  dir: 'desc',
  page: 1,
  size: 25,
  hide: [],
};

const pick = <T extends string>(values: string[], allowed: readonly T[]) => [
  ...new Set(values.filter((v): v is T => (allowed as readonly string[]).includes(v))),
];
const text = (value: string | null, max = 200) => (value ?? '').trim().slice(0, max);

export function parseInventoryQuery(params: URLSearchParams): InventoryQuery {
  const sort = params.get('sort');
  const size = Number(params.get('size'));
  const page = Number(params.get('page'));
  return {
    q: text(params.get('q')),
    kind: pick(params.getAll('kind'), KNOWLEDGE_KINDS),
    language: pick(params.getAll('language'), CONTENT_LANGUAGES),
    status: pick(params.getAll('status'), KNOWLEDGE_STATUSES),
    department: text(params.get('department')),
    expert: text(params.get('expert')),
    tag: text(params.get('tag')).toLowerCase(),
    sort: (SORTABLE_COLUMNS as readonly string[]).includes(sort ?? '')
      ? (sort as SortColumn)
      : DEFAULT_QUERY.sort,
    dir:
      params.get('dir') === 'asc'
        ? 'asc'
        : params.get('dir') === 'desc'
          ? 'desc'
          : DEFAULT_QUERY.dir,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_QUERY.size,
    hide: pick(params.get('hide')?.split(',') ?? [], INVENTORY_COLUMNS).filter(
      (c) => c !== 'title',
    ),
  };
}

/** The URL search of a query, leaving out defaults so links stay short. */
export function inventoryQueryToSearch(query: InventoryQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const key of ['kind', 'language', 'status'] as const)
    for (const v of query[key]) params.append(key, v);
  for (const key of ['department', 'expert', 'tag'] as const)
    if (query[key]) params.set(key, query[key]);
  if (query.sort !== DEFAULT_QUERY.sort || query.dir !== DEFAULT_QUERY.dir) {
    params.set('sort', query.sort);
    params.set('dir', query.dir);
  }
  if (query.page !== 1) params.set('page', String(query.page));
  if (query.size !== DEFAULT_QUERY.size) params.set('size', String(query.size));
  if (query.hide.length) params.set('hide', query.hide.join(','));
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** Clicking a column header: first ascending (dates: newest first), again flips the direction. */
export function toggleSort(query: InventoryQuery, column: SortColumn): InventoryQuery {
  const dir =
    query.sort === column
      ? query.dir === 'asc'
        ? 'desc'
        : 'asc'
      : column === 'updated'
        ? 'desc'
        : 'asc';
  return { ...query, sort: column, dir, page: 1 };
}
