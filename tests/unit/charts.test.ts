// The shared SVG charts, rendered as the server renders them: a figure named by its title, the
// picture as one labelled image, every value printed as text, and the same figures as a table.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarChart } from '~/components/charts/bar-chart';
import { fitLabel } from '~/components/charts/chart-figure';
import { FLAG_SIGN, HeatGrid } from '~/components/charts/heat-grid';

const attr = (html: string, tag: string, name: string) =>
  [...html.matchAll(new RegExp(`<${tag}[^>]*?\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('bar chart', () => {
  const html = renderToStaticMarkup(
    createElement(BarChart, {
      title: 'Goal mix',
      summary: 'Two goals, one under-served.',
      domainMax: 100,
      headers: { label: 'Goal', value: 'Planned', target: 'Wanted', note: 'Assessment' },
      data: [
        {
          key: 'a',
          label: 'Awareness',
          value: 75,
          valueText: '75 %',
          target: 50,
          targetText: '50 % wanted',
        },
        {
          key: 'b',
          label: 'Retention of customers over many years',
          value: 25,
          valueText: '25 %',
          target: 50,
          targetText: '50 % wanted',
          note: 'under-served',
        },
      ],
    }),
  );

  it('is a figure whose image is named by the title and described by the summary', () => {
    const [labelledBy] = attr(html, 'svg', 'aria-labelledby');
    const [describedBy] = attr(html, 'svg', 'aria-describedby');
    expect(attr(html, 'svg', 'role')).toEqual(['img']);
    expect(html).toContain(`id="${labelledBy}"`);
    expect(html).toMatch(new RegExp(`id="${labelledBy}"[^>]*>Goal mix<`));
    expect(html).toMatch(new RegExp(`id="${describedBy}"[^>]*>Two goals, one under-served.<`));
    expect(attr(html, 'figure', 'aria-labelledby')).toEqual([labelledBy]);
  });

  it('draws bars and target marks to scale and prints every value as text', () => {
    const widths = attr(html, 'rect', 'width').map(Number);
    // track, bar per row: the bars are 75 % and 25 % of the track
    const [track, first, , second] = widths as [number, number, number, number];
    expect(first / track).toBeCloseTo(0.75);
    expect(second / track).toBeCloseTo(0.25);
    const marks = attr(html, 'line', 'x1').map(Number);
    expect(marks).toHaveLength(2);
    expect(marks[0]).toBe(marks[1]);
    expect(html).toContain('75 % · 50 % wanted');
    expect(html).toContain('25 % · 50 % wanted · under-served');
    // a long label is shortened in the picture, whole in the table
    expect(html).toContain(fitLabel('Retention of customers over many years', 24));
    expect(html).toContain('<th scope="row">Retention of customers over many years</th>');
  });

  it('repeats the figures in a table with the given headers', () => {
    expect(html).toContain('<th scope="col">Wanted</th>');
    expect(html).toContain('<td>under-served</td>');
    expect(html).toContain('<td>75 %</td>');
  });
});

describe('heat grid', () => {
  const html = renderToStaticMarkup(
    createElement(HeatGrid, {
      title: 'Matrix',
      summary: 'One gap.',
      rowHeader: 'Audience',
      legend: `${FLAG_SIGN} marks a gap`,
      columns: [
        { key: 'blog-1', label: 'Jan', group: 'Blog' },
        { key: 'blog-2', label: 'Feb', group: 'Blog' },
        { key: 'podcast-1', label: 'Jan', group: 'Podcast' },
      ],
      rows: [
        {
          key: 'w',
          label: 'Wearers',
          cells: [
            { value: 4, text: '4' },
            { value: 0, text: '0', flagged: true, flagText: '(gap)' },
            { value: 1, text: '1' },
          ],
        },
      ],
    }),
  );

  it('prints every count, marks gaps by a sign and an outline, and shades by size', () => {
    expect(html).toMatch(/class="heat-text heat-text-4"[^>]*>4</);
    expect(html).toMatch(new RegExp(`>0 ${FLAG_SIGN}<`));
    expect(html).toContain('heat-flagged');
    expect(html).toMatch(/class="heat-cell heat-0 heat-flagged"/);
    expect(html).toMatch(/class="heat-cell heat-1"/);
  });

  it('groups the columns in the table and says what a sign means', () => {
    expect(html).toMatch(/<th scope="colgroup" colspan="2">Blog<\/th>/i);
    expect(html).toContain(`<td class="flagged">0 ${FLAG_SIGN} (gap)</td>`);
    expect(html).toContain(`${FLAG_SIGN} marks a gap`);
  });
});
