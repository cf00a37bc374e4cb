/**
 * One cell of the facts workbook, written and read by its kind (./layout.ts). Reading never guesses:
 * a value that is not what its column holds is a problem naming the cell and its text.
 */
import type { GridCell } from '../../ingest/xlsx/grid.ts';
import { formatDecimals, shownNumber } from '../../ingest/xlsx/numbers.ts';
import { parseNumber, UNIT_EXPONENT } from '../../money/index.ts';
import { CHOICES, type ColumnSpec } from './layout.ts';
import type { Value } from './map.ts';

const PLAIN = /^-?\d+(\.\d+)?$/;
/** Decimals of an amount in 万元 down to the fen. */
const MAX_DECIMALS = UNIT_EXPONENT.万元;
const TOO_PRECISE = `more than ${MAX_DECIMALS} decimals (amounts are in 万元, exact to the fen)`;

/** The number format of a column's cells. */
export function numFmtOf(col: ColumnSpec, value?: Value): string {
  switch (col.kind) {
    case 'amount': {
      // two decimals, or as many as the amount has (last year's values can have more)
      const d = typeof value === 'string' ? (value.split('.')[1]?.length ?? 0) : 0;
      return `0.${'0'.repeat(Math.min(Math.max(2, d), MAX_DECIMALS))}`;
    }
    case 'integer':
      return '0';
    case 'decimal': {
      const d = typeof value === 'string' ? (value.split('.')[1]?.length ?? 0) : 0;
      return d ? `0.${'0'.repeat(d)}` : '0';
    }
    default:
      return '@';
  }
}

/** The value to put in a cell: amounts, integers and decimals as numbers, choices as their labels. */
export function cellValue(col: ColumnSpec, v: Value): string | number {
  switch (col.kind) {
    case 'amount':
    case 'decimal':
      // a value that is not a plain decimal is written as text, for the reader to report
      return typeof v === 'number' ? v : PLAIN.test(v.trim()) ? Number(v) : v;
    case 'integer':
      return typeof v === 'number' ? v : /^\d+$/.test(v) ? Number(v) : v;
    case 'choice':
      return CHOICES[col.choices!].find(([value]) => value === v)?.[1] ?? String(v);
    default:
      return String(v);
  }
}

export type Read = { value: Value } | { error: string } | null;

const quote = (s: string) => `"${s.length > 40 ? `${s.slice(0, 40)}…` : s}"`;

/**
 * An amount in 万元, exactly as the cell holds it: a number read as its shortest decimal (the float
 * 0.30000000000000004 of 0.1+0.2 is refused, not rounded), a text as the number it writes.
 */
function amountOf(cell: GridCell): Read {
  if (cell.num !== undefined) {
    const s = String(cell.num);
    if (!PLAIN.test(s)) return { error: `${quote(s)} is not an amount` };
    if ((s.split('.')[1]?.length ?? 0) > MAX_DECIMALS) return { error: `${quote(s)} has ${TOO_PRECISE}` };
    return { value: s };
  }
  const p = parseNumber(cell.text);
  if (!p || p.blank || p.percent || p.unit)
    return { error: `${quote(cell.text)} is not an amount (write a number in 万元, e.g. 12.30)` };
  if (p.value.scale > MAX_DECIMALS) return { error: `${quote(cell.text)} has ${TOO_PRECISE}` };
  return { value: p.text };
}

/** The value of a cell of a column (null: blank). */
export function readCell(col: ColumnSpec, cell: GridCell | undefined): Read {
  if (!cell || (cell.num === undefined && !cell.text.trim())) return null;
  const text = cell.text.trim();
  switch (col.kind) {
    case 'text':
      return { value: cell.num !== undefined ? String(cell.num) : cell.text };
    case 'code': {
      const s = cell.num !== undefined ? String(cell.num) : text;
      if (!/^\d+$/.test(s)) return { error: `${quote(s)} is not a code (digits only)` };
      if (col.digits && s.length !== col.digits)
        return { error: `${quote(s)} is not a ${col.digits}-digit code` };
      return { value: s };
    }
    case 'amount':
      return amountOf(cell);
    case 'integer': {
      const s = cell.num !== undefined ? String(cell.num) : text;
      if (!/^\d+$/.test(s)) return { error: `${quote(s)} is not a whole number` };
      return { value: Number(s) };
    }
    case 'decimal': {
      if (cell.num === undefined) return { value: text };
      const shown = formatDecimals(cell.fmt) === null ? null : shownNumber(cell.num, cell.fmt);
      if (shown?.off)
        return {
          error: `the cell shows ${shown.text} but holds ${shown.off}: write the number as it is printed`,
        };
      const s = shown ? shown.text : String(cell.num);
      if (!PLAIN.test(s)) return { error: `${quote(s)} is not a number` };
      return { value: s };
    }
    case 'choice': {
      const list = CHOICES[col.choices!];
      const hit = list.find(([, label]) => label === text) ?? list.find(([value]) => value === text);
      if (!hit) {
        const labels = list.map(([, l]) => l);
        const shown = labels.length > 6 ? `${labels.slice(0, 6).join('、')}…` : labels.join('、');
        return { error: `${quote(text)} is not one of the list (${shown})` };
      }
      return { value: hit[0] };
    }
  }
}
