import Papa from 'papaparse';
import { z } from 'zod';
import { suggestLanguage } from '~/domain/knowledge/language';
import { MAX_TAG_LENGTH, MAX_TAGS, parseTags } from '~/domain/knowledge/tags';
import { CONTENT_LANGUAGES, KNOWLEDGE_KINDS } from '~/domain/knowledge/vocabulary';
import { Prisma } from '~/generated/prisma/client';
import { newId, yieldToOthers } from '~/utils/background.server';
import { prisma } from '~/utils/db.server';
import { isUniqueViolation } from '~/utils/db-errors.server';
import type { SessionUser } from '~/utils/session.server';
import { recordAudit } from './audit.server';

/**
 * Import of knowledge items from CSV or JSON in the exchange format (the same the matching
 * command reads): `id` (external id, kept for re-imports), `title`, `description`, `tags`, and
 * optional `language`, `kind`, `department`, `expert` (name or email). A dry run reports every
 * row's problems; the commit writes all rows or none.
 */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;

export type RowError = { field: string; key: string; values?: Record<string, string | number> };
export type PreviewRow = {
  row: number;
  id: string;
  title: string;
  action: 'create' | 'update';
  errors: RowError[];
};
export type ImportPreview = {
  format: 'csv' | 'json';
  rows: PreviewRow[];
  fileError: RowError | null;
};

const text = (max: number) => z.string().trim().max(max, 'import.tooLong');
const RowSchema = z.object({
  id: z
    .union([z.string(), z.number()])
    .transform(String)
    .pipe(z.string().trim().min(1, 'import.required').max(200, 'import.tooLong')),
  title: text(300).pipe(z.string().min(1, 'import.required')),
  description: text(20_000).default(''),
  tags: z
    .array(z.string().max(MAX_TAG_LENGTH, 'import.tagTooLong'), 'import.tagsList')
    .max(MAX_TAGS, 'import.tooManyTags')
    .default([]),
  language: z.enum(CONTENT_LANGUAGES, 'import.language').optional(),
  kind: z.enum(KNOWLEDGE_KINDS, 'import.kind').optional(),
  department: text(120).optional(),
  expert: text(320).optional(),
});
type Row = z.infer<typeof RowSchema>;

/** Reads the file as JSON or CSV into plain objects; a broken file is one error, not a crash. */
export function parseImportFile(
  name: string,
  content: string,
): { format: 'csv' | 'json'; records: unknown[] } | { error: RowError } {
  if (content.length > MAX_IMPORT_BYTES)
    return { error: { field: 'file', key: 'import.fileTooLarge' } };
  const trimmed = content.replace(/^\uFEFF/, '').trim();
  const looksJson =
    name.toLowerCase().endsWith('.json') || trimmed.startsWith('[') || trimmed.startsWith('{');
  if (looksJson) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch {
      return { error: { field: 'file', key: 'import.invalidJson' } };
    }
    if (!Array.isArray(data)) return { error: { field: 'file', key: 'import.notAnArray' } };
    if (data.length > MAX_IMPORT_ROWS)
      return {
        error: { field: 'file', key: 'import.tooManyRows', values: { max: MAX_IMPORT_ROWS } },
      };
    return { format: 'json', records: data };
  }
  const parsed = Papa.parse<Record<string, string>>(trimmed, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  if (!parsed.meta.fields?.includes('id') || !parsed.meta.fields.includes('title')) {
    return { error: { field: 'file', key: 'import.csvHeader' } };
  }
  if (parsed.data.length > MAX_IMPORT_ROWS)
    return {
      error: { field: 'file', key: 'import.tooManyRows', values: { max: MAX_IMPORT_ROWS } },
    };
  const records = parsed.data.map((r) => ({
    ...Object.fromEntries(Object.entries(r).filter(([, v]) => v !== '')),
    tags: (r.tags ?? '')
      .split(/[;,]/)
      .map((t) => t.trim())
      .filter(Boolean),
  }));
  return { format: 'csv', records };
}

type Resolved = { row: Row; ownerId: string; department: string };

