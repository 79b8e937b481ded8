// The Results section of a piece's page through the route's loader and action: who reads the
// piece's results, who enters and deletes them, and that refused or bad input changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '~/utils/db.server';
import { DECIDED_INSIDE, ROUTE_ACCESS, WHO, type Who } from './route-access';
import { call, setUpDemoWorkspace, userId } from './route-harness';

beforeAll(setUpDemoWorkspace, 60_000);

const ROUTE = 'routes/calendar.$pieceId';

type Results = {
  canWrite: boolean;
  observations: { id: string; metric: string; value: number; source: string }[];
} | null;
const resultsOf = (body: unknown) => (body as { results: Results }).results;

/** A piece the demo expert contributes to, published or not. */
async function expertsPiece(published: boolean) {
  return prisma.contentPiece.findFirstOrThrow({
    where: {
      status: published ? 'published' : { not: 'published' },
      experts: { some: { userId: userId('expert') } },
    },
  });
}

const entry = () => ({
  intent: 'result-enter',
  metric: 'visitors',
  value: '1234,5',
  periodStart: '2026-11-01',
  periodEnd: '2026-11-30',
  note: 'From the analytics export',
});

describe('the results on a piece’s page', () => {
  it('lists a published piece’s results for an editor, with the controls', async () => {
    const piece = await expertsPiece(true);
    const page = await call(ROUTE, 'GET', 'editor', { params: { pieceId: piece.id } });
    expect(page.status).toBe(200);
    const results = resultsOf(page.body);
    expect(results?.canWrite).toBe(true);
    const stored = await prisma.metricObservation.count({ where: { pieceId: piece.id } });
    expect(stored).toBeGreaterThan(0);
    expect(results?.observations).toHaveLength(stored);
  });

  it('enters a result, and refuses a bad one without changing anything', async () => {
    const piece = await expertsPiece(true);
    const params = { pieceId: piece.id };
    const before = await prisma.metricObservation.count({ where: { pieceId: piece.id } });

    const bad = await call(ROUTE, 'POST', 'editor', {
      params,
      form: { ...entry(), value: 'lots', periodEnd: '2026-10-01' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      ok: false,
      intent: 'result-enter',
      errors: {
        value: { key: 'results.problems.notANumberTyped' },
      },
      values: { value: 'lots' },
    });
    const noMetric = await call(ROUTE, 'POST', 'editor', {
      params,
      form: { ...entry(), metric: '' },
    });
    expect(noMetric).toMatchObject({ status: 400, body: { errors: { metric: {} } } });
    expect(await prisma.metricObservation.count({ where: { pieceId: piece.id } })).toBe(before);

    const ok = await call(ROUTE, 'POST', 'editor', { params, form: entry() });
    expect(ok.status).toBe(302);
    expect(ok.location).toBe(`/calendar/${piece.id}?result=entered#results-title`);
    const created = await prisma.metricObservation.findFirstOrThrow({
      where: { pieceId: piece.id, note: 'From the analytics export' },
    });
    expect(created).toMatchObject({
      subject: 'piece',
      metric: 'visitors',
      value: 1234.5,
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      source: 'manual',
    });
    const page = await call(ROUTE, 'GET', 'editor', { params });
    expect(resultsOf(page.body)?.observations.map((o) => o.id)).toContain(created.id);
  });

  it('deletes a result entered by hand, but not an imported one or another piece’s', async () => {
    const piece = await expertsPiece(true);
    const params = { pieceId: piece.id };
    await call(ROUTE, 'POST', 'editor', { params, form: { ...entry(), note: 'to go' } });
    const mine = await prisma.metricObservation.findFirstOrThrow({
      where: { pieceId: piece.id, note: 'to go' },
    });
    const elsewhere = await prisma.metricObservation.findFirstOrThrow({
      where: { pieceId: { not: piece.id }, source: 'manual' },
    });
    expect(
      await call(ROUTE, 'POST', 'editor', {
        params,
        form: { intent: 'result-delete', id: elsewhere.id },
      }),
    ).toMatchObject({ status: 409, body: { problem: 'notFound' } });
    expect(
      await prisma.metricObservation.findUnique({ where: { id: elsewhere.id } }),
    ).not.toBeNull();

    const imported = await prisma.metricObservation.findFirst({
      where: { pieceId: piece.id, source: { not: 'manual' } },
    });
    if (imported)
      expect(
        await call(ROUTE, 'POST', 'editor', {
          params,
          form: { intent: 'result-delete', id: imported.id },
        }),
      ).toMatchObject({ status: 409, body: { problem: 'imported' } });

    const deleted = await call(ROUTE, 'POST', 'editor', {
      params,
      form: { intent: 'result-delete', id: mine.id },
    });
    expect(deleted.status).toBe(302);
    expect(deleted.location).toBe(`/calendar/${piece.id}?result=deleted#results-title`);
    expect(await prisma.metricObservation.findUnique({ where: { id: mine.id } })).toBeNull();
  });

  it('shows a contributing expert the results read-only and refuses their writes', async () => {
    const piece = await expertsPiece(true);
    const params = { pieceId: piece.id };
    const page = await call(ROUTE, 'GET', 'expert', { params });
    const results = resultsOf(page.body);
    expect(results?.canWrite).toBe(false);
    expect(results?.observations.length).toBeGreaterThan(0);

    const before = await prisma.metricObservation.count({ where: { pieceId: piece.id } });
    expect(await call(ROUTE, 'POST', 'expert', { params, form: entry() })).toMatchObject({
      status: 403,
    });
    const any =
      results!.observations.find((o) => o.source === 'manual') ?? results!.observations[0]!;
    expect(
      await call(ROUTE, 'POST', 'expert', {
        params,
        form: { intent: 'result-delete', id: any.id },
      }),
    ).toMatchObject({ status: 403 });
    expect(await prisma.metricObservation.count({ where: { pieceId: piece.id } })).toBe(before);
  });

  it('offers the form to exactly the roles that hold results:enter', async () => {
    const piece = await expertsPiece(true);
    const offered: Who[] = [];
    for (const who of WHO) {
      if (who === 'anonymous' || !ROUTE_ACCESS[ROUTE]!.GET.includes(who)) continue;
      const page = await call(ROUTE, 'GET', who, { params: { pieceId: piece.id } });
      expect(resultsOf(page.body), who).not.toBeNull();
      if (resultsOf(page.body)?.canWrite) offered.push(who);
    }
    expect(offered).toEqual(DECIDED_INSIDE['results:enter']);
  });

  it('has no results section on an unpublished piece and takes no results for it', async () => {
    const piece = await expertsPiece(false);
    const params = { pieceId: piece.id };
    const page = await call(ROUTE, 'GET', 'editor', { params });
    expect(page.status).toBe(200);
    expect(resultsOf(page.body)).toBeNull();
    expect(await call(ROUTE, 'POST', 'editor', { params, form: entry() })).toMatchObject({
      status: 409,
      body: { problem: 'notPublished' },
    });
    expect(await prisma.metricObservation.count({ where: { pieceId: piece.id } })).toBe(0);
  });
});
