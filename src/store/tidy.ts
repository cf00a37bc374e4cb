/** A disclosure's printed table cells as tidy facts: one row per cell, with what its row and column mean. */
import type { Disclosure } from '../model/schema.ts';
import type { BlockSpec, Template } from '../templates/schema.ts';
import type { NewCell } from './schema.ts';

export type TidyCell = Omit<NewCell, 'disclosure_id' | 'region_id' | 'unit_id' | 'year'>;

function classificationOf(block: BlockSpec | undefined): string | null {
  if (!block) return null;
  if (block.rows === 'functional' || block.rows === 'projects') return 'functional';
  if (block.rows === 'economic') return 'economic';
  return null;
}

/** Every printed cell of every table, in printed order. Performance tables and narrative are not cells. */
export function tidyCells(doc: Disclosure, template: Template): TidyCell[] {
  const out: TidyCell[] = [];
  for (const table of doc.tables) {
    const spec = template.tables.find((t) => t.id === table.id);
    for (const row of table.rows) {
      const block = spec?.blocks.find((b) => b.id === (row.block ?? spec.blocks[0]?.id));
      const classification = classificationOf(block);
      const code = row.code ?? (row.kind === 'code' ? row.key : null);
      for (const cell of row.cells) {
        if (cell.fen !== null && !Number.isSafeInteger(cell.fen)) {
          throw new RangeError(`${table.id} ${row.key}: amount ${cell.raw} is beyond exact integer fen`);
        }
        const column = cell.column === null ? undefined : block?.columns.find((c) => c.id === cell.column);
        const meaning = column?.meaning;
        out.push({
          ord: out.length,
          table_id: table.id,
          block: row.block ?? null,
          row_key: row.key,
          row_kind: row.kind,
          label: row.label,
          code,
          level: row.level ?? null,
          classification,
          economic: classification === 'economic' ? code : (meaning?.economic ?? null),
          economic_level:
            classification === 'economic' ? (row.level ?? null) : meaning?.economic ? '类' : null,
          column_id: cell.column,
          fund: meaning?.fund ?? null,
          spending: meaning?.spending ?? null,
          total_column: meaning?.total ? 1 : 0,
          value: cell.value,
          fen: cell.fen,
          unit: cell.unit,
          placement: cell.placement,
          line: cell.source.line ?? null,
          page: cell.source.page ?? null,
        });
      }
    }
  }
  return out;
}
