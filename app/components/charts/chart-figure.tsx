import { useId, type ReactNode } from 'react';

/** A link to the chart's figures as a file (a CSV download). */
export type ChartDownload = { href: string; label: string };

/** What every chart takes besides its data: its words, its heading and its download. */
export type ChartFrameProps = {
  title: string;
  summary: ReactNode;
  className?: string;
  /** render the title as a heading of this level (otherwise as the caption's first line) */
  headingLevel?: 2 | 3 | 4;
  /** keep the title for assistive technology only (the page's heading already says it) */
  titleHidden?: boolean;
  /** a link to download the chart's figures, shown under the table */
  download?: ChartDownload;
  /** a richer table to show instead of the one the chart generates from its data */
  table?: ReactNode;
};

/** One cell of a chart's data table. */
export type ChartTableCell = { text: ReactNode; className?: string };

/**
 * A chart's figures as a table: a header row over the rows' names and one column each, optionally
 * a row of column groups above it, and per row its name and one cell per column.
 */
export type ChartTableData = {
  rowHeader: ReactNode;
  columns: readonly { key: string; label: ReactNode }[];
  groups?: readonly { key: string; label: ReactNode; span: number }[];
  rows: readonly { key: string; label: ReactNode; cells: readonly ChartTableCell[] }[];
};

/**
 * The frame every chart of Lotse shares: a figure whose caption names the chart and says in a
 * sentence what it shows, the SVG as one image (its name the title, its description the caption;
 * the marks inside are hidden from assistive technology), and the same figures as a table beside
 * it, so nothing depends on seeing the picture or telling colours apart. Rendered on the server
 * like the rest of the page; prints as it is. A chart only draws its marks.
 */
export function ChartFigure({
  title,
  summary,
  className,
  headingLevel,
  titleHidden,
  download,
  table,
  data,
  width,
  height,
  legend,
  children,
}: ChartFrameProps & {
  /** the figures of the generated table (unless `table` replaces it) */
  data: ChartTableData;
  /** the drawing's size in SVG units; it scales to the width of its place */
  width: number;
  height: number;
  /** what the picture's signs mean, under the picture */
  legend?: ReactNode;
  /** the marks: SVG elements inside the drawing */
  children: ReactNode;
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
        <div className="chart-image">
          <svg
            role="img"
            aria-labelledby={titleId}
            aria-describedby={summaryId}
            viewBox={`0 0 ${width} ${height}`}
            width="100%"
            preserveAspectRatio="xMinYMin meet"
          >
            <g aria-hidden="true">{children}</g>
          </svg>
          {legend ? <p className="chart-legend">{legend}</p> : null}
        </div>
        <div className="chart-table table-scroll">
          {table ?? <ChartTable caption={title} {...data} />}
        </div>
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

/** The figures of a chart as a table, its caption for assistive technology. */
function ChartTable({
  caption,
  rowHeader,
  columns,
  groups,
  rows,
}: ChartTableData & { caption: string }) {
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        {groups ? (
          <tr>
            <td />
            {groups.map((g) => (
              <th key={g.key} scope="colgroup" colSpan={g.span}>
                {g.label}
              </th>
            ))}
          </tr>
        ) : null}
        <tr>
          <th scope="col">{rowHeader}</th>
          {columns.map((c) => (
            <th key={c.key} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            {r.cells.map((cell, i) => (
              <td key={columns[i]?.key ?? i} className={cell.className}>
                {cell.text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Shortens a label the SVG has room for; the full text stays in the data table. */
export function fitLabel(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}
