/**
 * The words of the content strategy: goal categories and statuses, the metric catalogue KPIs are
 * chosen from, KPI directions and scopes, stock-take kinds. Labels live in the message catalogs
 * (strategy.categories.<key>, strategy.metrics.<key>, …).
 */

/** The goal categories of the method Lotse follows. */
export const GOAL_CATEGORIES = [
  'brand_awareness',
  'brand_image',
  'customer_retention',
  'service_relief',
  'new_customers',
  'market_feedback',
  'other',
] as const;
export type GoalCategory = (typeof GOAL_CATEGORIES)[number];

/** proposed → agreed | sent_back; sent_back → proposed (edited and proposed again); any → retired */
export const GOAL_STATUSES = ['proposed', 'agreed', 'sent_back', 'retired'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const MIN_GOAL_WEIGHT = 1;
export const MAX_GOAL_WEIGHT = 100;

/** Which way a KPI's value is better. */
export const KPI_DIRECTIONS = ['more', 'less'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

/** What a KPI's observations are about: the whole workspace, one channel or one audience. */
export const KPI_SCOPES = ['workspace', 'channel', 'audience'] as const;
export type KpiScope = (typeof KPI_SCOPES)[number];

/** Units a KPI can be measured in (labels: strategy.units.<key>). */
export const KPI_UNITS = ['count', 'percent', 'score', 'rating'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];

export type MetricDefinition = {
  unit: KpiUnit;
  direction: KpiDirection;
  /** the channels whose pieces produce the metric, for the results import (empty: any) */
  channels: readonly ('blog' | 'podcast' | 'whitepaper' | 'webinar')[];
};

/**
 * The metric catalogue: each metric with its default unit and direction. The key is what
 * observations of results name, so keys never change once used; `custom` is a metric the
 * catalogue lacks, named by the KPI's own label.
 */
export const METRICS = {
  page_views: { unit: 'count', direction: 'more', channels: ['blog'] },
  visitors: { unit: 'count', direction: 'more', channels: ['blog'] },
  referral_visits: { unit: 'count', direction: 'more', channels: [] },
  podcast_downloads_7d: { unit: 'count', direction: 'more', channels: ['podcast'] },
  podcast_downloads_30d: { unit: 'count', direction: 'more', channels: ['podcast'] },
  webinar_registrations: { unit: 'count', direction: 'more', channels: ['webinar'] },
  webinar_attendees: { unit: 'count', direction: 'more', channels: ['webinar'] },
  whitepaper_downloads: { unit: 'count', direction: 'more', channels: ['whitepaper'] },
  leads: { unit: 'count', direction: 'more', channels: [] },
  mentions: { unit: 'count', direction: 'more', channels: [] },
  tonality: { unit: 'percent', direction: 'more', channels: [] },
  engagement: { unit: 'percent', direction: 'more', channels: [] },
  nps: { unit: 'score', direction: 'more', channels: [] },
  repurchase_rate: { unit: 'percent', direction: 'more', channels: [] },
  support_tickets: { unit: 'count', direction: 'less', channels: [] },
  custom: { unit: 'count', direction: 'more', channels: [] },
} as const satisfies Record<string, MetricDefinition>;
export type MetricKey = keyof typeof METRICS;
export const METRIC_KEYS = Object.keys(METRICS) as MetricKey[];

export function isMetricKey(value: string): value is MetricKey {
  return Object.hasOwn(METRICS, value);
}

/** The kinds of stock-take entry. */
export const STOCK_TAKE_KINDS = ['strength', 'weakness', 'trend', 'competitor'] as const;
export type StockTakeKind = (typeof STOCK_TAKE_KINDS)[number];

/** Review cadences management can choose, in months (6: half-yearly, the default). */
export const REVIEW_CADENCES = [3, 6, 12] as const;
export const DEFAULT_REVIEW_CADENCE = 6;

/**
 * What a KPI measures, as observations of results will name it: the metric and its scope. Two
 * KPIs with the same subject read the same observations.
 */
export type KpiSubject = {
  metric: string;
  scope: KpiScope;
  channel: string | null;
  audienceId: string | null;
};

/** A stable text key of a KPI's subject (metric|scope|channel-or-audience), for grouping. */
export function kpiSubjectKey(kpi: KpiSubject): string {
  const target =
    kpi.scope === 'channel'
      ? (kpi.channel ?? '')
      : kpi.scope === 'audience'
        ? (kpi.audienceId ?? '')
        : '';
  return `${kpi.metric}|${kpi.scope}|${target}`;
}
