/**
 * The composer: facts → a Disclosure in the template's layout and wording. Tables are derived from
 * the facts (./tables.ts); Part 1 and Part 3 are written as printed lines and read back with the text
 * reader's own readers, so the model holds exactly what its plain text says; performance tables,
 * glossary and signature are built directly. Missing inputs print a visible placeholder and are
 * reported as composer findings, never filled in.
 * Line numbers in the model (Part 1, Part 3 sections and claims) are those of the plain-text
 * rendering (renderText), so that findings on a composed document point into its text; tables and
 * performance tables carry no location.
 */
import { createHash } from 'node:crypto';
import { type Catalog, loadCatalog } from '../catalog/catalog.ts';
import { compactText } from '../ingest/normalize.ts';
import type { Line } from '../ingest/text/lines.ts';
import { readNarrative } from '../ingest/text/narrative.ts';
import { readPart1 } from '../ingest/text/part1.ts';
import { type Disclosure, type PerformanceTable, type Quantity, SCHEMA_VERSION } from '../model/schema.ts';
import { parseNumber } from '../money/index.ts';
import { renderText, rowLine } from '../render/text.ts';
import { getTemplate, type Template } from '../templates/index.ts';
import { fenOf, money } from './cells.ts';
import { type Facts, type FactsInput, Facts as FactsSchema, type PerformanceFacts } from './facts.ts';
import { Names } from './names.ts';
import { type WrittenSection, writeNarrative } from './narrative.ts';
import { type ComposeFinding, Phrases } from './phrases.ts';
import { deriveTables } from './tables.ts';
import { GLOSSARY } from './wording.ts';

export type { ComposeFinding } from './phrases.ts';

export interface Composed {
  disclosure: Disclosure;
  /** what the facts lacked or got wrong: placeholders printed, names not found */
  findings: ComposeFinding[];
}

const NUMERALS = '一二三四五六七八九十';
export function numeral(n: number): string {
  if (n <= 10) return NUMERALS[n - 1]!;
  if (n < 20) return `十${NUMERALS[n - 11]}`;
  return `${NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 ? NUMERALS[(n % 10) - 1] : ''}`;
}

/** Lines numbered from 1, as the text readers take them. */
function asLines(texts: string[]): Line[] {
  return texts.map((text, i) => ({ no: i + 1, text }));
}

/** Part 1 as printed: heading, functions, organisation and staffing. */
export function part1Lines(facts: Facts): string[] {
  const U = facts.unitName;
  const o = facts.organization;
  const s = facts.staffing;
  const org = [
    `${U}${o.subordinate ? o.subordinate : ''}`,
    o.divisions.length
      ? `下设${o.divisions.length}个科室，分别是：${o.divisions.join('、')}。`
      : '未设内设科室。',
  ].join(o.subordinate ? '，' : '');
  const actual = s.groups.reduce((n, g) => n + g.count, 0);
  const groups = s.groups.map((g) => {
    const d = g.count - g.prior;
    return `${g.name}${g.count}人，${d === 0 ? '与上年持平' : `${d > 0 ? '增加' : '减少'}${Math.abs(d)}人`}`;
  });
  return [
    `第一部分 ${U}概况`,
    '一、主要职能',
    ...facts.functions.map((f, i) => `（${numeral(i + 1)}）${f.trim().replace(/[。；]?$/, '。')}`),
    '二、机构设置及人员情况',
    `${org}${U}编制数${s.authorized}名，实有人数${actual}人${groups.length ? `，其中：${groups.join('；')}` : ''}。`,
  ];
}

function quantity(fen: number, unit: Facts['unit']): Quantity {
  const text = money(fen, unit);
  return { raw: text, value: parseNumber(text)!.text, unit, fen };
}

/** Indicator and header fields are printed as single words: spaces inside them are layout. */
const word = (s: string) => s.replace(/\s+/g, '');

function performanceTable(p: PerformanceFacts, facts: Facts): PerformanceTable {
  const unit = facts.unit;
  return {
    year: String(facts.year),
    unitName: word(p.unitName ?? facts.unitName),
    project: word(p.project),
    owner: word(p.owner),
    funds: {
      total: quantity(fenOf(p.total, unit), unit),
      fiscal: quantity(fenOf(p.fiscal, unit), unit),
      other: quantity(fenOf(p.other, unit), unit),
    },
    goal: compactText(p.goal),
    indicators: p.indicators.map((i) => ({
      level1: word(i.level1),
      level2: word(i.level2),
      level3: word(i.level3),
      value: word(i.value),
      basis: word(i.basis),
      prior: word(i.prior) || '—',
      weight: word(i.weight),
      scoring: word(i.scoring),
      evidence: word(i.evidence),
      placement: [],
      source: {},
    })),
    source: {},
  };
}

