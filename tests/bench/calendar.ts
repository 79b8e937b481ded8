// The calendar month view's server time (its loader, as a request runs it) with 5,000 pieces.
import { performance } from 'node:perf_hooks';
import { freshDatabase, measure } from './support';

const PIECES = Number(process.env.BENCH_PIECES ?? 5_000);
const RUNS = 30;
const removeDatabase = freshDatabase('calendar');

const { prisma } = await import('~/utils/db.server');
const { ensureReferenceData } = await import('../../seeds/reference');
const { createSession } = await import('~/utils/session.server');
const { loader } = await import('~/routes/calendar._index');
const { CHANNELS, PIECE_STATUSES } = await import('~/domain/calendar/vocabulary');

await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
await ensureReferenceData(prisma);
const editor = await prisma.user.create({
  data: {
    email: 'editor@bench.test',
    name: 'Editor',
    passwordHash: 'x',
    roles: { create: [{ role: 'editor' }] },
  },
});
const experts = await Promise.all(
  Array.from({ length: 30 }, (_, i) =>
    prisma.user.create({
      data: {
        email: `e${i}@bench.test`,
        name: `Expert ${i}`,
        passwordHash: 'x',
        expertProfile: { create: { department: 'D' } },
      },
    }),
  ),
);
const audiences = await Promise.all(
  Array.from({ length: 5 }, (_, i) => prisma.audience.create({ data: { name: `Audience ${i}` } })),
);
// 5,000 pieces spread over two years around the benchmark month, 10% without a date
const start = new Date('2026-01-01T08:00:00Z').getTime();
const t0 = performance.now();
await prisma.$transaction(
  async (tx) => {
    for (let i = 0; i < PIECES; i++) {
      await tx.contentPiece.create({
        data: {
          channel: CHANNELS[i % 4]!,
          title: `Piece ${i}`,
          status: PIECE_STATUSES[i % 7]!,
          publishAt: i % 10 === 0 ? null : new Date(start + ((i * 7919) % 730) * 86_400_000),
          ownerId: editor.id,
          experts: { create: [{ userId: experts[i % experts.length]!.id }] },
          audiences: { create: [{ audienceId: audiences[i % audiences.length]!.id }] },
        },
      });
    }
  },
  { timeout: 600_000 },
);
console.log(`filled ${PIECES} pieces in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const cookie = (await createSession(editor.id, new Request('http://bench.test/'))).split(';')[0]!;
const views = [
  '/calendar?date=2026-11-15',
  '/calendar?view=week&date=2026-11-15',
  '/calendar?view=agenda&date=2026-11-15',
];
console.log(
  `\n${`view (loader, ${PIECES} pieces)`.padEnd(44)} ${'median'.padStart(9)} ${'p95'.padStart(9)}   target`,
);
for (const url of views) {
  const run = () =>
    loader({
      request: new Request(`http://bench.test${url}`, { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    });
  const { median, p95 } = await measure(run, RUNS);
  console.log(
    `${url.padEnd(44)} ${median.toFixed(1).padStart(7)} ms ${p95.toFixed(1).padStart(7)} ms   < 100 ms`,
  );
}
// re-checking every unpublished piece after a rule change (what saving a rule does)
const { recheckPieces } = await import('~/models/disclosure.server');
await prisma.disclosureRule.create({
  data: {
    key: 'R-B',
    name: 'Bench',
    severity: 'block',
    kind: 'term',
    patterns: JSON.stringify(['Piece 42']),
  },
});
const r0 = performance.now();
const recheck = await recheckPieces({ actorId: editor.id });
console.log(
  `\nre-check after a rule change: ${recheck.checked} unpublished pieces in ${((performance.now() - r0) / 1000).toFixed(2)} s (${recheck.movedBack} moved back)   target < 10 s for 10,000`,
);
await prisma.$disconnect();
removeDatabase();
