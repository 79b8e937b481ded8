import { endsBeforePublication } from '~/domain/results/observation';
import { auditSubject } from '~/domain/audit';
import { refusalAsProblem } from '~/domain/permissions';
import { MAX_RESULTS_BYTES } from '~/domain/results/csv';
import { localDay } from '~/domain/calendar/grid';
import { todayIn } from '~/domain/results/dates';
import { isPresetKey, type PresetKey } from '~/domain/results/presets';
import { readResults, type FileProblem, type Period, type RowProblem } from '~/domain/results/read';
import { indexPieces, tieRows } from '~/domain/results/tie';
import { prisma, type Tx } from '~/utils/db.server';
import { DEFAULT_TIME_ZONE } from '~/utils/format';
import { recordAudit } from './audit.server';
import { parseStoredMapping } from './results-mapping.server';
import { versionedUpdate } from './versioned.server';
import { assertResultsWriter, type ResultsActor } from './results.server';

/**
 * Importing results files: a dry run reads the file with its preset (given or detected) and a
 * saved mapping, ties each row to a piece, and reports every row's problems and the rows it could
 * not tie. The commit does the same inside one transaction and writes only when no row has a
 * problem: then every tied row's observations are written, all or nothing, under one import
 * record; rows tied to no piece are left out and listed. An import is undone as a whole later:
 * its observations go, its record stays, marked as undone.
 *
 * Only published pieces take results, for days that are over (in the workspace's time zone) and
 * not before the piece's publication day. A file may tie two rows to the same piece, metric and
 * period only once. The preview warns when the same results were imported before and not undone.
 */

export type ImportRequest = {
  fileName: string;
  text: string;
  preset?: PresetKey;
  mappingId?: string | null;
  period?: Period;
};

export type ImportPreview = {
  preset: PresetKey;
  rows: number;
  matched: number;
  unmatched: { row: number; label: string; reason?: 'notPublished' }[];
  problems: RowProblem[];
  /** the observations a commit writes, and the rows tied, with their piece */
  observations: number;
  tied: { row: number; label: string; pieceId: string; title: string; by: string }[];
  /** earlier imports (not undone) that hold exactly the results this file would write */
  alreadyImported: { id: string; fileName: string; createdAt: string; importedBy: string | null }[];
};

export type PreviewOutcome =
  | { ok: true; preview: ImportPreview }
  | { ok: false; problem: 'file'; file: FileProblem }
  | { ok: false; problem: 'mappingGone' };

async function loadMapping(db: Tx | typeof prisma, id: string | null | undefined) {
  if (!id) return { ok: true as const, mapping: undefined, preset: undefined };
  const row = await db.resultMapping.findUnique({
    where: { id },
    select: { preset: true, mapping: true },
  });
  if (!row) return { ok: false as const };
  return {
    ok: true as const,
    mapping: parseStoredMapping(row.mapping),
    preset: isPresetKey(row.preset) ? row.preset : undefined,
  };
}

async function prepare(db: Tx | typeof prisma, request: ImportRequest) {
  if (request.text.length > MAX_RESULTS_BYTES)
    return {
      outcome: {
        ok: false as const,
        problem: 'file' as const,
        file: { code: 'tooLarge' as const, message: 'the file is larger than 5 MB' },
      },
    };
  const mapping = await loadMapping(db, request.mappingId);
  if (!mapping.ok) return { outcome: { ok: false as const, problem: 'mappingGone' as const } };
  const workspace = await db.workspace.findUnique({ where: { id: 1 }, select: { timeZone: true } });
  const timeZone = workspace?.timeZone ?? DEFAULT_TIME_ZONE;
  const today = todayIn(timeZone, new Date());
  const read = readResults(request.text, {
    preset: request.preset ?? mapping.preset,
    mapping: mapping.mapping,
    period: request.period,
    today,
  });
  if (!read.ok)
    return { outcome: { ok: false as const, problem: 'file' as const, file: read.problem } };
  const pieces = await db.contentPiece.findMany({
    where: { status: { not: 'cancelled' } },
    select: {
      id: true,
      title: true,
      status: true,
      publishAt: true,
      channel: true,
      slug: true,
      targetUrl: true,
      registrationUrl: true,
      platformId: true,
      episodeNumber: true,
    },
  });
  const byId = new Map(pieces.map((p) => [p.id, p]));
  const tied = tieRows(
    read.rows,
    indexPieces(pieces.map((p) => ({ ...p, published: p.status === 'published' }))),
  );
  const problems = [
    ...read.problems,
    ...tiedRowProblems(tied.matched, byId, read, { timeZone, today }),
  ];
  problems.sort((a, b) => a.row - b.row);
  const preview: ImportPreview = {
    preset: read.preset,
    rows: read.rows.length,
    matched: tied.matched.length,
    unmatched: tied.unmatched,
    problems,
    observations: tied.matched.reduce((n, m) => n + m.row.observations.length, 0),
    tied: tied.matched.map((m) => ({
      row: m.row.row,
      label: m.row.label,
      pieceId: m.tie.pieceId,
      title: byId.get(m.tie.pieceId)?.title ?? '',
      by: m.tie.by,
    })),
    alreadyImported: [],
  };
  if (!problems.length) preview.alreadyImported = await sameImports(db, tied.matched);
  return { outcome: { ok: true as const, preview }, matched: tied.matched };
}