/** Section heading lines and their lines, as Part 3 prints them (without the performance tables). */
export function part3Lines(facts: Facts, sections: WrittenSection[]): string[] {
  return [`第三部分 ${facts.year}年预算情况说明`, ...sections.flatMap((s) => [s.heading, ...s.lines])];
}

/** The shipped and imported catalog, read once per process (compose is called per unit). */
let defaultCatalog: Catalog | null = null;

export interface ComposeOptions {
  catalog?: Catalog;
}

/** Compose a disclosure from facts (validated here; a ZodError says what is wrong with them). */
export function compose(input: FactsInput | Facts, options: ComposeOptions = {}): Composed {
  const facts = FactsSchema.parse(input);
  const template: Template = getTemplate(facts.template);
  defaultCatalog ??= options.catalog ? null : loadCatalog();
  const names = new Names(facts.names, options.catalog ?? defaultCatalog!, facts.year);
  const derived = deriveTables(facts, template, names);
  const phrases = new Phrases(facts.unit, facts.reasons);
  const sections = writeNarrative(facts, derived, names, phrases);
  const findings: ComposeFinding[] = [...phrases.findings];
  for (const m of names.missing)
    findings.push({
      severity: 'error',
      message: `科目编码 ${m.split(':')[1]} 在目录和 facts.names 中都没有名称`,
      where: `names/${m}`,
    });

  const p1 = readPart1(asLines(part1Lines(facts))).part1;
  const unitNames = [facts.unitName];
  const narrative = readNarrative(asLines(part3Lines(facts, sections)), template, [], unitNames).sections;
  const glossaryText =
    facts.glossary ??
    template.glossary.map((term) => ({ term, definition: GLOSSARY[template.id]?.[term] ?? '' }));
  for (const g of glossaryText)
    if (!g.definition)
      findings.push({
        severity: 'warning',
        message: `名词解释「${g.term}」没有释义`,
        where: `glossary/${g.term}`,
      });
  if (facts.performance.length === 0 && template.performance.inDocument)
    findings.push({
      severity: 'warning',
      message: '没有项目支出绩效目标表（facts.performance 为空）',
      where: 'performance',
    });
  const body = JSON.stringify(facts);
  const disclosure: Disclosure = {
    schemaVersion: SCHEMA_VERSION,
    source: {
      file: null,
      sha256: createHash('sha256').update(body).digest('hex'),
      format: 'json',
      bytes: Buffer.byteLength(body),
    },
    template: template.id,
    kind: template.kind,
    year: facts.year,
    unitName: facts.unitName,
    part1: p1,
    tables: derived.tables,
    narrative,
    performance: facts.performance.map((p) => performanceTable(p, facts)),
    glossary: glossaryText.map((g, i) => ({
      number: numeral(i + 1),
      term: g.term,
      definition: compactText(g.definition || '（释义待补充）'),
      source: {},
    })),
    signature: { unitName: facts.unitName, date: facts.date, source: {} },
    // as a reader would say of a document without them
    missing: facts.performance.length === 0 && template.performance.inDocument ? ['PERF'] : [],
    problems: [],
  };
  for (const t of disclosure.tables) for (const r of t.rows) r.raw = rowLine(t, r, r.block);
  locate(disclosure, part1Lines(facts), part3Lines(facts, sections));
  return { disclosure, findings };
}

/**
 * Renumber the lines Part 1 and Part 3 were read from (numbered from 1 each) to the lines of the
 * plain-text rendering: the same texts, found in order.
 */
function locate(d: Disclosure, part1: string[], part3: string[]): void {
  const printed = renderText(d).split('\n');
  const mapOf = (texts: string[]) => {
    const map = new Map<number, number>();
    let at = 0;
    texts.forEach((t, i) => {
      for (let j = at; j < printed.length; j++) {
        if (printed[j]!.trim() === t.trim()) {
          map.set(i + 1, j + 1);
          at = j + 1;
          return;
        }
      }
    });
    return (n: number | undefined) => (n === undefined ? undefined : (map.get(n) ?? n));
  };
  const at = (src: { line?: number; endLine?: number }, f: (n: number | undefined) => number | undefined) => {
    if (src.line !== undefined) src.line = f(src.line);
    if (src.endLine !== undefined) src.endLine = f(src.endLine);
  };
  const p1 = mapOf(part1);
  if (d.part1) {
    for (const fn of d.part1.functions) at(fn.source, p1);
    at(d.part1.organization.source, p1);
    if (d.part1.staffing) at(d.part1.staffing.source, p1);
  }
  const p3 = mapOf(part3);
  for (const s of d.narrative) {
    at(s.source, p3);
    if (s.lineStarts) s.lineStarts = s.lineStarts.map(([o, n]) => [o, p3(n)!]);
    for (const c of s.claims) at(c.source, p3);
  }
}
