/**
 * Optimistic locking, one way for every versioned record. A record carries a counter (`version`,
 * for disclosure rules `revision`); a write names the value it started from, and the UPDATE
 * itself checks it: `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?`.
 * Reading the record, comparing and then updating by id is not enough: under PostgreSQL's
 * read-committed isolation two transactions can both read the same version, and the second
 * UPDATE, after waiting for the first one's row lock, would then overwrite it. With the version
 * in the WHERE, the second finds no row once the first has committed, and reports a conflict.
 *
 * The helpers take a model delegate of the caller's transaction (`tx.knowledgeItem`), so the
 * write, its follow-up writes and its audit entry commit or roll back together.
 */

/** The counter a model uses for optimistic locking. */
export type VersionField = 'version' | 'revision';

export type VersionProblem = 'notFound' | 'conflict';

export type VersionedOutcome =
  { ok: true; version: number } | { ok: false; problem: VersionProblem };

/**
 * The part of a Prisma model delegate the helpers use. `Where` and `Data` are inferred from the
 * delegate passed in, so the extra conditions and the data are checked against that model.
 */
export interface VersionedDelegate<Where, Data> {
  updateMany(args: { where: Where; data: Data }): PromiseLike<{ count: number }>;
  count(args: { where: Where }): PromiseLike<number>;
}

/** The part of a Prisma model delegate `versionedDelete` uses. */
export interface VersionedDeleteDelegate<Where> {
  deleteMany(args: { where: Where }): PromiseLike<{ count: number }>;
  count(args: { where: Where }): PromiseLike<number>;
}

type Id = string | number;

/** The record's id and counter plus the caller's extra conditions, as one WHERE. */
function condition<Where>(
  id: Id,
  where: Where | undefined,
  counter?: { field: VersionField; value: number },
): Where {
  const own = { id, ...(counter ? { [counter.field]: counter.value } : {}) };
  // AND keeps the caller's conditions intact even when they name `id` or use AND/OR themselves
  return (where === undefined ? own : { AND: [where, own] }) as Where;
}

/** Why nothing matched: no such record (within the extra conditions), or another version. */
async function problemOf<Where>(
  delegate: { count(args: { where: Where }): PromiseLike<number> },
  id: Id,
  where: Where | undefined,
): Promise<VersionProblem> {
  const found = await delegate.count({ where: condition(id, where) });
  return found ? 'conflict' : 'notFound';
}

/**
 * Writes `data` to the record `id` if it still has `expectedVersion` (and matches `where`), and
 * moves its counter on by one in the same statement. Answers the new version, or why nothing was
 * written: `notFound` when no record has that id within `where`, `conflict` when it has another
 * version. `where` should name the record's own columns (a status, a parent's id), which stay
 * in the one UPDATE statement. Relations (tags, links) cannot be written through `updateMany`:
 * write them after an `ok` answer, in the same transaction; the record's row is then this
 * transaction's.
 */
export async function versionedUpdate<Where, Data>(
  delegate: VersionedDelegate<Where, Data>,
  {
    id,
    expectedVersion,
    where,
    data,
    field = 'version',
  }: { id: Id; expectedVersion: number; where?: Where; data: Data; field?: VersionField },
): Promise<VersionedOutcome> {
  const { count } = await delegate.updateMany({
    where: condition(id, where, { field, value: expectedVersion }),
    data: { ...data, [field]: { increment: 1 } },
  });
  if (count === 1) return { ok: true, version: expectedVersion + 1 };
  return { ok: false, problem: await problemOf(delegate, id, where) };
}

/**
 * Deletes the record `id` if it still has `expectedVersion` (and matches `where`); the same
 * answers as `versionedUpdate`, without a version on success.
 */
export async function versionedDelete<Where>(
  delegate: VersionedDeleteDelegate<Where>,
  {
    id,
    expectedVersion,
    where,
    field = 'version',
  }: { id: Id; expectedVersion: number; where?: Where; field?: VersionField },
): Promise<{ ok: true } | { ok: false; problem: VersionProblem }> {
  const { count } = await delegate.deleteMany({
    where: condition(id, where, { field, value: expectedVersion }),
  });
  if (count === 1) return { ok: true };
  return { ok: false, problem: await problemOf(delegate, id, where) };
}

/**
 * Moves the record's counter on without expecting a version: for a change that is always
 * applied (a link added from another page, a status a rule change forces) but that a form opened
 * before it must not silently undo. `where` can make it conditional, atomically as well; `data`
 * is written with it. False when no record matched.
 */
export async function bumpVersion<Where, Data>(
  delegate: VersionedDelegate<Where, Data>,
  {
    id,
    where,
    data,
    field = 'version',
  }: { id: Id; where?: Where; data?: Data; field?: VersionField },
): Promise<boolean> {
  const { count } = await delegate.updateMany({
    where: condition(id, where),
    data: { ...data, [field]: { increment: 1 } } as Data,
  });
  return count === 1;
}
