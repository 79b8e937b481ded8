import { pieceFormSchema } from '~/forms/piece';
import { getWorkspace } from '~/models/workspace.server';

/**
 * What the piece form's save intent is on both the new-piece and the piece page: for planners,
 * checked with the piece schema in the workspace's time zone, the typed values kept on failure.
 */
export const pieceFormIntent = {
  permission: 'calendar:plan',
  schema: async () => pieceFormSchema((await getWorkspace()).timeZone),
  arrays: ['audiences', 'experts', 'goals'],
  keepValues: true,
} as const;
