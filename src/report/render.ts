/**
 * Dispatch a Report to its format. The table renderer (cli-table3, and chalk
 * when colour is on) is loaded only when a table is asked for, so JSON and
 * CSV runs do not pay for it at start-up.
 */
import { renderCsv } from './csv.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './md.js';
import type { Report } from './report.js';
import type { Paint } from './table.js';

export const FORMATS = ['table', 'csv', 'json', 'md'] as const;
export type Format = (typeof FORMATS)[number];

/** `width`: the terminal's, for a table that fits it (SPEC §7); undefined for the whole table. */
export async function render(report: Report, format: Format, paint: () => Promise<Paint>, width?: number): Promise<string> {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'csv':
      return renderCsv(report);
    case 'md':
      return renderMarkdown(report);
    case 'table': {
      const { renderTable } = await import('./table.js');
      return renderTable(report, await paint(), width);
    }
  }
}
