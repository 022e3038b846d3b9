/**
 * Fixed modification dates in a zip archive. exceljs zips the workbook with
 * JSZip and gives it no date, so JSZip stamps every entry with the current
 * time and two exports of one scenario differ in a few header bytes. The
 * dates are not covered by the entries' CRCs, so they can be overwritten in
 * place: in every central directory record and in the local header it
 * points to. Only the plain zip JSZip writes is handled (no zip64, no
 * archive comment): anything else is returned unchanged rather than guessed.
 */
import { toYmd, type Day } from '../model/calendar.js';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** A day as an MS-DOS date (years 1980..2107, clamped), at 00:00:00. */
export function dosDate(day: Day): number {
  const { year, month, day: d } = toYmd(day);
  if (year < 1980) return (0 << 9) | (1 << 5) | 1;
  if (year > 2107) return (127 << 9) | (12 << 5) | 31;
  return ((year - 1980) << 9) | (month << 5) | d;
}

/** A copy of `zip` with every entry dated `day` at midnight. */
export function withFixedDates(zip: Uint8Array, day: Day): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const eocd = out.length - 22;
  if (eocd < 0 || view.getUint32(eocd, true) !== END_OF_CENTRAL_DIRECTORY) return zip;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const date = dosDate(day);
  for (let i = 0; i < entries; i++) {
    if (at + 46 > out.length || view.getUint32(at, true) !== CENTRAL_HEADER) return zip;
    const local = view.getUint32(at + 42, true);
    if (local + 30 > out.length || view.getUint32(local, true) !== LOCAL_HEADER) return zip;
    view.setUint16(at + 12, 0, true); // time
    view.setUint16(at + 14, date, true);
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, date, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}
