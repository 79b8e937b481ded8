/**
 * The file field of an import page (knowledge items, results): one file, required, sent as
 * `file`, with its label and a hint on what the file must hold. The hint is the field's
 * description, so screen readers read it with the field.
 */
export function UploadField({
  id,
  label,
  hint,
  accept,
}: {
  id: string;
  label: string;
  hint: string;
  /** the file types the browser offers, e.g. ".csv,text/csv" */
  accept: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name="file"
        type="file"
        accept={accept}
        required
        aria-describedby={`${id}-hint`}
      />
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}
