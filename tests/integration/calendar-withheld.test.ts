import type { LoaderFunctionArgs } from '@remix-run/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { withheldPieces } from '~/models/calendar-withheld.server';
import { blockedPieceIds, checkPiece, pieceContentSelect } from '~/models/disclosure.server';
import { createUser } from '~/models/user.server';
import { loader as calendarLoader } from '~/routes/calendar._index';
import { loader as printLoader } from '~/routes/calendar.print';
import { prisma } from '~/utils/db.server';
import { createSession } from '~/utils/session.server';
import { ensureReferenceData } from '../../seeds/reference';

/**
 * The calendar marks the pieces that the output gate keeps out of the iCal feed and the exports,
 * with the blocking rules' names: the same pieces the gate leaves out, in every view, and never a
 * remembered verdict that an edit, a rule change or an exemption has made stale.
 */

const ORIGIN = 'http://lotse.test';
const DAY = '2027-05-12';
const at = (hour: number) => new Date(`${DAY}T${String(hour).padStart(2, '0')}:00:00Z`);

let editorId = '';
let expertId = '';
let editorCookie = '';
let expertCookie = '';
const ids: Record<string, string> = {};

type CalendarData = {
  pieces: { id: string; withheld: { rules: string[]; failed: boolean } | null }[];
  backlog: { pieces: { id: string; withheld: { rules: string[]; failed: boolean } | null }[] };
  withheldCount: number;
};

const args = (url: string, cookie: string) =>
  ({
    request: new Request(`${ORIGIN}${url}`, { headers: { Cookie: cookie } }),
    params: {},
    context: {},
  }) as LoaderFunctionArgs;

async function calendar(url: string, cookie = editorCookie) {
  return (await ((await calendarLoader(args(url, cookie))) as Response).json()) as CalendarData;
}

async function piece(key: string, data: Record<string, unknown>) {
  const created = await prisma.contentPiece.create({
    data: {
      channel: 'blog',
      status: 'planned',
      ownerId: editorId,
      ...data,
      experts: { create: [{ userId: expertId }] },
    } as never,
    select: { id: true },
  });
  ids[key] = created.id;
}

beforeAll(async () => {
  await ensureReferenceData(prisma);
  const editor = await createUser({
    email: 'editor@withheld.test',
    name: 'Edda Editor',
    password: 'a-long-password-1',
    roles: ['editor'],
  });
  const expert = await createUser({
    email: 'expert@withheld.test',
    name: 'Erik Expert',
    password: 'a-long-password-1',
    roles: ['expert'],
  });
  editorId = editor.id;
  expertId = expert.id;
  await prisma.expertProfile.upsert({
    where: { userId: expertId },
    create: { userId: expertId, department: 'R&D' },
    update: {},
  });
  editorCookie = (await createSession(editorId, new Request(ORIGIN))).split(';')[0]!;
  expertCookie = (await createSession(expertId, new Request(ORIGIN))).split(';')[0]!;
  for (const [key, name, severity, patterns] of [
    ['R-FALKE', 'Project Falcon codename', 'block', ['Projekt Falke']],
    ['R-UMSATZ', 'Revenue figures', 'block', ['Umsatz']],
    ['R-BETA', 'Beta programme', 'warn', ['Beta']],
  ] as const) {
    await prisma.disclosureRule.create({
      data: { key, name, severity, kind: 'phrase', patterns: JSON.stringify(patterns) },
    });
  }
  await piece('clean', { title: 'Lens care basics', publishAt: at(9) });
  await piece('body', {
    title: 'Behind the scenes',
    body: 'A first look at Projekt Falke.',
    publishAt: at(10),
  });
  await piece('two', {
    title: 'Quarter in review',
    brief: 'Umsatz up, thanks to Projekt Falke',
    publishAt: at(11),
  });
  await piece('speaker', {
    channel: 'webinar',
    title: 'Webinar on daily lenses',
    publishAt: at(14),
    webinarStart: at(14),
    webinarEnd: at(15),
    speakers: JSON.stringify(['Dr. Weber', 'Lead of Projekt Falke']),
  });
  await piece('warned', { title: 'Join the Beta', publishAt: at(16) });
  await piece('exempted', { title: 'Umsatz story, cleared', publishAt: at(17) });
  await piece('idea', { title: 'Idea: Projekt Falke teaser', status: 'idea' });
  // management granted an exemption for exactly this content and rule revision
  const exempted = await prisma.contentPiece.findUniqueOrThrow({
    where: { id: ids.exempted },
    select: pieceContentSelect,
  });
  const rule = await prisma.disclosureRule.findUniqueOrThrow({ where: { key: 'R-UMSATZ' } });
  await prisma.disclosureExemption.create({
    data: {
      pieceId: exempted.id,
      ruleId: rule.id,
      ruleRevision: rule.revision,
      contentHash: (await checkPiece(exempted)).contentHash,
      status: 'granted',
      reason: 'Published figures',
      requestedById: editorId,
    },
  });
});

