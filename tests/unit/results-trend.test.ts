// A KPI's trend and the line chart that draws it: the value as it stood at each period's end,
// by the KPI's own aggregation, and a chart that prints every figure and names its target.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LineChart } from '~/components/charts/line-chart';
import type { KpiForResults, Observation } from '~/domain/results/aggregate';
import { kpiTrend } from '~/domain/results/trend';

const kpi = (over: Partial<KpiForResults> = {}): KpiForResults => ({
  id: 'k',
  metric: 'page_views',
  scope: 'workspace',
  channel: null,
  audienceId: null,
  direction: 'more',
  baseline: null,
  target: 1000,
  targetDate: '2027-03-31',
  ...over,
});

let n = 0;
const obs = (
  metric: string,
  periodStart: string,
  periodEnd: string,
  value: number,
  pieceId = 'p1',
): Observation => ({
  id: `o${++n}`,
  metric,
  value,
  periodStart,
  periodEnd,
  subject: 'piece',
  pieceId,
  channel: null,
  audienceId: null,
  createdAt: `2026-01-01T00:00:0${n % 10}Z`,
  piece: { channel: 'blog', audienceIds: [] },
});

const window = { from: '2026-10-01', to: '2027-03-31' };

describe('kpiTrend', () => {
  it('adds up a summed metric month by month, over pieces', () => {
    const trend = kpiTrend(
      kpi(),
      [
        obs('page_views', '2026-10-01', '2026-10-31', 100),
        obs('page_views', '2026-10-01', '2026-10-31', 50, 'p2'),
        obs('page_views', '2026-11-01', '2026-11-30', 200),
        obs('visitors', '2026-11-01', '2026-11-30', 999),
        // outside the window: not counted
        obs('page_views', '2026-09-01', '2026-09-30', 5000),
      ],
      window,
    );
    expect(trend).toEqual([
      { day: '2026-10-31', value: 150 },
      { day: '2026-11-30', value: 350 },
    ]);
  });

  it('follows the latest value of a score', () => {
    const trend = kpiTrend(
      kpi({ metric: 'nps', target: 40 }),
      [obs('nps', '2026-10-01', '2026-10-31', 20), obs('nps', '2026-11-01', '2026-11-30', 35)],
      window,
    );
    expect(trend.map((p) => p.value)).toEqual([20, 35]);
  });

  it('is empty without results', () => {
    expect(kpiTrend(kpi(), [], window)).toEqual([]);
  });
});

describe('line chart', () => {
  const html = renderToStaticMarkup(
    createElement(LineChart, {
      title: 'Page views over time',
      summary: 'Two results, latest 350.',
      headers: { day: 'Day', value: 'Page views' },
      points: [
        { day: '2026-10-31', value: 150, dayText: '31 Oct 2026', valueText: '150' },
        { day: '2026-11-30', value: 350, dayText: '30 Nov 2026', valueText: '350' },
      ],
      reference: { value: 1000, text: 'Target: 1,000' },
      download: { href: '/x.csv?kpi=k&chart=trend', label: 'Download the figures (CSV)' },
    }),
  );

  it('is a figure with one labelled image, the target in words and the figures as a table', () => {
    expect(html).toMatch(/<figure[^>]*aria-labelledby="([^"]+)-title"/);
    expect(html).toMatch(/<svg role="img" aria-labelledby="[^"]+" aria-describedby="[^"]+"/);
    expect(html).toContain('Target: 1,000');
    expect(html).toContain('class="chart-reference"');
    expect(html.match(/<circle/g)).toHaveLength(2);
    expect(html).toContain('<th scope="row">31 Oct 2026</th><td>150</td>');
    expect(html).toContain('<th scope="row">30 Nov 2026</th><td>350</td>');
    expect(html).toContain('<a href="/x.csv?kpi=k&amp;chart=trend" download="">');
  });

  it('draws the line rising towards the target line', () => {
    const path = /<path class="chart-line" d="M([\d.]+),([\d.]+)L([\d.]+),([\d.]+)"/.exec(html);
    expect(path).not.toBeNull();
    const [, x1, y1, x2, y2] = path!.map(Number);
    expect(x2).toBeGreaterThan(x1!);
    expect(y2).toBeLessThan(y1!); // higher values sit higher up
    const target = /<line class="chart-reference"[^>]*y1="([\d.]+)"/.exec(html);
    expect(Number(target![1])).toBeLessThan(y2!);
  });
});
