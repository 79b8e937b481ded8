import type { LoaderFunctionArgs } from '@remix-run/node';
import { ruleSetForExport } from '~/models/output.server';
import { requirePermission } from '~/utils/auth.server';

/** The rule set as JSON, in the format the import and the disclosure command read. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'rules:manage');
  const ruleSet = await ruleSetForExport({ viewer: user });
  return new Response(`${JSON.stringify(ruleSet, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="lotse-rules-${new Date().toISOString().slice(0, 10)}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
