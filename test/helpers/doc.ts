/**
 * Small synthetic disclosures for rule tests: start from an empty Xinjiang-template document and
 * add only what a test needs.
 */
import { loadCatalog } from '../../src/catalog/catalog.ts';
import type { Claim, Disclosure, Indicator, PerformanceTable, Row, Table } from '../../src/model/schema.ts';
import { parseAmount } from '../../src/money/index.ts';
import { checkDisclosure } from '../../src/rules/engine.ts';
import type { Finding, Obligation, Rule } from '../../src/rules/types.ts';

export function emptyDoc(patch: Partial<Disclosure> = {}): Disclosure {
  return {
    schemaVersion: '1',
    source: { file: 'synthetic', sha256: '0', format: 'text', bytes: 0 },
    template: 'xinjiang-2023',
    kind: 'budget',
    year: 2023,
    unitName: '测试局',
    part1: null,
    tables: [],
    narrative: [],
    performance: [],
    glossary: [],
    signature: null,
    missing: [],
    problems: [],
    ...patch,
  };
}

/** A table with rows given as [key, label, {column: value}] (values as printed, 万元). */
export function table(
  id: string,
  columns: string[],
  rows: [string, string, Record<string, string>, Partial<Row>?][],
): Table {
  return {
    id,
    number: `表 ${id.slice(1)}`,
    title: id,
    unit: '万元',
    columns: columns.map((c) => ({ id: c, header: c })),
    rows: rows.map(([key, label, cells, extra], i) => ({
      key,
      kind: /^\d+$/.test(key) ? 'code' : key === '合计' ? 'total' : 'line',
      ...(/^\d+$/.test(key)
        ? { code: key, level: ({ 3: '类', 5: '款', 7: '项' } as const)[key.length as 3 | 5 | 7] }
        : {}),
      label,
      raw: label,
      cells: Object.entries(cells).map(([column, value]) => ({
        column,
        value,
        raw: value,
        fen: parseAmount(value, '万元')!,
        unit: '万元' as const,
        placement: 'position' as const,
        source: { line: 100 + i },
      })),
      source: { line: 100 + i },
      ...extra,
    })),
    noise: [],
    source: { line: 99 },
  };
}

export function claim(patch: Partial<Claim> & Pick<Claim, 'section' | 'subject'>): Claim {
  return {
    kind: 'total',
    item: null,
    amount: null,
    share: null,
    change: null,
    growth: null,
    comparison: null,
    reason: null,
    excerpt: patch.subject,
    source: { line: 500 },
    ...patch,
  };
}

export function indicator(patch: Partial<Indicator>): Indicator {
  return {
    level1: '产出指标',
    level2: '数量指标',
    level3: '完成数量',
    value: '>=1个',
    basis: '计划标准',
    prior: '0',
    weight: '10',
    scoring: '直接赋分',
    evidence: '工作资料',
    placement: [],
    source: { line: 900 },
    ...patch,
  };
}

export function perfTable(patch: Partial<PerformanceTable>): PerformanceTable {
  return {
    year: '2023',
    unitName: '测试局',
    project: '测试项目',
    owner: '张三',
    funds: {
      total: { raw: '10万元', value: '10', unit: '万元', fen: 10_000_000 },
      fiscal: null,
      other: null,
    },
    goal: '完成测试。',
    indicators: [],
    source: { line: 880 },
    ...patch,
  };
}

/** Run one rule on a document: its findings and its obligation. */
export function run(rule: Rule, doc: Disclosure): { findings: Finding[]; obligation: Obligation } {
  const r = checkDisclosure(doc, { rules: [rule], catalog: loadCatalog('/nonexistent-gongkai-data') });
  return { findings: r.findings, obligation: r.obligations[0]! };
}
