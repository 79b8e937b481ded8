// LOTSE_DEMO_SCALE: the seed (`tsx seeds/main.ts`, as `npm start` runs it) on fresh databases,
// without the setting, with a scale of 3, and with values it must refuse.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient } from '~/utils/db.server';
import { DEMO_KNOWLEDGE } from '../../seeds/demo-knowledge';
import { DEMO_PEOPLE } from '../../seeds/demo-people';
import { DEMO_PIECES } from '../../seeds/demo-plan';
import { DEMO_PUBLISHED } from '../../seeds/demo-results';
import { DemoScaleError, MAX_DEMO_SCALE, parseDemoScale } from '../../seeds/demo-scale';
import { dropSchemas, migratedSchema, TEST_POSTGRES, TMP, uniqueSchema } from '../setup/postgres';

const SEED_MS = 180_000; // two cores shared with other test files

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** An empty, migrated database of its own: a copy of the migrated SQLite file, or a schema. */
async function freshDatabase(): Promise<string> {
  if (TEST_POSTGRES) {
    const schema = uniqueSchema(`${inject('postgresRun')}_scale`);
    const url = await migratedSchema(TEST_POSTGRES, schema);
    cleanups.push(() => dropSchemas(TEST_POSTGRES as string, [schema]));
    return url;
  }
  const file = path.join(TMP, `demo-scale-${randomBytes(5).toString('hex')}.db`);
  fs.copyFileSync(path.join(TMP, 'base.db'), file);
  cleanups.push(async () => {
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      fs.rmSync(file + suffix, { force: true });
  });
  return `file:${file}`;
}

