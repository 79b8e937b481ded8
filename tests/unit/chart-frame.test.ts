// The frame all charts share (charts/chart-figure.tsx): one labelled image sized by the chart,
// its marks hidden from assistive technology, the figures as a table, a richer table in its
// place when given, and the figures' download under it, for every kind of chart.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarChart } from '~/components/charts/bar-chart';
import { HeatGrid } from '~/components/charts/heat-grid';
import { LineChart } from '~/components/charts/line-chart';

const download = { href: '/figures.csv?metric=leads', label: 'Download the figures (CSV)' };

const charts = {
  bar: renderToStaticMarkup(
    createElement(BarChart, {
      title: 'Leads per period',
      summary: 'Two periods.',
      headers: { label: 'Period', value: 'Leads' },
      data: [
        { key: 'a', label: 'January', value: 4, valueText: '4' },
        { key: 'b', label: 'February', value: 6, valueText: '6' },
      ],
      download,
    }),
  ),
  line: renderToStaticMarkup(
    createElement(LineChart, {
      title: 'Leads over time',
      summary: 'Rising.',
      headers: { day: 'Day', value: 'Leads' },
      points: [
        { day: '2026-01-31', value: 4, dayText: '31 Jan 2026', valueText: '4' },
        { day: '2026-02-28', value: 6, dayText: '28 Feb 2026', valueText: '6' },
      ],
      reference: { value: 8, text: 'Target: 8' },
      download,
    }),
  ),
  grid: renderToStaticMarkup(
    createElement(HeatGrid, {
      title: 'Leads per channel',
      summary: 'One row.',
      rowHeader: 'Audience',
      columns: [{ key: 'blog', label: 'Blog' }],
      rows: [{ key: 'w', label: 'Wearers', cells: [{ value: 4, text: '4' }] }],
      download,
    }),
  ),
};

describe.each(Object.entries(charts))('the %s chart’s frame', (_, html) => {
  it('draws one image sized by the chart, its marks hidden from assistive technology', () => {
    expect(html.match(/<svg /g)).toHaveLength(1);
    expect(html).toMatch(
      /<svg role="img" aria-labelledby="[^"]+" aria-describedby="[^"]+" viewBox="0 0 \d+(\.\d+)? \d+(\.\d+)?"/,
    );
    expect(html).toMatch(/<svg [^>]*><g aria-hidden="true">/);
  });

  it('repeats the figures in a table and offers them as a file', () => {
    expect(html).toMatch(/<table><caption class="visually-hidden">Leads [^<]+<\/caption>/);
    expect(html).toContain('<td>4</td>');
    expect(html).toContain(
      '<p class="chart-download"><a href="/figures.csv?metric=leads" download="">Download the figures (CSV)</a></p>',
    );
  });
});

describe('a chart given a table of its own', () => {
  it('shows that table instead of the generated one', () => {
    const html = renderToStaticMarkup(
      createElement(BarChart, {
        title: 'Leads per period',
        summary: 'One period.',
        headers: { label: 'Period', value: 'Leads' },
        data: [{ key: 'a', label: 'January', value: 4, valueText: '4' }],
        table: createElement('table', { className: 'own' }),
      }),
    );
    expect(html).toContain('<table class="own"></table>');
    expect(html).not.toContain('<th scope="col">Period</th>');
    expect(html).not.toContain('chart-download');
  });
});
