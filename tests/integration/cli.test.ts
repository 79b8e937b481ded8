import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm run cli` runs app/cli/run.mjs: the prebuilt bundle, built first when the sources changed
const cli = (args: string[], input?: string, env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, ['app/cli/run.mjs', ...args], {
    input,
    encoding: 'utf8',
    env,
    timeout: 60_000,
  });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const write = (name: string, data: unknown) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
};

const knowledge = write('k.json', [
  {
    id: 'S1',
    title: 'Same-day dispatch after moving the warehouse',
    description: 'Orders ship the same day.',
    tags: ['shipping'],
  },
  {
    id: 'S2',
    title: 'Cookie-Banner rechtssicher gestalten',
    description: 'Einwilligungen nach DSGVO.',
    tags: ['Datenschutz'],
  },
]);
const needs = write('n.json', [
  {
    id: 'Q1',
    audience: 'Kunden',
    text: 'Wie schnell wird meine Bestellung verschickt?',
    tags: ['Versand'],
  },
  { id: 'Q2', audience: 'Shops', text: 'How do we handle tracking consent correctly?', tags: [] },
]);

describe('match command', () => {
  it('ranks knowledge for each need, and needs for each item', () => {
    const forward = cli(['match', '--knowledge', knowledge, '--needs', needs, '--top', '1']);
    expect(forward.status).toBe(0);
    expect(JSON.parse(forward.stdout)).toEqual({ Q1: ['S1'], Q2: ['S2'] });
    const reverse = cli(['match', '--knowledge', knowledge, '--needs', needs, '--reverse']);
    expect(JSON.parse(reverse.stdout)).toEqual({ S1: ['Q1'], S2: ['Q2'] });
  });
  it('learns from earlier decisions given with --decisions', () => {
    const items = write('k2.json', [
      { id: 'A', title: 'Travel kit for lenses', description: 'Case, solution, spare pair.' },
      { id: 'B', title: 'Lenses on long flights', description: 'Dry cabin air and lenses.' },
    ]);
    const asked = write('n2.json', [
      { id: 'N1', text: 'What to pack for lenses on a long flight?', language: 'en' },
      { id: 'N2', text: 'Packing lenses for a flight abroad', language: 'en' },
    ]);
    const plain = cli(['match', '--knowledge', items, '--needs', asked]);
    expect(JSON.parse(plain.stdout).N2).toEqual(['B', 'A']);
    const decisions = write('d.json', [{ need: 'N1', item: 'A', decision: 'accepted' }]);
    const learned = cli([
      'match',
      '--knowledge',
      items,
      '--needs',
      asked,
      '--decisions',
      decisions,
    ]);
    expect(learned.status).toBe(0);
    expect(JSON.parse(learned.stdout).N2).toEqual(['A', 'B']);
    const unknown = write('d2.json', [{ need: 'X', item: 'A', decision: 'accepted' }]);
    const refused = cli(['match', '--knowledge', items, '--needs', asked, '--decisions', unknown]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('need X');
    const bad = write('d3.json', [{ need: 'N1', item: 'A', decision: 'maybe' }]);
    expect(cli(['match', '--knowledge', items, '--needs', asked, '--decisions', bad]).status).toBe(
      2,
    );
  });
  it('exits 2 with a clear message on bad files', () => {
    const bad = cli([
      'match',
      '--knowledge',
      write('bad.json', { not: 'an array' }),
      '--needs',
      needs,
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('must be an array');
    expect(cli(['match', '--knowledge', write('broken.json', '[{'), '--needs', needs]).status).toBe(
      2,
    );
    expect(cli(['match', '--knowledge', knowledge]).status).toBe(2);
  });
});

describe('disclosure command', () => {
  const rules = write('rules.json', {
    rules: [{ id: 'R1', severity: 'block', kind: 'term', patterns: ['Umsatz'] }],
  });
  it('decides a text from standard input, exiting 1 when blocked', () => {
    const r = cli(['disclosure', 'check', '--rules', rules], 'Der Jahresumsatz');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      decision: 'block',
      findings: [{ ruleId: 'R1', severity: 'block', start: 10, end: 16, excerpt: 'umsatz' }],
    });
  });
  it('decides JSON lines, one result per line', () => {
    const r = cli(
      ['disclosure', 'check', '--rules', rules, '--jsonl'],
      '{"id":"a","text":"ok"}\n{"id":"b","text":"Umsatz"}\n',
    );
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).decision),
    ).toEqual(['allow', 'block']);
  });
  it('exits 2 on a bad rule set', () => {
    expect(
      cli(
        [
          'disclosure',
          'check',
          '--rules',
          write('r2.json', {
            rules: [{ id: 'X', severity: 'block', kind: 'regex', patterns: ['(a'] }],
          }),
        ],
        'x',
      ).status,
    ).toBe(2);
  });
});

describe('the bundle', () => {
  const rules = write('bundle-rules.json', {
    rules: [{ id: 'R1', severity: 'block', kind: 'phrase', patterns: ['Projekt Falke'] }],
  });

  it('is run, and rebuilt when a source file changes', () => {
    // a copy of the sources, so that the test changes neither the checkout nor its bundle
    const root = path.join(tmp, 'copy');
    fs.mkdirSync(root);
    fs.cpSync('app', path.join(root, 'app'), { recursive: true, preserveTimestamps: true });
    for (const file of ['package.json', 'tsconfig.json'])
      fs.copyFileSync(file, path.join(root, file));
    fs.symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'));
    const run = (args: string[]) =>
      spawnSync(process.execPath, [path.join(root, 'app/cli/run.mjs'), ...args], {
        encoding: 'utf8',
        timeout: 60_000,
      });
    const bundles = () => fs.readdirSync(path.join(root, '.cache', 'cli'));

    const first = run(['help']);
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/^usage: npm run --silent cli/);
    expect(bundles()).toHaveLength(1);
    // what runs is the bundle: a change made to it shows
    const bundle = path.join(root, '.cache', 'cli', bundles()[0]!, 'main.cjs');
    fs.rmSync(`${bundle}.v8cache`, { force: true });
    fs.writeFileSync(bundle, fs.readFileSync(bundle, 'utf8').replace('usage:', 'bundled usage:'));
    expect(run(['help']).stderr).toMatch(/^bundled usage:/);
    // a source file newer than the bundle: rebuilt from the sources
    const source = path.join(root, 'app', 'cli', 'common.ts');
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(source, later, later);
    expect(run(['help']).stderr).toMatch(/^usage:/);
    expect(bundles()).toHaveLength(2);
    // and it still decides texts
    const check = run([
      'disclosure',
      'check',
      '--rules',
      rules,
      '--text',
      write('t.txt', 'Projekt Falke'),
    ]);
    expect(check.status).toBe(1);
    expect(JSON.parse(check.stdout).decision).toBe('block');
  });

  it('checks texts without the database: no DATABASE_URL, Prisma never loaded', () => {
    // prints, at exit, every CommonJS module the process loaded (the bundle requires its
    // external packages, Prisma's among them)
    const probe = write(
      'probe.cjs',
      "process.on('exit', () => process.stderr.write('loaded: ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));",
    );
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--require ${probe}` };
    delete env.DATABASE_URL;
    const r = cli(['disclosure', 'check', '--rules', rules], 'Intern: Projekt Falke.', env);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).findings).toHaveLength(1);
    const loaded = JSON.parse(/^loaded: (.*)$/m.exec(r.stderr)![1]!) as string[];
    expect(loaded).toContain(probe);
    expect(loaded.filter((file) => /prisma|better-sqlite3|argon2/.test(file))).toEqual([]);
  });
});
