// What every command shares. Kept apart from the commands so that importing it loads nothing
// else: `disclosure check` must start without the database client or the other commands.
import fs from 'node:fs';

/** Bad input: the command exits 2 with this message. */
export class CliError extends Error {}

export function readJson(file: string): unknown {
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(
      `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return JSON.parse(content);
  } catch {
    throw new CliError(`${file} is not valid JSON`);
  }
}
