import { valueProblem } from './observation';
import { MAX_RESULTS_ROWS, parseRecords } from './csv';
import { endsAfterToday, isoDay, reportDay } from './dates';
import {
  detectPreset,
  isObservationMetric,
  PRESET_DEFINITIONS,
  resolveColumns,
  type ColumnMapping,
  type PresetKey,
  type ResolvedColumns,
} from './presets';

/**
 * An export file read into rows: each row names what it is about (an address, a path, a slug,
 * a platform id or an episode number) and carries observations (metric, value, period). Every
 * problem names its row and column.
 *
 * Rows are numbered as data rows: row 1 is the first row under the header (the header itself,
 * and the title lines above it in a Zoom report, are not counted).
 */

export type Period = { start: string; end: string };

/** What a row names to tie it to a piece (see tie.ts). */
export type RowTarget = {
  url?: string;
  path?: string;
  slug?: string;
  platformId?: string;
  episodeNumber?: number;
};

export type ReadObservation = {
  metric: string;
  value: number;
  periodStart: string;
  periodEnd: string;
};

export type ResultRow = {
  row: number;
  /** what the row names, as written: shown in the unmatched list */
  label: string;
  target: RowTarget;
  observations: ReadObservation[];
};

export type ProblemCode =
  | 'required'
  | 'notANumber'
  | 'negative'
  | 'notADate'
  | 'unknownMetric'
  | 'notAnAddress'
  | 'notAWholeNumber'
  | 'outOfRange'
  | 'inFuture'
  | 'beforePublication'
  | 'duplicateRow';

export type RowProblem = {
  row: number;
  /** the column's header as written in the file (or the period's field, see `field`) */
  column: string;
  /** the import's period field concerned, when the period was given with the import */
  field?: 'from' | 'to';
  code: ProblemCode;
  message: string;
  /** what the message names (a day, another row) */
  values?: Record<string, string | number>;
};

export type FileProblemCode =
  | 'empty'
  | 'unknownFormat'
  | 'missingColumns'
  | 'periodRequired'
  | 'badPeriod'
  | 'tooManyRows'
  | 'tooLarge'
  | 'noData'
  | 'periodInFuture'
  | 'wrongFormat'
  | 'otherFormat';

/** A file that cannot be read at all: the import refuses it as a whole. */
export type FileProblem = {
  code: FileProblemCode;
  /** the column(s) concerned, when there are */
  column?: string;
  message: string;
  /** what the message names besides the column (formats, expected columns) */
  values?: Record<string, string>;
};

export type ReadResult =
  | {
      ok: true;
      preset: PresetKey;
      rows: ResultRow[];
      problems: RowProblem[];
      /** the header of the column that dates the rows; null when the import gives the period */
      dateColumn: string | null;
      /** the header of the column that names what a row is about (an address, an id) */
      targetColumn: string | null;
    }
  | { ok: false; problem: FileProblem };

/** English messages (the command line prints them; the pages use the catalogs' texts). */
export const PROBLEM_MESSAGES: Record<ProblemCode, string> = {
  required: 'is empty',
  notANumber: 'is not a number (write digits with a dot as the decimal point, e.g. 1234.5)',
  negative: 'must not be negative',
  notADate: 'is not a date (write an ISO 8601 day, e.g. 2026-10-01)',
  unknownMetric: 'is not a metric of the catalogue',
  notAnAddress: 'is not a web address or path',
  notAWholeNumber: 'is not a whole number',
  outOfRange: 'is outside what the metric can take ({min} to {max})',
  inFuture: 'ends after today: results are taken for days that are over',
  beforePublication: 'ended before the piece was published',
  duplicateRow: 'repeats an earlier row: the same piece, metric and period',
};

