/** Report → JSON text: the contract CI relies on (SPEC §4), two-space indented, one trailing newline. */
import type { Report } from './report.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report.json, null, 2)}\n`;
}