async function validate(records: unknown[], importer: Pick<SessionUser, 'id'>) {
  const experts = await prisma.user.findMany({
    where: { active: true },
    select: { id: true, name: true, email: true, expertProfile: { select: { department: true } } },
  });
  const byKey = new Map<string, (typeof experts)[number]>();
  for (const e of experts) {
    byKey.set(e.email.toLowerCase(), e);
    byKey.set(e.name.toLowerCase(), e);
  }
  const parsedIds = records.map((r) =>
    r && typeof r === 'object' && 'id' in r ? String((r as { id: unknown }).id).trim() : '',
  );
  // the items known by these ids (external id → item id), which the rows update; in slices:
  // one query with 10,000 parameters takes the event loop long enough to be felt
  const existing = new Map<string, string>();
  const wanted = parsedIds.filter(Boolean);
  for (let i = 0; i < wanted.length; i += 500) {
    for (const item of await prisma.knowledgeItem.findMany({
      where: { externalId: { in: wanted.slice(i, i + 500) } },
      select: { id: true, externalId: true },
    }))
      existing.set(item.externalId as string, item.id);
    await yieldToOthers();
  }
  const seen = new Map<string, number>();
  const rows: PreviewRow[] = [];
  const resolved: Resolved[] = [];
  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    // a long file is checked in slices, with other requests served in between
    if (index % 200 === 199) await yieldToOthers();
    const errors: RowError[] = [];
    const result = RowSchema.safeParse(
      record && typeof record === 'object' && !Array.isArray(record) ? record : {},
    );
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? 'row');
        if (!errors.some((e) => e.field === field)) {
          errors.push({
            field,
            key: issue.message.startsWith('import.') ? issue.message : 'import.invalid',
          });
        }
      }
    }
    const id = parsedIds[index] ?? '';
    if (id) {
      const first = seen.get(id);
      if (first !== undefined)
        errors.push({ field: 'id', key: 'import.duplicateId', values: { row: first } });
      else seen.set(id, index + 1);
    }
    let ownerId = importer.id;
    let department = '';
    if (result.success) {
      const { expert } = result.data;
      if (expert) {
        const found = byKey.get(expert.toLowerCase());
        if (!found)
          errors.push({ field: 'expert', key: 'import.unknownExpert', values: { expert } });
        else {
          ownerId = found.id;
          department = found.expertProfile?.department ?? '';
        }
      }
      const tagsTooMany = parseTags(result.data.tags).length > MAX_TAGS;
      if (tagsTooMany) errors.push({ field: 'tags', key: 'import.tooManyTags' });
      if (!errors.length)
        resolved.push({
          row: result.data,
          ownerId,
          department: result.data.department || department,
        });
    }
    const title =
      record && typeof record === 'object' && 'title' in record
        ? String((record as { title: unknown }).title).slice(0, 120)
        : '';
    rows.push({
      row: index + 1,
      id,
      title,
      action: existing.has(id) ? 'update' : 'create',
      errors,
    });
  }
  return { rows, resolved, existing };
}

/** The dry run: what would happen to each row, and every row's problems. Writes nothing. */
export async function previewImport({
  name,
  content,
  importer,
}: {
  name: string;
  content: string;
  importer: Pick<SessionUser, 'id'>;
}): Promise<ImportPreview> {
  const parsed = parseImportFile(name, content);
  if ('error' in parsed) return { format: 'json', rows: [], fileError: parsed.error };
  const { rows } = await validate(parsed.records, importer);
  return {
    format: parsed.format,
    rows,
    fileError: parsed.records.length ? null : { field: 'file', key: 'import.empty' },
  };
}

/** Rows staged per write: each batch is one short transaction. */
const STAGE_BATCH = 100;
/** An import that has not moved for this long was abandoned (its process stopped). */
const ABANDONED_AFTER_MS = 5 * 60_000;

export type ImportOutcome =
  { ok: true; created: number; updated: number } | { ok: false; error: string };

/** The state of an import, as its progress page shows it. */
export async function getImportBatch(id: string, viewer: Pick<SessionUser, 'id'>) {
  const batch = await prisma.importBatch.findFirst({
    where: { id, actorId: viewer.id },
    select: {
      id: true,
      fileName: true,
      status: true,
      totalRows: true,
      stagedRows: true,
      created: true,
      updated: true,
      error: true,
      updatedAt: true,
    },
  });
  if (batch && isAbandoned(batch)) {
    await abandon(batch.id);
    return { ...batch, status: 'failed', error: 'import.abandoned' };
  }
  return batch;
}

const isAbandoned = (b: { status: string; updatedAt: Date }) =>
  (b.status === 'staging' || b.status === 'switching') &&
  Date.now() - b.updatedAt.getTime() > ABANDONED_AFTER_MS;

async function abandon(id: string) {
  await prisma.$transaction([
    prisma.importStagedTag.deleteMany({ where: { batchId: id } }),
    prisma.importStagedItem.deleteMany({ where: { batchId: id } }),
    prisma.importBatch.updateMany({
      where: { id, status: { in: ['staging', 'switching'] } },
      data: { status: 'failed', error: 'import.abandoned', finishedAt: new Date() },
    }),
  ]);
}

