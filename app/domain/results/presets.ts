import { METRICS } from '../strategy/vocabulary';

/**
 * The export formats a results import reads, each as its tool documents it. A preset names the
 * columns that tie a row to a piece (an address, a slug, a platform id), the columns that date
 * it, and the columns whose values become observations of which catalogue metric. Headers are
 * compared without regard to case and surrounding spaces.
 *
 * - `plausible`: Plausible Analytics' CSV export (a ZIP of CSV files), its `pages.csv`:
 *   `name` (the page path), `visitors`, `pageviews`, `bounce_rate`, `time_on_page`. The rows
 *   carry no dates: the period is the export's date range, given with the import.
 * - `matomo`: Matomo's "Page URLs" report (Actions › Pages, API method Actions.getPageUrls)
 *   exported as CSV, flat: `label`, `nb_visits` (unique pageviews: visits that included the
 *   page), `nb_hits` (pageviews), more metrics, and `url`; with translated column names `Label`,
 *   `Unique Pageviews`, `Pageviews`, …, `URL`. A multi-period export adds a `date` column;
 *   otherwise the period is given with the import. Matomo writes CSV as UTF-16 with a byte
 *   order mark (see decodeExport in csv.ts).
 * - `zoom`: Zoom's webinar report (attendee or performance report) as downloaded from Reports ›
 *   Webinars: a title line, then a summary section with `Topic`, `Webinar ID`, `Actual Start
 *   Time`, `Actual Duration (minutes)`, `# Registered`, …, `Unique Viewers`, `Total Users`,
 *   `Max Concurrent Views`, then the host, panelist and attendee sections (not read).
 * - `podigee`: the podcast host Podigee's episode analytics export, one row per episode:
 *   its episode id (the number in Podigee's media addresses, `…_episode_<id>_…`), title,
 *   publication day and downloads (Podigee counts downloads and streams together, per UTC day).
 *   Downloads count as `podcast_downloads_30d`; a saved mapping can name another metric.
 * - `generic`: Lotse's long format `date,url,metric,value`, one observation per row: `date` an
 *   ISO 8601 day, `url` the piece's address, `metric` a key of the metric catalogue, `value` a
 *   number with a dot as the decimal point.
 */
export const PRESETS = ['plausible', 'matomo', 'zoom', 'podigee', 'generic'] as const;
export type PresetKey = (typeof PRESETS)[number];

export function isPresetKey(value: unknown): value is PresetKey {
  return typeof value === 'string' && (PRESETS as readonly string[]).includes(value);
}

/** What a column can mean. */
export const FIELDS = [
  'url',
  'path',
  'slug',
  'platformId',
  'episodeNumber',
  'date',
  'metric',
  'value',
] as const;
export type Field = (typeof FIELDS)[number];

export type ValueColumn = { metric: string; headers: readonly string[] };

export type PresetDefinition = {
  key: PresetKey;
  /** accepted headers of each field */
  columns: Partial<Record<Field, readonly string[]>>;
  /** wide formats: the columns whose values are observations of a metric */
  values: readonly ValueColumn[];
  /** fields without which a file is not of this format */
  required: readonly Field[];
  /** whether the rows are dated by a column; otherwise the import gives the period */
  dated: boolean;
  /** the index of the header record (default: the first) */
  headerIndex?: (records: readonly string[][]) => number;
  /** whether a record after the header ends the data (default: never) */
  endsData?: (record: readonly string[]) => boolean;
};

const norm = (header: string) => header.trim().toLowerCase();

export const PRESET_DEFINITIONS: Readonly<Record<PresetKey, PresetDefinition>> = {
  plausible: {
    key: 'plausible',
    columns: { path: ['name', 'page'] },
    values: [
      { metric: 'visitors', headers: ['visitors'] },
      { metric: 'page_views', headers: ['pageviews'] },
    ],
    required: ['path'],
    dated: false,
  },
  matomo: {
    key: 'matomo',
    columns: { path: ['label'], url: ['url'], date: ['date'] },
    values: [
      { metric: 'page_views', headers: ['nb_hits', 'pageviews'] },
      { metric: 'visitors', headers: ['nb_visits', 'unique pageviews'] },
    ],
    required: ['path'],
    dated: false,
  },
  zoom: {
    key: 'zoom',
    columns: { platformId: ['webinar id'], date: ['actual start time', 'start time'] },
    values: [
      { metric: 'webinar_registrations', headers: ['# registered'] },
      { metric: 'webinar_attendees', headers: ['unique viewers'] },
    ],
    required: ['platformId', 'date'],
    dated: true,
    headerIndex: (records) =>
      records.findIndex((r) => r.some((c) => norm(c) === 'webinar id') && r.length > 2),
    // the summary ends at a blank line or the next section's title ("Host Details")
    endsData: (record) =>
      record.filter((c) => c.trim()).length < 2 || /details$/i.test(record[0]?.trim() ?? ''),
  },
  podigee: {
    key: 'podigee',
    columns: {
      platformId: ['episode id', 'episode_id', 'id'],
      episodeNumber: ['episode number', 'number', 'nummer'],
      url: ['url', 'episode url'],
      date: ['date', 'datum'],
    },
    values: [
      {
        metric: 'podcast_downloads_30d',
        headers: ['downloads', 'downloads & streams', 'downloads and streams'],
      },
    ],
    required: ['platformId'],
    dated: false,
  },
  generic: {
    key: 'generic',
    columns: { date: ['date'], url: ['url'], metric: ['metric'], value: ['value'] },
    values: [],
    required: ['date', 'url', 'metric', 'value'],
    dated: true,
  },
};

