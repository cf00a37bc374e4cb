/** Comparing the tables of two readings of a disclosure (a document and a workbook made from it). */
import type { Disclosure } from '../../src/model/schema.ts';

/** One line per row: key, kind, block, code, level, subject, then each cell as column=value/fen. */
export function tableLines(d: Disclosure): string[] {
  return d.tables.flatMap((t) => [
    `${t.id} columns ${t.columns.map((c) => `${c.block ?? ''}:${c.id}`).join(',')} unit ${t.unit}`,
    ...t.rows.map((r) =>
      [
        t.id,
        r.key,
        r.kind,
        r.block ?? '',
        r.code ?? '',
        r.level ?? '',
        r.subject ?? '',
        r.cells
          .map((c) => `${c.column ?? `?${(c.candidates ?? []).join('/')}`}=${c.value}/${c.fen}`)
          .sort()
          .join(' '),
      ].join('|'),
    ),
  ]);
}

/** Lines of one that the other lacks, both ways (empty when the tables are the same). */
export function tableDifferences(a: Disclosure, b: Disclosure): string[] {
  const la = tableLines(a);
  const lb = tableLines(b);
  const out: string[] = [];
  for (let i = 0; i < Math.max(la.length, lb.length); i++)
    if (la[i] !== lb[i]) out.push(`source:   ${la[i] ?? '(none)'}\nworkbook: ${lb[i] ?? '(none)'}`);
  return out;
}
