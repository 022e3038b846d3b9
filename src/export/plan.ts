/**
 * A workbook as plain data: sheets of cells (values, formulas, number
 * formats), column widths, frozen rows and defined names. The sheet modules
 * build a plan without touching exceljs, so the layout and every formula can
 * be read and tested as data; only workbook.ts turns a plan into bytes.
 */
import { fromYmd, type Day } from '../model/calendar.js';
import { formatScaled, type Cents, type Decimal } from '../model/money.js';

export interface Formula {
  /** Without the leading `=`, as the file format stores it. */
  readonly formula: string;
}

export type Value = number | string | boolean | Formula | null;

export interface Cell {
  readonly value: Value;
  readonly format?: string;
  readonly bold?: boolean;
}

export interface Sheet {
  readonly name: string;
  /** Column widths in characters, from column A. */
  readonly widths: readonly number[];
  /** Row-major from A1; an undefined cell is left empty. */
  readonly rows: readonly (readonly (Cell | undefined)[])[];
  /** Rows kept in view when scrolling (the header). */
  readonly freezeRows: number;
}

export interface DefinedName {
  readonly name: string;
  /** An absolute reference such as `Inputs!$B$10`. */
  readonly ref: string;
}

export interface WorkbookPlan {
  readonly sheets: readonly Sheet[];
  readonly names: readonly DefinedName[];
  /** Stamped as the workbook's created and modified date, so two exports of one scenario are identical. */
  readonly stamp: Day;
}

export const FORMAT = {
  money: '#,##0.00',
  /** An amount as written in the scenario: any decimals beyond cents stay visible (2,400,000.005). */
  amount: '#,##0.00####',
  date: 'yyyy-mm-dd',
  percent: '0.00####%',
  factor: '0.0000000000',
  int: '0',
} as const;

/** Excel's day 0: serial numbers count days from 1899-12-30 (so 1900-03-01 onwards is right despite the 1900 leap-year bug). */
const SERIAL_EPOCH: Day = fromYmd(1899, 12, 30);

/** A calendar date as a spreadsheet serial number: plain day arithmetic, no Date, so no time zone can shift it. */
export function serial(day: Day): number {
  return day - SERIAL_EPOCH;
}

/** A rounded amount as a cell number: the double nearest the exact decimal. */
export function centsNumber(value: Cents): number {
  return Number(formatScaled(value, 2));
}

/** An exact decimal as a cell number (the nearest double). */
export function decimalNumber(value: Decimal): number {
  return Number(value.toString());
}

/** Column number (1-based) → letters: 1 → A, 27 → AA. */
export function column(n: number): string {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}

/** An A1 reference, e.g. address(2, 3) = C2; `absolute` gives $C$2. */
export function address(row: number, col: number, absolute = false): string {
  return absolute ? `$${column(col)}$${row}` : `${column(col)}${row}`;
}

export const formula = (text: string): Formula => ({ formula: text });

export const text = (value: string, bold = false): Cell => (bold ? { value, bold } : { value });

export const header = (value: string): Cell => ({ value, bold: true });

/** A mutable grid used while a sheet is laid out; `rows()` freezes it into a plan. */
export class Grid {
  private readonly cells: (Cell | undefined)[][] = [];

  /** Put a cell at a 1-based row and column. */
  set(row: number, col: number, cell: Cell): void {
    const r = (this.cells[row - 1] ??= []);
    r[col - 1] = cell;
  }

  /** Put cells in one row from a starting column. */
  setRow(row: number, col: number, cells: readonly (Cell | undefined)[]): void {
    cells.forEach((cell, i) => {
      if (cell) this.set(row, col + i, cell);
    });
  }

  rows(): (Cell | undefined)[][] {
    return Array.from(this.cells, (r) => r ?? []);
  }
}

/**
 * round2 of an exact amount, in a spreadsheet that computes in doubles. The
 * SPEC rounds the exact value half up; a double computed through a few
 * multiplications can land a hair below an exact half cent, and ROUND then
 * goes down. Rounding first to 9 decimals puts such a value back on the half
 * cent. Measured with gnumeric on 6,000 amounts (half-cent ties, near-ties
 * and others, 10^3 to 10^11): plain ROUND missed 10 ties; a first rounding
 * to 6 or 7 decimals moved near-ties onto the tie (16 and 3 wrong); to 10
 * decimals it missed ties again above 10^8; 8 and 9 were right everywhere
 * below 10^10, where a double still holds an amount to well under a cent.
 */
export const round2 = (expr: string): string => `ROUND(ROUND(${expr},9),2)`;