/** Imports whose process stopped half-way are marked failed and their staged rows removed. */
async function cleanUpAbandonedImports() {
  const stale = await prisma.importBatch.findMany({
    where: {
      status: { in: ['staging', 'switching'] },
      updatedAt: { lt: new Date(Date.now() - ABANDONED_AFTER_MS) },
    },
    select: { id: true },
  });
  for (const { id } of stale) await abandon(id);
}

/**
 * Starts an import: the file is checked again (the preview is never trusted), then, when every
 * row is valid, its rows are staged in the background and switched in at once. Answers at once
 * with the batch, whose progress the import page shows; `done` settles when it has finished.
 */
export async function startImport({
  name,
  content,
  importer,
}: {
  name: string;
  content: string;
  importer: Pick<SessionUser, 'id'>;
}): Promise<
  | { ok: false; preview: ImportPreview }
  | { ok: true; batchId: string; done: Promise<ImportOutcome> }
> {
  const parsed = parseImportFile(name, content);
  if ('error' in parsed)
    return { ok: false, preview: { format: 'json', rows: [], fileError: parsed.error } };
  const { rows, resolved, existing } = await validate(parsed.records, importer);
  if (!rows.length || rows.some((r) => r.errors.length)) {
    return {
      ok: false,
      preview: {
        format: parsed.format,
        rows,
        fileError: rows.length ? null : { field: 'file', key: 'import.empty' },
      },
    };
  }
  await cleanUpAbandonedImports();
  const batch = await prisma.importBatch.create({
    data: {
      kind: 'knowledge',
      fileName: name.slice(0, 200),
      actorId: importer.id,
      totalRows: rows.length,
    },
    select: { id: true },
  });
  const done = runImport(batch.id, resolved, existing, importer, name);
  return { ok: true, batchId: batch.id, done };
}

/** Starts an import and waits for it: every row written, or none. */
export async function commitImport(args: {
  name: string;
  content: string;
  importer: Pick<SessionUser, 'id'>;
}) {
  const started = await startImport(args);
  if (!started.ok) return started;
  const outcome = await started.done;
  if (!outcome.ok) throw new Error(`the import failed: ${outcome.error}`);
  return outcome;
}

