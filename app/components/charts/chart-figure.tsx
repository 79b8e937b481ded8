import { useId, type ReactNode } from 'react';

/** A link to the chart's figures as a file (a CSV download). */
export type ChartDownload = { href: string; label: string };

/**
 * The frame every chart of Lotse shares: a figure whose caption names the chart and says in a
 * sentence what it shows, the SVG as one image (its name the title, its description the caption),
 * and the same figures as a table beside it, so nothing depends on seeing the picture or telling
 * colours apart. Rendered on the server like the rest of the page; prints as it is.
 */
export function ChartFigure({
  title,
  summary,
  table,
  className,
  headingLevel,
  titleHidden,
  download,
  children,
}: {
  title: string;
  summary: ReactNode;
  /** the chart's figures as a data table */
  table: ReactNode;
  className?: string;
  /** render the title as a heading of this level (otherwise as the caption's first line) */
  headingLevel?: 2 | 3 | 4;
  /** keep the title for assistive technology only (the page's heading already says it) */
  titleHidden?: boolean;
  /** a link to download the chart's figures, shown under the table */
  download?: ChartDownload;
  /** the SVG: a function of the ids it labels itself with */
  children: (ids: { titleId: string; summaryId: string }) => ReactNode;
}) {
  const id = useId();
  const titleId = `${id}-title`;
  const summaryId = `${id}-summary`;
  const Heading = headingLevel ? (`h${headingLevel}` as const) : 'strong';
  return (
    <figure className={['chart', className].filter(Boolean).join(' ')} aria-labelledby={titleId}>
      <figcaption>
        <Heading id={titleId} className={titleHidden ? 'visually-hidden' : 'chart-title'}>
          {title}
        </Heading>
        <p id={summaryId} className="chart-summary">
          {summary}
        </p>
      </figcaption>
      <div className="chart-body">
        <div className="chart-image">{children({ titleId, summaryId })}</div>
        <div className="chart-table table-scroll">{table}</div>
      </div>
      {download ? (
        <p className="chart-download">
          <a href={download.href} download>
            {download.label}
          </a>
        </p>
      ) : null}
    </figure>
  );
}

/** Shortens a label the SVG has room for; the full text stays in the data table. */
export function fitLabel(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}
