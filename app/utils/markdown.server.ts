import { micromark } from 'micromark';

/**
 * A Markdown text as HTML for a page that only shows it, rendered on the server with the same
 * safe defaults as the editor's preview (components/markdown-preview.tsx): raw HTML in the
 * source is written out as escaped text, dangerous link targets are dropped.
 */
export function markdownToHtml(source: string): string {
  return micromark(source);
}
