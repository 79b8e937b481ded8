import { max as maxOf } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { ChartFigure, fitLabel, type ChartFrameProps } from './chart-figure';

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
  data,
  domainMax,
  headers,
  className,
  ...frame
}: ChartFrameProps & {
  data: readonly BarDatum[];
  /** the scale's upper end (100 for percentages); the largest value or target otherwise */
  domainMax?: number;
  /** column headers of the generated data table */
  headers: BarTableHeaders;
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
  const target = data.some((d) => d.target != null) ? headers.target : undefined;
  const note = data.some((d) => d.note) ? headers.note : undefined;
  return (
    <ChartFigure
      {...frame}
      className={['bar-chart', className].filter(Boolean).join(' ')}
      width={WIDTH}
      height={height}
      data={{
        rowHeader: headers.label,
        columns: [
          { key: 'value', label: headers.value },
          ...(target ? [{ key: 'target', label: target }] : []),
          ...(note ? [{ key: 'note', label: note }] : []),
        ],
        rows: data.map((d) => ({
          key: d.key,
          label: d.label,
          cells: [
            { text: d.valueText },
            ...(target ? [{ text: d.targetText ?? '' }] : []),
            ...(note ? [{ text: d.note ?? '' }] : []),
          ],
        })),
      }}
    >
      {data.map((d) => {
        const barTop = y(d.key) ?? 0;
        const band = y.bandwidth();
        const mid = barTop + band / 2;
        const width = d.value > 0 ? Math.max(2, x(d.value)) : 0;
        const words = [d.valueText, d.targetText, d.note].filter(Boolean).join(' · ');
        return (
          <g key={d.key}>
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
            <text className="chart-value" x={LABEL + TRACK + 8} y={mid} dominantBaseline="middle">
              {words}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}
