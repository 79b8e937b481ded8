import type { LoaderFunctionArgs } from '@remix-run/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishedButBlocked } from '~/models/disclosure.server';
import { getOrCreateFeedToken } from '~/models/piece-feed.server';
import { getPiece } from '~/models/piece-queries.server';
import {
  createPiece,
  transitionPiece,
  updatePiece,
  type PieceInput,
} from '~/models/piece-writes.server';
import { createUser } from '~/models/user.server';
import { loader as csvLoader } from '~/routes/calendar.export';
import { loader as feedLoader } from '~/routes/calendar.feed.$file';
import { loader as printLoader } from '~/routes/calendar.print';
import { loader as knowledgeExportLoader } from '~/routes/knowledge.export';
import { prisma } from '~/utils/db.server';
import { createSession } from '~/utils/session.server';
import { ensureReferenceData } from '../../seeds/reference';
import { pieceInput } from '../support/piece-input';

/**
 * The output gate, output by output: whatever a disclosure rule blocks is left out of the iCal
 * feed, the calendar CSV, the print view and the knowledge export (JSON and CSV), whichever of a
 * record's published texts carries it — channel fields and the names printed beside a piece too.
 */

type Actor = { id: string; roles: string[] };
let editor: Actor;
let expertA: Actor;
let expertB: Actor;
let editorCookie: string;
let expertBCookie: string;
let falkeAudience: string;
let plainAudience: string;

const ORIGIN = 'http://lotse.test';
const DAY = '2027-03-10';
const at = (hour: number) => new Date(`${DAY}T${String(hour).padStart(2, '0')}:00:00Z`);

const input = (over: Partial<PieceInput> = {}): PieceInput =>
  pieceInput({
    publishAt: at(9),
    ...over,
  });

async function user(email: string, roles: string[]): Promise<Actor> {
  const created = await createUser({
    email,
    name: email.split('@')[0] as string,
    password: 'a-long-password-1',
    roles: roles as never,
  });
  return { id: created.id, roles };
}

async function cookieFor(userId: string) {
  const setCookie = await createSession(userId, new Request(ORIGIN));
  return setCookie.split(';')[0] as string;
}

const args = (url: string, cookie?: string, params: Record<string, string> = {}) =>
  ({
    request: new Request(`${ORIGIN}${url}`, { headers: cookie ? { Cookie: cookie } : {} }),
    params,
    context: {},
  }) as LoaderFunctionArgs;

async function text(response: unknown) {
  return (response as Response).text();
}

const titles: Record<string, string> = {};

beforeAll(async () => {
  await ensureReferenceData(prisma);
  editor = await user('editor@gate.test', ['editor']);
  expertA = await user('anna@gate.test', ['expert']);
  expertB = await user('ben@gate.test', ['expert']);
  editorCookie = await cookieFor(editor.id);
  expertBCookie = await cookieFor(expertB.id);
  for (const [key, kind, patterns] of [
    ['R-FALKE', 'phrase', ['Projekt Falke']],
    ['R-UMSATZ', 'term', ['Umsatz']],
    ['R-KD', 'regex', ['KD-[0-9]{6}']],
  ] as const) {
    await prisma.disclosureRule.create({
      data: { key, name: key, severity: 'block', kind, patterns: JSON.stringify(patterns) },
    });
  }
  falkeAudience = (await prisma.audience.create({ data: { name: 'Projekt Falke Beta-Tester' } }))
    .id;
  plainAudience = (await prisma.audience.create({ data: { name: 'Optiker' } })).id;

  const pieces: [string, Partial<PieceInput>][] = [
    ['clean', { title: 'Clean piece about lens care', audiences: [plainAudience] }],
    [
      'speakers',
      {
        channel: 'webinar',
        title: 'Webinar on daily lenses',
        webinarStart: at(14),
        webinarEnd: at(15),
        speakers: ['Dr. Weber', 'Lead of Projekt Falke'],
      },
    ],
    [
      'guests',
      { channel: 'podcast', title: 'Podcast episode twelve', guests: ['KD-123456 customer'] },
    ],
    [
      'registration',
      {
        channel: 'webinar',
        title: 'Webinar with a telling link',
        webinarStart: at(16),
        webinarEnd: at(17),
        registrationUrl: 'https://events.example.com/projekt-falke-preview',
      },
    ],
    ['audience', { title: 'Piece for an audience with a codename', audiences: [falkeAudience] }],
    ['comment', { title: 'Brief with a comment', brief: 'Care tips <!-- Projekt Falke -->' }],
  ];
  for (const [key, over] of pieces) {
    const { id } = await createPiece({ actor: editor, input: input(over) });
    titles[key] = (over.title as string) ?? 'Lens care';
    titles[`${key}:id`] = id;
  }
});

const blockedTitles = () =>
  ['speakers', 'guests', 'registration', 'audience', 'comment'].map((k) => titles[k] as string);

