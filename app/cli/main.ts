// `npm run --silent cli -- <command>`: Lotse's command line. JSON on stdout, messages on stderr;
// exit 0 success, 1 a negative verdict, 2 bad input.
// `npm run cli` runs the prebuilt bundle of this file (see app/cli/build.mjs and run.mjs).
// Each command's module is imported only when that command runs: `disclosure check` is called
// once per text by scripts and must not pay for the database client or the other commands.
import { CliError } from './common';

const USAGE = `usage: npm run --silent cli -- <command>

commands:
  user create --email E --name N --role R [--role R2] [--password-stdin]
      creates a user (roles: expert, editor, management, admin); the password is asked for at a
      prompt, or read from standard input with --password-stdin
  user list
      lists users as JSON
  user reset-password --email E [--password-stdin]
      gives the user a one-time password (asked for at a prompt, or read from standard input);
      their sessions end and they must choose a new password at the next login
  disclosure check --rules R.json [--text FILE] [--jsonl]
      decides a text (standard input without --text) against a rule set: prints
      { decision, findings }; with --jsonl, reads one { id, text } per line and prints one result
      per line; exit 0 allow or warn, 1 block, 2 bad input
  match --knowledge K.json --needs N.json [--top 10] [--reverse]
      ranks knowledge items for each need (with --reverse: needs for each item) and prints
      { id: [ranked ids] } as JSON
  results import --file F [--preset NAME] [--dry-run] [--from DAY --to DAY] [--mapping NAME]
                 [--as EMAIL]
      reads a results export (presets: plausible, matomo, zoom, podigee, generic; detected from
      the headers when not given) and prints { rows, matched, unmatched, problems } (rows are
      data rows, 1 the first under the header); without --dry-run it imports as the user --as,
      all rows or none: exit 2 when a row has a problem (named by row and column on stderr, the
      JSON printed all the same) or the file is of no supported format; exit 1 when a commit
      ties no row to a piece
  backup --out FILE [--force]
      copies the SQLite database while the server runs, checks the copy and prints
      { file, bytes, durationMs, migrations, tables }; exit 1 when the copy fails its checks
  restore FILE
      checks a backup (integrity, references, Lotse's migrations, not from a newer version) and
      replaces the database with it; restart the server afterwards`;

type Command = {
  /** whether the command opens Prisma's client, which must be disconnected before exiting */
  database?: boolean;
  /** runs the command with the arguments after its name */
  run: (args: string[]) => Promise<number>;
};

const COMMANDS: Record<string, Command> = {
  user: {
    database: true,
    run: async ([command, ...rest]) => (await import('./user')).runUserCommand(command, rest),
  },
  disclosure: {
    run: async ([command, ...rest]) =>
      (await import('./disclosure')).runDisclosureCommand(command, rest),
  },
  match: { run: async (args) => (await import('./match')).runMatchCommand(args) },
  results: {
    database: true,
    run: async ([command, ...rest]) => (await import('./results')).runResultsCommand(command, rest),
  },
  backup: { run: async (args) => (await import('./backup')).runBackupCommand(args) },
  restore: { run: async (args) => (await import('./backup')).runRestoreCommand(args) },
};

async function main(argv: string[], opened: { database: boolean }): Promise<number> {
  const [group, ...rest] = argv;
  if (!group || group === 'help' || group === '--help') {
    process.stderr.write(`${USAGE}\n`);
    return group ? 0 : 2;
  }
  const command = Object.hasOwn(COMMANDS, group) ? COMMANDS[group] : undefined;
  if (!command) throw new CliError(`unknown command "${group}"\n\n${USAGE}`);
  opened.database = command.database === true;
  return command.run(rest);
}

/** Runs one command; the exit code tells the outcome. */
async function run(argv: string[]): Promise<void> {
  const opened = { database: false };
  try {
    process.exitCode = await main(argv, opened);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`lotse: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`lotse: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  } finally {
    if (opened.database) {
      // The command loaded it. When loading failed, that error was reported above and there is
      // no client (the import fails again; in the bundle it yields no `prisma`).
      const db = await import('~/utils/db.server').catch(() => undefined);
      await db?.prisma?.$disconnect();
    }
  }
}

// No top-level await: the bundle is CommonJS, the format Node can load with a code cache.
void run(process.argv.slice(2));
