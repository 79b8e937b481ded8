import { createHash } from 'node:crypto';

/** The fields of a content piece that go public, and so are checked. */
export function pieceFields(p: {
  title: string;
  brief: string;
  body: string;
  slug?: string | null;
  targetUrl?: string | null;
}) {
  return {
    title: p.title,
    brief: p.brief,
    body: p.body,
    slug: p.slug ?? null,
    targetUrl: p.targetUrl ?? null,
  };
}

/** A fingerprint of checked content; an exemption is bound to it and lapses when it changes. */
export function contentHash(fields: Record<string, string | null | undefined>): string {
  return createHash('sha256')
    .update(JSON.stringify(Object.entries(fields).sort()))
    .digest('hex');
}
