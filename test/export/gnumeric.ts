/**
 * Recalculate a workbook with gnumeric's ssconvert and read every sheet back
 * as raw values: numbers at full precision (dates as serial numbers),
 * booleans as TRUE/FALSE, text as is. The workbook carries no cached results
 * for its formulas, so every computed figure read back was computed by
 * gnumeric from the Inputs sheet.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** gnumeric's converter: from PATH, or where $SSCONVERT says. */
export const SSCONVERT = process.env.SSCONVERT || 'ssconvert';

/** Whether ssconvert can run here (CI installs gnumeric; a developer machine may not have it). */
export function hasSsconvert(): boolean {
  const r = spawnSync(SSCONVERT, ['--version'], { encoding: 'utf8' });
  return r.error === undefined && r.status === 0;
}

export type Sheets = Readonly<Record<string, string[][]>>;

/**
 * `--recalc` recomputes every formula; `-S` writes one file per sheet, `%s`
 * being the sheet name; the configurable text exporter with `format=raw`
 * writes values unformatted (a date as its serial, a number with all its
 * digits) instead of as displayed.
 */
export function recalc(xlsx: Uint8Array): Sheets {
  const dir = mkdtempSync(join(tmpdir(), 'deal-model-xlsx-'));
  try {
    const input = join(dir, 'in.xlsx');
    writeFileSync(input, xlsx);
    execFileSync(
      SSCONVERT,
      ['--recalc', '-S', '-T', 'Gnumeric_stf:stf_assistant', '-O', 'separator=, format=raw eol=unix quoting-mode=auto', input, join(dir, 'out_%s.csv')],
      { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } },
    );
    const sheets: Record<string, string[][]> = {};
    for (const file of readdirSync(dir)) {
      const m = /^out_(.+)\.csv$/.exec(file);
      if (m) sheets[m[1] as string] = parseCsv(readFileSync(join(dir, file), 'utf8'));
    }
    return sheets;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