type Matched = ReturnType<typeof tieRows>['matched'];

/**
 * The problems of rows tied to a piece: a period that ended before the piece's publication day
 * (endsBeforePublication: one that merely starts earlier, like a month's export with a piece
 * published in the middle of it, is fine), and a row that gives the same piece, metric and period
 * as an earlier row.
 */
function tiedRowProblems(
  matched: Matched,
  pieces: Map<string, { publishAt: Date | null }>,
  read: { dateColumn: string | null; targetColumn: string | null },
  { timeZone, today }: { timeZone: string; today: string },
): RowProblem[] {
  const problems: RowProblem[] = [];
  // rows dated by a column name it; otherwise the period's last day (given with the import)
  const where = read.dateColumn
    ? { column: read.dateColumn }
    : { column: 'to', field: 'to' as const };
  const seen = new Map<string, number>();
  for (const { row, tie } of matched) {
    // a piece published ahead of its planned day was published by today
    const publishAt = pieces.get(tie.pieceId)?.publishAt;
    const planned = publishAt ? localDay(publishAt, timeZone) : null;
    const published = planned && planned > today ? today : planned;
    if (
      published &&
      row.observations.some((o) => endsBeforePublication(o.metric, o.periodEnd, published))
    )
      problems.push({
        row: row.row,
        ...where,
        code: 'beforePublication',
        message: `ended before the piece was published on ${published}`,
        values: { date: published },
      });
    for (const o of row.observations) {
      const key = [tie.pieceId, o.metric, o.periodStart, o.periodEnd].join('|');
      const earlier = seen.get(key);
      if (earlier === undefined) {
        seen.set(key, row.row);
        continue;
      }
      problems.push({
        row: row.row,
        column: read.dateColumn ?? read.targetColumn ?? '',
        code: 'duplicateRow',
        message: `repeats row ${earlier}: the same piece, metric and period`,
        values: { row: earlier },
      });
      break;
    }
  }
  return problems;
}

