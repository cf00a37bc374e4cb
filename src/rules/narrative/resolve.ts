/**
 * Which table cell a narrative claim names, by the template's `narrative.refs`: a fixed cell, or a
 * row found by the subject's name (class, item path, project). Names that only resemble the table's
 * are matched when the resemblance is unique, and reported.
 */

import { re } from '../../ingest/regex.ts';
import type { Claim, Row, Section } from '../../model/schema.ts';
import { formatAmount } from '../../money/index.ts';
import type { Template } from '../../templates/schema.ts';
import type { CellValue } from '../cells.ts';
import { perCheck } from '../derived.ts';
import type { RuleContext } from '../types.ts';

export interface Resolved {
  table: string;
  row: string;
  column: string;
  value: CellValue | null;
  /** the name the narrative uses for the row */
  name: string;
  /** the printed table name when the narrative's differs */
  nameDiffers?: string;
}

export type Resolution = Resolved | { unresolved: string } | null;

/** Longest common subsequence length, for name resemblance. */
function lcs(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(prev[j]!, prev[j - 1]!);
      diag = up;
    }
  }
  return prev[b.length]!;
}

export function resemblance(a: string, b: string): number {
  if (!a || !b) return 0;
  return lcs(a, b) / Math.max(a.length, b.length);
}

/** How a label resembles a name: 0.9 when one begins the other, else (or if more) the LCS ratio. */
function score(label: string, name: string): number {
  const prefix = label.startsWith(name) || name.startsWith(label) ? 0.9 : 0;
  // The LCS is at most the shorter length: names of very different lengths cannot reach 0.7.
  if (Math.min(label.length, name.length) / Math.max(label.length, name.length) < 0.7) return prefix;
  return Math.max(resemblance(label, name), prefix);
}

/** For each selection of rows: its rows by label, and the names already matched by resemblance. */
const lookups = perCheck(
  () => new Map<Row[], { byLabel: Map<string, Row[]>; resembling: Map<string, Row | null> }>(),
);

/** The row among `rows` named `name`: exact, else the unique one resembling it (≥ 0.7). */
function byName(ctx: RuleContext, rows: Row[], name: string): { row: Row; exact: boolean } | null {
  let lookup = lookups(ctx).get(rows);
  if (!lookup) {
    const byLabel = new Map<string, Row[]>();
    for (const r of rows) {
      const list = byLabel.get(r.label);
      if (list) list.push(r);
      else byLabel.set(r.label, [r]);
    }
    lookup = { byLabel, resembling: new Map() };
    lookups(ctx).set(rows, lookup);
  }
  const exact = lookup.byLabel.get(name) ?? [];
  if (exact.length === 1) return { row: exact[0]!, exact: true };
  // Two rows printed with the name both resemble it fully: ambiguous.
  if (exact.length > 1) return null;
  let row = lookup.resembling.get(name);
  if (row === undefined) {
    let best = 0;
    let tied = false;
    row = null;
    for (const r of rows) {
      const s = score(r.label, name);
      if (s < 0.7 || s < best) continue;
      tied = s === best;
      if (!tied) [best, row] = [s, r];
    }
    if (tied) row = null;
    lookup.resembling.set(name, row);
  }
  return row ? { row, exact: false } : null;
}

export function sectionTitles(doc: RuleContext['doc'], id: string): string[] {
  const own = doc.narrative.find((s) => s.id === id);
  const parent = doc.narrative.find((s) => s.id === id.replace(/（.*$/, ''));
  return [own?.title ?? '', parent && parent !== own ? parent.title : ''].filter(Boolean);
}

function projectName(
  section: Section | undefined,
  item: number | null,
  label: string,
  labels: string[],
): string | null {
  if (!section || item === null) return null;
  const m = re(`(?<!\\d)${item}[.．]${label}[：:]([^：:]+)`).exec(section.text);
  if (!m) return null;
  // The name runs to the next label; the text before that label's colon ends with the label itself.
  let name = m[1]!.trim();
  for (const l of labels) if (name.endsWith(l)) name = name.slice(0, -l.length);
  return name.replace(/[，。；]$/, '').trim() || null;
}

/**
 * The 款 and 项 names of an item's subject path, printed `X（类）Y（款）Z（项）`, `Y（款）Z（项）` (the
 * class in the section title), `X-Y-Z`, or `Z（项）` alone (no 款: empty); half-width brackets read
 * as full-width.
 */
export function itemPath(subject: string): { kuan: string; xiang: string } | null {
  const s = subject.replace(/\(/g, '（').replace(/\)/g, '）');
  const m = /^(?:.+?（类）)?(.+?)（款）(.+?)（项）$/.exec(s) ?? /^[^-]+-([^-]+)-([^-]+)$/.exec(s);
  if (m) return { kuan: m[1]!, xiang: m[2]! };
  const alone = /^([^（）]+)（项）$/.exec(s);
  return alone ? { kuan: '', xiang: alone[1]! } : null;
}

/** Row selections by table and key (built once per check). */
const selections = perCheck(() => new Map<object, Map<string, Row[]>>());

/** Rows of a table selected by a key (level, or projects), computed once per check and table. */
function select(ctx: RuleContext, table: { rows: Row[] }, key: string, pick: (r: Row) => boolean): Row[] {
  const byTable = selections(ctx);
  let m = byTable.get(table);
  if (!m) {
    m = new Map();
    byTable.set(table, m);
  }
  let rows = m.get(key);
  if (!rows) {
    rows = table.rows.filter(pick);
    m.set(key, rows);
  }
  return rows;
}

