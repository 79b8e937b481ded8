import { parseTags } from '~/domain/knowledge/tags';
import type { Tx } from '~/utils/db.server';

/** The tag rows for names (created when new), as `{ tagId }` for a nested create. */
export async function tagConnections(tx: Tx, names: readonly string[]) {
  const ids: { tagId: string }[] = [];
  for (const name of parseTags(names)) {
    const tag = await tx.tag.upsert({
      where: { name },
      update: {},
      create: { name },
      select: { id: true },
    });
    ids.push({ tagId: tag.id });
  }
  return ids;
}
