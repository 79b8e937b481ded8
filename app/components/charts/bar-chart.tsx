import { max as maxOf } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import type { ReactNode } from 'react';
import { ChartFigure, fitLabel } from './chart-figure';

export type BarDatum = {
  key: string;
  /** the category, printed left of its bar */
  label: string;
  value: number;
  /** the value as people read it ("12 %", "1.234"), printed after the bar */
  valueText: string;
  /** an optional reference: a target, a wanted share; drawn as a mark across the bar's track */
  target?: number | null;
  targetText?: string;
  /** a word that carries a verdict ("under-served"), printed after the value */
  note?: string;
  /** extra class for the bar (a channel's colour, a verdict's pattern) */
  className?: string;
};

export type BarTableHeaders = { label: string; value: string; target?: string; note?: string };

const ROW = 30;
const LABEL = 190;
const TRACK = 240;
const TEXT = 330;
const WIDTH = LABEL + TRACK + TEXT;
const LABEL_CHARS = 24;

/**
 * A horizontal bar chart with an optional reference mark per bar (a target, a wanted share: the
 * bullet chart of actual against target). Every bar carries its value, and the reference its own
 * text, so the chart reads without colour; the data table beside it holds the same figures.
 */
export function BarChart({
  title,
  summary,
  data,
  domainMax,
  headers,
  table,
  className,
  headingLevel,
  titleHidden,
}: {
  title: string;
  summary: ReactNode;
  data: readonly BarDatum[];
  /** the scale's upper end (100 for percentages); the largest value or target otherwise */
  domainMax?: number;
  /** column headers of the generated data table */
  headers: BarTableHeaders;
  /** a richer table to show instead of the generated one */
  table?: ReactNode;
  className?: string;
  headingLevel?: 2 | 3 | 4;
  titleHidden?: boolean;
}) {
  const top = domainMax ?? maxOf(data.flatMap((d) => [d.value, d.target ?? 0])) ?? 0;
  const x = scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .range([0, TRACK])
    .clamp(true);
  const y = scaleBand<string>()
    .domain(data.map((d) => d.key))
    .range([0, data.length * ROW])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const height = Math.max(ROW, data.length * ROW);
  const hasTarget = data.some((d) => d.target != null);
  const hasNote = data.some((d) => d.note);
  return (
    <ChartFigure
      title={title}
      summary={summary}
      className={['bar-chart', className].filter(Boolean).join(' ')}
      headingLevel={headingLevel}
      titleHidden={titleHidden}
      table={
        table ?? (
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{headers.label}</th>
                <th scope="col">{headers.value}</th>
                {hasTarget && headers.target ? <th scope="col">{headers.target}</th> : null}
                {hasNote && headers.note ? <th scope="col">{headers.note}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.map((d) => (
                <tr key={d.key}>
                  <th scope="row">{d.label}</th>
                  <td>{d.valueText}</td>
                  {hasTarget && headers.target ? <td>{d.targetText ?? ''}</td> : null}
                  {hasNote && headers.note ? <td>{d.note ?? ''}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    >
      {({ titleId, summaryId }) => (
        <svg
          role="img"
          aria-labelledby={titleId}
          aria-describedby={summaryId}
          viewBox={`0 0 ${WIDTH} ${height}`}
          width="100%"
          preserveAspectRatio="xMinYMin meet"
        >
          {data.map((d) => {
            const barTop = y(d.key) ?? 0;
            const band = y.bandwidth();
            const mid = barTop + band / 2;
            const width = d.value > 0 ? Math.max(2, x(d.value)) : 0;
            const words = [d.valueText, d.targetText, d.note].filter(Boolean).join(' · ');
            return (
              <g key={d.key} aria-hidden="true">
                <text
                  className="chart-label"
                  x={LABEL - 8}
                  y={mid}
                  textAnchor="end"
                  dominantBaseline="middle"
                >
                  {fitLabel(d.label, LABEL_CHARS)}
                </text>
                <rect className="chart-track" x={LABEL} y={barTop} width={TRACK} height={band} />
                <rect
                  className={['chart-bar', d.className].filter(Boolean).join(' ')}
                  x={LABEL}
                  y={barTop}
                  width={width}
                  height={band}
                />
                {d.target != null ? (
                  <line
                    className="chart-target"
                    x1={LABEL + x(d.target)}
                    x2={LABEL + x(d.target)}
                    y1={barTop - 3}
                    y2={barTop + band + 3}
                  />
                ) : null}
                <text
                  className="chart-value"
                  x={LABEL + TRACK + 8}
                  y={mid}
                  dominantBaseline="middle"
                >
                  {words}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </ChartFigure>
  );
}
