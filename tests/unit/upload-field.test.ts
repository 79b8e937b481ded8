// The import pages' one file field (knowledge items, results): a required file input sent as
// `file`, named by its label and described by its hint.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UploadField } from '~/components/upload-field';

describe('the upload field', () => {
  it('labels a required file input and describes it by its hint', () => {
    const html = renderToStaticMarkup(
      createElement(UploadField, {
        id: 'results-file',
        label: 'Export file (CSV)',
        hint: 'One result per row.',
        accept: '.csv,text/csv',
      }),
    );
    expect(html).toContain('<label for="results-file">Export file (CSV)</label>');
    expect(html).toMatch(
      /<input id="results-file" name="file" type="file" accept="\.csv,text\/csv" required="" aria-describedby="results-file-hint"\/>/,
    );
    expect(html).toContain('<p class="field-hint" id="results-file-hint">One result per row.</p>');
  });
});
