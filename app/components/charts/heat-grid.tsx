import { max as maxOf } from 'd3-array';
import { scaleBand, scaleQuantize } from 'd3-scale';
import { ChartFigure, fitLabel, type ChartFrameProps } from './chart-figure';

export type GridColumn = {
  key: string;
  label: string;
  /** a heading over several columns */ group?: string;
};
export type GridCell = {
  value: number;
  /** the value as printed in the cell */
  text: string;
  /** a cell that deserves a look (a gap); marked by a sign and an outline, not by colour */
  flagged?: boolean;
  /** what the flag means, for the data table ("suggested, nothing planned") */
  flagText?: string;
};
export type GridRow = { key: string; label: string; cells: GridCell[] };

const CELL_W = 66;
const CELL_H = 30;
const LABEL = 170;
const GROUP = 22;
const HEAD = 22;
const LABEL_CHARS = 22;
/** the sign a flagged cell carries beside its value */
export const FLAG_SIGN = '!';

/**
 * A grid of counts (rows × columns, columns optionally grouped), shaded by size in five steps.
 * Every cell prints its count; cells that deserve a look carry a sign and a dashed outline. The
 * data table beside it repeats the counts and says what each sign means.
 */
export function HeatGrid({
  columns,
  rows,
  rowHeader,
  legend,
  className,
  ...frame
}: ChartFrameProps & {
  columns: readonly GridColumn[];
  rows: readonly GridRow[];
  /** the header of the rows' column in the data table */
  rowHeader: string;
  /** what the sign of a flagged cell means, shown under the chart */
  legend?: string;
}) {
  const top = maxOf(rows.flatMap((r) => r.cells.map((c) => c.value))) ?? 0;
  const shade = scaleQuantize<number>()
    .domain([1, Math.max(2, top)])
    .range([1, 2, 3, 4]);
  const groups = groupsOf(columns);
  const grouped = groups.some((g) => g.label);
  const headTop = grouped ? GROUP : 0;
  const x = scaleBand<string>()
    .domain(columns.map((c) => c.key))
    .range([LABEL, LABEL + columns.length * CELL_W]);
  const y = scaleBand<string>()
    .domain(rows.map((r) => r.key))
    .range([headTop + HEAD, headTop + HEAD + rows.length * CELL_H]);
  return (
    <ChartFigure
      {...frame}
      className={['heat-grid', className].filter(Boolean).join(' ')}
      width={LABEL + columns.length * CELL_W + 4}
      height={headTop + HEAD + rows.length * CELL_H + 4}
      legend={legend}
      data={{
        rowHeader,
        columns,
        groups: grouped ? groups : undefined,
        rows: rows.map((r) => ({
          key: r.key,
          label: r.label,
          cells: r.cells.map((cell) => ({
            text: cell.flagged
              ? `${cell.text} ${FLAG_SIGN} ${cell.flagText ?? ''}`.trimEnd()
              : cell.text,
            className: cell.flagged ? 'flagged' : undefined,
          })),
        })),
      }}
    >
      {grouped
        ? groups.map((g) => (
            <text
              key={g.key}
              className="chart-label chart-group"
              x={(x(g.first) ?? 0) + (g.span * CELL_W) / 2}
              y={GROUP / 2}
              textAnchor="middle"
              dominantBaseline="middle"
            >
              {g.label}
            </text>
          ))
        : null}
      {columns.map((c) => (
        <text
          key={c.key}
          className="chart-label chart-column"
          x={(x(c.key) ?? 0) + CELL_W / 2}
          y={headTop + HEAD / 2}
          textAnchor="middle"
          dominantBaseline="middle"
        >
          {fitLabel(c.label, 10)}
        </text>
      ))}
      {rows.map((r) => {
        const rowTop = y(r.key) ?? 0;
        return (
          <g key={r.key}>
            <text
              className="chart-label"
              x={LABEL - 8}
              y={rowTop + CELL_H / 2}
              textAnchor="end"
              dominantBaseline="middle"
            >
              {fitLabel(r.label, LABEL_CHARS)}
            </text>
            {r.cells.map((cell, i) => {
              const key = columns[i]?.key ?? String(i);
              const level = cell.value > 0 ? shade(cell.value) : 0;
              return (
                <g key={key}>
                  <rect
                    className={`heat-cell heat-${level}${cell.flagged ? ' heat-flagged' : ''}`}
                    x={(x(key) ?? 0) + 1}
                    y={rowTop + 1}
                    width={CELL_W - 2}
                    height={CELL_H - 2}
                  />
                  <text
                    className={`heat-text heat-text-${level}`}
                    x={(x(key) ?? 0) + CELL_W / 2}
                    y={rowTop + CELL_H / 2}
                    textAnchor="middle"
                    dominantBaseline="middle"
                  >
                    {cell.flagged ? `${cell.text} ${FLAG_SIGN}` : cell.text}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </ChartFigure>
  );
}

/** Runs of neighbouring columns under the same group heading. */
function groupsOf(columns: readonly GridColumn[]) {
  const groups: { key: string; label: string; first: string; span: number }[] = [];
  for (const c of columns) {
    const last = groups.at(-1);
    if (last && last.label === (c.group ?? '')) last.span++;
    else
      groups.push({
        key: `${c.group ?? ''}-${c.key}`,
        label: c.group ?? '',
        first: c.key,
        span: 1,
      });
  }
  return groups;
}
