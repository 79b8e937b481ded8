import { Form } from '@remix-run/react';
import { FilterSelect, type FilterOption } from './filter-select';
import { useTranslation } from 'react-i18next';
import type { InventoryQuery } from '~/domain/knowledge/inventory-query';
import {
  CONTENT_LANGUAGES,
  KNOWLEDGE_KINDS,
  KNOWLEDGE_STATUSES,
} from '~/domain/knowledge/vocabulary';

type Facets = { departments: string[]; experts: { id: string; name: string }[]; tags: string[] };

/** The inventory's search and per-column filters: a GET form, so the state lands in the URL. */
export function InventoryFilters({ query, facets }: { query: InventoryQuery; facets: Facets }) {
  const { t } = useTranslation();
  const keep = (
    <>
      {query.sort !== 'updated' || query.dir !== 'desc' ? (
        <>
          <input type="hidden" name="sort" value={query.sort} />
          <input type="hidden" name="dir" value={query.dir} />
        </>
      ) : null}
      {query.size !== 25 ? <input type="hidden" name="size" value={query.size} /> : null}
      {query.hide.length ? <input type="hidden" name="hide" value={query.hide.join(',')} /> : null}
    </>
  );
  const select = (
    name: string,
    label: string,
    current: string,
    options: readonly FilterOption[],
  ) => (
    <FilterSelect
      id={`filter-${name}`}
      name={name}
      label={label}
      current={current}
      options={options}
    />
  );
  const options = (values: readonly string[], label: (v: string) => string) =>
    values.map((value) => ({ value, label: label(value) }));
  return (
    <Form
      method="get"
      className="filters"
      role="search"
      aria-label={t('knowledge.filters.title')}
      key={JSON.stringify(query)}
    >
      {keep}
      <div className="field grow">
        <label htmlFor="filter-q">{t('knowledge.filters.search')}</label>
        <input
          id="filter-q"
          type="search"
          name="q"
          defaultValue={query.q}
          placeholder={t('knowledge.filters.searchPlaceholder')}
        />
      </div>
      {select(
        'kind',
        t('knowledge.columns.kind'),
        query.kind[0] ?? '',
        options(KNOWLEDGE_KINDS, (v) => t(`kinds.${v}`)),
      )}
      {select(
        'language',
        t('knowledge.columns.language'),
        query.language[0] ?? '',
        options(CONTENT_LANGUAGES, (v) => t(`contentLanguages.${v}`)),
      )}
      {select(
        'status',
        t('knowledge.columns.status'),
        query.status[0] ?? '',
        options(KNOWLEDGE_STATUSES, (v) => t(`status.knowledge.${v}`)),
      )}
      {select(
        'department',
        t('knowledge.columns.department'),
        query.department,
        options(facets.departments, (d) => d),
      )}
      {select(
        'expert',
        t('knowledge.columns.expert'),
        query.expert,
        facets.experts.map((e) => ({ value: e.id, label: e.name })),
      )}
      <div className="field">
        <label htmlFor="filter-tag">{t('knowledge.filters.tag')}</label>
        <input
          id="filter-tag"
          name="tag"
          list="filter-tag-list"
          defaultValue={query.tag}
          autoComplete="off"
        />
        <datalist id="filter-tag-list">
          {facets.tags.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </div>
      <div className="inline filter-buttons">
        <button type="submit">{t('knowledge.filters.apply')}</button>
        <a className="button button-secondary" href="/knowledge">
          {t('knowledge.filters.reset')}
        </a>
      </div>
    </Form>
  );
}
