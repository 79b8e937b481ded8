import { assertCan } from '~/domain/permissions';
import type { Observation } from '~/domain/results/aggregate';
import { buildResultsTable, type ResultsQuery } from '~/domain/results/table-query';
import type { Prisma } from '~/generated/prisma/client';
import { prisma } from '~/utils/db.server';

/**
 * The results table across pieces (/results and its CSV download, which reads it through the
 * output gate in output.server.ts): the pieces with results that the filters let through, one
 * value per metric aggregated by the metric's rule. For those who read every piece's results.
 */

type Viewer = { id: string; roles: readonly string[] };

function pieceFilter(query: ResultsQuery): Prisma.ContentPieceWhereInput {
  return {
    results: { some: { subject: 'piece' } },
    ...(query.channel ? { channel: query.channel } : {}),
    ...(query.goal ? { goals: { some: { goalId: query.goal } } } : {}),
    ...(query.audience ? { audiences: { some: { audienceId: query.audience } } } : {}),
    ...(query.expert ? { experts: { some: { userId: query.expert } } } : {}),
  };
}

/** The table for a query (throws NotAllowedError unless the viewer reads every piece's results). */
export async function queryResultsTable({
  viewer,
  query,
}: {
  viewer: Viewer;
  query: ResultsQuery;
}) {
  assertCan(viewer, 'results:read');
  const pieces = await prisma.contentPiece.findMany({
    where: pieceFilter(query),
    select: { id: true, title: true, channel: true, status: true, publishAt: true },
  });
  const rows = await prisma.metricObservation.findMany({
    where: { subject: 'piece', pieceId: { in: pieces.map((p) => p.id) } },
    select: {
      id: true,
      metric: true,
      value: true,
      periodStart: true,
      periodEnd: true,
      pieceId: true,
      createdAt: true,
    },
  });
  const observations: Observation[] = rows.map((o) => ({
    ...o,
    subject: 'piece',
    channel: null,
    audienceId: null,
    createdAt: o.createdAt.toISOString(),
  }));
  return buildResultsTable(
    pieces.map((p) => ({ ...p, publishAt: p.publishAt?.toISOString() ?? null })),
    observations,
    query,
  );
}

/** What the table's filters offer: goals, audiences and the experts of pieces with results. */
export async function resultsTableFacets({ viewer }: { viewer: Viewer }) {
  assertCan(viewer, 'results:read');
  const [goals, audiences, experts] = await Promise.all([
    prisma.goal.findMany({
      select: { id: true, title: true },
      orderBy: [{ periodStart: 'desc' }, { title: 'asc' }],
    }),
    prisma.audience.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    prisma.user.findMany({
      where: { contributions: { some: { piece: { results: { some: { subject: 'piece' } } } } } },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  return { goals, audiences, experts };
}
