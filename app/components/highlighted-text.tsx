/** A text with the spans of findings marked (offsets into the text; overlaps merged). */
export function HighlightedText({
  text,
  findings,
}: {
  text: string;
  findings: { start: number; end: number; ruleId: string; severity: string }[];
}) {
  const spans = [...findings].sort((a, b) => a.start - b.start);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const f of spans) {
    if (f.end <= at) continue;
    const start = Math.max(f.start, at);
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={`${f.ruleId}-${f.start}`} title={f.ruleId} data-severity={f.severity}>
        {text.slice(start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  parts.push(text.slice(at));
  return <p className="pre-wrap highlighted">{parts}</p>;
}