/** Runs the seed as `npm start` does, with LOTSE_DEMO_SCALE set to `scale` (or unset). */
function seed(url: string, scale?: string): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    LOTSE_DEMO: 'on',
    NODE_ENV: 'production',
  };
  delete env.LOTSE_DEMO_SCALE;
  if (scale !== undefined) env.LOTSE_DEMO_SCALE = scale;
  const child = spawn(path.resolve('node_modules/.bin/tsx'), [path.resolve('seeds/main.ts')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d));
  child.stderr.on('data', (d: Buffer) => (output += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

async function inspect(url: string) {
  const db = createPrismaClient(url);
  try {
    const [experts, items, needs, matches, pieces, users] = await Promise.all([
      db.expertProfile.count(),
      db.knowledgeItem.findMany({
        select: {
          title: true,
          language: true,
          status: true,
          _count: { select: { tags: true } },
          transitions: { orderBy: { createdAt: 'desc' }, take: 1, select: { toStatus: true } },
        },
      }),
      db.need.findMany({ select: { text: true, language: true } }),
      db.match.count(),
      db.contentPiece.findMany({
        select: {
          title: true,
          channel: true,
          status: true,
          publishAt: true,
          deadlines: { select: { dueAt: true } },
        },
      }),
      db.user.count(),
    ]);
    const months = new Set(
      pieces.flatMap((p) => (p.publishAt ? [p.publishAt.toISOString().slice(0, 7)] : [])),
    );
    return {
      experts,
      items,
      needs,
      matches,
      pieces,
      users,
      backlog: pieces.filter((p) => !p.publishAt).length,
      months: months.size,
    };
  } finally {
    await db.$disconnect();
  }
}

describe('LOTSE_DEMO_SCALE', () => {
  it('accepts whole numbers from 1 to 100 and refuses anything else with a clear message', () => {
    expect(parseDemoScale(undefined)).toBe(1);
    expect(parseDemoScale('')).toBe(1);
    expect(parseDemoScale('1')).toBe(1);
    expect(parseDemoScale(' 20 ')).toBe(20);
    expect(parseDemoScale(String(MAX_DEMO_SCALE))).toBe(100);
    for (const bad of ['0', '101', '-3', '2.5', 'abc', '1e2', '20x', '0x10']) {
      expect(() => parseDemoScale(bad), bad).toThrow(DemoScaleError);
      expect(() => parseDemoScale(bad), bad).toThrow(
        `LOTSE_DEMO_SCALE must be a whole number from 1 to 100 (got "${bad}")`,
      );
    }
  });

  it(
    'creates the demo as it always was without the setting, and three times as much with 3',
    async () => {
      const [plainUrl, scaledUrl] = [await freshDatabase(), await freshDatabase()];
      const plainRun = await seed(plainUrl);
      expect(plainRun.code, plainRun.output).toBe(0);
      const scaledRun = await seed(scaledUrl, '3');
      expect(scaledRun.code, scaledRun.output).toBe(0);
      expect(scaledRun.output).toContain('demo workspace made 3 times larger');

      const plain = await inspect(plainUrl);
      expect(plain.experts).toBe(DEMO_PEOPLE.filter((p) => p.expert).length);
      expect(plain.items).toHaveLength(DEMO_KNOWLEDGE.length);
      expect(plain.needs).toHaveLength(19);
      expect(plain.pieces).toHaveLength(DEMO_PIECES.length + DEMO_PUBLISHED.length);
      expect(plain.backlog).toBe(DEMO_PIECES.filter((p) => p.day === null).length);

      const scaled = await inspect(scaledUrl);
      expect(scaled.experts).toBe(3 * plain.experts);
      expect(scaled.items).toHaveLength(3 * plain.items.length);
      expect(scaled.needs).toHaveLength(3 * plain.needs.length);
      expect(scaled.matches).toBe(3 * plain.matches);
      expect(scaled.pieces).toHaveLength(3 * plain.pieces.length);
      expect(scaled.backlog).toBe(3 * plain.backlog);
      // the plan covers about three times the months, at the same density
      expect(scaled.months).toBeGreaterThanOrEqual(Math.floor(2.5 * plain.months));
      expect(scaled.users - plain.users).toBe(2 * plain.experts);

      // generated content reads like the demo's: both languages, every review state and
      // channel, its own titles, tags, a history ending in the status, deadlines before the date
      const demoTitles = new Set(plain.items.map((i) => i.title));
      const added = scaled.items.filter((i) => !demoTitles.has(i.title));
      expect(added.length).toBeGreaterThanOrEqual(2 * plain.items.length);
      expect(new Set(added.map((i) => i.language))).toEqual(new Set(['de', 'en']));
      expect(new Set(added.map((i) => i.status))).toEqual(
        new Set(plain.items.map((i) => i.status)),
      );
      expect(new Set(added.map((i) => i.title)).size).toBeGreaterThan(plain.items.length);
      for (const item of added) {
        expect(item._count.tags, item.title).toBeGreaterThan(0);
        expect(item.transitions[0]?.toStatus, item.title).toBe(item.status);
      }
      const addedPieces = scaled.pieces.filter(
        (p) => !plain.pieces.some((q) => q.title === p.title),
      );
      expect(new Set(addedPieces.map((p) => p.channel))).toEqual(
        new Set(['blog', 'podcast', 'whitepaper', 'webinar']),
      );
      const now = Date.now();
      for (const piece of scaled.pieces) {
        if (!piece.publishAt) {
          expect(piece.status, piece.title).toBe('idea');
          continue;
        }
        for (const d of piece.deadlines) expect(d.dueAt < piece.publishAt, piece.title).toBe(true);
        // what lies in the past was published or cancelled, not left in planning
        if (piece.publishAt.getTime() < now - 24 * 3600 * 1000) {
          expect(['published', 'cancelled'], piece.title).toContain(piece.status);
        }
      }

      // the same scale gives the same content
      const againUrl = await freshDatabase();
      const againRun = await seed(againUrl, '3');
      expect(againRun.code, againRun.output).toBe(0);
      const again = await inspect(againUrl);
      const titles = (x: typeof scaled) => [
        ...x.items.map((i) => i.title).sort(),
        ...x.needs.map((n) => n.text).sort(),
        ...x.pieces.map((p) => `${p.title} ${p.status}`).sort(),
      ];
      expect(titles(again)).toEqual(titles(scaled));
    },
    3 * SEED_MS,
  );

  it(
    'refuses an invalid scale before it writes anything',
    async () => {
      const url = await freshDatabase();
      const run = await seed(url, 'zwanzig');
      expect(run.code).toBe(2);
      expect(run.output).toContain(
        'lotse: LOTSE_DEMO_SCALE must be a whole number from 1 to 100 (got "zwanzig")',
      );
      const after = await inspect(url);
      expect(after.users).toBe(0);
      expect(after.items).toHaveLength(0);
    },
    SEED_MS,
  );
});