describe('the calendar outputs', () => {
  it('leave blocked pieces out of the CSV export', async () => {
    const csv = await text(
      await csvLoader(args(`/calendar/export?view=month&date=${DAY}`, editorCookie)),
    );
    expect(csv).toContain(titles.clean);
    for (const title of blockedTitles()) expect(csv).not.toContain(title);
    expect(csv).not.toContain('Falke');
  });

  it('leave the same pieces out of the print view, and say how many', async () => {
    const response = (await printLoader(
      args(`/calendar/print?view=month&date=${DAY}`, editorCookie),
    )) as Response;
    const data = (await response.json()) as { pieces: { title: string }[]; withheld: number };
    expect(data.pieces.map((p) => p.title)).toEqual([titles.clean]);
    expect(data.withheld).toBe(blockedTitles().length);
  });

  it('leave the strategy’s milestones a rule blocks out of the print view', async () => {
    await prisma.milestone.createMany({
      data: [
        { title: 'Trade fair in Cologne', date: DAY, note: '' },
        { title: 'Launch of Projekt Falke', date: DAY, note: '' },
        { title: 'Partner day', date: DAY, note: 'Numbers for KD-123456' },
      ],
    });
    const response = (await printLoader(
      args(`/calendar/print?view=month&date=${DAY}`, editorCookie),
    )) as Response;
    const data = (await response.json()) as { milestones: { title: string }[] };
    expect(data.milestones.map((m) => m.title)).toEqual(['Trade fair in Cologne']);
  });

  it('leave blocked pieces out of the iCal feed', async () => {
    const token = await getOrCreateFeedToken(editor.id);
    const ics = await text(
      await feedLoader(args(`/calendar/feed/${token}.ics`, undefined, { file: `${token}.ics` })),
    );
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(titles.clean);
    for (const title of blockedTitles()) expect(ics).not.toContain(title);
    expect(ics).not.toMatch(/Falke/i);
  });

  it('keep a piece with blocked channel fields from approval', async () => {
    const id = titles['speakers:id'] as string;
    let version = (await getPiece({ id, viewer: editor }))!.version;
    for (const to of ['planned', 'in_production', 'in_review'] as const) {
      const r = await transitionPiece({ id, actor: editor, to, expectedVersion: version });
      if (r.ok) version++;
    }
    const outcome = await transitionPiece({
      id,
      actor: editor,
      to: 'approved',
      expectedVersion: version,
    });
    expect(outcome).toMatchObject({
      ok: false,
      problem: 'blocked',
      findings: [{ field: 'speakers', ruleName: 'R-FALKE', excerpt: 'Projekt Falke' }],
    });
  });
});

describe('published pieces', () => {
  it('refuse an edit that would put blocked text out, and keep what was published', async () => {
    const { id } = await createPiece({
      actor: editor,
      input: input({ title: 'Published care guide', body: 'How to clean lenses.' }),
    });
    await prisma.contentPiece.update({ where: { id }, data: { status: 'published' } });
    const before = (await getPiece({ id, viewer: editor }))!;
    const outcome = await updatePiece({
      id,
      actor: editor,
      input: input({ title: 'Published care guide', body: 'How to clean lenses. Umsatz: 4 Mio €' }),
      expectedVersion: before.version,
    });
    expect(outcome).toMatchObject({
      ok: false,
      problem: 'blocked',
      findings: [{ field: 'body', ruleName: 'R-UMSATZ' }],
    });
    const after = (await getPiece({ id, viewer: editor }))!;
    expect(after.body).toBe('How to clean lenses.');
    expect(after.version).toBe(before.version);
    expect(after.status).toBe('published');
  });

  it('that a new rule blocks are listed for management', async () => {
    const { id } = await createPiece({
      actor: editor,
      input: input({ title: 'Our partner Nordlicht Optik', body: 'Together with Nordlicht.' }),
    });
    await prisma.contentPiece.update({ where: { id }, data: { status: 'published' } });
    expect((await publishedButBlocked()).map((p) => p.id)).not.toContain(id);
    await prisma.disclosureRule.create({
      data: {
        key: 'R-NORDLICHT',
        name: 'Nordlicht partnership',
        severity: 'block',
        kind: 'term',
        patterns: JSON.stringify(['Nordlicht']),
      },
    });
    const listed = (await publishedButBlocked()).find((p) => p.id === id);
    expect(listed).toMatchObject({
      title: 'Our partner Nordlicht Optik',
      findings: expect.arrayContaining([
        { ruleName: 'Nordlicht partnership', field: 'title', excerpt: 'Nordlicht' },
      ]),
    });
  });
});

describe('the knowledge export', () => {
  beforeAll(async () => {
    const base = { kind: 'study', language: 'de', department: 'Marketing', links: '[]' };
    for (const [title, summary] of [
      ['Tragegewohnheiten 2026', 'Wie lange Kundinnen ihre Linsen tragen.'],
      ['Projekt Falke Marktstudie', 'Erste Zahlen zum neuen Produkt.'],
      ['Kundenbefragung Versand', 'Kunde KD-482913 lobt den Versand.'],
    ] as const) {
      const item = await prisma.knowledgeItem.create({
        data: { ...base, title, summary, ownerId: expertA.id, status: 'accepted' },
      });
      titles[`k:${title}`] = item.id;
    }
  });

  it('leaves another expert’s blocked items out of the JSON export', async () => {
    const response = (await knowledgeExportLoader(
      args('/knowledge/export?format=json', expertBCookie),
    )) as Response;
    const records = JSON.parse(await response.text()) as { title: string }[];
    expect(records.map((r) => r.title)).toEqual(['Tragegewohnheiten 2026']);
    expect(response.headers.get('X-Lotse-Withheld')).toBe('2');
  });

  it('and out of the CSV export', async () => {
    const csv = await text(await knowledgeExportLoader(args('/knowledge/export', expertBCookie)));
    expect(csv).toContain('Tragegewohnheiten 2026');
    expect(csv).not.toContain('Falke');
    expect(csv).not.toContain('KD-482913');
  });
});
