import type { AppLoadContext } from '@remix-run/node';

/** The client's network address as the HTTP server saw it (set in the server's load context). */
export function clientAddress(_request: Request, context: AppLoadContext): string {
  const address = (context as { clientAddress?: unknown }).clientAddress;
  return typeof address === 'string' && address ? address : 'unknown';
}
