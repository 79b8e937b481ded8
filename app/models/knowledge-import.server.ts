import Papa from 'papaparse';
import { z } from 'zod';
import { suggestLanguage } from '~/domain/knowledge/language';
import { MAX_TAG_LENGTH, MAX_TAGS, parseTags } from '~/domain/knowledge/tags';
import { CONTENT_LANGUAGES, KNOWLEDGE_KINDS } from '~/domain/knowledge/vocabulary';
import { prisma } from '~/utils/db.server';
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
  const existing = new Set(
    (
      await prisma.knowledgeItem.findMany({
        where: { externalId: { in: parsedIds.filter(Boolean) } },
        select: { externalId: true },
      })
    ).map((i) => i.externalId),
  );
  const seen = new Map<string, number>();
  const rows: PreviewRow[] = [];
  const resolved: Resolved[] = [];
  records.forEach((record, index) => {
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
  });
  return { rows, resolved };
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

/**
 * Writes every row (new ids become accepted items, known ids update their item) or, when any
 * row has a problem, nothing at all. The file is checked again: the preview is never trusted.
 */
export async function commitImport({
  name,
  content,
  importer,
}: {
  name: string;
  content: string;
  importer: Pick<SessionUser, 'id'>;
}) {
  const parsed = parseImportFile(name, content);
  if ('error' in parsed)
    return {
      ok: false as const,
      preview: { format: 'json' as const, rows: [], fileError: parsed.error },
    };
  const { rows, resolved } = await validate(parsed.records, importer);
  if (!rows.length || rows.some((r) => r.errors.length)) {
    return {
      ok: false as const,
      preview: {
        format: parsed.format,
        rows,
        fileError: rows.length ? null : { field: 'file', key: 'import.empty' },
      },
    };
  }
  const counts = await prisma.$transaction(
    async (tx) => {
      let created = 0;
      let updated = 0;
      const tagIds = new Map<string, string>();
      const tagId = async (name: string) => {
        let id = tagIds.get(name);
        if (!id) {
          id = (
            await tx.tag.upsert({
              where: { name },
              update: {},
              create: { name },
              select: { id: true },
            })
          ).id;
          tagIds.set(name, id);
        }
        return id;
      };
      for (const { row, ownerId, department } of resolved) {
        const tags = await Promise.all(
          parseTags(row.tags).map(async (t) => ({ tagId: await tagId(t) })),
        );
        const data = {
          title: row.title,
          summary: row.description,
          kind: row.kind ?? 'expertise',
          language: row.language ?? suggestLanguage(`${row.title} ${row.description}`) ?? 'en',
          department,
          ownerId,
        };
        const existing = await tx.knowledgeItem.findUnique({
          where: { externalId: row.id },
          select: { id: true },
        });
        if (existing) {
          await tx.knowledgeItem.update({
            where: { id: existing.id },
            data: { ...data, version: { increment: 1 }, tags: { deleteMany: {}, create: tags } },
          });
          updated++;
        } else {
          const now = new Date();
          const item = await tx.knowledgeItem.create({
            data: {
              ...data,
              externalId: row.id,
              status: 'accepted',
              submittedAt: now,
              acceptedAt: now,
              tags: { create: tags },
            },
            select: { id: true },
          });
          await tx.knowledgeTransition.create({
            data: {
              knowledgeItemId: item.id,
              fromStatus: null,
              toStatus: 'accepted',
              actorId: importer.id,
              comment: 'import',
              createdAt: now,
            },
          });
          created++;
        }
      }
      await recordAudit(tx, {
        actorId: importer.id,
        action: 'knowledge.import',
        entityType: 'knowledge_item',
        entityId: '*',
        after: { file: name, created, updated },
      });
      return { created, updated };
    },
    { timeout: 120_000 },
  );
  return { ok: true as const, ...counts };
}
