/** Throws a Response (rendered by the nearest error boundary) when the condition is false. */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: ResponseInit = { status: 400 },
): asserts condition {
  if (!condition) {
    throw new Response(message, {
      ...init,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', ...init.headers },
    });
  }
}
