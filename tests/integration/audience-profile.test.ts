// An audience's Social Technographics profile: saved with its version (a stale form is a
// conflict, not an overwrite), audited, refused to roles that may not manage audiences, and read
// back with the audience; the calendar reads the profiles by audience name.
import { beforeAll, describe, expect, it } from 'vitest';
import { profileMismatches } from '~/domain/calendar/planning';
import { parseCalendarQuery } from '~/domain/calendar/calendar-query';
import { NotAllowedError } from '~/domain/permissions';
import { TechnographicsFormSchema } from '~/forms/technographics';
import { listPiecesInRange } from '~/models/piece-queries.server';
import {
  getAudienceProfile,
  listAudienceProfiles,
  saveAudienceProfile,
} from '~/models/audience-profile.server';
import { prisma } from '~/utils/db.server';
import { createDemoWorkspace } from '../../seeds/demo';
import { ensureReferenceData } from '../../seeds/reference';

const NOW = new Date('2026-11-28T10:00:00Z');
const editor = { id: '', roles: ['editor'] };
const management = { id: '', roles: ['management'] };
let audienceId = '';

beforeAll(async () => {
  await ensureReferenceData(prisma);
  await createDemoWorkspace(prisma, NOW);
  editor.id = (await prisma.user.findUniqueOrThrow({ where: { email: 'editor@demo.lotse' } })).id;
  management.id = (
    await prisma.user.findUniqueOrThrow({ where: { email: 'management@demo.lotse' } })
  ).id;
  audienceId = (
    await prisma.audience.create({ data: { name: 'Profile test audience' }, select: { id: true } })
  ).id;
});

const raw = (over: Record<string, string> = {}) => ({
  creators: '5',
  conversationalists: '12',
  critics: '20',
  collectors: '15',
  joiners: '40',
  spectators: '70',
  inactives: '18',
  source: 'Customer survey 2026',
  surveyedAt: '2026-10-15',
  ...over,
});
const form = (over: Record<string, string> = {}) => TechnographicsFormSchema.parse(raw(over));

describe('the audience profile', () => {
  it('is empty until entered, then saved, read back with its source and date, and audited', async () => {
    expect(await getAudienceProfile({ audienceId })).toBeNull();
    const saved = await saveAudienceProfile({ audienceId, actor: editor, input: form() });
    expect(saved).toEqual({ ok: true, version: 1 });
    const profile = await getAudienceProfile({ audienceId });
    expect(profile).toMatchObject({
      shares: {
        creators: 5,
        conversationalists: 12,
        critics: 20,
        collectors: 15,
        joiners: 40,
        spectators: 70,
        inactives: 18,
      },
      source: 'Customer survey 2026',
      surveyedAt: '2026-10-15',
      version: 1,
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'audience.profile', entityId: audienceId },
      orderBy: { createdAt: 'desc' },
    });
    expect(audit).toMatchObject({ actorId: editor.id, entityType: 'audience', before: null });
    expect(JSON.parse(audit.after ?? '{}')).toMatchObject({
      spectators: 70,
      surveyedAt: '2026-10-15',
    });
  });

  it('changes with the version it was read at and refuses a stale or missing one', async () => {
    const changed = await saveAudienceProfile({
      audienceId,
      actor: editor,
      input: form({ spectators: '65' }),
      expectedVersion: 1,
    });
    expect(changed).toEqual({ ok: true, version: 2 });
    // a second form still showing version 1 does not overwrite the change
    expect(
      await saveAudienceProfile({
        audienceId,
        actor: editor,
        input: form({ spectators: '10' }),
        expectedVersion: 1,
      }),
    ).toEqual({ ok: false, problem: 'conflict' });
    // a form opened before the first profile existed does not overwrite it either
    expect(await saveAudienceProfile({ audienceId, actor: editor, input: form() })).toEqual({
      ok: false,
      problem: 'conflict',
    });
    expect((await getAudienceProfile({ audienceId }))?.shares.spectators).toBe(65);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'audience.profile', entityId: audienceId },
      orderBy: { createdAt: 'desc' },
    });
    expect(JSON.parse(audit.before ?? '{}')).toMatchObject({ spectators: 70 });
    expect(JSON.parse(audit.after ?? '{}')).toMatchObject({ spectators: 65 });
  });

  it('is refused to roles that may not manage audiences, and to a missing audience', async () => {
    await expect(
      saveAudienceProfile({ audienceId, actor: management, input: form(), expectedVersion: 2 }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    expect(await saveAudienceProfile({ audienceId: 'gone', actor: editor, input: form() })).toEqual(
      { ok: false, problem: 'notFound' },
    );
    expect((await getAudienceProfile({ audienceId }))?.version).toBe(2);
  });

  it('is listed for the calendar by audience name and goes with its audience', async () => {
    const listed = await listAudienceProfiles({ names: ['Profile test audience', 'Nobody'] });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ audienceId, audience: 'Profile test audience' });
    expect(await listAudienceProfiles({ names: [] })).toEqual([]);
    await prisma.audience.delete({ where: { id: audienceId } });
    expect(await prisma.audienceProfile.count({ where: { audienceId } })).toBe(0);
  });
});

describe('the profile form', () => {
  it('checks each share on its own (0–100, whole numbers) and needs a date', () => {
    const result = TechnographicsFormSchema.safeParse({
      creators: '101',
      conversationalists: '-1',
      critics: '2.5',
      collectors: '',
      joiners: 'x',
      spectators: '100',
      inactives: '0',
      surveyedAt: '2026-02-30',
    });
    expect(result.success).toBe(false);
    const fields = new Set(result.error?.issues.map((i) => String(i.path[0])));
    expect([...fields].sort()).toEqual(
      ['collectors', 'conversationalists', 'creators', 'critics', 'joiners', 'surveyedAt'].sort(),
    );
    // shares that add up to more than 100 are fine: the groups overlap
    expect(
      TechnographicsFormSchema.safeParse(raw({ spectators: '90', joiners: '80' })).success,
    ).toBe(true);
  });
});

describe('the demo workspace', () => {
  it('has a profile for every audience, and the planning aid flags the customers', async () => {
    const audiences = await prisma.audience.findMany({
      where: { name: { not: 'Profile test audience' } },
      select: { name: true, profile: { select: { source: true } } },
    });
    for (const a of audiences) expect(a.profile?.source, a.name).toBeTruthy();
    // the month on screen: the next five weeks from the demo's start
    const pieces = await listPiecesInRange({
      viewer: editor,
      from: NOW,
      to: new Date(NOW.getTime() + 35 * 24 * 3600 * 1000),
      query: parseCalendarQuery(new URLSearchParams()),
    });
    const planned = pieces.map((p) => ({
      ...p,
      experts: [],
      audiences: p.audiences.map((a) => a.audience.name),
    }));
    const profiles = await listAudienceProfiles({ names: planned.flatMap((p) => p.audiences) });
    const flagged = profileMismatches(planned, profiles);
    const customers = flagged.find((m) => m.audience.startsWith('Bestandskunden'));
    expect(customers?.over.map((c) => c.channel)).toContain('blog');
    expect(customers?.reason?.key).toMatch(/^technographics\.rules\./);
    expect(flagged.map((m) => m.audience)).not.toContain(
      'Meinungsbildner: Augenoptiker & Fachpresse / Opinion leaders',
    );
  });
});
