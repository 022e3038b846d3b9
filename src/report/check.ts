/**
 * `check --format json|junit` (SPEC §7): the results of every file as one
 * document for CI. JSON as the SPEC lists it; JUnit XML with one test case
 * per scenario, a failure per difference or failed expectation, an error
 * for an invalid or unreadable file, and a skipped case for an unchecked one.
 */
export type Status = 'match' | 'differ' | 'unchecked' | 'invalid' | 'unreadable';
export const STATUSES: readonly Status[] = ['match', 'differ', 'unchecked', 'invalid', 'unreadable'];

export interface CheckedFile {
  readonly file: string;
  readonly status: Status;
  readonly differences: readonly { readonly path: string; readonly old: unknown; readonly new: unknown }[];
  readonly expectations: readonly { readonly path: string; readonly expected: string; readonly actual: unknown; readonly ok: boolean }[];
  readonly problems: readonly string[];
}

export function summaryOf(files: readonly CheckedFile[]): Record<Status, number> {
  const summary = { match: 0, differ: 0, unchecked: 0, invalid: 0, unreadable: 0 };
  for (const f of files) summary[f.status]++;
  return summary;
}

/** `4 scenarios: 1 match, 0 differ, 3 unchecked` (invalid and unreadable when there are any). */
export function summaryLine(files: readonly CheckedFile[]): string {
  const s = summaryOf(files);
  const parts = STATUSES.filter((k) => k === 'match' || k === 'differ' || k === 'unchecked' || s[k] > 0).map((k) => `${s[k]} ${k}`);
  return `${files.length} scenario${files.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

export function checkJson(files: readonly CheckedFile[]): string {
  return `${JSON.stringify({ scenarios: files, summary: summaryOf(files) }, null, 2)}\n`;
}

const XML_TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** XML-escaped text; characters XML 1.0 cannot hold (most control characters) become U+FFFD. */
const xml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => XML_TEXT[c]!).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');
const shown = (v: unknown): string => (v === null ? '(absent)' : typeof v === 'string' ? v : JSON.stringify(v));

export function checkJunit(files: readonly CheckedFile[]): string {
  const s = summaryOf(files);
  const failures = files.reduce((n, f) => n + (f.status === 'differ' ? Math.max(1, f.differences.length + f.expectations.filter((e) => !e.ok).length) : 0), 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="deal-model check" tests="${files.length}" failures="${failures}" errors="${s.invalid + s.unreadable}" skipped="${s.unchecked}">`,
    `  <testsuite name="deal-model check" tests="${files.length}" failures="${failures}" errors="${s.invalid + s.unreadable}" skipped="${s.unchecked}">`,
  ];
  for (const f of files) {
    lines.push(`    <testcase classname="deal-model.check" name="${xml(f.file)}">`);
    if (f.status === 'differ') {
      for (const d of f.differences) lines.push(`      <failure message="${xml(`${d.path}: ${shown(d.old)} → ${shown(d.new)}`)}" type="difference"/>`);
      for (const e of f.expectations.filter((x) => !x.ok)) lines.push(`      <failure message="${xml(`expect ${e.path}: expected ${e.expected}, got ${shown(e.actual)}`)}" type="expectation"/>`);
      for (const p of f.problems) lines.push(`      <failure message="${xml(p)}" type="snapshot"/>`);
    } else if (f.status === 'invalid' || f.status === 'unreadable') {
      lines.push(`      <error message="${xml(f.problems[0] ?? f.status)}" type="${f.status}">${xml(f.problems.join('\n'))}</error>`);
    } else if (f.status === 'unchecked') {
      lines.push('      <skipped message="no expect: block and no --snapshots"/>');
    }
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}
