/**
 * Turning drafted rows (label, numbers in printed order) into model tables: place every number in a
 * column with the template's identities, for all tables at once, and record how.
 */
import type { Instance, TableShape } from '../identities/instances.ts';
import { expandAll } from '../identities/instances.ts';
import type { Cell, Problem, Row, Table } from '../model/schema.ts';
import type { Template } from '../templates/schema.ts';
import { type NumToken, type PlaceRow, placeRows } from './place.ts';
import type { DraftTable } from './text/tables.ts';

export function shapesOf(tables: DraftTable[]): Map<string, TableShape> {
  const map = new Map<string, TableShape>();
  for (const t of tables) {
    map.set(t.spec.id, {
      id: t.spec.id,
      rows: t.rows.map((r) => ({
        key: r.key,
        kind: r.kind,
        block: r.block,
        ...(r.code ? { code: r.code } : {}),
        ...(r.level ? { level: r.level } : {}),
      })),
      columns: new Map(t.spec.blocks.map((b) => [b.id, b.columns.map((c) => c.id)])),
    });
  }
  return map;
}

function sourceOf(first: NumToken, last: NumToken): Cell['source'] {
  const s: Cell['source'] = { line: first.line };
  if (last.line !== first.line) s.endLine = last.line;
  if (first.page !== undefined) {
    s.page = first.page;
    s.x = first.x;
    s.y = first.y;
  }
  return s;
}

/** Make row keys unique within a table (a code printed twice gets `#2`). */
function uniqueKeys(t: DraftTable): void {
  const seen = new Map<string, number>();
  for (const r of t.rows) {
    const n = (seen.get(r.key) ?? 0) + 1;
    seen.set(r.key, n);
    if (n > 1) r.key = `${r.key}#${n}`;
  }
}

export function buildTables(
  template: Template,
  drafts: DraftTable[],
  problems: Problem[],
): { tables: Table[]; instances: Instance[] } {
  for (const t of drafts) uniqueKeys(t);
  const shapes = shapesOf(drafts);
  const instances = expandAll(template, shapes);
  const placeRowsIn: PlaceRow[] = [];
  for (const t of drafts) {
    const unit = t.unit ?? t.spec.unit;
    const columnIds = new Map(t.spec.blocks.map((b) => [b.id, b.columns.map((c) => c.id)]));
    for (const r of t.rows) {
      const block = t.spec.blocks.find((b) => b.id === r.block)!;
      placeRowsIn.push({
        table: t.spec.id,
        key: r.key,
        columns: columnIds.get(block.id)!,
        totalFirst: block.columns[0]?.meaning.total === true,
        numbers: r.numbers,
        unit,
      });
    }
  }
  const placed = placeRows(placeRowsIn, instances);
  let k = 0;
  const tables: Table[] = drafts.map((t) => {
    const unit = t.unit ?? t.spec.unit;
    if (!t.unit) {
      problems.push({
        severity: 'warning',
        message: `${t.spec.id}: no unit printed with the table; assumed ${t.spec.unit} from the template`,
        source: { line: t.line },
      });
    }
    const rows: Row[] = t.rows.map((r) => {
      const res = placed[k++]!;
      for (const p of res.problems) {
        problems.push({
          severity: 'warning',
          message: `${t.spec.id} row ${r.key}: ${p}`,
          raw: r.raw.join(' / '),
          source: { line: r.line },
        });
      }
      const cells: Cell[] = res.numbers.map((n) => {
        const first = n.tokens[0]!;
        const last = n.tokens[n.tokens.length - 1]!;
        const cell: Cell = {
          column: n.column,
          value: n.value,
          raw: n.tokens.map((x) => x.text).join(' '),
          fen: n.fen,
          unit,
          placement: n.placement,
          source: sourceOf(first, last),
        };
        if (n.candidates) cell.candidates = n.candidates;
        if (n.residual !== undefined) cell.residual = String(n.residual);
        if (n.placement === 'unresolved') {
          problems.push({
            severity: 'warning',
            message: `${t.spec.id} row ${r.key}: cannot tell which column ${n.value} belongs to (${(n.candidates ?? []).join(' / ') || 'no column fits'})`,
            raw: cell.raw,
            source: cell.source,
          });
        }
        return cell;
      });
      const row: Row = {
        key: r.key,
        kind: r.kind,
        label: r.label,
        raw: r.raw.join(' / '),
        cells,
        source: {
          line: r.line,
          ...(r.endLine !== r.line ? { endLine: r.endLine } : {}),
          ...(r.page !== undefined ? { page: r.page } : {}),
        },
      };
      if (t.spec.blocks.length > 1) row.block = r.block;
      if (r.code) row.code = r.code;
      if (r.level) row.level = r.level;
      if (r.kind === 'project' && r.text[0]) row.subject = r.text[0];
      return row;
    });
    for (const p of t.problems)
      problems.push({ severity: 'warning', message: p.message, raw: p.raw, source: { line: p.line } });
    for (const n of t.noise) {
      problems.push({
        severity: 'info',
        message: `${t.spec.id}: fragment belongs to no cell (kept as noise)`,
        raw: n.raw,
        source: { line: n.line },
      });
    }
    const table: Table = {
      id: t.spec.id,
      title: t.title,
      unit,
      columns: t.spec.blocks.flatMap((b) =>
        b.columns.map((c) => ({
          id: c.id,
          header: t.headers?.[c.id] ?? c.header,
          ...(t.spec.blocks.length > 1 ? { block: b.id } : {}),
        })),
      ),
      rows,
      noise: t.noise.map((n) => ({ raw: n.raw, source: { line: n.line } })),
      source: {
        line: t.line,
        endLine: t.endLine,
        ...(t.page !== undefined ? { page: t.page } : {}),
      },
    };
    if (t.number) table.number = t.number;
    if (t.unitName) table.unitName = t.unitName;
    if (t.statement) table.statement = t.statement;
    return table;
  });
  return { tables, instances };
}