/** Earlier imports, not undone, that hold exactly the results the tied rows would write. */
async function sameImports(
  db: Tx | typeof prisma,
  matched: Matched,
): Promise<ImportPreview['alreadyImported']> {
  const wanted = matched.flatMap((m) =>
    m.row.observations.map((o) =>
      [m.tie.pieceId, o.metric, o.periodStart, o.periodEnd, o.value].join('|'),
    ),
  );
  if (!wanted.length) return [];
  const candidates = await db.resultImport.findMany({
    where: { undoneAt: null, observations: wanted.length },
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: { id: true, fileName: true, createdAt: true, importedById: true },
  });
  if (!candidates.length) return [];
  const held = await db.metricObservation.findMany({
    where: { importId: { in: candidates.map((c) => c.id) } },
    select: {
      importId: true,
      pieceId: true,
      metric: true,
      periodStart: true,
      periodEnd: true,
      value: true,
    },
  });
  const keys = new Map<string, string[]>();
  for (const o of held)
    keys.set(o.importId!, [
      ...(keys.get(o.importId!) ?? []),
      [o.pieceId, o.metric, o.periodStart, o.periodEnd, o.value].join('|'),
    ]);
  const sorted = [...wanted].sort().join('\n');
  const same = candidates.filter((c) => (keys.get(c.id) ?? []).sort().join('\n') === sorted);
  if (!same.length) return [];
  const names = new Map(
    (
      await db.user.findMany({
        where: { id: { in: same.map((c) => c.importedById) } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  return same.map((c) => ({
    id: c.id,
    fileName: c.fileName,
    createdAt: c.createdAt.toISOString(),
    importedBy: names.get(c.importedById) ?? null,
  }));
}

/**
 * The dry run: what the file holds and what a commit would write. Writes nothing, so it asks
 * for no actor; routes guard it with results:import.
 */
export async function previewResultsImport(request: ImportRequest): Promise<PreviewOutcome> {
  return (await prepare(prisma, request)).outcome;
}

/** Commits an import: all observations of the tied rows, or nothing when any row has a problem. */
export function commitResultsImport({
  actor,
  request,
}: {
  actor: ResultsActor;
  request: ImportRequest;
}): Promise<
  | { ok: true; id: string; preview: ImportPreview }
  | { ok: false; problem: 'hasProblems' | 'nothingMatched'; preview: ImportPreview }
  | Exclude<PreviewOutcome, { ok: true }>
  | { ok: false; problem: 'notAllowed' }
> {
  return refusalAsProblem(() =>
    prisma.$transaction(async (tx) => {
      await assertResultsWriter(tx, actor.id, 'results:import');
      const prepared = await prepare(tx, request);
      if (!prepared.outcome.ok) return prepared.outcome;
      const { preview } = prepared.outcome;
      if (preview.problems.length)
        return { ok: false as const, problem: 'hasProblems' as const, preview };
      if (!preview.observations)
        return { ok: false as const, problem: 'nothingMatched' as const, preview };
      const record = await tx.resultImport.create({
        data: {
          fileName: request.fileName.slice(0, 255) || '(unnamed).csv',
          preset: preview.preset,
          mappingId: request.mappingId ?? null,
          rows: preview.rows,
          matched: preview.matched,
          observations: preview.observations,
          importedById: actor.id,
        },
        select: { id: true },
      });
      await tx.metricObservation.createMany({
        data: prepared.matched!.flatMap((m) =>
          m.row.observations.map((o) => ({
            metric: o.metric,
            value: o.value,
            periodStart: o.periodStart,
            periodEnd: o.periodEnd,
            subject: 'piece',
            pieceId: m.tie.pieceId,
            source: 'import',
            importId: record.id,
            enteredById: actor.id,
          })),
        ),
      });
      await recordAudit(tx, {
        actorId: actor.id,
        ...auditSubject('resultImport', 'commit'),
        entityId: record.id,
        after: {
          fileName: request.fileName,
          preset: preview.preset,
          rows: preview.rows,
          matched: preview.matched,
          observations: preview.observations,
          unmatched: preview.unmatched.length,
        },
      });
      return { ok: true as const, id: record.id, preview };
    }),
  );
}

/** Undoes a whole import: its observations are removed, its record stays, marked as undone. */
export function undoResultsImport({
  actor,
  id,
  expectedVersion,
}: {
  actor: ResultsActor;
  id: string;
  expectedVersion?: number;
}): Promise<
  | { ok: true; removed: number }
  | { ok: false; problem: 'notAllowed' | 'notFound' | 'alreadyUndone' | 'conflict' }
> {
  return refusalAsProblem(() =>
    prisma.$transaction(async (tx) => {
      await assertResultsWriter(tx, actor.id, 'results:import');
      const record = await tx.resultImport.findUnique({
        where: { id },
        select: { undoneAt: true, version: true, fileName: true, observations: true },
      });
      if (!record) return { ok: false as const, problem: 'notFound' as const };
      if (record.undoneAt) return { ok: false as const, problem: 'alreadyUndone' as const };
      const written = await versionedUpdate(tx.resultImport, {
        id,
        // without a version from the caller, the undo applies to the version just read
        expectedVersion: expectedVersion ?? record.version,
        where: { undoneAt: null },
        data: { undoneAt: new Date(), undoneById: actor.id },
      });
      // undone meanwhile (by someone else) is a conflict too
      if (!written.ok) return { ok: false as const, problem: 'conflict' as const };
      const removed = await tx.metricObservation.deleteMany({ where: { importId: id } });
      await recordAudit(tx, {
        actorId: actor.id,
        ...auditSubject('resultImport', 'undo'),
        entityId: id,
        before: { fileName: record.fileName, observations: record.observations },
        after: { removed: removed.count },
      });
      return { ok: true as const, removed: removed.count };
    }),
  );
}

/** The imports, newest first, with who imported and who undid them. */
export async function listResultImports({ take = 50 }: { take?: number } = {}) {
  const imports = await prisma.resultImport.findMany({
    orderBy: { createdAt: 'desc' },
    take,
    select: {
      id: true,
      fileName: true,
      preset: true,
      rows: true,
      matched: true,
      observations: true,
      importedById: true,
      createdAt: true,
      undoneById: true,
      undoneAt: true,
      version: true,
    },
  });
  const ids = [...new Set(imports.flatMap((i) => [i.importedById, i.undoneById ?? '']))].filter(
    Boolean,
  );
  const names = new Map(
    (
      await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    ).map((u) => [u.id, u.name]),
  );
  return imports.map((i) => ({
    ...i,
    importedBy: names.get(i.importedById) ?? null,
    undoneBy: i.undoneById ? (names.get(i.undoneById) ?? null) : null,
  }));
}
