/**
 * Reading the tables of an extracted text document. Rows are found by what starts them (a
 * classification code, a fixed line label, the total label); each row collects the text and numbers
 * that follow until the next row starts, across broken lines. Which column each number belongs to is
 * decided later, for all tables at once (see ../place.ts).
 */

import type { MoneyUnit } from '../../money/index.ts';
import type { BlockSpec, LineSpec, TableSpec } from '../../templates/schema.ts';
import { matchLine } from '../labels.ts';
import { memoByObject } from '../memo.ts';
import { compactText, squash } from '../normalize.ts';
import type { NumToken } from '../place.ts';
import { TABLE_NUMBER } from '../titles.ts';
import { type Line, type Token, tokenize } from './lines.ts';

export interface DraftRow {
  block: string;
  key: string;
  kind: 'code' | 'line' | 'project' | 'total';
  code?: string;
  level?: '类' | '款' | '项';
  label: string;
  /** Label text fragments for projects: subject name + project name, split later. */
  text: string[];
  numbers: NumToken[];
  raw: string[];
  line: number;
  endLine: number;
  /** PDF page the row starts on */
  page?: number;
}

export interface DraftTable {
  spec: TableSpec;
  number?: string;
  title: string;
  unitName?: string;
  unit: MoneyUnit | null;
  /** column id → header as printed, where the reader saw it (PDF) */
  headers?: Record<string, string>;
  rows: DraftRow[];
  statement?: string;
  noise: { raw: string; line: number }[];
  line: number;
  endLine: number;
  /** PDF pages the table is printed on */
  page?: number;
  endPage?: number;
  problems: { message: string; line: number; raw?: string }[];
}

const CODE_HEAD = /^\d{3}$/;
const CODE_PART = /^\d{2}$/;
const CODE_JOINED = /^\d{3}(?:\d{2}){1,2}$/;
export const LEVELS: Record<number, '类' | '款' | '项'> = { 3: '类', 5: '款', 7: '项' };

/** A code at token i: `201`, `201 13`, `201 13 01`, `2011301`. Returns the code and tokens used. */
export function codeAt(tokens: Token[], i: number, maxParts = 3): { code: string; used: number } | null {
  const t = tokens[i];
  if (!t) return null;
  if (CODE_JOINED.test(t.text)) return { code: t.text, used: 1 };
  if (!CODE_HEAD.test(t.text)) return null;
  let code = t.text;
  let used = 1;
  while (used < maxParts && tokens[i + used] && CODE_PART.test(tokens[i + used]!.text)) {
    // Two digits after a code are a code part only when followed by a name, another part or a line end.
    code += tokens[i + used]!.text;
    used++;
  }
  return { code, used };
}

export function unitOf(text: string): MoneyUnit | null {
  const m = /单位[：:]\s*(亿元|万元|元)/.exec(text);
  return m ? (m[1] as MoneyUnit) : null;
}

const squashAll = memoByObject((labels: string[]) => labels.map(squash));
const TOTAL = ['合计'];
const GRAND_TOTAL = ['支出总计'];

/**
 * Does a total label start at token `from`? Returns how many tokens it takes (then the rest of the
 * line is numbers, or nothing), else -1.
 */
function isTotalStart(tokens: Token[], labels: string[], from = 0): number {
  // The total label may be letter-spaced (`合 计`): consume text tokens while they build it.
  const keys = squashAll(labels);
  let acc = '';
  for (let i = from; i < tokens.length && tokens[i]!.kind === 'text'; i++) {
    acc += squash(tokens[i]!.text);
    if (keys.includes(acc)) {
      const next = tokens[i + 1];
      return next === undefined || next.kind === 'num' ? i + 1 - from : -1;
    }
    if (!keys.some((k) => k.startsWith(acc))) return -1;
  }
  return -1;
}

export function newRow(block: string, kind: DraftRow['kind'], key: string, line: number): DraftRow {
  return { block, key, kind, label: '', text: [], numbers: [], raw: [], line, endLine: line };
}

/**
 * In a grid row the name comes before the amounts, so a number followed by text on the same line is
 * part of the name (`2023 年葡萄酒产业发展`), not an amount.
 */
function numbersInNames(tokens: Token[]): Token[] {
  let lastText = -1;
  tokens.forEach((t, i) => {
    if (t.kind === 'text') lastText = i;
  });
  let inName = false;
  for (let i = 0; i < lastText; i++) if (tokens[i]!.kind === 'num') inName = true;
  if (!inName) return tokens;
  return tokens.map((t, i) => (t.kind === 'num' && i < lastText ? { ...t, kind: 'text' as const } : t));
}

function push(row: DraftRow, tokens: Token[]): void {
  for (const t of tokens) {
    if (t.kind === 'num') row.numbers.push({ text: t.text, line: t.line });
    else if (row.numbers.length === 0 || row.kind !== 'total') row.text.push(t.text);
    row.endLine = t.line;
  }
}