async function runImport(
  batchId: string,
  resolved: readonly Resolved[],
  /** the items the file's ids already name, as its check found them (external id → item id) */
  existing: ReadonlyMap<string, string>,
  importer: Pick<SessionUser, 'id'>,
  name: string,
): Promise<ImportOutcome> {
  try {
    // 1. staging: validated rows into the staging tables, a batch per short transaction. An id
    // someone imports between the check and the switch makes the switch fail (unique external
    // ids): nothing is written then.
    const tagIds = new Map<string, string>();
    for (let i = 0; i < resolved.length; i += STAGE_BATCH) {
      const stagedAt = new Date();
      const items = [];
      const tags = [];
      for (const [k, { row, ownerId, department }] of resolved
        .slice(i, i + STAGE_BATCH)
        .entries()) {
        const known = existing.get(row.id);
        const itemId = known ?? newId();
        items.push({
          batchId,
          row: i + k + 1,
          itemId,
          isNew: !known,
          transitionId: newId(),
          externalId: row.id,
          title: row.title,
          summary: row.description,
          kind: row.kind ?? 'expertise',
          language: row.language ?? suggestLanguage(`${row.title} ${row.description}`) ?? 'en',
          department,
          ownerId,
          stagedAt,
        });
        for (const tag of new Set(parseTags(row.tags))) {
          if (!tagIds.has(tag)) tagIds.set(tag, newId());
          tags.push({ batchId, itemId, name: tag, tagId: tagIds.get(tag) as string });
        }
      }
      // plain multi-row INSERTs: Prisma's createMany plans every row's parameters on the event
      // loop, several times slower for a batch this size
      const itemRows = items.map(
        (x) =>
          Prisma.sql`(${x.batchId}, ${x.row}, ${x.itemId}, ${x.isNew}, ${x.transitionId}, ${x.externalId}, ${x.title}, ${x.summary}, ${x.kind}, ${x.language}, ${x.department}, ${x.ownerId}, ${x.stagedAt})`,
      );
      const tagRows = tags.map(
        (x) => Prisma.sql`(${x.batchId}, ${x.itemId}, ${x.name}, ${x.tagId})`,
      );
      await prisma.$transaction([
        prisma.$executeRaw`
          INSERT INTO "ImportStagedItem" ("batchId", "row", "itemId", "isNew", "transitionId",
            "externalId", "title", "summary", "kind", "language", "department", "ownerId",
            "stagedAt")
          VALUES ${Prisma.join(itemRows)}`,
        ...(tagRows.length
          ? [
              prisma.$executeRaw`
                INSERT INTO "ImportStagedTag" ("batchId", "itemId", "name", "tagId")
                VALUES ${Prisma.join(tagRows)}`,
            ]
          : []),
        prisma.importBatch.update({
          where: { id: batchId },
          data: { stagedRows: { increment: items.length } },
        }),
      ]);
      await yieldToOthers();
    }
    await prisma.importBatch.update({ where: { id: batchId }, data: { status: 'switching' } });

    // 2. the switch: a few set-based statements in one transaction, so the inventory gets all rows
    // or none, and the writer is held for milliseconds rather than for one statement per row. On
    // SQLite the driver runs each statement synchronously: between statements the event loop is
    // let go, so other requests are answered during the switch too.
    const counts = await prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`
          INSERT INTO "Tag" ("id", "name")
          SELECT MIN(s."tagId"), s."name" FROM "ImportStagedTag" s
          WHERE s."batchId" = ${batchId}
            AND NOT EXISTS (SELECT 1 FROM "Tag" t WHERE t."name" = s."name")
          GROUP BY s."name"`;
        await yieldToOthers();
        const created = await tx.$executeRaw`
          INSERT INTO "KnowledgeItem" ("id", "externalId", "title", "summary", "details", "kind",
            "language", "department", "ownerId", "status", "links", "version", "createdAt",
            "updatedAt", "submittedAt", "acceptedAt")
          SELECT "itemId", "externalId", "title", "summary", '', "kind", "language", "department",
            "ownerId", 'accepted', '[]', 1, "stagedAt", "stagedAt", "stagedAt", "stagedAt"
          FROM "ImportStagedItem" WHERE "batchId" = ${batchId} AND "isNew" = true`;
        await yieldToOthers();
        const updated = await tx.$executeRaw`
          UPDATE "KnowledgeItem" SET "title" = s."title", "summary" = s."summary",
            "kind" = s."kind", "language" = s."language", "department" = s."department",
            "ownerId" = s."ownerId", "version" = "KnowledgeItem"."version" + 1,
            "updatedAt" = s."stagedAt"
          FROM "ImportStagedItem" s
          WHERE s."batchId" = ${batchId} AND s."isNew" = false AND s."itemId" = "KnowledgeItem"."id"`;
        await yieldToOthers();
        await tx.$executeRaw`
          DELETE FROM "KnowledgeItemTag" WHERE "knowledgeItemId" IN (
            SELECT "itemId" FROM "ImportStagedItem" WHERE "batchId" = ${batchId} AND "isNew" = false)`;
        await yieldToOthers();
        await tx.$executeRaw`
          INSERT INTO "KnowledgeItemTag" ("knowledgeItemId", "tagId")
          SELECT DISTINCT s."itemId", t."id" FROM "ImportStagedTag" s
          JOIN "Tag" t ON t."name" = s."name"
          WHERE s."batchId" = ${batchId}`;
        await yieldToOthers();
        await tx.$executeRaw`
          INSERT INTO "KnowledgeTransition" ("id", "knowledgeItemId", "fromStatus", "toStatus",
            "actorId", "comment", "createdAt")
          SELECT "transitionId", "itemId", NULL, 'accepted', ${importer.id}, 'import', "stagedAt"
          FROM "ImportStagedItem" WHERE "batchId" = ${batchId} AND "isNew" = true`;
        await yieldToOthers();
        await recordAudit(tx, {
          actorId: importer.id,
          action: 'knowledge.import',
          entityType: 'knowledge_item',
          entityId: '*',
          after: { file: name, created, updated },
        });
        await tx.importBatch.update({
          where: { id: batchId },
          data: { status: 'done', created, updated, finishedAt: new Date() },
        });
        return { created, updated };
      },
      { timeout: 120_000 },
    );
    await prisma.importStagedTag.deleteMany({ where: { batchId } });
    await yieldToOthers();
    await prisma.importStagedItem.deleteMany({ where: { batchId } });
    return { ok: true, ...counts };
  } catch (error) {
    // nothing was switched in: the staged rows go, the batch says why
    const key = isUniqueViolation(error) ? 'import.changedMeanwhile' : 'import.failed';
    if (key === 'import.failed') console.warn('knowledge import failed', error);
    await prisma.$transaction([
      prisma.importStagedTag.deleteMany({ where: { batchId } }),
      prisma.importStagedItem.deleteMany({ where: { batchId } }),
      prisma.importBatch.update({
        where: { id: batchId },
        data: { status: 'failed', error: key, finishedAt: new Date() },
      }),
    ]);
    return { ok: false, error: key };
  }
}
