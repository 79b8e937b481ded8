import { auditSubject } from '~/domain/audit';
import { refusalAsProblem } from '~/domain/permissions';
import {
  FIELDS,
  isObservationMetric,
  isPresetKey,
  type ColumnMapping,
  type Field,
  type PresetKey,
} from '~/domain/results/presets';
import type { FieldErrors } from '~/utils/forms';
import { prisma } from '~/utils/db.server';
import { isUniqueViolation } from '~/utils/db-errors.server';
import { recordAudit } from './audit.server';
import { versionedDelete } from './versioned.server';
import { assertResultsWriter, type ResultsActor } from './results.server';

/**
 * Saved column mappings of the results import: a name, the preset a mapping starts from, and
 * which header holds which field and which headers hold values of which metric (on top of the
 * preset's own choices). People save one for an export whose columns differ from the documented
 * format and choose it again for the next import. Names are unique in the workspace, compared
 * without regard to case. Saving and removing need results:import and are audited.
 */

export const MAX_MAPPING_NAME = 80;
const MAX_HEADER = 120;

export type MappingInput = { name: string; preset: string; mapping: ColumnMapping };

export type SavedMapping = {
  id: string;
  name: string;
  preset: PresetKey;
  mapping: { columns: Partial<Record<Field, string>>; values: Record<string, string> };
  version: number;
};

/** A stored mapping's JSON as a mapping; anything unreadable counts as no adjustment. */
export function parseStoredMapping(json: string): SavedMapping['mapping'] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { columns: {}, values: {} };
  }
  const object = (v: unknown): Record<string, unknown> =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const stored = object(value);
  const columns: Partial<Record<Field, string>> = {};
  for (const [field, header] of Object.entries(object(stored.columns)))
    if ((FIELDS as readonly string[]).includes(field) && typeof header === 'string')
      columns[field as Field] = header;
  const values: Record<string, string> = {};
  for (const [header, metric] of Object.entries(object(stored.values)))
    if (typeof metric === 'string') values[header] = metric;
  return { columns, values };
}

/**
 * What is wrong with a mapping, per form field (the import page's field names: the name, the
 * preset, each field's column, `valueColumnN`/`valueMetricN` of the value columns).
 */
export function mappingErrors(input: MappingInput): FieldErrors {
  const errors: FieldErrors = {};
  const name = input.name.trim();
  if (!name) errors.name = { key: 'validation.required' };
  else if (name.length > MAX_MAPPING_NAME) errors.name = { key: 'validation.tooLong' };
  if (!isPresetKey(input.preset)) errors.preset = { key: 'validation.choose' };
  for (const [field, header] of Object.entries(input.mapping.columns ?? {})) {
    if (!(FIELDS as readonly string[]).includes(field))
      errors._form = { key: 'validation.invalid' };
    else if (typeof header !== 'string' || !header.trim())
      errors[field] = { key: 'validation.required' };
    else if (header.length > MAX_HEADER) errors[field] = { key: 'validation.tooLong' };
  }
  Object.entries(input.mapping.values ?? {}).forEach(([header, metric], i) => {
    if (!header.trim()) errors[`valueColumn${i + 1}`] = { key: 'validation.required' };
    else if (header.length > MAX_HEADER)
      errors[`valueColumn${i + 1}`] = { key: 'validation.tooLong' };
    if (typeof metric !== 'string' || !isObservationMetric(metric))
      errors[`valueMetric${i + 1}`] = { key: 'results.problems.unknownMetric' };
  });
  return errors;
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** Saves a column mapping under a new name. */
export function saveResultMapping({
  actor,
  input,
}: {
  actor: ResultsActor;
  input: MappingInput;
}): Promise<
  | { ok: true; id: string }
  | { ok: false; problem: 'invalid'; errors: FieldErrors }
  | { ok: false; problem: 'nameTaken' | 'notAllowed' }
> {
  const errors = mappingErrors(input);
  if (Object.keys(errors).length)
    return Promise.resolve({ ok: false, problem: 'invalid' as const, errors });
  const data = {
    name: input.name.trim(),
    preset: input.preset,
    mapping: JSON.stringify({
      columns: input.mapping.columns ?? {},
      values: input.mapping.values ?? {},
    }),
  };
  return refusalAsProblem(async () => {
    try {
      return await prisma.$transaction(async (tx) => {
        await assertResultsWriter(tx, actor.id, 'results:import');
        const names = await tx.resultMapping.findMany({ select: { name: true } });
        if (names.some((m) => sameName(m.name, data.name)))
          return { ok: false as const, problem: 'nameTaken' as const };
        const saved = await tx.resultMapping.create({
          data: { ...data, createdById: actor.id },
          select: { id: true },
        });
        await recordAudit(tx, {
          actorId: actor.id,
          ...auditSubject('resultMapping', 'save'),
          entityId: saved.id,
          after: data,
        });
        return { ok: true as const, id: saved.id };
      });
    } catch (error) {
      // the same name saved a moment ago by someone else
      if (isUniqueViolation(error)) return { ok: false as const, problem: 'nameTaken' as const };
      throw error;
    }
  });
}

/** Removes a saved mapping; imports made with it keep their results. */
export function deleteResultMapping({
  actor,
  id,
  expectedVersion,
}: {
  actor: ResultsActor;
  id: string;
  expectedVersion: number;
}): Promise<
  { ok: true; name: string } | { ok: false; problem: 'notAllowed' | 'notFound' | 'conflict' }
> {
  return refusalAsProblem(() =>
    prisma.$transaction(async (tx) => {
      await assertResultsWriter(tx, actor.id, 'results:import');
      const before = await tx.resultMapping.findUnique({
        where: { id },
        select: { name: true, preset: true, mapping: true },
      });
      if (!before) return { ok: false as const, problem: 'notFound' as const };
      const deleted = await versionedDelete(tx.resultMapping, { id, expectedVersion });
      if (!deleted.ok) return deleted;
      await recordAudit(tx, {
        actorId: actor.id,
        ...auditSubject('resultMapping', 'delete'),
        entityId: id,
        before: { name: before.name, preset: before.preset, mapping: before.mapping },
      });
      return { ok: true as const, name: before.name };
    }),
  );
}

/** The saved mappings by name, with what each maps. */
export async function listSavedMappings(): Promise<SavedMapping[]> {
  const rows = await prisma.resultMapping.findMany({
    select: { id: true, name: true, preset: true, mapping: true, version: true },
    orderBy: { name: 'asc' },
  });
  return rows.flatMap((row) =>
    isPresetKey(row.preset)
      ? [{ ...row, preset: row.preset, mapping: parseStoredMapping(row.mapping) }]
      : [],
  );
}
