import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Everything that leaves the system through a route reads through app/models/output.server.ts,
 * whose functions answer only gated content: an output route that imported another model could
 * print a list the disclosure gate never saw.
 */
const OUTPUT_ROUTES = [
  'calendar.export.ts',
  'calendar.print.tsx',
  'calendar.feed.$file.ts',
  'knowledge.export.tsx',
  'rules.export.ts',
  'results.export.ts',
  'strategy.goals.$goalId.results[.csv].ts',
  'calendar.$pieceId.results[.csv].ts',
  'results.workspace[.csv].ts',
];
/** Models an output route may use besides the gate: settings, not content. */
const SETTINGS = ['~/models/workspace.server'];

describe('output routes', () => {
  it.each(OUTPUT_ROUTES)('%s reads content only through the output gate', (file) => {
    const source = fs.readFileSync(path.resolve('app/routes', file), 'utf8');
    const models = [...source.matchAll(/from '(~\/models\/[^']+)'/g)].map((m) => m[1]);
    expect(models).toContain('~/models/output.server');
    expect(models.filter((m) => m !== '~/models/output.server' && !SETTINGS.includes(m!))).toEqual(
      [],
    );
    expect(source).not.toMatch(/from '~\/utils\/db\.server'/);
  });
});
