import { describe, expect, it } from 'vitest';
import {
  CHANNEL_FIELDS,
  channelColumns,
  channelFormValues,
  fieldsOfChannel,
} from '~/domain/calendar/channel-fields';
import { CHANNELS } from '~/domain/calendar/vocabulary';
import { pieceFormSchema } from '~/forms/piece';
import { toEngineRule } from '~/models/rule-definition.server';
import { pieceInput } from '../support/piece-input';

const TZ = 'Europe/Berlin';

describe('channel-specific piece fields', () => {
  it('belong to known channels, each name once', () => {
    const names = CHANNEL_FIELDS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of CHANNEL_FIELDS) expect(CHANNELS).toContain(f.channel);
    expect(fieldsOfChannel('webinar').map((f) => f.name)).toEqual([
      'webinarStart',
      'webinarEnd',
      'speakers',
      'registrationUrl',
    ]);
  });

  it('store their own channel’s values and null for every other channel’s', () => {
    const input = pieceInput({
      channel: 'podcast',
      slug: 'left-over',
      episodeNumber: 12,
      guests: ['Anna', 'Ben'],
      durationMinutes: 45,
      gated: true,
    });
    expect(channelColumns('podcast', input)).toEqual({
      slug: null,
      targetUrl: null,
      episodeNumber: 12,
      guests: '["Anna","Ben"]',
      durationMinutes: 45,
      gated: null,
      pageEstimate: null,
      webinarStart: null,
      webinarEnd: null,
      speakers: null,
      registrationUrl: null,
    });
    expect(channelColumns('webinar', pieceInput({ channel: 'webinar' })).speakers).toBeNull();
  });

  it('come back from the columns as the form’s values, and parse to the same input', () => {
    const columns = {
      slug: 'linsen-pflege',
      targetUrl: 'https://example.com/a',
      episodeNumber: 3,
      guests: '["Anna","Ben"]',
      durationMinutes: null,
      gated: false,
      pageEstimate: 0,
      webinarStart: new Date('2026-03-29T08:00:00Z'),
      webinarEnd: null,
      speakers: 'not json',
      registrationUrl: null,
    };
    const values = channelFormValues(columns, TZ);
    expect(values).toEqual({
      slug: 'linsen-pflege',
      targetUrl: 'https://example.com/a',
      episodeNumber: '3',
      guests: 'Anna, Ben',
      durationMinutes: '',
      gated: 'no',
      pageEstimate: '0',
      webinarStart: '2026-03-29T10:00',
      webinarEnd: '',
      speakers: '',
      registrationUrl: '',
    });
    const parsed = pieceFormSchema(TZ).parse({ channel: 'blog', title: 'Pflege', ...values });
    expect(parsed.input).toMatchObject({
      slug: 'linsen-pflege',
      targetUrl: 'https://example.com/a',
      episodeNumber: 3,
      guests: ['Anna', 'Ben'],
      durationMinutes: null,
      gated: false,
      pageEstimate: 0,
      webinarStart: columns.webinarStart,
      webinarEnd: null,
      speakers: [],
      registrationUrl: null,
    });
  });
});

describe('toEngineRule', () => {
  it('gives the same engine rule for a stored row and for its definition', () => {
    const row = {
      id: 'r1',
      key: 'R-1',
      name: 'Eins',
      category: 'Projekte',
      rationale: '',
      message: '',
      severity: 'warn',
      kind: 'term',
      patterns: '["Nordlicht"]',
      exceptions: '[]',
      window: null,
      examplesMatch: '[]',
      examplesNoMatch: '[]',
      active: true,
      revision: 1,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    const rule = {
      id: 'R-1',
      name: 'Eins',
      category: 'Projekte',
      severity: 'warn',
      kind: 'term',
      patterns: ['Nordlicht'],
      exceptions: [],
      window: undefined,
      message: undefined,
    };
    expect(toEngineRule(row)).toEqual(rule);
    expect(
      toEngineRule({
        key: 'R-1',
        name: 'Eins',
        category: 'Projekte',
        rationale: 'x',
        message: '',
        severity: 'warn',
        kind: 'term',
        patterns: ['Nordlicht'],
        exceptions: [],
        window: null,
        examplesMatch: [],
        examplesNoMatch: [],
        active: false,
      }),
    ).toEqual(rule);
  });
});
