import { prisma } from '~/utils/db.server';
import { DEFAULT_TIME_ZONE } from '~/utils/format';
import { oncePerRequest } from '~/utils/request-scope.server';

/** The workspace's name and time zone (looked up once per page request). */
export function getWorkspace(): Promise<{ name: string; timeZone: string }> {
  return oncePerRequest('workspace', async () => {
    const ws = await prisma.workspace.findUnique({
      where: { id: 1 },
      select: { name: true, timeZone: true },
    });
    return ws ?? { name: 'Lotse', timeZone: DEFAULT_TIME_ZONE };
  });
}
