// `npm run cli -- results import`: the dry run's JSON (the contract's 2-row file with a bad
// value, which is bad input: exit 2), exit 2 for files of no supported format, and a commit as a
// named user, all or nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '~/utils/db.server';
import { createDemoWorkspace } from '../../seeds/demo';
import { ensureReferenceData } from '../../seeds/reference';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-results-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
};
const cli = (args: string[]) =>
  spawnSync(process.execPath, ['app/cli/run.mjs', 'results', 'import', ...args], {
    encoding: 'utf8',
    env: process.env,
    timeout: 120_000,
  });

let slug: string;
beforeAll(async () => {
  await ensureReferenceData(prisma);
  await createDemoWorkspace(prisma, new Date('2026-11-28T10:00:00Z'));
  const piece = await prisma.contentPiece.findFirstOrThrow({
    where: { channel: 'blog', slug: { not: null } },
    orderBy: { title: 'asc' },
  });
  slug = piece.slug!;
  // only published pieces take results, from their publication day on
  await prisma.contentPiece.update({
    where: { id: piece.id },
    data: { status: 'published', publishAt: new Date('2026-09-15T08:00:00Z') },
  });
});

describe('results import command', () => {
  it('prints rows, matched, unmatched and problems for a dry run, and exits 2 for a bad row', () => {
    const file = write(
      'res.csv',
      'date,url,metric,value\n2026-10-01,https://example.org/blog/a,visitors,42\n2026-10-02,https://example.org/blog/b,visitors,not-a-number\n',
    );
    const r = cli(['--file', file, '--dry-run']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/row 2, column value: .*not a number/);
    expect(JSON.parse(r.stdout)).toEqual({
      preset: 'generic',
      rows: 2,
      matched: 0,
      unmatched: [
        { row: 1, label: 'https://example.org/blog/a' },
        { row: 2, label: 'https://example.org/blog/b' },
      ],
      problems: [{ row: 2, column: 'value', message: expect.stringMatching(/not a number/) }],
    });
    // the same file without the bad row is a clean dry run: exit 0, nothing on stderr
    const clean = cli([
      '--file',
      write(
        'clean.csv',
        'date,url,metric,value\n2026-10-01,https://example.org/blog/a,visitors,42\n',
      ),
      '--dry-run',
    ]);
    expect(clean.status, clean.stderr).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ rows: 1, matched: 0, problems: [] });
  });

  it('exits 2 for a file of no supported format, naming the column', () => {
    const noMetric = cli([
      '--file',
      write('nometric.csv', 'date,url,value\n2026-10-01,/a,1\n'),
      '--preset',
      'generic',
      '--dry-run',
    ]);
    expect(noMetric.status).toBe(2);
    expect(noMetric.stderr).toMatch(/column metric/);
    const other = cli(['--file', write('other.csv', 'title,summary\na,b\n'), '--dry-run']);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/not in a supported format/);
    expect(cli(['--file', path.join(tmp, 'missing.csv'), '--dry-run']).status).toBe(2);
    expect(
      cli(['--file', write('p.csv', 'name,visitors,pageviews\n/a,1,2\n'), '--dry-run']).stderr,
    ).toMatch(/--from|period/);
    expect(
      cli(['--file', write('q.csv', 'date,url,metric,value\n'), '--preset', 'nope']).status,
    ).toBe(2);
  });

  it('exits 2 for rows and periods after today, naming the date column or --to', () => {
    const future = cli([
      '--file',
      write(
        'future.csv',
        `date,url,metric,value\n2030-01-01,https://klarblick.example/blog/${slug},visitors,4\n`,
      ),
      '--dry-run',
    ]);
    expect(future.status, future.stderr).toBe(2);
    expect(future.stderr).toMatch(/row 1, column date: ends after today/);
    const period = cli([
      '--file',
      write('pages.csv', `name,visitors,pageviews\n/blog/${slug},1,2\n`),
      '--from',
      '1900-01-01',
      '--to',
      '2099-12-31',
      '--dry-run',
    ]);
    expect(period.status).toBe(2);
    expect(period.stderr).toMatch(/--to: the period ends after today/);
  });

  it('imports as the user named, all rows or none', async () => {
    const before = await prisma.metricObservation.count();
    const bad = write(
      'bad.csv',
      `date,url,metric,value\n2026-10-01,https://klarblick.example/blog/${slug},visitors,42\n2026-10-02,https://klarblick.example/blog/${slug},visitors,x\n`,
    );
    expect(cli(['--file', bad]).status).toBe(2); // no --as
    const refused = cli(['--file', bad, '--as', 'editor@demo.lotse']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/nothing was imported: row 2, column value/);
    expect(JSON.parse(refused.stdout).problems).toHaveLength(1);
    expect(await prisma.metricObservation.count()).toBe(before);

    const good = write(
      'good.csv',
      `name,visitors,pageviews\n/blog/${slug}/,120,150\n/kontakt,3,4\n`,
    );
    const done = cli([
      '--file',
      good,
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-31',
      '--as',
      'editor@demo.lotse',
    ]);
    expect(done.status, done.stderr).toBe(0);
    const out = JSON.parse(done.stdout);
    expect(out).toMatchObject({ preset: 'plausible', rows: 2, matched: 1, observations: 2 });
    expect(await prisma.metricObservation.count({ where: { importId: out.import } })).toBe(2);
    const asExpert = cli([
      '--file',
      good,
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-31',
      '--as',
      'expert@demo.lotse',
    ]);
    expect(asExpert.status).toBe(2);
    expect(asExpert.stderr).toMatch(/may not import/);
  });
});