/** Grid tables whose rows are keyed by classification code (and projects). */
function readCodeGrid(block: BlockSpec, body: Line[], table: DraftTable): void {
  const totalLabels = block.total?.labels ?? TOTAL;
  const projects = block.rows === 'projects';
  const maxParts = block.levels?.length ?? 3;
  let current: DraftRow | null = null;
  let started = false;
  let trailer: Token[] = [];
  let closed = false;
  for (const line of body) {
    const tokens = tokenize(line);
    if (tokens.length === 0) continue;
    if (closed) {
      trailer.push(...tokens);
      continue;
    }
    const code = codeAt(tokens, 0, maxParts);
    const totalAt = isTotalStart(tokens, totalLabels);
    if (code && LEVELS[code.code.length]) {
      started = true;
      const level = LEVELS[code.code.length]!;
      const isProject = projects && level === '项';
      current = newRow(block.id, isProject ? 'project' : 'code', code.code, line.no);
      current.code = code.code;
      current.level = level;
      current.raw.push(line.text.trim());
      table.rows.push(current);
      push(current, numbersInNames(tokens.slice(code.used)));
      continue;
    }
    if (totalAt >= 0 && (started || tokens.slice(totalAt).length > 0 || body.indexOf(line) > 0)) {
      started = true;
      current = newRow(block.id, 'total', block.total?.id ?? '合计', line.no);
      current.label = compactText(
        tokens
          .slice(0, totalAt)
          .map((t) => t.text)
          .join(' '),
      );
      current.raw.push(line.text.trim());
      table.rows.push(current);
      push(current, tokens.slice(totalAt));
      continue;
    }
    if (!started || !current) continue; // header text
    if (current.kind === 'total' && tokens.some((t) => t.kind === 'text')) {
      // Numbers may still continue the total row; the first text after it ends the table body.
      const firstText = tokens.findIndex((t) => t.kind === 'text');
      push(current, tokens.slice(0, firstText));
      trailer = tokens.slice(firstText);
      closed = true;
      continue;
    }
    current.raw.push(line.text.trim());
    push(current, current.kind === 'total' ? tokens : numbersInNames(tokens));
  }
  if (trailer.length > 0) table.statement = compactText(trailer.map((t) => t.text).join(' '));
}

/** Tables keyed by fixed lines (T10). */
function readLineGrid(block: BlockSpec, body: Line[], table: DraftTable): void {
  const specs: LineSpec[] = [...(block.total ? [block.total] : []), ...(block.lines ?? [])];
  let current: DraftRow | null = null;
  let pos = 0;
  for (const line of body) {
    const tokens = tokenize(line);
    if (tokens.length === 0) continue;
    const firstNum = tokens.findIndex((t) => t.kind === 'num');
    const textPart = tokens.slice(0, firstNum < 0 ? tokens.length : firstNum);
    const label = textPart.map((t) => t.text).join(' ');
    const m = label ? matchLine(label, specs, pos) : null;
    if (m && m !== 'prefix') {
      const spec = specs[m.index]!;
      pos = m.index + 1;
      current = newRow(block.id, spec === block.total ? 'total' : 'line', spec.id, line.no);
      current.raw.push(line.text.trim());
      table.rows.push(current);
      push(current, tokens);
      continue;
    }
    if (!current) continue; // header
    current.raw.push(line.text.trim());
    push(current, tokens);
  }
}

/**
 * Two blocks side by side on one printed line: fixed income lines on the left, expenditure by
 * functional class on the right (T1, T4).
 */
