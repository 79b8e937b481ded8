// `npm run bench`: the inventory table's server-side queries on 10,000 knowledge items.
// Creates a fresh SQLite file, fills it, and reports the median and p95 of each query.
import { performance } from 'node:perf_hooks';
import { freshDatabase, measure } from './support';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const RUNS = 30;
const removeDatabase = freshDatabase('inventory');

const { prisma } = await import('~/utils/db.server');
const { queryInventory, inventoryFacets } = await import('~/models/knowledge.server');
const { DEFAULT_QUERY } = await import('~/domain/knowledge/inventory-query');
const { KNOWLEDGE_KINDS } = await import('~/domain/knowledge/vocabulary');

await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
const experts = await Promise.all(
  Array.from({ length: 50 }, (_, i) =>
    prisma.user.create({
      data: {
        email: `e${i}@bench.test`,
        name: `Expert ${String(i).padStart(2, '0')}`,
        passwordHash: 'x',
      },
    }),
  ),
);
const tags = await Promise.all(
  Array.from({ length: 200 }, (_, i) => prisma.tag.create({ data: { name: `tag-${i}` } })),
);
const statuses = ['accepted', 'accepted', 'accepted', 'submitted', 'draft', 'archived'];
const words =
  'Pflege Linse Auge trocken Studie Analyse Versand Kunde care lens study shipping survey comfort myopia'.split(
    ' ',
  );
const started = performance.now();
await prisma.$transaction(
  async (tx) => {
    for (let i = 0; i < ITEMS; i++) {
      await tx.knowledgeItem.create({
        data: {
          title: `${words[i % words.length]} ${words[(i * 7) % words.length]} ${i}`,
          summary: `Summary ${i} about ${words[(i * 3) % words.length]}`,
          kind: KNOWLEDGE_KINDS[i % KNOWLEDGE_KINDS.length]!,
          language: i % 2 ? 'de' : 'en',
          department: `Dept ${i % 12}`,
          ownerId: experts[i % experts.length]!.id,
          status: statuses[i % statuses.length]!,
          tags: {
            create: [
              { tagId: tags[i % tags.length]!.id },
              { tagId: tags[(i * 13) % tags.length]!.id },
            ].filter((t, j, a) => a.findIndex((x) => x.tagId === t.tagId) === j),
          },
        },
      });
    }
  },
  { timeout: 600_000 },
);
console.log(`filled ${ITEMS} items in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const editor = { id: experts[0]!.id, roles: ['editor'] };
const expert = { id: experts[1]!.id, roles: ['expert'] };
const cases: [string, () => Promise<unknown>][] = [
  [
    'first page, newest first (editor)',
    () => queryInventory({ viewer: editor, query: DEFAULT_QUERY }),
  ],
  [
    'first page (expert: own + accepted)',
    () => queryInventory({ viewer: expert, query: DEFAULT_QUERY }),
  ],
  [
    'search "lens"',
    () => queryInventory({ viewer: editor, query: { ...DEFAULT_QUERY, q: 'lens' } }),
  ],
  [
    'filter kind+language+status',
    () =>
      queryInventory({
        viewer: editor,
        query: { ...DEFAULT_QUERY, kind: ['study'], language: ['de'], status: ['accepted'] },
      }),
  ],
  [
    'filter tag',
    () => queryInventory({ viewer: editor, query: { ...DEFAULT_QUERY, tag: 'tag-7' } }),
  ],
  [
    'sort by expert, page 80 (100 rows a page)',
    () =>
      queryInventory({
        viewer: editor,
        query: { ...DEFAULT_QUERY, sort: 'expert', dir: 'asc', size: 100, page: 80 },
      }),
  ],
  [
    'sort by title, last page',
    () =>
      queryInventory({
        viewer: editor,
        query: { ...DEFAULT_QUERY, sort: 'title', dir: 'asc', page: 400 },
      }),
  ],
  ['filter choices (facets)', () => inventoryFacets({ viewer: editor })],
];
console.log(`\n${'query'.padEnd(42)} ${'median'.padStart(9)} ${'p95'.padStart(9)}`);
for (const [name, run] of cases) {
  const { median, p95 } = await measure(run, RUNS);
  console.log(
    `${name.padEnd(42)} ${median.toFixed(1).padStart(7)} ms ${p95.toFixed(1).padStart(7)} ms`,
  );
}
await prisma.$disconnect();
removeDatabase();