/** Where each field and value column of a preset is in a header record. */
export type ResolvedColumns = {
  preset: PresetKey;
  headerIndex: number;
  fields: Partial<Record<Field, number>>;
  values: { metric: string; index: number; header: string }[];
  headers: string[];
};

/**
 * A saved mapping: which header holds which field, and which headers hold values of which
 * metric, on top of a preset (its own choices fill what the mapping leaves out).
 */
export type ColumnMapping = {
  columns?: Partial<Record<Field, string>>;
  values?: Record<string, string>;
};

/** The columns of a preset (with a mapping) in the file's records, or null when it does not fit. */
export function resolveColumns(
  key: PresetKey,
  records: readonly string[][],
  mapping?: ColumnMapping,
): (ResolvedColumns & { missing: Field[] }) | null {
  const preset = PRESET_DEFINITIONS[key];
  const headerIndex = preset.headerIndex ? preset.headerIndex(records) : 0;
  const header = records[headerIndex];
  if (headerIndex < 0 || !header) return null;
  const headers = header.map((h) => h.trim());
  const find = (names: readonly string[]) => {
    const wanted = names.map(norm);
    return headers.findIndex((h) => wanted.includes(norm(h)));
  };
  const fields: Partial<Record<Field, number>> = {};
  for (const [field, names] of Object.entries(preset.columns) as [Field, readonly string[]][]) {
    const index = find(names);
    if (index >= 0) fields[field] = index;
  }
  for (const [field, name] of Object.entries(mapping?.columns ?? {}) as [Field, string][]) {
    const index = find([name]);
    if (index >= 0) fields[field] = index;
    else delete fields[field];
  }
  const values: ResolvedColumns['values'] = [];
  const mappedValues = Object.entries(mapping?.values ?? {});
  if (mappedValues.length) {
    for (const [name, metric] of mappedValues) {
      const index = find([name]);
      if (index >= 0) values.push({ metric, index, header: headers[index]! });
    }
  } else {
    for (const column of preset.values) {
      const index = find(column.headers);
      if (index >= 0) values.push({ metric: column.metric, index, header: headers[index]! });
    }
  }
  const missing = preset.required.filter((f) => fields[f] === undefined);
  if (preset.values.length && !values.length && !mappedValues.length) return null;
  return { preset: key, headerIndex, fields, values, headers, missing };
}

/**
 * The preset a file's records fit: every required column present (and a value column for wide
 * formats). When several fit, the one that recognises most columns wins. Null: none fits.
 */
export function detectPreset(records: readonly string[][]): PresetKey | null {
  let best: { key: PresetKey; score: number } | null = null;
  for (const key of PRESETS) {
    const resolved = resolveColumns(key, records);
    if (!resolved || resolved.missing.length) continue;
    const score = Object.keys(resolved.fields).length + resolved.values.length;
    if (!best || score > best.score) best = { key, score };
  }
  return best?.key ?? null;
}

/** Metrics an observation may name: the catalogue's keys (not `custom`), or `custom:<name>`. */
export function isObservationMetric(metric: string): boolean {
  if (metric.startsWith('custom:')) return /^custom:[a-z0-9][a-z0-9_-]{0,59}$/.test(metric);
  return metric !== 'custom' && Object.hasOwn(METRICS, metric);
}

/** The observation metric a KPI reads: its catalogue key, or `custom:<its label as a key>`. */
export function kpiObservationMetric(kpi: { metric: string; customLabel: string | null }) {
  if (kpi.metric !== 'custom') return kpi.metric;
  const name = (kpi.customLabel ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return `custom:${name || 'metric'}`;
}
