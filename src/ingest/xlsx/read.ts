/**
 * The workbook reader: an .xlsx or .xls (a composer's workbook, a finance-system export laid out
 * like the printed tables) → the Disclosure model. Tables are found by their titles anywhere in any
 * sheet (one table a sheet, or several stacked), read by ./tables.ts and finished by the same
 * buildTables as text and PDF tables. A workbook holds tables only: `missing` lists absent tables,
 * never the narrative parts.
 */
import { createHash } from 'node:crypto';
import { loadCatalog } from '../../catalog/catalog.ts';
import type { Cell, Disclosure, Problem, Source } from '../../model/schema.ts';
import { SCHEMA_VERSION } from '../../model/schema.ts';
import { parseNumber, toFen } from '../../money/index.ts';
import { getTemplate, templates } from '../../templates/index.ts';
import type { Template } from '../../templates/schema.ts';
import { sniff } from '../detect.ts';
import { InputError } from '../errors.ts';
import { compactText, squash } from '../normalize.ts';
import { buildTables } from '../tables-model.ts';
import type { DraftTable } from '../text/tables.ts';
import { headingsOf, TITLE_END, titleId } from '../titles.ts';
import { address, type Grid, type GridCell, loadGrid, type Sheet } from './grid.ts';
import { README_KEYS, README_SHEET } from './readme.ts';
import { Provenance, readSheetTable, type SheetTable } from './tables.ts';

export interface WorkbookOptions {
  /** Template id; detected from the table titles when absent. */
  template?: string;
  file?: string | null;
}

/** The template table a sheet row is the title of, and the cell printing it. */
function titleOf(
  row: Sheet['rows'][number],
  byTitle: Map<string, string>,
): { id: string; cell: GridCell } | null {
  const texts: GridCell[] = [];
  for (const cell of row.cells.values()) {
    const t = cell.text.trim();
    if (cell.num !== undefined || !t) continue;
    texts.push(cell);
    if (t.length < 80 && TITLE_END.test(t)) {
      const id = titleId(squash(t), byTitle);
      if (id) return { id, cell };
    }
  }
  const joined = texts.map((c) => c.text.trim()).join('');
  if (texts.length > 1 && joined.length < 80 && TITLE_END.test(joined)) {
    const id = titleId(squash(joined), byTitle);
    if (id) return { id, cell: texts[0]! };
  }
  return null;
}

/** The template whose table titles the workbook prints most of (at least one). */
function detectTemplate(grid: Grid): Template {
  let best: { t: Template; n: number } | null = null;
  for (const t of templates()) {
    const { byTitle } = headingsOf(t);
    const found = new Set<string>();
    for (const s of grid.sheets)
      for (const row of s.rows) {
        const hit = titleOf(row, byTitle);
        if (hit) found.add(hit.id);
      }
    if (!best || found.size > best.n) best = { t, n: found.size };
  }
  if (!best || best.n === 0) {
    throw new InputError(
      'not a budget disclosure workbook: no table title of a known template family was found in any sheet',
      'not-disclosure',
    );
  }
  return best.t;
}

function locate(grid: Grid, template: Template, problems: Problem[]): SheetTable[] {
  const { byTitle } = headingsOf(template);
  const found: SheetTable[] = [];
  for (const sheet of grid.sheets) {
    const starts: { k: number; id: string; cell: GridCell }[] = [];
    sheet.rows.forEach((row, k) => {
      const hit = titleOf(row, byTitle);
      if (hit) starts.push({ k, ...hit });
    });
    starts.forEach((s, n) => {
      const end = starts[n + 1]?.k ?? sheet.rows.length;
      const spec = template.tables.find((t) => t.id === s.id)!;
      if (found.some((f) => f.spec.id === s.id)) {
        problems.push({
          severity: 'warning',
          message: `${s.id}: printed again; the first one is read`,
          raw: s.cell.text,
          source: { sheet: sheet.name, cell: address(s.cell.r, s.cell.c) },
        });
        return;
      }
      found.push({ spec, sheet, start: s.k, end, title: s.cell });
    });
  }
  return found;
}

