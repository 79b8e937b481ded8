// The HTTP layer around the Remix app: static files, compression, security headers and the
// cross-site request check that every state-changing request passes.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import { withRequestScope } from '../utils/request-scope.server';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request must come from Lotse's own pages: when the browser names where it
 * comes from (Origin, else Referer), that must be this host. Requests that name neither are not
 * from a browser's cross-site form and pass (the CLI, health checks, curl).
 */
/** What the cross-site check reads of an Express request. */
export type RequestOrigin = Pick<Request, 'method'> & {
  get(name: string): string | undefined;
  app: { get(setting: string): unknown };
};

export function isCrossSite(req: RequestOrigin): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  const source = req.get('origin') ?? req.get('referer');
  if (!source || source === 'null') return source === 'null';
  let sourceHost: string;
  try {
    sourceHost = new URL(source).host;
  } catch {
    return true;
  }
  const host =
    req.get('x-forwarded-host') && req.app.get('trust proxy')
      ? req.get('x-forwarded-host')
      : req.get('host');
  return sourceHost !== host;
}

function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  const nonce = randomBytes(16).toString('base64');
  res.locals.cspNonce = nonce;
  res.setHeader(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'" + (process.env.NODE_ENV === 'development' ? ' ws:' : ''),
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join('; '),
  );
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (process.env.NODE_ENV === 'production' && req.secure) {
    res.setHeader('Strict-Transport-Security', 'max-age=31536000');
  }
  next();
}

// Reading requests get a request scope (app/utils/request-scope.server.ts), so a page looks up
// its user and workspace once.
export function scopeReads(req: Pick<Request, 'method'>, _res: unknown, next: () => void): void {
  if (req.method === 'GET' || req.method === 'HEAD') withRequestScope(next);
  else next();
}

export async function createHttpServer({
  build,
  root,
  dev,
}: {
  build: ServerBuild;
  root: string;
  dev: boolean;
}): Promise<http.Server> {
  const app = express();
  app.disable('x-powered-by');
  if (process.env.LOTSE_TRUST_PROXY) app.set('trust proxy', process.env.LOTSE_TRUST_PROXY);
  if (process.env.LOTSE_WORKER_HEADER === 'on') {
    // every answer names the process that served it, to see how the workers share the load
    // (off by default: process ids are nobody else's business)
    const pid = String(process.pid);
    app.use((_req, res, next) => {
      res.setHeader('X-Lotse-Worker', pid);
      next();
    });
  }
  app.use(compression());
  app.use(securityHeaders);
  app.use(
    '/build',
    express.static(path.join(root, 'public', 'build'), {
      immutable: true,
      maxAge: '1y',
      index: false,
    }),
  );
  app.use(express.static(path.join(root, 'public'), { maxAge: '1h', index: false }));
  app.use((req, res, next) => {
    if (!isCrossSite(req)) return next();
    res.status(403).type('text/plain').send('Cross-site request refused.');
  });

  app.use(scopeReads);

  let currentBuild = build;
  app.all(
    '*',
    dev
      ? async (req, res, next) => {
          // in development the build changes under us: load it fresh for every request
          const url = pathToFileURL(path.join(root, 'build', 'index.js'));
          url.searchParams.set('t', String(Date.now()));
          currentBuild = (await import(url.href)) as ServerBuild;
          return createRequestHandler({ build: currentBuild, mode: 'development', getLoadContext })(
            req,
            res,
            next,
          );
        }
      : createRequestHandler({ build, mode: build.mode, getLoadContext }),
  );
  return http.createServer(app);
}

function getLoadContext(req: Request, res: Response) {
  return {
    clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    cspNonce: res.locals.cspNonce,
  };
}
