import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { decodeExport } from '~/domain/results/csv';
import { isoDay } from '~/domain/results/dates';
import { isPresetKey, PRESETS } from '~/domain/results/presets';
import type { FileProblem } from '~/domain/results/read';
import {
  commitResultsImport,
  previewResultsImport,
  type ImportPreview,
  type ImportRequest,
} from '~/models/results-import.server';
import { prisma, usesPostgres } from '~/utils/db.server';
import { applyMigrations } from '~/utils/migrate.server';
import { CliError } from './common';

/**
 * `results import --file F [--preset NAME] [--dry-run] [--from DAY --to DAY] [--mapping NAME]
 * [--as EMAIL]`: reads a results export and prints
 * `{ rows, matched, unmatched: [{ row, label, reason? }], problems: [{ row, column, message }] }`
 * (rows are data rows: 1 is the first row under the header; `reason` is "notPublished" for a row
 * about a piece not published yet). Without --dry-run it also commits, as the user named by --as,
 * and adds `import` (the new import's id) and `observations`. Rows dated after today (in the
 * workspace's time zone) or before their piece's publication day are row problems; a period
 * (--from, --to) ending after today is refused as a whole.
 *
 * Rows with problems are bad input: the result is printed all the same, stderr names the first
 * problem's row and column, and the command exits 2 (a commit then imports nothing). A file that
 * is no supported format exits 2 with a message only. A commit where no row fits a piece exits 1.
 */
export async function runResultsCommand(command: string | undefined, args: string[]) {
  if (command !== 'import')
    throw new CliError(`unknown results command "${command ?? ''}" (import)`);
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        file: { type: 'string' },
        preset: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        from: { type: 'string' },
        to: { type: 'string' },
        mapping: { type: 'string' },
        as: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  if (!values.file) throw new CliError('give the file to import with --file');
  if (values.preset !== undefined && !isPresetKey(values.preset))
    throw new CliError(`--preset must be one of ${PRESETS.join(', ')}`);
  if ((values.from === undefined) !== (values.to === undefined))
    throw new CliError('give the period with both --from and --to');
  if (values.from !== undefined && !(isoDay(values.from) && isoDay(values.to!)))
    throw new CliError('--from and --to must be ISO 8601 days, e.g. 2026-10-01');
  if (!values['dry-run'] && !values.as)
    throw new CliError('name the user who imports with --as EMAIL (or look first with --dry-run)');

  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(values.file);
  } catch (error) {
    throw new CliError(
      `cannot read ${values.file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (await migrationsPending()) applyMigrations();
  let mappingId: string | null = null;
  if (values.mapping) {
    const mapping = await prisma.resultMapping.findUnique({
      where: { name: values.mapping },
      select: { id: true },
    });
    if (!mapping) throw new CliError(`there is no saved mapping named "${values.mapping}"`);
    mappingId = mapping.id;
  }
  const request: ImportRequest = {
    fileName: path.basename(values.file),
    text: decodeExport(new Uint8Array(bytes)),
    preset: values.preset as ImportRequest['preset'],
    mappingId,
    period: values.from ? { start: values.from, end: values.to! } : undefined,
  };

  if (values['dry-run']) {
    const outcome = await previewResultsImport(request);
    if (!outcome.ok) throw fileError(values.file, outcome);
    print(outcome.preview);
    return reportProblems(outcome.preview, 'lotse: the file has problems') ? 2 : 0;
  }
  const actor = await prisma.user.findUnique({
    where: { email: values.as!.trim().toLowerCase() },
    select: { id: true, active: true, roles: { select: { role: true } } },
  });
  if (!actor?.active) throw new CliError(`there is no active user with the email ${values.as}`);
  const outcome = await commitResultsImport({
    actor: { id: actor.id, roles: actor.roles.map((r) => r.role) },
    request,
  });
  if (outcome.ok) {
    print(outcome.preview, { import: outcome.id, observations: outcome.preview.observations });
    return 0;
  }
  if (outcome.problem === 'hasProblems') {
    print(outcome.preview);
    reportProblems(outcome.preview, 'lotse: the file has problems, nothing was imported');
    return 2;
  }
  if (outcome.problem === 'nothingMatched') {
    print(outcome.preview);
    process.stderr.write('lotse: no row could be tied to a piece: nothing was imported\n');
    return 1;
  }
  if (outcome.problem === 'notAllowed')
    throw new CliError(
      `${values.as} may not import results (editors and the strategy's owner may)`,
    );
  if (outcome.problem === 'file' || outcome.problem === 'mappingGone')
    throw fileError(values.file, outcome);
  print(outcome.preview);
  return 1;
}

function fileError(
  file: string,
  outcome: { problem: 'file'; file: FileProblem } | { problem: 'mappingGone' },
): CliError {
  if (outcome.problem === 'mappingGone') return new CliError('the saved mapping no longer exists');
  const { message, column, code } = outcome.file;
  // a period ending after today is about --to
  if (code === 'periodInFuture') return new CliError(`--to: ${message}`);
  // file-level problems are about the header row (row 0: the data rows count from 1)
  return new CliError(
    `${file}: ${message}${column ? ` (row 0, the header; column ${column})` : ''}`,
  );
}

/** Writes the problems' count and the first one's row and column to stderr; whether there were any. */
function reportProblems(preview: ImportPreview, lead: string): boolean {
  const [first] = preview.problems;
  if (!first) return false;
  const more = preview.problems.length - 1;
  process.stderr.write(
    `${lead}: row ${first.row}, column ${first.column}: ${first.message}${
      more ? ` (and ${more} more)` : ''
    }\n`,
  );
  return true;
}

function print(preview: ImportPreview, extra: Record<string, unknown> = {}) {
  process.stdout.write(
    `${JSON.stringify(
      {
        preset: preview.preset,
        rows: preview.rows,
        matched: preview.matched,
        unmatched: preview.unmatched,
        problems: preview.problems.map(({ row, column, message }) => ({ row, column, message })),
        ...extra,
      },
      null,
      2,
    )}\n`,
  );
}

/**
 * Whether the database lacks migrations of this version. Only then are they applied: while the
 * server runs, Prisma's migrate command cannot lock the SQLite file, and there is nothing to do.
 */
async function migrationsPending(): Promise<boolean> {
  const dir = path.join(
    process.cwd(),
    'prisma',
    ...(usesPostgres() ? ['postgresql'] : []),
    'migrations',
  );
  let wanted: string[];
  try {
    wanted = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
  } catch {
    return true;
  }
  try {
    const applied = await prisma.$queryRawUnsafe<{ name: string }[]>(
      'SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const done = new Set(applied.map((m) => m.name));
    return wanted.some((name) => !done.has(name));
  } catch {
    // no migrations table: a new database
    return true;
  }
}