/** Our own workbooks say their year and unit on the readme sheet. */
function readme(grid: Grid): Map<string, string> {
  const out = new Map<string, string>();
  const sheet = grid.sheets.find((s) => s.name === README_SHEET);
  for (const row of sheet?.rows ?? []) {
    const [k, v] = [...row.cells.values()];
    if (k && v && (Object.values(README_KEYS) as string[]).includes(k.text.trim()))
      out.set(k.text.trim(), v.text.trim());
  }
  return out;
}

function unplacedCells(
  draft: DraftTable,
  rowIndex: number,
  prov: Provenance,
  unit: Cell['unit'],
  problems: Problem[],
): Cell[] {
  const r = draft.rows[rowIndex]!;
  const out: Cell[] = [];
  for (const u of prov.unplaced.get(r) ?? []) {
    const p = parseNumber(u.text)!;
    let fen: number | null = null;
    try {
      fen = p.percent ? null : toFen(p.value, p.unit ?? unit ?? draft.spec.unit);
    } catch (e) {
      problems.push({
        severity: 'warning',
        message: `${draft.spec.id}: ${(e as Error).message}`,
        raw: u.text,
        source: u.source,
      });
    }
    const cell: Cell = {
      column: null,
      value: p.text,
      raw: u.text,
      fen,
      unit,
      placement: 'unresolved',
      source: u.source,
    };
    if (u.candidates.length > 0) cell.candidates = u.candidates;
    problems.push({
      severity: 'warning',
      message: `${draft.spec.id} row ${r.key}: cannot tell which column ${p.text} belongs to (${u.candidates.join(' / ') || 'no column fits'})`,
      raw: u.text,
      source: u.source,
    });
    out.push(cell);
  }
  return out;
}

/** Read a workbook (.xlsx or .xls) into the model. */
export async function readWorkbook(bytes: Uint8Array, options: WorkbookOptions = {}): Promise<Disclosure> {
  if (bytes.length === 0) throw new InputError('the file is empty (0 bytes)', 'empty');
  const kind = sniff(bytes.subarray(0, 8));
  if (kind !== 'xlsx' && kind !== 'xls')
    throw new InputError('not a workbook (.xlsx or .xls)', 'unsupported');
  const grid = await loadGrid(bytes, kind);
  let template: Template;
  if (options.template) {
    try {
      template = getTemplate(options.template);
    } catch (e) {
      throw new InputError((e as Error).message, 'unsupported');
    }
  } else template = detectTemplate(grid);
  const problems: Problem[] = [];
  const located = locate(grid, template, problems);
  const prov = new Provenance();
  const catalog = loadCatalog();
  const drafts: DraftTable[] = [];
  const missing: string[] = [];
  for (const spec of template.tables) {
    const at = located.find((l) => l.spec.id === spec.id);
    if (at) drafts.push(readSheetTable(at, prov, catalog));
    else missing.push(spec.id);
  }
  const built: Problem[] = [];
  const { tables } = buildTables(template, drafts, built);
  const fix = (s: Source): Source => (s.line !== undefined ? (prov.lines.get(s.line) ?? {}) : s);
  tables.forEach((t, ti) => {
    const draft = drafts[ti]!;
    t.source = fix(t.source);
    for (const n of t.noise) n.source = fix(n.source);
    t.rows.forEach((r, ri) => {
      r.source = fix(r.source);
      const numbers = draft.rows[ri]!.numbers;
      r.cells.forEach((c, ci) => {
        const tok = numbers[ci];
        c.source = (tok && prov.tokens.get(tok)) ?? fix(c.source);
      });
      r.cells.push(...unplacedCells(draft, ri, prov, t.unit, built));
    });
  });
  for (const p of built) if (p.source) p.source = fix(p.source);
  problems.push(...built);
  const info = readme(grid);
  const titled = tables.map((t) => /(20\d{2})\s*年/.exec(t.title)?.[1]).find((y) => y);
  const year = Number(info.get(README_KEYS.year) ?? titled) || null;
  const unitName =
    compactText(info.get(README_KEYS.unit) ?? '') || tables.find((t) => t.unitName)?.unitName || null;
  return {
    schemaVersion: SCHEMA_VERSION,
    source: {
      file: options.file ?? null,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      format: kind,
      bytes: bytes.length,
    },
    template: template.id,
    kind: template.kind,
    year,
    unitName,
    part1: null,
    tables,
    narrative: [],
    performance: [],
    glossary: [],
    signature: null,
    missing,
    problems,
  };
}
