/**
 * Reading a table from positioned lines. The column of every number comes from the page: each
 * template column is found in the header (a printed header cell, or one stacked over several lines)
 * and a number belongs to the column whose header is nearest. Blocks printed side by side (income on
 * the left, expenditure on the right) are told apart by position too. Rows start at a code, a fixed
 * line label or a total label; text without numbers continues the row above (wrapped labels).
 */
import type { Catalog } from '../../catalog/catalog.ts';
import type { TableSpec } from '../../templates/schema.ts';
import { labelKey } from '../labels.ts';
import { compactText, squash } from '../normalize.ts';
import type { NumToken } from '../place.ts';
import { type DraftRow, type DraftTable, draftTable, unitOf } from '../text/tables.ts';
import { TABLE_NUMBER } from '../titles.ts';
import { anchorsOf, pathAnchorsOf } from './grid/header.ts';
import {
  type BlockState,
  codeByName,
  MAKER,
  NOTE,
  near,
  nearest,
  pinRow,
  readBlockLine,
} from './grid/rows.ts';
import { type Tok, tokensOf } from './grid/tokens.ts';
import { attachWrappedNames, handOver } from './grid/wrap.ts';
import type { PdfLine } from './layout.ts';

/**
 * What is printed right under a table about it: a note (`注：…`, `说明：…`) or the sentence saying it
 * is empty, and the lines that continue it; not the text that follows the table on the page.
 */
function statementOf(trailer: PdfLine[], spec: TableSpec): string | null {
  const empty = spec.emptyStatement ? new RegExp(spec.emptyStatement) : null;
  const at = trailer.findIndex((l) => NOTE.test(l.text) || empty?.test(squash(l.text)));
  if (at < 0) return null;
  const out = [trailer[at]!];
  for (let i = at + 1; i < trailer.length && near(out[out.length - 1]!, trailer[i]!); i++)
    out.push(trailer[i]!);
  return compactText(out.map((l) => l.text).join(' '));
}

/** Read one table from the lines between its title and the next table. */
export function readPdfTable(
  spec: TableSpec,
  lines: PdfLine[],
  start: number,
  end: number,
  catalog: Catalog | null,
): DraftTable {
  const region = lines.slice(start, end);
  const table = draftTable(spec, region);
  // A table's number printed on a line of its own (`表 1`) comes before its title.
  const head = region[0] && region[1] && TABLE_NUMBER.test(squash(region[0].text)) ? 1 : 0;
  if (head) table.number = compactText(region[0]!.text);
  if (region[head]) table.title = compactText(region[head].text);
  // The header: from the title to the first line that starts a row or prints an amount.
  let body = head + 1;
  for (; body < region.length; body++) {
    const l = region[body]!;
    const u = unitOf(l.text);
    if (u) table.unit = u;
    const m = MAKER.exec(l.text);
    if (m) table.unitName = m[1];
    if (u || m) continue;
    const toks = tokensOf(l);
    if (toks.some((t) => t.kind === 'num')) break;
    const first = toks[0]?.text ?? '';
    const labels = spec.blocks.flatMap((b) => [...(b.total?.labels ?? []), ...(b.lines?.[0]?.labels ?? [])]);
    if (labels.some((x) => labelKey(x) === labelKey(first))) break;
  }
  const header = region.slice(head + 1, body).filter((l) => !unitOf(l.text) && !MAKER.test(l.text));
  const anchors = anchorsOf(spec, header);
  const printed: Record<string, string> = {};
  for (const a of anchors) for (const x of a ?? []) printed[x.column] = x.printed;
  if (Object.keys(printed).length > 0) table.headers = printed;
  const missing = spec.blocks.filter((_, i) => !anchors[i]).map((b) => b.id);
  if (missing.length > 0) {
    table.problems.push({
      message: `${spec.id}: column headers not all found on the page (${missing.join(', ')}); columns are decided by the identities`,
      line: region[0]?.no ?? 0,
    });
  }
  // Block boundaries: a block ends just right of its last column.
  const repeated = new Set(region.slice(0, body).map((l) => squash(l.text)));
  const states: BlockState[] = spec.blocks.map((b, i) => ({
    spec: b,
    anchors: anchors[i] ?? null,
    specs: [...(b.lines ?? []), ...(b.total ? [b.total] : [])],
    pos: 0,
    current: null,
    pending: null,
    closed: false,
    last: null,
    byName: new Set<DraftRow>(),
    centers: new Map<NumToken, number>(),
    pathAnchors: b.paths ? pathAnchorsOf(b.paths, header) : null,
    path: (b.paths ?? []).map(() => ''),
  }));
  const bodyLines = region.slice(body).filter((l) => !repeated.has(squash(l.text)));
  const limits = states.map((s, i) => {
    if (i === states.length - 1) return Infinity;
    const last = s.anchors?.[s.anchors.length - 1];
    if (!last) return Infinity;
    let edge = last.x1;
    for (const l of bodyLines) {
      for (const t of tokensOf(l)) {
        if (t.kind === 'num' && nearest(s.anchors, t) === last.column && t.x0 < last.x1 + 40)
          edge = Math.max(edge, t.x1);
      }
    }
    return edge + 1;
  });
  // Each line's tokens, block by block.
  const cells = bodyLines.map((l) => {
    const toks = tokensOf(l);
    let from = 0;
    return states.map((_, i) => {
      const mine: Tok[] = [];
      while (from < toks.length && (toks[from]!.x0 + toks[from]!.x1) / 2 < limits[i]!)
        mine.push(toks[from++]!);
      return mine;
    });
  });
  for (const line of cells) handOver(line, states);
  states.forEach((st, b) => {
    if (st.spec.rows !== 'lines') attachWrappedNames(bodyLines, cells, b, st.spec);
  });
  const trailer: PdfLine[] = [];
  bodyLines.forEach((l, li) => {
    if (states.every((s) => s.closed)) {
      trailer.push(l);
      return;
    }
    states.forEach((st, i) => {
      readBlockLine(st, cells[li]![i]!, l, table);
    });
    if (states.length === 1 && states[0]!.closed) trailer.push(l);
  });
  for (const st of states) {
    if (st.pending) {
      table.problems.push({
        message: `unrecognised row label in ${spec.id}`,
        line: st.pending.line.no,
        raw: st.pending.text,
      });
    }
  }
  for (const row of table.rows) {
    const st = states.find((x) => x.spec.id === row.block);
    if (st) pinRow(row, st);
  }
  for (const st of states) {
    for (const row of st.byName) {
      const code = codeByName(row.label, st.spec, catalog);
      row.key = code ?? labelKey(row.label);
      if (code) row.code = code;
      else {
        row.kind = 'line';
        delete row.level;
        table.problems.push({
          message: `${spec.id}: class name not in the catalog, row kept under its name`,
          line: row.line,
          raw: row.label,
        });
      }
    }
  }
  const pageOf = new Map(region.map((l) => [l.no, l.page]));
  for (const row of table.rows) row.page = pageOf.get(row.line);
  table.page = region[0]?.page;
  table.endPage = region[region.length - 1]?.page;
  const statement = statementOf(trailer, spec);
  if (statement) table.statement = statement;
  for (const r of table.rows) if (!r.label) r.label = compactText(r.text.join(' '));
  return table;
}
