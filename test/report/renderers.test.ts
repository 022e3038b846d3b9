/**
 * The renderers on their own, without the CLI: one small Report through
 * CSV, Markdown, the table (whole and fitted to a width) and the HTML
 * tables, each output written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/report/csv.js';
import { display, group, percentOf } from '../../src/report/format.js';
import { renderMarkdown } from '../../src/report/md.js';
import type { Report } from '../../src/report/report.js';
import { renderTable } from '../../src/report/table.js';
import { dataTable, figuresTable } from '../../src/report/html/tables.js';
import { esc, html, raw } from '../../src/report/html/escape.js';

const REPORT: Report = {
  title: 'Small | report',
  currency: 'USD',
  headline: [{ label: 'Total', value: '1234567.50', kind: 'money', note: 'a note' }],
  columns: [
    { key: 'name', label: 'Name', kind: 'text' },
    { key: 'fee', label: 'Fee', kind: 'money' },
    { key: 'discount_factor', label: 'DF', kind: 'factor' },
  ],
  rows: [
    { name: '=SUM(A1)', fee: '-50000000.00', discount_factor: '1.0000000000' },
    { name: 'a, "quoted" name', fee: '1234567.50', discount_factor: '0.9500000000' },
  ],
  json: {},
};

describe('format', () => {
  it('groups without the locale, and shows fractions as percentages', () => {
    expect(group('1234567.50')).toBe('1,234,567.50');
    expect(group('-1000')).toBe('-1,000');
    expect(percentOf('-0.1305')).toBe('-13.05%');
    expect(percentOf('12.5000')).toBe('1,250.00%');
    expect(display(true, 'bool')).toBe('yes');
    expect(display(null, 'money')).toBe('');
    expect(display('\u001b[31mred', 'text')).toBe('\\u001b[31mred');
  });
});

describe('csv', () => {
  it('field names as header, RFC 4180 quoting, formulas neutralised in text only, numbers untouched', () => {
    expect(renderCsv(REPORT)).toBe('name,fee,discount_factor\n\'=SUM(A1),-50000000.00,1.0000000000\n"a, ""quoted"" name",1234567.50,0.9500000000\n');
  });
});

describe('markdown', () => {
  it('a heading, the figures, the table with numbers right-aligned and pipes escaped', () => {
    expect(renderMarkdown(REPORT)).toBe(
      [
        '## Small \\| report',
        '',
        'Amounts in USD.',
        '',
        '| Figure | Value | Note |',
        '| --- | ---: | --- |',
        '| Total | 1,234,567.50 | a note |',
        '',
        '| Name | Fee | DF |',
        '| --- | ---: | ---: |',
        '| =SUM(A1) | -50,000,000.00 | 1.0000000000 |',
        '| a, "quoted" name | 1,234,567.50 | 0.9500000000 |',
        '',
      ].join('\n'),
    );
  });
});

describe('table', () => {
  it('whole, and fitted to a width by leaving out DF first, named under it', () => {
    const whole = renderTable(REPORT);
    expect(whole).toMatch(/│ +DF │/);
    const width = Math.max(...whole.split('\n').filter((l) => l.startsWith('│')).map((l) => [...l].length));
    const fitted = renderTable(REPORT, undefined, width - 1);
    expect(fitted).not.toMatch(/│ +DF │/);
    expect(fitted).toContain('Left out to fit');
    expect(fitted.trimEnd().split('\n').at(-1)).toBe(`Left out to fit ${width - 1} columns: DF (--wide shows every column).`);
    expect(renderTable(REPORT, undefined, width)).toBe(whole);
  });
});

describe('html', () => {
  it('escapes every interpolation unless it is markup deal-model made', () => {
    expect(html`<p>${'<b>&"\''}</p>`.text).toBe('<p>&lt;b&gt;&amp;&quot;&#39;</p>');
    expect(html`<p>${raw('<b>x</b>')}${[1, ' & ', null, false]}</p>`.text).toBe('<p><b>x</b>1 &amp; </p>');
    expect(esc('a<b')).toBe('a&lt;b');
  });

  it('tables with header cells: scope col on the head, scope row on the first cell, numbers right-aligned', () => {
    const t = dataTable('Periods', REPORT.columns, REPORT.rows as never).text;
    expect(t).toContain('<th scope="col">Name</th><th scope="col" class="num">Fee</th>');
    expect(t).toContain('<tr><th scope="row">=SUM(A1)</th><td class="num">-50,000,000.00</td>');
    expect(t).toContain('<div class="scroll" role="region" aria-label="Periods (table)" tabindex="0"><table><caption>Periods</caption>');
    expect(figuresTable('Headline', REPORT.headline, 'USD').text).toContain('<tr><th scope="row">Total</th><td class="num">1,234,567.50 USD</td><td>a note</td></tr>');
  });
});
