import { GeneralErrorBoundary } from '~/components/error-boundary';
import { requireUser } from '~/utils/auth.server';
import type { LoaderFunctionArgs } from '@remix-run/node';

// Any address without a route: signed-in users get the 404 page, everyone else the login.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  throw new Response('Not found', { status: 404 });
}

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