function readTwoBlock(left: BlockSpec, right: BlockSpec, body: Line[], table: DraftTable): void {
  const lines = left.lines ?? [];
  const leftSpecs: LineSpec[] = [...lines, ...(left.total ? [left.total] : [])];
  const rightTotal = right.total?.labels ?? GRAND_TOTAL;
  let pos = 0;
  let started = false;
  let pending: { text: string; row: DraftRow | null; tokens: Token[]; line: Line } | null = null;
  const startLeft = (label: string, nums: Token[], line: Line): boolean => {
    const m = matchLine(label, leftSpecs, pos);
    if (!m) return false;
    if (m === 'prefix') {
      pending = { text: label, row: null, tokens: nums, line };
      return true;
    }
    const spec = leftSpecs[m.index]!;
    pos = m.index + 1;
    const row = newRow(left.id, spec === left.total ? 'total' : 'line', spec.id, line.no);
    row.label = compactText(label);
    row.raw.push(compactText(label));
    push(row, nums);
    table.rows.push(row);
    pending = null;
    return true;
  };
  for (const line of body) {
    const tokens = tokenize(line);
    if (tokens.length === 0) continue;
    // Where does the right block start? At a class code, or at the right total label.
    let split = -1;
    for (let i = 0; i < tokens.length; i++) {
      if (CODE_HEAD.test(tokens[i]!.text) && tokens[i + 1]?.kind === 'text') {
        split = i;
        break;
      }
      if (tokens[i]!.kind === 'text' && isTotalStart(tokens, rightTotal, i) > 0) {
        split = i;
        break;
      }
    }
    const leftTokens = split < 0 ? tokens : tokens.slice(0, split);
    const rightTokens = split < 0 ? [] : tokens.slice(split);
    if (!started) {
      const label = leftTokens
        .filter((t) => t.kind === 'text')
        .map((t) => t.text)
        .join(' ');
      const m = label ? matchLine(label, leftSpecs, 0) : null;
      if (!(m && m !== 'prefix' && m.index === 0) && !(split === 0 && codeAt(tokens, 0, 1))) continue;
      started = true;
    }
    if (leftTokens.length > 0) {
      const text = leftTokens.filter((t) => t.kind === 'text');
      const nums = leftTokens.filter((t) => t.kind === 'num');
      const label = text.map((t) => t.text).join(' ');
      const p = pending as { text: string; tokens: Token[]; line: Line } | null;
      if (p && text.length > 0 && startLeft(`${p.text}${label}`, [...p.tokens, ...nums], p.line)) {
        // a wrapped label completed
      } else if (text.length > 0 && startLeft(label, nums, line)) {
        // a new left row
      } else {
        table.noise.push({ raw: leftTokens.map((t) => t.text).join(' '), line: line.no });
      }
    }
    if (rightTokens.length > 0) {
      const code = codeAt(rightTokens, 0, 1);
      if (code) {
        const row = newRow(right.id, 'code', code.code, line.no);
        row.code = code.code;
        row.level = LEVELS[code.code.length];
        row.raw.push(rightTokens.map((t) => t.text).join(' '));
        push(row, rightTokens.slice(1));
        table.rows.push(row);
      } else {
        const at = isTotalStart(rightTokens, rightTotal);
        const row = newRow(right.id, 'total', right.total?.id ?? '支出总计', line.no);
        row.label = compactText(
          rightTokens
            .slice(0, at)
            .map((t) => t.text)
            .join(' '),
        );
        row.raw.push(rightTokens.map((t) => t.text).join(' '));
        push(row, rightTokens.slice(at));
        table.rows.push(row);
      }
    }
  }
  if (pending) {
    const p = pending as { text: string; line: Line };
    table.problems.push({
      message: `unrecognised row label in ${table.spec.id}`,
      line: p.line.no,
      raw: p.text,
    });
  }
}

/** Subject name vs project name: the longest prefix that is a known name of the row's code. */
function splitProject(row: DraftRow, names: Map<string, Set<string>>): { subject: string; project: string } {
  const all = compactText(row.text.join(' '));
  const known = [...(names.get(row.code ?? '') ?? [])].sort((a, b) => b.length - a.length);
  for (const n of known)
    if (all.startsWith(n) && all.length > n.length) return { subject: n, project: all.slice(n.length) };
  return { subject: '', project: all };
}

/** An empty draft of a table printed on these lines. */
export function draftTable(spec: TableSpec, region: Line[]): DraftTable {
  return {
    spec,
    title: spec.titles[0]!,
    unit: null,
    rows: [],
    noise: [],
    line: region[0]?.no ?? 0,
    endLine: region[region.length - 1]?.no ?? 0,
    problems: [],
  };
}

export function readTable(spec: TableSpec, lines: Line[], start: number, end: number): DraftTable {
  const region = lines.slice(start, end);
  const table = draftTable(spec, region);
  // Title block: number, title, 编制单位, 单位.
  let bodyStart = 0;
  for (let i = 0; i < Math.min(region.length, 12); i++) {
    const text = region[i]!.text.trim();
    const sq = squash(text);
    if (TABLE_NUMBER.test(sq)) table.number = text;
    if (spec.titles.some((t) => squash(t) === sq)) {
      table.title = text;
      bodyStart = i + 1;
    }
    const u = unitOf(text);
    if (u) {
      table.unit = u;
      bodyStart = Math.max(bodyStart, i + 1);
    }
    const m = /编制单位[：:]\s*(\S+)/.exec(text);
    if (m) table.unitName = m[1];
  }
  const body = region.slice(bodyStart);
  const blocks = spec.blocks;
  if (spec.layout === 'two-block') readTwoBlock(blocks[0]!, blocks[1]!, body, table);
  else if (blocks[0]!.rows === 'lines') readLineGrid(blocks[0]!, body, table);
  else readCodeGrid(blocks[0]!, body, table);
  for (const r of table.rows) if (!r.label) r.label = compactText(r.text.join(' '));
  return table;
}

/** After all tables are read: split T7-like project rows into subject and project name. */
export function nameProjects(tables: DraftTable[]): void {
  const names = new Map<string, Set<string>>();
  for (const t of tables) {
    for (const r of t.rows) {
      if (r.kind !== 'code' || !r.code || !r.label) continue;
      const set = names.get(r.code) ?? new Set<string>();
      set.add(r.label);
      names.set(r.code, set);
    }
  }
  for (const t of tables) {
    const seen = new Map<string, number>();
    for (const r of t.rows) {
      if (r.kind !== 'project') continue;
      const { subject, project } = splitProject(r, names);
      r.label = project;
      r.key = project;
      r.text = subject ? [subject] : [];
      const n = (seen.get(project) ?? 0) + 1;
      seen.set(project, n);
      if (n > 1) r.key = `${project}#${n}`;
    }
  }
}
