// The layer boundaries of eslint.config.js: each folder's rule refuses a deliberately wrong
// import, in both spellings (the `~/` alias and a relative path), and lets a right one pass.
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The messages of `no-restricted-imports` for one import line in a file at `file`. */
async function restricted(file: string, importLine: string): Promise<string[]> {
  const code = `${importLine}\n\nexport const used = [x];\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('routes', () => {
  const route = 'app/routes/boundary-probe.tsx';
  it('do not import the database client or the generated Prisma clients', async () => {
    for (const line of [
      "import { prisma as x } from '~/utils/db.server';",
      "import { prisma as x } from '../utils/db.server';",
      "import { type Prisma as x } from '~/generated/prisma/client';",
      "import { PrismaClient as x } from '../generated/prisma-pg/client';",
    ]) {
      const messages = await restricted(route, line);
      expect(messages, line).toHaveLength(1);
      expect(messages[0]).toMatch(/model function/);
    }
  });
  it('call models', async () => {
    expect(
      await restricted(route, "import { getNeed as x } from '~/models/audience.server';"),
    ).toEqual([]);
  });
});

describe('utils', () => {
  const util = 'app/utils/boundary-probe.server.ts';
  it('do not import models', async () => {
    for (const line of [
      "import { recordAudit as x } from '~/models/audit.server';",
      "import { recordAudit as x } from '../models/audit.server';",
    ]) {
      const messages = await restricted(util, line);
      expect(messages, line).toHaveLength(1);
      expect(messages[0]).toMatch(/import no models/);
    }
  });
  it('import other utils and the database client', async () => {
    expect(await restricted(util, "import { prisma as x } from './db.server';")).toEqual([]);
    expect(await restricted(util, "import { getEnv as x } from '~/utils/env.server';")).toEqual([]);
  });
});

describe('the domain', () => {
  const domain = 'app/domain/disclosure/boundary-probe.ts';
  it('imports no models, no utils and none of Node’s modules', async () => {
    for (const line of [
      "import { prisma as x } from '~/utils/db.server';",
      "import { formatDate as x } from '../../utils/format';",
      "import { checkPiece as x } from '~/models/disclosure.server';",
      "import { checkPiece as x } from '../../models/disclosure.server';",
      "import { createHash as x } from 'node:crypto';",
      "import { createHash as x } from 'crypto';",
      "import x from 'fs/promises';",
    ]) {
      expect(await restricted(domain, line), line).toHaveLength(1);
    }
  });
  it('imports the rest of the domain and plain packages', async () => {
    expect(await restricted(domain, "import { checkText as x } from './engine';")).toEqual([]);
    expect(await restricted(domain, "import { can as x } from '~/domain/permissions';")).toEqual(
      [],
    );
    expect(await restricted(domain, "import { addDays as x } from 'date-fns';")).toEqual([]);
  });
});

describe('the rest of app/', () => {
  it('keeps its imports: models use the database client and Node', async () => {
    const model = 'app/models/boundary-probe.server.ts';
    expect(await restricted(model, "import { prisma as x } from '~/utils/db.server';")).toEqual([]);
    expect(await restricted(model, "import { createHash as x } from 'node:crypto';")).toEqual([]);
  });
});
