/**
 * Which table cell a narrative claim names, by the template's `narrative.refs`: a fixed cell, or a
 * row found by the subject's name (class, item path, project). Names that only resemble the table's
 * are matched when the resemblance is unique, and reported.
 */

import { re } from '../../ingest/regex.ts';
import type { Claim, Row, Section } from '../../model/schema.ts';
import type { CellValue } from '../cells.ts';
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

const labelIndex = new WeakMap<Row[], Map<string, Row[]>>();

/** The row among `rows` named `name`: exact, else the unique one resembling it (≥ 0.7). */
function byName(rows: Row[], name: string): { row: Row; exact: boolean } | null {
  let index = labelIndex.get(rows);
  if (!index) {
    index = new Map();
    for (const r of rows) index.set(r.label, [...(index.get(r.label) ?? []), r]);
    labelIndex.set(rows, index);
  }
  const exact = index.get(name) ?? [];
  if (exact.length === 1) return { row: exact[0]!, exact: true };
  const scored = rows
    .map((r) => ({
      r,
      s: Math.max(resemblance(r.label, name), r.label.startsWith(name) || name.startsWith(r.label) ? 0.9 : 0),
    }))
    .filter((x) => x.s >= 0.7)
    .sort((a, b) => b.s - a.s);
  if (scored.length === 0 || (scored.length > 1 && scored[1]!.s === scored[0]!.s)) return null;
  return { row: scored[0]!.r, exact: false };
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

const selections = new WeakMap<object, Map<string, Row[]>>();

/** Rows of a table selected by a key (level, or projects), computed once per table. */
function select(table: { rows: Row[] }, key: string, pick: (r: Row) => boolean): Row[] {
  let m = selections.get(table);
  if (!m) {
    m = new Map();
    selections.set(table, m);
  }
  let rows = m.get(key);
  if (!rows) {
    rows = table.rows.filter(pick);
    m.set(key, rows);
  }
  return rows;
}

const resolved = new WeakMap<Claim, Resolution>();

/** The cell a claim names (computed once per claim; several rules ask). */
export function resolveClaim(ctx: RuleContext, claim: Claim): Resolution {
  if (resolved.has(claim)) return resolved.get(claim)!;
  const r = resolveUncached(ctx, claim);
  resolved.set(claim, r);
  return r;
}

function resolveUncached(ctx: RuleContext, claim: Claim): Resolution {
  const titles = sectionTitles(ctx.doc, claim.section);
  const ref = ctx.template.narrative.refs.find(
    (r) => titles.some((t) => re(r.section).test(t)) && re(r.subject).test(claim.subject),
  );
  if (!ref) return null;
  const table = ctx.cells.tables.get(ref.table);
  if (!table) return { unresolved: `${ref.table} is not in the document` };
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
      select(table, level, (r) => r.level === level && r.kind === 'code'),
      name,
    );
  } else if (ref.byName === '项') {
    const m = /^(.+?)（类）(.+?)（款）(.+?)（项）$/.exec(claim.subject);
    if (!m) return { unresolved: `cannot read the subject path「${claim.subject}」` };
    name = m[3]!;
    const kuan = byName(
      select(table, '款', (r) => r.level === '款'),
      m[2]!,
    );
    const prefix = kuan?.row.code ?? '';
    found = byName(
      select(table, `项:${prefix}`, (r) => r.level === '项' && (r.code ?? '').startsWith(prefix)),
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
    found = byName(
      select(table, 'project', (r) => r.kind === 'project'),
      p,
    );
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
