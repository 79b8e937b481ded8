import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOTIFICATION_EVENTS } from '~/domain/notifications/events';
import { modeField } from '~/forms/notifications';
import { prisma } from '~/utils/db.server';
import { NO_ACTION, ROUTE_ACCESS, type Who } from './route-access';
import { call, MANIFEST, paramValue, setUpDemoWorkspace } from './route-harness';

/**
 * Every form route of the app, posted random and hostile bodies by a user who may use it: no
 * answer may be a server error. The field names and intent values come from the app's own forms
 * (every `name="…"` in app/routes and app/components), so a new form is covered the day it lands;
 * the values are what careless users and attackers send: huge, empty, control characters, lone
 * surrogates, ids of nothing and of real rows, dates far outside the calendar, numbers that
 * overflow, markup.
 */

const RUNS = Number(process.env.LOTSE_FUZZ_RUNS ?? 25);

function formVocabulary() {
  const names = new Set<string>(['intent']);
  const intents = new Set<string>();
  const values = new Set<string>();
  for (const dir of ['app/routes', 'app/components']) {
    for (const file of fs.readdirSync(dir)) {
      if (!/\.tsx?$/.test(file)) continue;
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const m of source.matchAll(/\bname="([A-Za-z][\w-]*)"/g)) names.add(m[1] as string);
      for (const m of source.matchAll(/name="intent"\s+value="([\w-]+)"/g))
        intents.add(m[1] as string);
      for (const m of source.matchAll(/intent === '([\w-]+)'/g)) intents.add(m[1] as string);
      // option and button values (channels, kinds, statuses, …): forms that get past parsing
      for (const m of source.matchAll(/\bvalue="([\w-]+)"/g)) values.add(m[1] as string);
    }
  }
  for (const access of Object.values(ROUTE_ACCESS))
    for (const intent of Object.keys(access.intents ?? {})) intents.add(intent);
  for (const word of ['blog', 'podcast', 'whitepaper', 'webinar', 'de', 'en', 'block', 'warn'])
    values.add(word);
  return { names: [...names].sort(), intents: [...intents].sort(), values: [...values].sort() };
}

const { names, intents, values } = formVocabulary();
const realIds: string[] = [];
/** The rows route parameters point at, chosen once: fuzzed posts may change what would pick them. */
const params: Record<string, string> = {};

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1.5',
    '1e309',
    'NaN',
    '99999999999999999999999',
    '9999-12-31',
    '9999-12-31T09:00',
    '0000-00-00T00:00',
    '2026-02-30T25:61',
    '1899-12-31',
    '\'; DROP TABLE "User"; --',
    '<script>alert(1)</script>',
    '\u0000',
    '\r\n\t',
    '\ud800',
    '[]',
    '{}',
    '{"__proto__":{"x":1}}',
    'c0000000000000000000000000',
    '../../etc/passwd',
    '%00%0a',
    'true',
    'on',
    'yes',
    'x'.repeat(70_000),
    'https://example.com/\u202e',
    '=HYPERLINK("x")',
  ),
  fc.constant('REAL_ID'),
  fc.constantFrom(...values),
);

/**
 * Valid bodies of the main forms, so that mutations of them get past parsing into the models:
 * a hostile value in one or two fields of an otherwise good form is what reaches the deep paths
 * (an audience id of nothing in a valid new piece, a far date in a valid webinar, …).
 */
const BASELINES: Record<string, [string, string][]> = {
  'routes/account.notifications': [
    ['intent', 'save'],
    ...NOTIFICATION_EVENTS.map((event): [string, string] => [modeField(event), 'digest']),
    ['digestFrequency', 'weekly'],
    ['digestHour', '7'],
    ['digestWeekday', '5'],
  ],
  'routes/notifications._index': [
    ['intent', 'read'],
    ['id', 'REAL_ID'],
  ],
  'routes/notifications.queue': [
    ['intent', 'retry'],
    ['id', 'REAL_ID'],
  ],
  'routes/calendar.new': [
    ['channel', 'webinar'],
    ['title', 'Fuzzed piece'],
    ['publishAt', '2027-01-05T09:00'],
    ['webinarStart', '2027-01-05T09:00'],
    ['webinarEnd', '2027-01-05T10:00'],
    ['audiences', 'REAL_ID'],
    ['speakers', 'Dr. Weber'],
  ],
  'routes/calendar.$pieceId': [
    ['channel', 'blog'],
    ['title', 'Fuzzed piece'],
    ['publishAt', '2027-01-05T09:00'],
    ['expectedVersion', '1'],
  ],
  'routes/knowledge.new': [
    ['intent', 'save'],
    ['title', 'Fuzzed topic'],
    ['summary', 'What this is about'],
    ['kind', 'case'],
    ['language', 'de'],
    ['department', 'Optometrie'],
  ],
  'routes/users.new': [
    ['name', 'Fuzz User'],
    ['email', 'fuzz@example.com'],
    ['password', 'ein-langer-satz-aus-worten'],
    ['roles', 'editor'],
  ],
  'routes/rules.new': [
    ['name', 'Fuzzed rule'],
    ['kind', 'term'],
    ['severity', 'block'],
    ['patterns', 'Fuzzwort'],
    ['category', 'internal'],
  ],
  'routes/needs.new': [
    ['intent', 'save'],
    ['audienceId', 'REAL_ID'],
    ['text', 'What do lens wearers want to know?'],
    ['language', 'en'],
    ['priority', '2'],
  ],
  'routes/glossary.new': [
    ['de', 'Kontaktlinse'],
    ['en', 'contact lens'],
  ],
  'routes/matches.$needId': [
    ['intent', 'accept'],
    ['item', 'REAL_ID'],
  ],
  'routes/strategy.goals.new': [
    ['title', 'Fuzzed goal'],
    ['category', 'brand_awareness'],
    ['periodStart', '2027-01-01'],
    ['periodEnd', '2027-06-30'],
    ['weight', '20'],
  ],
  'routes/strategy.goals.$goalId': [
    ['intent', 'kpi'],
    ['metric', 'leads'],
    ['unit', 'count'],
    ['direction', 'more'],
    ['baseline', '10'],
    ['target', '20,5'],
    ['targetDate', '2027-06-30'],
    ['scope', 'audience'],
    ['audienceId', 'REAL_ID'],
  ],
  'routes/results.workspace': [
    ['intent', 'enter'],
    ['for', 'channel:podcast'],
    ['metric', 'nps'],
    ['value', '-12,5'],
    ['periodStart', '2026-10-01'],
    ['periodEnd', '2026-12-31'],
    ['note', 'Customer survey'],
  ],
  'routes/strategy._index': [
    ['intent', 'stock'],
    ['kind', 'trend'],
    ['text', 'Fuzzed finding'],
    ['notedOn', '2026-12-01'],
  ],
};

