/** Text that belongs to another line: labels handed to the block their amount is in, wrapped names. */
import type { BlockSpec } from '../../../templates/schema.ts';
import { labelKey } from '../../labels.ts';
import { codeAt, LEVELS } from '../../text/tables.ts';
import type { PdfLine } from '../layout.ts';
import { type BlockState, CLASS_ORDINAL, NOTE } from './rows.ts';
import type { Tok } from './tokens.ts';

/**
 * A label printed in one block's columns may name a line of a block further right (`当年支出小计` under
 * the functional names, its amount under 支出用途): it and what follows go to that block.
 */
export function handOver(line: Tok[][], states: BlockState[]): void {
  for (let i = 0; i + 1 < line.length; i++) {
    const toks = line[i]!;
    const own = states[i]!.specs;
    const at = toks.findIndex(
      (t) =>
        t.kind === 'text' &&
        !own.some((s) => s.labels.some((l) => labelKey(l) === labelKey(t.text))) &&
        states
          .slice(i + 1)
          .some((st) => st.specs.some((s) => s.labels.some((l) => labelKey(l) === labelKey(t.text)))),
    );
    if (at < 0) continue;
    const j = states.findIndex(
      (st, k) =>
        k > i && st.specs.some((s) => s.labels.some((l) => labelKey(l) === labelKey(toks[at]!.text))),
    );
    line[j] = [...toks.slice(at), ...line[j]!];
    line[i] = toks.slice(0, at);
  }
}

function startsWithCode(toks: Tok[], block: BlockSpec): boolean {
  const code = codeAt(toks as never, 0, block.levels?.length ?? 3);
  return !!code && !!LEVELS[code.code.length];
}

/**
 * A long name wraps in its cell and is printed centred on the row: fragments above and below the
 * line that holds the code and the amounts. Each text-only line joins the nearest such row line on
 * its page (within three line heights), before or after what that line prints, cell by cell. Cells
 * merged over several rows, printed once between them, cannot be told apart from this without the
 * ruling lines: their text goes to the nearest row.
 */
export function attachWrappedNames(lines: PdfLine[], cells: Tok[][][], b: number, block: BlockSpec): void {
  const isRow = (i: number) => {
    const t = cells[i]![b]!;
    return (
      t.length > 0 &&
      (startsWithCode(t, block) ||
        t.some((x) => x.kind === 'num') ||
        (block.rows === 'functional' && t[0]!.kind === 'text' && CLASS_ORDINAL.test(t[0]!.text)))
    );
  };
  const totals = block.total?.labels.map(labelKey) ?? [];
  for (let i = 0; i < lines.length; i++) {
    const toks = cells[i]![b]!;
    if (toks[0]?.kind === 'text' && NOTE.test(toks[0].text)) break; // notes under the table
    if (toks.length === 0 || isRow(i) || toks.some((t) => totals.includes(labelKey(t.text)))) continue;
    const l = lines[i]!;
    // The nearest row line above or below (a name may wrap over several lines each side).
    let best = -1;
    for (const step of [-1, 1]) {
      let j = i + step;
      while (j >= 0 && j < lines.length && !isRow(j)) j += step;
      const o = lines[j];
      if (!o || o.page !== l.page) continue;
      const gap = Math.abs(o.y - l.y);
      if (gap < 3 * Math.max(o.size, l.size) && (best < 0 || gap < Math.abs(lines[best]!.y - l.y))) best = j;
    }
    if (best < 0) continue;
    const row = cells[best]![b]!;
    const above = l.y < lines[best]!.y;
    // Text that starts with a list number starts its cell: nothing goes before it.
    if (above && row.some((x) => x.kind === 'text' && CLASS_ORDINAL.test(x.text))) continue;
    for (const f of toks) {
      if (f.kind !== 'text') continue;
      // A fragment continues the cell it overlaps; else it is the cell's only printed text.
      const t = row.find((x) => x.kind === 'text' && f.x0 < x.x1 && f.x1 > x.x0);
      if (t) {
        t.text = above ? `${f.text}${t.text}` : `${t.text}${f.text}`;
        t.x0 = Math.min(t.x0, f.x0);
        t.x1 = Math.max(t.x1, f.x1);
        continue;
      }
      const code = codeAt(row as never, 0, block.levels?.length ?? 3);
      let at = code && LEVELS[code.code.length] ? code.used : 0;
      while (at < row.length && row[at]!.kind === 'text' && row[at]!.x0 < f.x0) at++;
      row.splice(at, 0, { ...f });
    }
    cells[i]![b] = toks.filter((t) => t.kind !== 'text');
  }
}