export type ReadOptions = {
  /** the preset to read with; detected from the headers when left out */
  preset?: PresetKey;
  mapping?: ColumnMapping;
  /** the period of formats whose rows carry no dates (the export's date range) */
  period?: Period;
  /** today in the workspace's time zone (see todayIn): periods ending later are refused */
  today?: string;
};

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Reads an export's text with a preset (given, or detected from the headers). */
export function readResults(text: string, options: ReadOptions = {}): ReadResult {
  const records = parseRecords(text);
  if (!records) return fileProblem('empty', 'the file is empty');
  const preset = options.preset ?? detectPreset(records);
  if (!preset)
    return fileProblem(
      'unknownFormat',
      'the file is not in a supported format (Plausible pages, Matomo page URLs, Zoom webinar report, Podigee episodes, or date,url,metric,value)',
    );
  const columns = resolveColumns(preset, records, options.mapping);
  const definition = PRESET_DEFINITIONS[preset];
  // a format chosen by hand that the header does not fit: say what it expects, and what the
  // file looks like instead (a header that lacks only a column or two names them, below)
  if (options.preset && !options.mapping && (!columns || columns.missing.length)) {
    const expected = expectedColumns(preset);
    const detected = detectPreset(records);
    if (detected && detected !== preset)
      return fileProblem(
        'otherFormat',
        `the file does not fit ${preset}, which expects the columns ${expected}; it looks like ${detected}`,
        undefined,
        { preset, expected, detected },
      );
    if (!columns)
      return fileProblem(
        'wrongFormat',
        `the file does not fit ${preset}, which expects the columns ${expected}`,
        undefined,
        { preset, expected },
      );
  }
  if (!columns) return fileProblem('unknownFormat', `the file has no value columns of ${preset}`);
  if (columns.missing.length) {
    const names = columns.missing.map((f) => definition.columns[f]?.[0] ?? f).join(', ');
    return fileProblem('missingColumns', `the file lacks the column(s) ${names}`, names);
  }
  const period = options.period;
  if (period && !(isoDay(period.start) && isoDay(period.end) && period.start <= period.end))
    return fileProblem(
      'badPeriod',
      'the period must be two ISO days, the first not after the second',
    );
  if (period && options.today && endsAfterToday(period.end, options.today))
    return fileProblem(
      'periodInFuture',
      `the period ends after today (${options.today}): results are taken for days that are over`,
      'to',
      { today: options.today },
    );
  if (columns.fields.date === undefined && !period)
    return fileProblem(
      'periodRequired',
      'the rows of this export carry no dates: give the period it covers (from and to)',
      definition.columns.date?.[0] ?? 'date',
    );

  const data: string[][] = [];
  for (const record of records.slice(columns.headerIndex + 1)) {
    if (definition.endsData?.(record)) break;
    data.push(record);
  }
  if (!data.length) return fileProblem('noData', 'the file has a header but no rows');
  if (data.length > MAX_RESULTS_ROWS)
    return fileProblem('tooManyRows', `the file has more than ${MAX_RESULTS_ROWS} rows`);

  const rows: ResultRow[] = [];
  const problems: RowProblem[] = [];
  data.forEach((record, i) => {
    const { row, problems: found } = readRow(record, i + 1, columns, period, options.today);
    rows.push(row);
    problems.push(...found);
  });
  const header = (index: number | undefined) =>
    index === undefined ? null : (columns.headers[index] ?? null);
  const f = columns.fields;
  const target = [f.url, f.path, f.platformId, f.slug, f.episodeNumber].find(
    (i) => i !== undefined,
  );
  return {
    ok: true,
    preset,
    rows,
    problems,
    dateColumn: header(f.date),
    targetColumn: header(target),
  };
}

/** The columns a preset expects, as its tool names them (e.g. "name, visitors / pageviews"). */
export function expectedColumns(key: PresetKey): string {
  const definition = PRESET_DEFINITIONS[key];
  const required = definition.required.map((f) => definition.columns[f]?.[0] ?? f);
  const values = definition.values.map((v) => v.headers[0]!);
  return [...required, ...(values.length ? [values.join(' / ')] : [])].join(', ');
}

