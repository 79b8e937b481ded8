import { prisma } from '~/utils/db.server';
import { parseJsonArray } from '~/utils/json';

export async function listRules() {
  const rules = await prisma.disclosureRule.findMany({
    orderBy: [{ active: 'desc' }, { severity: 'asc' }, { name: 'asc' }],
    select: {
      id: true,
      key: true,
      name: true,
      category: true,
      severity: true,
      kind: true,
      patterns: true,
      active: true,
    },
  });
  return rules.map((r) => ({ ...r, patterns: parseJsonArray(r.patterns) }));
}
