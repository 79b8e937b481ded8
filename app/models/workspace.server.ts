import { prisma } from '~/utils/db.server';
import { DEFAULT_TIME_ZONE } from '~/utils/format';

export async function getWorkspace() {
  const ws = await prisma.workspace.findUnique({
    where: { id: 1 },
    select: { name: true, timeZone: true },
  });
  return ws ?? { name: 'Lotse', timeZone: DEFAULT_TIME_ZONE };
}