describe('withheldPieces', () => {
  it('withholds exactly what the output gate blocks, naming the blocking rules', async () => {
    const all = Object.values(ids);
    const withheld = await withheldPieces(all);
    expect(new Set(withheld.keys())).toEqual(await blockedPieceIds(all));
    expect([...withheld.keys()].sort()).toEqual([ids.body, ids.two, ids.speaker, ids.idea].sort());
    expect(withheld.get(ids.body!)).toEqual({ rules: ['Project Falcon codename'], failed: false });
    expect(withheld.get(ids.speaker!)).toEqual({
      rules: ['Project Falcon codename'],
      failed: false,
    });
    expect(withheld.get(ids.two!)?.rules.sort()).toEqual(
      ['Project Falcon codename', 'Revenue figures'].sort(),
    );
    // a warning is no reason to withhold; a granted exemption lifts the block
    expect(withheld.has(ids.warned!)).toBe(false);
    expect(withheld.has(ids.exempted!)).toBe(false);
  });

  it('counts a piece it cannot read as withheld (fail closed)', async () => {
    const withheld = await withheldPieces([ids.clean!, 'no-such-piece']);
    expect([...withheld]).toEqual([['no-such-piece', { rules: [], failed: true }]]);
  });

  it('answers afresh after an edit, a rule change and a changed exemption', async () => {
    // asked once, so that the verdicts are remembered
    expect((await withheldPieces([ids.body!])).has(ids.body!)).toBe(true);
    await prisma.contentPiece.update({
      where: { id: ids.body },
      data: { body: 'A first look at our new lens.' },
    });
    expect((await withheldPieces([ids.body!])).has(ids.body!)).toBe(false);
    await prisma.contentPiece.update({
      where: { id: ids.body },
      data: { body: 'A first look at Projekt Falke.' },
    });
    expect((await withheldPieces([ids.body!])).has(ids.body!)).toBe(true);

    const rule = await prisma.disclosureRule.findUniqueOrThrow({ where: { key: 'R-BETA' } });
    await prisma.disclosureRule.update({
      where: { id: rule.id },
      data: { severity: 'block', revision: { increment: 1 } },
    });
    expect((await withheldPieces([ids.warned!])).get(ids.warned!)).toEqual({
      rules: ['Beta programme'],
      failed: false,
    });
    await prisma.disclosureRule.update({
      where: { id: rule.id },
      data: { severity: 'warn', revision: { increment: 1 } },
    });
    expect((await withheldPieces([ids.warned!])).has(ids.warned!)).toBe(false);

    await prisma.disclosureExemption.updateMany({
      where: { pieceId: ids.exempted },
      data: { status: 'revoked' },
    });
    expect((await withheldPieces([ids.exempted!])).get(ids.exempted!)?.rules).toEqual([
      'Revenue figures',
    ]);
    await prisma.disclosureExemption.updateMany({
      where: { pieceId: ids.exempted },
      data: { status: 'granted' },
    });
    expect((await withheldPieces([ids.exempted!])).has(ids.exempted!)).toBe(false);
  });
});

describe('the calendar page', () => {
  const withheldOf = (data: CalendarData) =>
    Object.fromEntries(
      [...data.pieces, ...data.backlog.pieces]
        .filter((p) => p.withheld)
        .map((p) => [p.id, p.withheld]),
    );

  for (const view of ['month', 'week', 'agenda'] as const) {
    it(`marks withheld pieces with their reasons in the ${view} view and the backlog`, async () => {
      const data = await calendar(`/calendar?view=${view}&date=${DAY}`);
      expect(withheldOf(data)).toEqual({
        [ids.body!]: { rules: ['Project Falcon codename'], failed: false },
        [ids.two!]: {
          rules: expect.arrayContaining(['Project Falcon codename', 'Revenue figures']),
          failed: false,
        },
        [ids.speaker!]: { rules: ['Project Falcon codename'], failed: false },
        [ids.idea!]: { rules: ['Project Falcon codename'], failed: false },
      });
      expect(data.pieces.find((p) => p.id === ids.clean)?.withheld).toBeNull();
      expect(data.backlog.pieces.map((p) => p.id)).toEqual([ids.idea]);
    });
  }

  it('counts the pieces of the range the exports leave out, as the print view does', async () => {
    const data = await calendar(`/calendar?view=month&date=${DAY}`);
    const print = (await (
      (await printLoader(args(`/calendar/print?view=month&date=${DAY}`, editorCookie))) as Response
    ).json()) as { withheld: number };
    expect(data.withheldCount).toBe(3);
    expect(data.withheldCount).toBe(print.withheld);
  });

  it('marks the pieces an expert contributes to as well', async () => {
    const data = await calendar(`/calendar?view=agenda&date=${DAY}`, expertCookie);
    expect(data.withheldCount).toBe(3);
    expect(data.pieces.find((p) => p.id === ids.speaker)?.withheld?.rules).toEqual([
      'Project Falcon codename',
    ]);
  });
});
