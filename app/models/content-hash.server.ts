import { createHash } from 'node:crypto';
import { canonicalContent, type Texts } from '~/domain/disclosure/content';

/**
 * A fingerprint of checked content; an exemption is bound to it and lapses when it changes.
 * Kept apart from disclosure.server.ts so that the seeds can fingerprint demo exemptions without
 * loading the rule checks.
 */
export function contentHash(fields: Texts | Record<string, string | null | undefined>): string {
  return createHash('sha256').update(canonicalContent(fields)).digest('hex');
}