function fileProblem(
  code: FileProblemCode,
  message: string,
  column?: string,
  values?: Record<string, string>,
): ReadResult {
  return {
    ok: false,
    problem: { code, message, ...(column ? { column } : {}), ...(values ? { values } : {}) },
  };
}

function readRow(
  record: readonly string[],
  rowNumber: number,
  columns: ResolvedColumns,
  period: Period | undefined,
  today: string | undefined,
): { row: ResultRow; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const cell = (index: number | undefined) =>
    index === undefined ? '' : (record[index] ?? '').trim();
  const header = (index: number) => columns.headers[index] ?? `column ${index + 1}`;
  const problem = (index: number, code: ProblemCode, values?: Record<string, string>) =>
    problems.push({
      row: rowNumber,
      column: header(index),
      code,
      message: values
        ? PROBLEM_MESSAGES[code].replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '')
        : PROBLEM_MESSAGES[code],
      ...(values ? { values } : {}),
    });

  // what the row is about
  const target: RowTarget = {};
  const f = columns.fields;
  const url = cell(f.url);
  const path = cell(f.path);
  if (url) target.url = url;
  if (path)
    target.path = path.startsWith('/') || /^[a-z][a-z0-9+.-]*:\/\//i.test(path) ? path : `/${path}`;
  const slug = cell(f.slug);
  if (slug) target.slug = slug;
  const platformId = cell(f.platformId);
  if (platformId) target.platformId = platformId;
  const episode = cell(f.episodeNumber);
  if (episode) {
    if (/^\d{1,6}$/.test(episode)) target.episodeNumber = Number(episode);
    else problem(f.episodeNumber!, 'notAWholeNumber');
  }
  const label = url || path || platformId || slug || episode;
  if (!label) {
    const first = [f.url, f.path, f.platformId, f.slug].find((x) => x !== undefined);
    if (first !== undefined) problem(first, 'required');
  }
  if (
    columns.preset === 'generic' &&
    url &&
    !/^[a-z][a-z0-9+.-]*:\/\/|^\/|^[^/\s]+\.[^/\s]+/i.test(url)
  )
    problem(f.url!, 'notAnAddress');

  // when
  let periodStart = period?.start ?? '';
  let periodEnd = period?.end ?? '';
  if (f.date !== undefined) {
    const raw = cell(f.date);
    const parsed = raw ? (columns.preset === 'generic' ? isoDay(raw) : reportDay(raw)) : null;
    if (!raw) problem(f.date, 'required');
    else if (!parsed) problem(f.date, 'notADate');
    else if (today && endsAfterToday(parsed, today)) problem(f.date, 'inFuture');
    else periodStart = periodEnd = parsed;
  }

  // the values
  const observations: ReadObservation[] = [];
  const number = (index: number, metric: string): number | null => {
    const raw = cell(index);
    if (!raw) {
      problem(index, 'required');
      return null;
    }
    if (!NUMBER.test(raw)) {
      problem(index, 'notANumber');
      return null;
    }
    const value = Number(raw);
    // within what the metric can take, as for an entry by hand (shares 0–100, the NPS ±100)
    const wrong = valueProblem(metric, value);
    if (wrong) {
      problem(index, wrong.code, wrong.values);
      return null;
    }
    return value;
  };
  if (f.metric !== undefined && f.value !== undefined) {
    const metric = cell(f.metric);
    if (!metric) problem(f.metric, 'required');
    else if (!isObservationMetric(metric)) problem(f.metric, 'unknownMetric');
    const value = number(f.value, metric);
    if (metric && isObservationMetric(metric) && value !== null)
      observations.push({ metric, value, periodStart, periodEnd });
  }
  for (const column of columns.values) {
    const value = number(column.index, column.metric);
    if (value !== null) observations.push({ metric: column.metric, value, periodStart, periodEnd });
  }
  return {
    row: { row: rowNumber, label, target, observations: problems.length ? [] : observations },
    problems,
  };
}
