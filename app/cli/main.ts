// `npm run --silent cli -- <command>`: Lotse's command line. JSON on stdout, messages on stderr;
// exit 0 success, 1 a negative verdict, 2 bad input.
import { runBackupCommand, runRestoreCommand } from './backup';
import { runDisclosureCommand } from './disclosure';
import { runMatchCommand } from './match';
import { CliError, runUserCommand } from './user';

const USAGE = `usage: npm run --silent cli -- <command>

commands:
  user create --email E --name N --role R [--role R2] [--password-stdin]
      creates a user (roles: expert, editor, management, admin); the password is asked for at a
      prompt, or read from standard input with --password-stdin
  user list
      lists users as JSON
  disclosure check --rules R.json [--text FILE] [--jsonl]
      decides a text (standard input without --text) against a rule set: prints
      { decision, findings }; with --jsonl, reads one { id, text } per line and prints one result
      per line; exit 0 allow or warn, 1 block, 2 bad input
  match --knowledge K.json --needs N.json [--top 10] [--reverse]
      ranks knowledge items for each need (with --reverse: needs for each item) and prints
      { id: [ranked ids] } as JSON
  backup --out FILE [--force]
      copies the SQLite database while the server runs, checks the copy and prints
      { file, bytes, durationMs, migrations, tables }; exit 1 when the copy fails its checks
  restore FILE
      checks a backup (integrity, references, Lotse's migrations, not from a newer version) and
      replaces the database with it; restart the server afterwards`;

async function main(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  if (!group || group === 'help' || group === '--help') {
    process.stderr.write(`${USAGE}\n`);
    return group ? 0 : 2;
  }
  if (group === 'user') return runUserCommand(command, rest);
  if (group === 'disclosure') return runDisclosureCommand(command, rest);
  if (group === 'match') return runMatchCommand(argv.slice(1));
  if (group === 'backup') return runBackupCommand(argv.slice(1));
  if (group === 'restore') return runRestoreCommand(argv.slice(1));
  throw new CliError(`unknown command "${group}"\n\n${USAGE}`);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof CliError) {
    process.stderr.write(`lotse: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`lotse: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
} finally {
  const { prisma } = await import('~/utils/db.server');
  await prisma.$disconnect();
}
