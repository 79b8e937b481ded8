import { beforeAll, describe, expect, it } from 'vitest';
import { getImportBatch, startImport } from '~/models/knowledge-import.server';
import { createUser } from '~/models/user.server';
import { prisma } from '~/utils/db.server';
import { ensureReferenceData } from '../../seeds/reference';
import { knowledgeRows } from '../support/knowledge-rows';

/**
 * Big knowledge imports are checked in slices and staged in batches with other requests served in
 * between, then switched in at once — so they stay all or nothing. (That a 10,000-row import
 * leaves /healthz answering within 200 ms is checked in tests/timing/, where no other test file
 * competes for the cores.)
 */

let editor: { id: string };

beforeAll(async () => {
  await ensureReferenceData(prisma);
  editor = await createUser({
    email: 'importer@big.test',
    name: 'Ines Import',
    password: 'a-long-password-1',
    roles: ['editor'],
  });
});

describe('a big import', () => {
  it('shows its progress, and readers never see half of it', async () => {
    const content = JSON.stringify(knowledgeRows(2_000, 'half'));
    const started = await startImport({ name: 'half.json', content, importer: editor });
    if (!started.ok) throw new Error('refused');
    const seen = new Set<number>();
    let batch = await getImportBatch(started.batchId, editor);
    while (batch && (batch.status === 'staging' || batch.status === 'switching')) {
      seen.add(
        await prisma.knowledgeItem.count({ where: { externalId: { startsWith: 'half-' } } }),
      );
      await new Promise((resolve) => setTimeout(resolve, 5));
      batch = await getImportBatch(started.batchId, editor);
    }
    expect(await started.done).toEqual({ ok: true, created: 0 + 2_000, updated: 0 });
    seen.add(await prisma.knowledgeItem.count({ where: { externalId: { startsWith: 'half-' } } }));
    // all or nothing: no reader saw a part of the file
    expect([...seen].every((n) => n === 0 || n === 2_000)).toBe(true);
    expect(batch).toMatchObject({ status: 'done', totalRows: 2_000, stagedRows: 2_000 });
    // someone else's import is not theirs to watch
    expect(await getImportBatch(started.batchId, { id: 'someone-else' })).toBeNull();
  }, 60_000);

  it('writes nothing when the switch fails, and says why', async () => {
    // a row whose id someone else imports between the check and the switch
    const content = JSON.stringify(knowledgeRows(1_200, 'race'));
    const started = await startImport({ name: 'race.json', content, importer: editor });
    if (!started.ok) throw new Error('refused');
    // once staging has begun, the import has decided which ids are new
    while (((await getImportBatch(started.batchId, editor))?.stagedRows ?? 0) === 0)
      await new Promise((resolve) => setTimeout(resolve, 2));
    await prisma.knowledgeItem.create({
      data: {
        externalId: 'race-1100',
        title: 'Imported elsewhere',
        summary: '',
        kind: 'study',
        language: 'de',
        department: '',
        ownerId: editor.id,
      },
    });
    expect(await started.done).toEqual({ ok: false, error: 'import.changedMeanwhile' });
    expect(
      await prisma.knowledgeItem.count({ where: { externalId: { startsWith: 'race-' } } }),
    ).toBe(1);
    expect(await prisma.importStagedItem.count()).toBe(0);
    expect(await getImportBatch(started.batchId, editor)).toMatchObject({
      status: 'failed',
      error: 'import.changedMeanwhile',
    });
  }, 60_000);
});
