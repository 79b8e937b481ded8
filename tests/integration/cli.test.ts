import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = (args: string[], input?: string) =>
  spawnSync(path.resolve('node_modules/.bin/tsx'), ['app/cli/main.ts', ...args], {
    input,
    encoding: 'utf8',
    env: process.env,
    timeout: 60_000,
  });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-cli-'));
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
