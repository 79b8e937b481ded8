// The results import page's action against its models: what each intent answers (the route–model
// contract the page relies on), with the demo workspace's blog.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '~/utils/db.server';
import { call, setUpDemoWorkspace } from './route-harness';

const ROUTE = 'routes/results.import';
const SLUG = 'die-fuenf-haeufigsten-pflegefehler-und-wie-sie-sie-vermeiden';

// only published pieces take results, from their publication day on: the blog piece the files
// name is published before the periods they give
const publishBlogPiece = () =>
  prisma.contentPiece.updateMany({
    where: { slug: SLUG },
    data: { status: 'published', publishAt: new Date('2026-09-15T08:00:00Z') },
  });

beforeAll(async () => {
  await setUpDemoWorkspace();
  await publishBlogPiece();
}, 60_000);
const file = (value: string) =>
  `date,url,metric,value\n2026-10-01,https://klarblick.example/blog/${SLUG},visitors,${value}\n2026-10-01,https://klarblick.example/impressum,visitors,3\n`;

describe('the results import page', () => {
  it('refuses a file with problems, answering the preview with every problem', async () => {
    const before = await prisma.metricObservation.count();
    const answer = await call(ROUTE, 'POST', 'editor', {
      form: { intent: 'commit', name: 'bad.csv', content: file('lots') },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      ok: false,
      intent: 'commit',
      problem: 'hasProblems',
      detail: {
        preview: {
          rows: 2,
          matched: 1,
          unmatched: [{ row: 2, label: 'https://klarblick.example/impressum' }],
          problems: [{ row: 1, column: 'value', code: 'notANumber' }],
        },
      },
    });
    expect(await prisma.metricObservation.count()).toBe(before);
  });

  it('imports, lists and undoes an import', async () => {
    const committed = await call(ROUTE, 'POST', 'editor', {
      form: { intent: 'commit', name: 'good.csv', content: file('42') },
    });
    expect(committed.status).toBe(302);
    const id = new URL(committed.location!, 'http://x').searchParams.get('imported')!;
    expect(await prisma.metricObservation.count({ where: { importId: id } })).toBe(1);
    const page = await call(ROUTE, 'GET', 'editor');
    const listed = (page.body as { imports: { id: string; version: number }[] }).imports;
    expect(listed.map((i) => i.id)).toContain(id);

    const undo = { intent: 'undo', id, expectedVersion: '1' };
    expect((await call(ROUTE, 'POST', 'editor', { form: undo })).status).toBe(302);
    expect(await prisma.metricObservation.count({ where: { importId: id } })).toBe(0);
    expect(await call(ROUTE, 'POST', 'editor', { form: undo })).toMatchObject({
      status: 409,
      body: { problem: 'alreadyUndone' },
    });
  });

  it('answers a form without a file, or with half a period, with its message', async () => {
    expect(await call(ROUTE, 'POST', 'editor', { form: { intent: 'preview' } })).toMatchObject({
      status: 400,
      body: { problem: 'noFile' },
    });
    expect(
      await call(ROUTE, 'POST', 'editor', {
        form: { intent: 'preview', from: '2026-10-01' },
      }),
    ).toMatchObject({
      status: 400,
      body: { errors: { to: { key: 'results.import.periodBoth' } } },
    });
    expect(
      await call(ROUTE, 'POST', 'editor', {
        form: { intent: 'commit', name: 'x.csv', content: 'title,summary\na,b\n' },
      }),
    ).toMatchObject({
      status: 400,
      body: { problem: 'file', detail: { file: { code: 'unknownFormat' } } },
    });
  });
});
