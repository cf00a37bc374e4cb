/**
 * A workbook stores a number as a binary float and shows it through a number format. The amount it
 * prints is the float at the precision the format shows (two decimals for money when the format
 * says nothing); that decimal is what we read, exactly, and a float that is not that decimal
 * (beyond the float's own error) is reported.
 */

/** Digits after the point the first section of a number format shows; null for General/text formats. */
export function formatDecimals(fmt: string | undefined): number | null {
  if (!fmt) return null;
  const section = (fmt.split(';')[0] ?? '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  if (/general/i.test(section) || !/[0#?]/.test(section)) return null;
  const dot = section.indexOf('.');
  if (dot < 0) return 0;
  const m = /^[0#?]*/.exec(section.slice(dot + 1));
  return m ? m[0].length : 0;
}

export function isPercentFormat(fmt: string | undefined): boolean {
  return !!fmt && /%/.test((fmt.split(';')[0] ?? '').replace(/"[^"]*"/g, ''));
}

export interface ShownNumber {
  /** the decimal the cell shows, canonical (no separators) */
  text: string;
  /** set when the stored float is not the shown decimal */
  off?: string;
}

/** The decimal a numeric cell shows. */
export function shownNumber(value: number, fmt: string | undefined, moneyDecimals = 2): ShownNumber {
  const percent = isPercentFormat(fmt);
  const v = percent ? value * 100 : value;
  const decimals = formatDecimals(fmt) ?? moneyDecimals;
  let text = Math.abs(v) < 1e21 ? v.toFixed(Math.min(decimals, 20)) : String(v);
  if (/^-0(?:\.0*)?$/.test(text)) text = text.slice(1);
  const tolerance = 1e-6 + Math.abs(v) * 8 * Number.EPSILON;
  const out: ShownNumber = { text: percent ? `${text}%` : text };
  if (Math.abs(Number(text) - v) > tolerance) out.off = String(value);
  return out;
}
