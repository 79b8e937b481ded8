import { extent, max as maxOf, min as minOf } from 'd3-array';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import { ChartFigure, type ChartFrameProps } from './chart-figure';

export type LinePoint = {
  /** an ISO day (YYYY-MM-DD) */
  day: string;
  value: number;
  /** the day as people read it, for the axis and the table */
  dayText: string;
  /** the value as people read it */
  valueText: string;
};

export type LineTableHeaders = { day: string; value: string };

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 64;
const RIGHT = 150;
const TOP = 16;
const BOTTOM = 36;

const time = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * A line over time with an optional reference line (a target): every point is marked and
 * labelled with its value, the reference line is dashed and named in words at its end, and the
 * data table beside it holds the same figures, so nothing depends on colour or on seeing it.
 */
export function LineChart({
  points,
  headers,
  reference,
  className,
  ...frame
}: ChartFrameProps & {
  points: readonly LinePoint[];
  headers: LineTableHeaders;
  /** a horizontal reference (the target), with its words ("Target: 5,000") */
  reference?: { value: number; text: string } | null;
}) {
  const days = points.map((p) => time(p.day));
  const [first, last] = extent(days) as [Date | undefined, Date | undefined];
  const start = first ?? new Date(0);
  // a single day gets a day's room either side, so its point sits in the middle
  const end = last && last > start ? last : new Date(start.getTime() + 86_400_000);
  const from = last && last > start ? start : new Date(start.getTime() - 86_400_000);
  const x = scaleUtc()
    .domain([from, end])
    .range([LEFT, WIDTH - RIGHT]);
  const values = points.map((p) => p.value);
  const top = Math.max(maxOf(values) ?? 0, reference?.value ?? 0);
  const bottom = Math.min(minOf(values) ?? 0, reference?.value ?? 0, 0);
  const y = scaleLinear()
    .domain([bottom, top > bottom ? top : bottom + 1])
    .nice()
    .range([HEIGHT - BOTTOM, TOP]);
  const path =
    line<LinePoint>()
      .x((p) => x(time(p.day)))
      .y((p) => y(p.value))(points as LinePoint[]) ?? '';
  const ticks = y.ticks(4);
  const lastPoint = points.at(-1);
  return (
    <ChartFigure
      {...frame}
      className={['line-chart', className].filter(Boolean).join(' ')}
      width={WIDTH}
      height={HEIGHT}
      data={{
        rowHeader: headers.day,
        columns: [{ key: 'value', label: headers.value }],
        rows: points.map((p) => ({ key: p.day, label: p.dayText, cells: [{ text: p.valueText }] })),
      }}
    >
      {ticks.map((tick) => (
        <g key={tick}>
          <line className="chart-grid" x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} />
          <text
            className="chart-label"
            x={LEFT - 6}
            y={y(tick)}
            textAnchor="end"
            dominantBaseline="middle"
          >
            {y.tickFormat(4, '~s')(tick)}
          </text>
        </g>
      ))}
      {reference ? (
        <>
          <line
            className="chart-reference"
            x1={LEFT}
            x2={WIDTH - RIGHT}
            y1={y(reference.value)}
            y2={y(reference.value)}
          />
          <text
            className="chart-value"
            x={WIDTH - RIGHT + 6}
            y={y(reference.value)}
            dominantBaseline="middle"
          >
            {reference.text}
          </text>
        </>
      ) : null}
      <path className="chart-line" d={path} fill="none" />
      {points.map((p) => (
        <circle key={p.day} className="chart-point" cx={x(time(p.day))} cy={y(p.value)} r={3.5} />
      ))}
      {lastPoint ? (
        <text
          className="chart-value"
          x={x(time(lastPoint.day))}
          y={y(lastPoint.value) - 8}
          textAnchor="middle"
        >
          {lastPoint.valueText}
        </text>
      ) : null}
      {points.length ? (
        <>
          <text className="chart-label" x={LEFT} y={HEIGHT - 10} textAnchor="start">
            {points[0]!.dayText}
          </text>
          {points.length > 1 ? (
            <text className="chart-label" x={WIDTH - RIGHT} y={HEIGHT - 10} textAnchor="end">
              {lastPoint!.dayText}
            </text>
          ) : null}
        </>
      ) : null}
    </ChartFigure>
  );
}
