import { toLocalInput } from './grid';
import type { Channel } from './vocabulary';

/**
 * The fields only some channels have, in one table: the piece form renders them from it, the
 * form schema (app/forms/piece.ts) parses them by their kind, the model writes their columns with
 * `channelColumns`, and a saved piece becomes form values again with `channelFormValues`. A new
 * channel field is one line here (plus its column and its label in the catalogs).
 */

/**
 * How a field is entered and stored:
 * - `slug`, `url`: one line of text, stored as is (empty is null);
 * - `integer`: a whole number from 0 to `max`;
 * - `list`: names separated by commas or lines, stored as a JSON array (empty is null);
 * - `yesNo`: yes, no or undecided (null);
 * - `dateTime`: a local date and time in the workspace's zone, stored as an instant.
 */
export type ChannelFieldKind = 'slug' | 'url' | 'integer' | 'list' | 'yesNo' | 'dateTime';

export type ChannelField = {
  readonly name: string;
  readonly channel: Channel;
  readonly kind: ChannelFieldKind;
  /** the i18n key of the field's label */
  readonly label: string;
  /** the i18n key of a hint shown under the field */
  readonly hint?: string;
  /** the largest number (`integer`) or the longest text (`slug`) accepted */
  readonly max?: number;
};

export const CHANNEL_FIELDS = [
  {
    name: 'slug',
    channel: 'blog',
    kind: 'slug',
    label: 'calendar.form.slug',
    hint: 'calendar.form.slugHint',
    max: 120,
  },
  { name: 'targetUrl', channel: 'blog', kind: 'url', label: 'calendar.form.targetUrl' },
  {
    name: 'episodeNumber',
    channel: 'podcast',
    kind: 'integer',
    label: 'calendar.form.episodeNumber',
    max: 100_000,
  },
  {
    name: 'guests',
    channel: 'podcast',
    kind: 'list',
    label: 'calendar.form.guests',
    hint: 'calendar.form.listHint',
  },
  {
    name: 'durationMinutes',
    channel: 'podcast',
    kind: 'integer',
    label: 'calendar.form.duration',
    max: 24 * 60,
  },
  { name: 'gated', channel: 'whitepaper', kind: 'yesNo', label: 'calendar.form.gated' },
  {
    name: 'pageEstimate',
    channel: 'whitepaper',
    kind: 'integer',
    label: 'calendar.form.pages',
    max: 10_000,
  },
  { name: 'webinarStart', channel: 'webinar', kind: 'dateTime', label: 'calendar.form.start' },
  { name: 'webinarEnd', channel: 'webinar', kind: 'dateTime', label: 'calendar.form.end' },
  {
    name: 'speakers',
    channel: 'webinar',
    kind: 'list',
    label: 'calendar.form.speakers',
    hint: 'calendar.form.listHint',
  },
  {
    name: 'registrationUrl',
    channel: 'webinar',
    kind: 'url',
    label: 'calendar.form.registrationUrl',
  },
] as const satisfies readonly ChannelField[];

type Fields = (typeof CHANNEL_FIELDS)[number];
export type ChannelFieldName = Fields['name'];

/** A field's parsed value, by its kind. */
export type ChannelFieldValue<K extends ChannelFieldKind> = K extends 'integer'
  ? number | null
  : K extends 'list'
    ? string[]
    : K extends 'yesNo'
      ? boolean | null
      : K extends 'dateTime'
        ? Date | null
        : string | null;

/** A field's database column, by its kind. */
export type ChannelFieldColumn<K extends ChannelFieldKind> = K extends 'integer'
  ? number | null
  : K extends 'yesNo'
    ? boolean | null
    : K extends 'dateTime'
      ? Date | null
      : string | null;

/** Every channel field with its parsed value, as a piece's input carries them. */
export type ChannelFieldValues = {
  [F in Fields as F['name']]: ChannelFieldValue<F['kind']>;
};

/** Every channel field's column, as the model writes it. */
export type ChannelFieldColumns = {
  [F in Fields as F['name']]: ChannelFieldColumn<F['kind']>;
};

/** The fields of one channel, in the order the form shows them. */
export function fieldsOfChannel(channel: string): readonly ChannelField[] {
  return CHANNEL_FIELDS.filter((f) => f.channel === channel);
}

function toColumn(field: ChannelField, value: unknown): unknown {
  if (field.kind === 'list') {
    const list = (value ?? []) as string[];
    return list.length ? JSON.stringify(list) : null;
  }
  return value ?? null;
}

/**
 * The channel columns a piece of this channel stores: its own channel's fields from the input,
 * null for every other channel's (a piece that changes channel drops the old channel's fields).
 */
export function channelColumns(channel: string, values: ChannelFieldValues): ChannelFieldColumns {
  const columns: Record<string, unknown> = {};
  for (const field of CHANNEL_FIELDS as readonly ChannelField[])
    columns[field.name] =
      field.channel === channel ? toColumn(field, values[field.name as ChannelFieldName]) : null;
  return columns as ChannelFieldColumns;
}

/** A stored list column (a JSON array of strings); anything else reads as empty. */
function listOfColumn(text: unknown): string[] {
  if (typeof text !== 'string' || !text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function toFormValue(field: ChannelField, column: unknown, timeZone: string): string {
  switch (field.kind) {
    case 'integer':
      return typeof column === 'number' ? String(column) : '';
    case 'list':
      return listOfColumn(column).join(', ');
    case 'yesNo':
      return column === null || column === undefined ? '' : column ? 'yes' : 'no';
    case 'dateTime':
      return column instanceof Date || typeof column === 'string'
        ? toLocalInput(column, timeZone)
        : '';
    default:
      return typeof column === 'string' ? column : '';
  }
}

/**
 * A stored piece's channel fields as the form shows them (every field, also those of other
 * channels, so switching the channel in the form starts from empty fields). Dates are given in
 * the workspace's zone.
 */
export function channelFormValues(
  piece: Partial<Record<ChannelFieldName, unknown>>,
  timeZone: string,
): Record<ChannelFieldName, string> {
  const values: Record<string, string> = {};
  for (const field of CHANNEL_FIELDS as readonly ChannelField[])
    values[field.name] = toFormValue(field, piece[field.name as ChannelFieldName], timeZone);
  return values as Record<ChannelFieldName, string>;
}
