import type { LoaderFunctionArgs } from '@remix-run/node';
import { exportRuleSet } from '~/models/rule.server';
import { requirePermission } from '~/utils/auth.server';

/** The rule set as JSON, in the format the import and the disclosure command read. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'rules:manage');
  return new Response(`${JSON.stringify(await exportRuleSet(), null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="lotse-rules-${new Date().toISOString().slice(0, 10)}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
