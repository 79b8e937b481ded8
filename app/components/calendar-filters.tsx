import { Form } from '@remix-run/react';
import { FilterSelect, type FilterOption } from './filter-select';
import { useTranslation } from 'react-i18next';
import type { CalendarQuery } from '~/domain/calendar/calendar-query';
import { CHANNELS, PIECE_STATUSES } from '~/domain/calendar/vocabulary';

type Option = { id: string; name: string };

/**
 * Channel, status, audience, owner, expert and goal filters; a GET form, so they live in the URL.
 */
export function CalendarFilters({
  query,
  facets,
}: {
  query: CalendarQuery;
  facets: {
    audiences: Option[];
    owners: Option[];
    experts: Option[];
    goals: { id: string; title: string }[];
  };
}) {
  const { t } = useTranslation();
  const select = (
    name: string,
    label: string,
    current: string,
    options: readonly FilterOption[],
  ) => (
    <FilterSelect
      id={`cal-${name}`}
      name={name}
      label={label}
      current={current}
      options={options}
    />
  );
  const people = (list: Option[]) => list.map((o) => ({ value: o.id, label: o.name }));
  return (
    <Form
      method="get"
      className="filters no-print"
      aria-label={t('calendar.filters')}
      key={JSON.stringify(query)}
    >
      {query.view !== 'month' ? <input type="hidden" name="view" value={query.view} /> : null}
      {query.date ? <input type="hidden" name="date" value={query.date} /> : null}
      {select(
        'channel',
        t('calendar.columns.channel'),
        query.channel[0] ?? '',
        CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) })),
      )}
      {select(
        'status',
        t('calendar.columns.status'),
        query.status[0] ?? '',
        PIECE_STATUSES.map((s) => ({ value: s, label: t(`status.piece.${s}`) })),
      )}
      {select('audience', t('calendar.audience'), query.audience, people(facets.audiences))}
      {select('owner', t('calendar.columns.owner'), query.owner, people(facets.owners))}
      {select('expert', t('calendar.expert'), query.expert, people(facets.experts))}
      {select(
        'goal',
        t('calendar.goal'),
        query.goal,
        facets.goals.map((g) => ({ value: g.id, label: g.title })),
      )}
      <noscript>
        <button type="submit">{t('knowledge.filters.apply')}</button>
      </noscript>
    </Form>
  );
}
