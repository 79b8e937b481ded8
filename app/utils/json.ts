/** Reads a JSON text column that holds an array of strings; anything else reads as empty. */
export function parseJsonArray(text: string | null | undefined): string[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Reads a JSON text column of links ({ label?, url }); anything malformed reads as empty. */
export function parseJsonLinks(text: string | null | undefined): { label?: string; url: string }[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (v): v is { label?: string; url: string } =>
        Boolean(v) && typeof v === 'object' && typeof (v as { url?: unknown }).url === 'string',
    );
  } catch {
    return [];
  }
}
