// The patch to @prisma/client (patches/, applied by `postinstall`): the query compiler keeps the
// plans it made, by the query's JSON, so a query the server ran before is not compiled again
// (compiling took about a fifth of a page's CPU time). What must hold with it: values made when a
// query runs (ids, timestamps) are made anew each time, and no caller can change a kept plan.
import { describe, expect, it } from 'vitest';
import { QueryCompiler } from '@prisma/client/runtime/query_compiler_bg.sqlite.mjs';
import { prisma } from '~/utils/db.server';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('kept query plans', () => {
  it('a kept plan is handed out as a copy that its caller may change', () => {
    type Kept = { __lotsePlans?: Map<string, unknown> };
    const compiler = Object.create(QueryCompiler.prototype) as Kept & {
      compile(query: string): unknown;
    };
    const plan = { type: 'query', args: { sql: 'SELECT 1', params: [] } };
    compiler.__lotsePlans = new Map([['{"q":1}', plan]]);
    const first = compiler.compile('{"q":1}') as typeof plan;
    expect(first).toEqual(plan);
    expect(first).not.toBe(plan);
    first.args.params.push(1 as never);
    expect(compiler.compile('{"q":1}')).toEqual({
      type: 'query',
      args: { sql: 'SELECT 1', params: [] },
    });
  });

  it('the same create twice makes two records with their own ids and times', async () => {
    const data = { email: 'same@example.com', name: 'Same', passwordHash: 'x' };
    const first = await prisma.user.create({ data, select: { id: true, createdAt: true } });
    await prisma.user.delete({ where: { id: first.id } });
    await sleep(20);
    const second = await prisma.user.create({ data, select: { id: true, createdAt: true } });
    expect(second.id).not.toBe(first.id);
    expect(second.createdAt.getTime()).toBeGreaterThan(first.createdAt.getTime());
  });

  it('changing a result does not change the next answer to the same query', async () => {
    for (const name of ['Ada', 'Bea', 'Cem'])
      await prisma.audience.create({ data: { name: `Plan cache ${name}` } });
    const query = () =>
      prisma.audience.findMany({
        where: { name: { startsWith: 'Plan cache' } },
        orderBy: { name: 'desc' },
        select: { name: true },
      });
    const first = await query();
    first.reverse();
    first[0]!.name = 'changed';
    expect((await query()).map((a) => a.name)).toEqual([
      'Plan cache Cem',
      'Plan cache Bea',
      'Plan cache Ada',
    ]);
  });
});
