/**
 * Reads a small request body sent as JSON or as a URL-encoded form into a plain object, for
 * resource routes that browsers call with `fetch` and scripts call with either. The body is read
 * as a stream and given up once it passes `maxBytes`, so an oversized post costs no more than
 * that; repeated form fields become lists.
 */
export type BodyResult =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; status: 400 | 413 | 415; error: 'tooLarge' | 'invalidBody' | 'unsupported' };

export async function readSmallBody(request: Request, maxBytes: number): Promise<BodyResult> {
  const type = (request.headers.get('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase();
  const json = type === 'application/json';
  if (!json && type !== 'application/x-www-form-urlencoded')
    return { ok: false, status: 415, error: 'unsupported' };
  if (Number(request.headers.get('Content-Length') ?? 0) > maxBytes)
    return { ok: false, status: 413, error: 'tooLarge' };
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, status: 413, error: 'tooLarge' };
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!json) {
    const data: Record<string, unknown> = {};
    const params = new URLSearchParams(text);
    for (const key of new Set(params.keys())) {
      const values = params.getAll(key);
      data[key] = values.length > 1 ? values : values[0];
    }
    return { ok: true, data };
  }
  try {
    const data: unknown = JSON.parse(text);
    if (data && typeof data === 'object' && !Array.isArray(data))
      return { ok: true, data: data as Record<string, unknown> };
  } catch {
    // answered below
  }
  return { ok: false, status: 400, error: 'invalidBody' };
}
