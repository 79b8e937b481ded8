/**
 * The message of a failed intent that has no field of its own (a conflict, an item in use…),
 * above the page's forms; nothing when the action data holds none. `message` words the problem
 * (usually a catalog key built from it).
 */
export function ProblemAlert({
  data,
  message,
}: {
  data: unknown;
  message: (problem: string) => string;
}) {
  const problem =
    data && typeof data === 'object' && 'problem' in data && typeof data.problem === 'string'
      ? data.problem
      : null;
  if (!problem) return null;
  return (
    <p className="form-error" role="alert">
      {message(problem)}
    </p>
  );
}
