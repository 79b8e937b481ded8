// Numbers beyond single pieces on /results/workspace: entered for the whole workspace, a channel
// or an audience through the page's action, listed under their subject, deleted again, and read
// by the goal page's KPIs about that channel or audience.
import { beforeAll, describe, expect, it } from 'vitest';
import { getGoalResults } from '~/models/results-impact.server';
import { prisma } from '~/utils/db.server';
import { call, setUpDemoWorkspace, userId } from './route-harness';

beforeAll(setUpDemoWorkspace, 60_000);

const ROUTE = 'routes/results.workspace';

type Section = {
  subject: { subject: string; channel?: string; audienceId?: string; audienceName?: string };
  metrics: { metric: string; observations: { id: string; value: number; note: string }[] }[];
};
type Page = { metrics: Section['metrics']; subjects: Section[]; audiences: { id: string }[] };

const entry = (over: Record<string, string>) => ({
  intent: 'enter',
  metric: 'mentions',
  value: '17',
  periodStart: '2026-03-01',
  periodEnd: '2026-03-31',
  note: '',
  ...over,
});

const opinionLeaders = () =>
  prisma.audience.findFirstOrThrow({ where: { name: { contains: 'Opinion leaders' } } });

async function page(): Promise<Page> {
  const answer = await call(ROUTE, 'GET', 'management');
  expect(answer.status).toBe(200);
  return answer.body as Page;
}

describe('numbers for a channel or an audience', () => {
  it('stores a channel’s number and lists it under the channel, not the workspace', async () => {
    const saved = await call(ROUTE, 'POST', 'editor', {
      form: entry({ for: 'channel:blog', metric: 'leads', value: '23', note: 'Sign-ups test' }),
    });
    expect(saved).toMatchObject({ status: 302, location: '/results/workspace?entered=1' });
    const stored = await prisma.metricObservation.findFirstOrThrow({
      where: { note: 'Sign-ups test' },
    });
    expect(stored).toMatchObject({
      subject: 'channel',
      channel: 'blog',
      audienceId: null,
      pieceId: null,
      metric: 'leads',
      value: 23,
      source: 'manual',
      enteredById: userId('editor'),
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: stored.id } });
    expect(audit).toMatchObject({ entityType: 'metric_observation', actorId: userId('editor') });
    expect(JSON.parse(audit.after ?? '{}')).toMatchObject({ subject: 'channel', channel: 'blog' });

    const listed = await page();
    const blog = listed.subjects.find((s) => s.subject.subject === 'channel');
    expect(blog?.subject).toEqual({ subject: 'channel', channel: 'blog' });
    expect(blog?.metrics).toEqual([
      { metric: 'leads', observations: [expect.objectContaining({ id: stored.id, value: 23 })] },
    ]);
    const inWorkspace = listed.metrics.flatMap((m) => m.observations.map((o) => o.id));
    expect(inWorkspace).not.toContain(stored.id);
  });

  it('stores an audience’s number and lists it under the audience’s name', async () => {
    const opinion = await opinionLeaders();
    const saved = await call(ROUTE, 'POST', 'editor', {
      form: entry({ for: `audience:${opinion.id}`, value: '9', note: 'Monitoring test' }),
    });
    expect(saved.status).toBe(302);
    const stored = await prisma.metricObservation.findFirstOrThrow({
      where: { note: 'Monitoring test' },
    });
    expect(stored).toMatchObject({
      subject: 'audience',
      audienceId: opinion.id,
      channel: null,
      metric: 'mentions',
      value: 9,
    });
    const listed = await page();
    expect(listed.audiences).toContainEqual({ id: opinion.id, name: opinion.name });
    const section = listed.subjects.find((s) => s.subject.audienceId === opinion.id);
    expect(section?.subject).toEqual({
      subject: 'audience',
      audienceId: opinion.id,
      audienceName: opinion.name,
    });
    const mentions = section?.metrics.find((m) => m.metric === 'mentions');
    expect(mentions?.observations.map((o) => o.id)).toContain(stored.id);
    // channels come before audiences, the workspace's own numbers stay apart
    const kinds = listed.subjects.map((s) => s.subject.subject);
    expect(kinds.lastIndexOf('channel')).toBeLessThan(kinds.indexOf('audience'));
    expect(listed.metrics.flatMap((m) => m.observations.map((o) => o.id))).not.toContain(stored.id);
  });

  it('stores a number without a choice for the whole workspace, as before', async () => {
    const saved = await call(ROUTE, 'POST', 'editor', {
      form: entry({ metric: 'tonality', value: '0,4', note: 'Workspace test' }),
    });
    expect(saved.status).toBe(302);
    expect(
      await prisma.metricObservation.findFirstOrThrow({ where: { note: 'Workspace test' } }),
    ).toMatchObject({ subject: 'workspace', channel: null, audienceId: null, value: 0.4 });
  });

  it('refuses an unknown channel, a malformed choice or a vanished audience, storing nothing', async () => {
    const before = await prisma.metricObservation.count();
    const cases: [string, number, string][] = [
      ['channel:newsletter', 400, 'results.workspace.unknownChannel'],
      ['channel:', 400, 'results.workspace.unknownChannel'],
      ['audience:', 400, 'results.workspace.unknownSubject'],
      ['piece:abc', 400, 'results.workspace.unknownSubject'],
      ['everyone', 400, 'results.workspace.unknownSubject'],
      [`audience:${'x'.repeat(101)}`, 400, 'results.workspace.unknownSubject'],
      ['audience:no-such-audience', 409, 'results.problems.audienceGone'],
    ];
    for (const [choice, status, key] of cases) {
      const refused = await call(ROUTE, 'POST', 'editor', { form: entry({ for: choice }) });
      expect(refused.status, choice).toBe(status);
      expect(
        (refused.body as { errors: Record<string, { key: string }> }).errors.for,
        choice,
      ).toEqual(expect.objectContaining({ key }));
    }
    expect(await prisma.metricObservation.count()).toBe(before);
  });

  it('lets only those who enter results record or delete them', async () => {
    const opinion = await opinionLeaders();
    const before = await prisma.metricObservation.count();
    const form = entry({ for: `audience:${opinion.id}` });
    expect((await call(ROUTE, 'POST', 'management', { form })).status).toBe(403);
    expect((await call(ROUTE, 'POST', 'expert', { form })).status).toBe(403);
    expect((await call(ROUTE, 'GET', 'expert')).status).toBe(403);
    const stored = await prisma.metricObservation.findFirstOrThrow({
      where: { note: 'Monitoring test' },
    });
    expect(
      (await call(ROUTE, 'POST', 'management', { form: { intent: 'delete', id: stored.id } }))
        .status,
    ).toBe(403);
    expect(await prisma.metricObservation.count()).toBe(before);
  });

  it('deletes a channel’s or an audience’s entry, but not a piece’s from this page', async () => {
    for (const note of ['Sign-ups test', 'Monitoring test']) {
      const stored = await prisma.metricObservation.findFirstOrThrow({ where: { note } });
      const deleted = await call(ROUTE, 'POST', 'editor', {
        form: { intent: 'delete', id: stored.id },
      });
      expect(deleted, note).toMatchObject({
        status: 302,
        location: '/results/workspace?deleted=1',
      });
      expect(await prisma.metricObservation.findUnique({ where: { id: stored.id } })).toBeNull();
    }
    const ofPiece = await prisma.metricObservation.findFirstOrThrow({
      where: { subject: 'piece', source: 'manual' },
    });
    const refused = await call(ROUTE, 'POST', 'editor', {
      form: { intent: 'delete', id: ofPiece.id },
    });
    expect(refused).toMatchObject({ status: 409, body: { problem: 'notFound' } });
    expect(await prisma.metricObservation.findUnique({ where: { id: ofPiece.id } })).not.toBeNull();
  });
});

