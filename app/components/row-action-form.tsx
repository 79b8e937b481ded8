import { Form } from '@remix-run/react';

/**
 * One button acting on one row of a table (undo an import, delete a saved mapping): posts the
 * row's id and the version it was shown at, so a row changed meanwhile is reported as a conflict.
 * `label` is the button's text, `name` its accessible name, which says which row it acts on.
 */
export function RowActionForm({
  intent,
  id,
  version,
  label,
  name,
  disabled,
}: {
  intent: string;
  id: string;
  version: number;
  label: string;
  name: string;
  disabled?: boolean;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expectedVersion" value={version} />
      <button type="submit" name="intent" value={intent} disabled={disabled} aria-label={name}>
        {label}
      </button>
    </Form>
  );
}
