import { describe, expect, it } from 'vitest';
import { filterOptions } from '~/components/expert-picker';
import { renderMarkdown } from '~/components/markdown-preview';

describe('the Markdown preview', () => {
  it('renders Markdown', async () => {
    expect(await renderMarkdown('## Care\n\nA **bold** word.\n\n- one\n- two')).toBe(
      '<h2>Care</h2>\n<p>A <strong>bold</strong> word.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
    );
  });

  it('never renders HTML from the text, and drops dangerous link targets', async () => {
    const html = await renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)"> [click](javascript:alert(1)) ![x](data:text/html,hi)',
    );
    expect(html).not.toMatch(/<script|<img src=x|javascript:|data:text/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });
});

describe('the expert picker', () => {
  const people = [
    { id: 'a', name: 'Anna Schmid' },
    { id: 'm', name: 'Mehmet Yılmaz' },
    { id: 't', name: 'Tobias Krüger' },
  ];

  it('finds people by any part of the name, ignoring case and accents', () => {
    expect(filterOptions(people, 'KRUG', []).map((p) => p.id)).toEqual(['t']);
    expect(filterOptions(people, 'yilmaz', []).map((p) => p.id)).toEqual(['m']);
    expect(filterOptions(people, '  ', []).map((p) => p.id)).toEqual(['a', 'm', 't']);
  });

  it('leaves out those already chosen', () => {
    expect(filterOptions(people, '', ['a', 't']).map((p) => p.id)).toEqual(['m']);
  });
});