/** A form body: some of the app's field names (a few repeated), an intent, hostile values. */
const randomBody = fc
  .tuple(
    fc.option(fc.constantFrom(...intents), { nil: undefined }),
    fc.array(fc.tuple(fc.constantFrom(...names), hostileText), { maxLength: 12 }),
    fc.array(fc.tuple(fc.string({ maxLength: 12 }), hostileText), { maxLength: 2 }),
  )
  .map(([intent, known, unknown]) => {
    const pairs: [string, string][] = [...known, ...unknown];
    if (intent) pairs.unshift(['intent', intent]);
    return pairs;
  });

/** A route's valid form with one to three fields replaced or added with hostile values. */
const mutated = (baseline: [string, string][]) =>
  fc
    .array(fc.tuple(fc.constantFrom(...baseline.map(([n]) => n), ...names), hostileText), {
      minLength: 1,
      maxLength: 3,
    })
    .map((changes) => {
      const pairs = baseline.filter(([n]) => !changes.some(([c]) => c === n));
      return [...pairs, ...changes];
    });

const bodyFor = (id: string) => {
  const baseline = BASELINES[id];
  return baseline ? fc.oneof(randomBody, mutated(baseline)) : randomBody;
};

/** The most capable role that may post to the route (the deepest code paths run for it). */
function poster(allowed: readonly Who[]): Who | null {
  for (const who of ['editor', 'management', 'admin', 'expert', 'anonymous'] as const)
    if (allowed.includes(who)) return who;
  return null;
}

beforeAll(async () => {
  await setUpDemoWorkspace();
  const rows = await Promise.all([
    prisma.contentPiece.findFirst({ select: { id: true } }),
    prisma.audience.findFirst({ select: { id: true } }),
    prisma.user.findFirst({ select: { id: true } }),
    prisma.knowledgeItem.findFirst({ select: { id: true } }),
    prisma.need.findFirst({ select: { id: true } }),
    prisma.disclosureRule.findFirst({ select: { key: true } }),
    // one of the editor's own notifications (the editor posts to the notification forms)
    prisma.notification.findFirst({
      where: { recipient: { email: 'editor@demo.lotse' } },
      select: { id: true },
    }),
  ]);
  for (const row of rows) if (row) realIds.push('id' in row ? row.id : row.key);
  for (const name of [
    'itemId',
    'pieceId',
    'expertId',
    'userId',
    'audienceId',
    'needId',
    'ruleId',
    'conceptId',
    'goalId',
    'file',
    '*',
  ])
    params[name] = await paramValue(name);
}, 60_000);

const posted = MANIFEST.filter((r) => {
  const access = ROUTE_ACCESS[r.id];
  return access && access.POST !== NO_ACTION && poster(access.POST);
});

describe('hostile form bodies never cause a server error', () => {
  it.each(posted.map((r) => r.id))(
    '%s',
    async (id) => {
      const who = poster(ROUTE_ACCESS[id]!.POST as readonly Who[]) as Who;
      await fc.assert(
        fc.asyncProperty(bodyFor(id), fc.nat(), async (pairs, pick) => {
          const form = new URLSearchParams();
          for (const [name, value] of pairs)
            form.append(name, value === 'REAL_ID' ? (realIds[pick % realIds.length] ?? '') : value);
          const outcome = await call(id, 'POST', who, { form, params });
          expect(
            outcome.status,
            `${who} posted ${form.toString().slice(0, 300)}: ${outcome.error}`,
          ).toBeLessThan(500);
        }),
        { numRuns: RUNS },
      );
    },
    120_000,
  );
});