describe('a KPI about an audience on the goal page', () => {
  it('reads the audience’s own total entered on the page', async () => {
    const opinion = await opinionLeaders();
    const kpi = await prisma.kpi.findFirstOrThrow({
      where: { scope: 'audience', audienceId: opinion.id, metric: 'webinar_attendees' },
      include: { goal: true },
    });
    const management = { id: userId('management'), roles: ['management'] };
    const today = kpi.targetDate;
    const read = async () =>
      (await getGoalResults({ viewer: management, goalId: kpi.goalId, today }))?.kpis.find(
        (k) => k.id === kpi.id,
      );
    expect((await read())?.basis).not.toBe('scope');

    // two periods of the audience's own totals, summed, instead of the pieces' numbers (days of
    // the goal's period that are over)
    const nextDay = new Date(`${kpi.goal.periodStart}T00:00:00Z`);
    nextDay.setUTCDate(nextDay.getUTCDate() + 1);
    const days = [kpi.goal.periodStart, nextDay.toISOString().slice(0, 10)];
    for (const [i, value] of ['140', '35'].entries()) {
      const saved = await call(ROUTE, 'POST', 'editor', {
        form: entry({
          for: `audience:${opinion.id}`,
          metric: 'webinar_attendees',
          value,
          periodStart: days[i]!,
          periodEnd: days[i]!,
        }),
      });
      expect(saved.status).toBe(302);
    }
    expect(await read()).toMatchObject({ actual: 175, basis: 'scope' });
    // a number of another audience or of a channel does not count for it
    await call(ROUTE, 'POST', 'editor', {
      form: entry({
        for: 'channel:webinar',
        metric: 'webinar_attendees',
        value: '999',
        periodStart: days[0]!,
        periodEnd: days[0]!,
      }),
    });
    expect(await read()).toMatchObject({ actual: 175, basis: 'scope' });
  });
});
