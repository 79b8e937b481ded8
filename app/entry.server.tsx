import type { AppLoadContext, EntryContext } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { getLocale, i18nFor } from './utils/i18n.server';
import { NonceProvider } from './utils/nonce-provider';

/**
 * Renders the page in one piece, for browsers and bots alike. No route streams (none returns
 * `defer` or renders `<Await>`): every loader has finished before rendering starts, so a stream
 * would only add its own overhead (about a tenth of a page's rendering time) and send the same
 * bytes. A route that starts to stream needs `renderToPipeableStream` back here.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === 'string' ? loadContext.cspNonce : '';
  const lng = await getLocale(request);
  const i18n = await i18nFor(lng);
  const html = renderToString(
    <NonceProvider value={nonce}>
      <I18nextProvider i18n={i18n}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </I18nextProvider>
    </NonceProvider>,
  );
  responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
  responseHeaders.set('Content-Language', lng);
  return new Response(`<!DOCTYPE html>${html}`, {
    headers: responseHeaders,
    status: responseStatusCode,
  });
}
