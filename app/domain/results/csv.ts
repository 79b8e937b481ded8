import Papa from 'papaparse';

/**
 * Reading export files: bytes to text (tools write UTF-8, UTF-8 with a byte order mark, or
 * UTF-16 with one, like Matomo), and text to records of cells with papaparse, which also
 * detects the delimiter (comma, semicolon or tab).
 */

export const MAX_RESULTS_BYTES = 5 * 1024 * 1024;
export const MAX_RESULTS_ROWS = 20_000;

/** The text of an export file's bytes, by its byte order mark (UTF-8 without one). */
export function decodeExport(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** The records of a CSV text, blank lines left out; null when it has none. */
export function parseRecords(text: string): string[][] | null {
  const clean = text.replace(/^\uFEFF/, '');
  if (!clean.trim()) return null;
  const parsed = Papa.parse<string[]>(clean, {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t'],
  });
  const records = parsed.data.filter((r) => Array.isArray(r) && r.some((c) => c.trim() !== ''));
  return records.length ? records : null;
}