/** Resolutions by claim (kept for the check). */
const resolutions = perCheck(() => new Map<Claim, Resolution>());

/** The cell a claim names (computed once per claim and check; several rules ask). */
export function resolveClaim(ctx: RuleContext, claim: Claim): Resolution {
  const resolved = resolutions(ctx);
  if (resolved.has(claim)) return resolved.get(claim)!;
  const r = resolveUncached(ctx, claim);
  resolved.set(claim, r);
  return r;
}

type Ref = Template['narrative']['refs'][number];

/** A template's narrative refs with their patterns compiled (once per template). */
const compiledRefs = new WeakMap<Template, { ref: Ref; section: RegExp; subject: RegExp }[]>();

function refsOf(template: Template): { ref: Ref; section: RegExp; subject: RegExp }[] {
  let refs = compiledRefs.get(template);
  if (!refs) {
    refs = template.narrative.refs.map((ref) => ({
      ref,
      section: new RegExp(ref.section),
      subject: new RegExp(ref.subject),
    }));
    compiledRefs.set(template, refs);
  }
  return refs;
}

/** The refs whose section pattern fits a section's titles, in template order (once per section id). */
const refsBySection = perCheck(() => new Map<string, { ref: Ref; subject: RegExp }[]>());

function refsForSection(ctx: RuleContext, sectionId: string): { ref: Ref; subject: RegExp }[] {
  const bySection = refsBySection(ctx);
  let refs = bySection.get(sectionId);
  if (!refs) {
    const titles = sectionTitles(ctx.doc, sectionId);
    refs = refsOf(ctx.template).filter((r) => titles.some((t) => r.section.test(t)));
    bySection.set(sectionId, refs);
  }
  return refs;
}

/**
 * A project printed on several rows (one per functional 项 it is paid from) under the name the
 * narrative uses: the narrative's amount is their sum, located at the first row.
 */
function projectSum(ctx: RuleContext, ref: Ref, name: string, rows: Row[]): Resolved {
  const values = rows.map((r) => ctx.cells.value(ref.table, r.key, ref.column));
  const first = rows[0]!;
  const resolved = { table: ref.table, row: first.key, column: ref.column, name };
  if (values.some((v) => v === null)) return { ...resolved, value: null };
  const fen = values.reduce((s, v) => s + v!.fen, 0);
  const scale = Math.max(...values.map((v) => v!.scale));
  const cell = values.find((v) => v!.cell)?.cell;
  const unit = ctx.cells.unit(ref.table);
  return {
    ...resolved,
    value: {
      fen,
      scale,
      row: first,
      ...(values[0]!.table ? { table: values[0]!.table } : {}),
      // the sum as if printed, so that messages show it
      ...(cell ? { cell: { ...cell, value: formatAmount(fen, unit, { precision: scale }), fen } } : {}),
    },
  };
}

function resolveUncached(ctx: RuleContext, claim: Claim): Resolution {
  const ref = refsForSection(ctx, claim.section).find((r) => r.subject.test(claim.subject))?.ref;
  if (!ref) return null;
  const table = ctx.cells.tables.get(ref.table);
  // A table the document does not print is reported as missing (completeness), not per claim.
  if (!table) return null;
  if (ref.row) {
    return {
      table: ref.table,
      row: ref.row,
      column: ref.column,
      name: claim.subject,
      value: ctx.cells.value(ref.table, ref.row, ref.column),
    };
  }
  let found: { row: Row; exact: boolean } | null = null;
  let name = claim.subject;
  if (ref.byName === '类' || ref.byName === '款') {
    name = claim.subject.replace(/（[类款]）$/, '');
    const level = ref.byName;
    found = byName(
      ctx,
      select(ctx, table, level, (r) => r.level === level && r.kind === 'code'),
      name,
    );
  } else if (ref.byName === '项') {
    const m = itemPath(claim.subject);
    if (!m) return { unresolved: `cannot read the subject path「${claim.subject}」` };
    name = m.xiang;
    // Without a 款 (`行政运行（项）` under a 款 heading), the 项 is looked up among all 项 rows.
    const kuan = m.kuan
      ? byName(
          ctx,
          select(ctx, table, '款', (r) => r.level === '款'),
          m.kuan,
        )
      : null;
    const prefix = kuan?.row.code ?? '';
    found = byName(
      ctx,
      select(ctx, table, `项:${prefix}`, (r) => r.level === '项' && (r.code ?? '').startsWith(prefix)),
      name,
    );
  } else if (ref.byName === 'project') {
    const section = ctx.doc.narrative.find((s) => s.id === claim.section);
    const p = projectName(
      section,
      claim.item,
      ctx.template.narrative.projectLabel,
      ctx.template.narrative.skipLabels,
    );
    if (!p) return { unresolved: `no ${ctx.template.narrative.projectLabel} for item ${claim.item}` };
    name = p;
    const projects = select(ctx, table, 'project', (r) => r.kind === 'project');
    const rows = projects.filter((r) => r.label === p);
    if (rows.length > 1) return projectSum(ctx, ref, p, rows);
    found = byName(ctx, projects, p);
  }
  if (!found) return { unresolved: `「${name}」is not a row of ${ref.table}` };
  return {
    table: ref.table,
    row: found.row.key,
    column: ref.column,
    name,
    value: ctx.cells.value(ref.table, found.row.key, ref.column),
    ...(found.row.label === name ? {} : { nameDiffers: found.row.label }),
  };
}
