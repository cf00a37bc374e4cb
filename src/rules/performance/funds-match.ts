/**
 * The funds in a target table's header agree with the project's amount in T7 (一般公共预算项目支出情况表)
 * or, for a project not in T7, in the narrative's project section (预算安排规模). Projects are matched
 * by name only after removing printing differences (whitespace, quotes, dashes, brackets): a name
 * that differs in wording is reported as information, never matched by guess. The header's own
 * arithmetic (年度预算总额 = 财政拨款 + 其他资金) is checked too.
 */

import type { Disclosure, PerformanceTable } from '../../model/schema.ts';
import { type MoneyUnit, UNIT_EXPONENT } from '../../money/index.ts';
import type { Template } from '../../templates/schema.ts';
import { defineRule, type Finding, type Location } from '../types.ts';
import { at } from '../where.ts';
import {
  compact,
  fenText,
  NO_TABLES,
  normalName,
  perfLocation,
  projectName,
  quantityFen,
  quantityUnit,
  scaleOfText,
  toleranceFen,
} from './common.ts';

const RULE = 'performance.funds-match';

interface Listed {
  name: string;
  fen: number;
  /** decimals printed, in the unit of the listing */
  scale: number;
  unit: MoneyUnit;
  where: string;
  location: Location;
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The project rows of the table the template ties to the narrative's project amounts (T7). A project
 * paid from several functional 项 is printed on one row per 项 under the same name: its rows are one
 * listing, of their sum (located at the first).
 */
function tableProjects(doc: Disclosure, tableId: string, column: string): Listed[] | null {
  const table = doc.tables.find((t) => t.id === tableId);
  if (!table) return null;
  const out: Listed[] = [];
  for (const row of table.rows) {
    if (row.kind !== 'project') continue;
    const cell = row.cells.find((c) => c.column === column);
    if (!cell || cell.fen === null) continue;
    const same = out.find((l) => normalName(l.name) === normalName(row.label || row.key));
    if (same) {
      same.fen += cell.fen;
      same.scale = Math.max(same.scale, scaleOfText(cell.value));
      continue;
    }
    out.push({
      name: row.label || row.key,
      fen: cell.fen,
      scale: scaleOfText(cell.value),
      unit: cell.unit ?? table.unit ?? '万元',
      where: `${table.number?.replace(/\s+/g, '') ?? tableId}`,
      location: {
        table: tableId,
        row: row.key,
        column,
        ...at(cell.source.line !== undefined ? cell.source : row.source),
      },
    });
  }
  return out;
}

/**
 * The projects of the narrative's project section: `1.项目名称：X …预算安排规模：N万元`. The name runs
 * to the next label the template knows; the amount is the claim of that item whose subject the
 * template ties to the project table.
 */
function narrativeProjects(
  doc: Disclosure,
  template: Template,
  sectionRe: RegExp,
  subjectRe: RegExp,
): Listed[] {
  const spec = template.narrative;
  const label = spec.projectLabel;
  if (typeof label !== 'string' || label === '') return [];
  const stops = [...spec.skipLabels.filter((l) => l !== label), subjectRe.source.replace(/^\^|\$$/g, '')];
  const out: Listed[] = [];
  for (const section of doc.narrative) {
    if (!sectionRe.test(section.title)) continue;
    const text = compact(section.text);
    const starts = [...text.matchAll(new RegExp(`(\\d+)[.．、]${escapeRe(label)}[:：]`, 'g'))];
    for (const m of starts) {
      const item = Number(m[1]);
      const from = (m.index ?? 0) + m[0].length;
      let to = text.length;
      for (const stop of stops) {
        const i = text.indexOf(stop, from);
        if (i >= 0 && i < to) to = i;
      }
      const name = text.slice(from, to);
      const claim = section.claims.find(
        (c) => c.item === item && subjectRe.test(c.subject) && c.amount?.fen !== undefined,
      );
      if (!name || !claim?.amount || claim.amount.fen === undefined) continue;
      out.push({
        name,
        fen: claim.amount.fen,
        scale: scaleOfText(claim.amount.value),
        unit: quantityUnit(claim.amount),
        where: `第三部分${section.id}`,
        location: {
          part: 'P3',
          section: section.id,
          item,
          excerpt: compact(claim.excerpt).slice(0, 60),
          ...at(claim.source),
        },
      });
    }
  }
  return out;
}

function headerIdentity(t: PerformanceTable, index: number): Finding | null {
  const { total, fiscal, other } = t.funds;
  const totalFen = quantityFen(total);
  if (!total || totalFen === null || (!fiscal && !other)) return null;
  const fiscalFen = fiscal ? quantityFen(fiscal) : 0;
  const otherFen = other ? quantityFen(other) : 0;
  if (fiscalFen === null || otherFen === null) return null;
  const diff = totalFen - fiscalFen - otherFen;
  if (diff === 0) return null;
  const unit = quantityUnit(total);
  const scale = Math.max(
    scaleOfText(total.value),
    fiscal ? scaleOfText(fiscal.value) : 0,
    other ? scaleOfText(other.value) : 0,
  );
  const tolerance = toleranceFen(unit, scale);
  const rounding = Math.abs(diff) <= tolerance;
  const shown = Math.max(2, scale);
  return {
    rule: RULE,
    severity: rounding ? 'info' : 'error',
    category: 'performance',
    message: `项目「${projectName(t, index)}」年度预算总额 ${fenText(totalFen, unit, shown)} ${unit}，不等于财政拨款 ${fenText(fiscalFen, unit, shown)} ${unit} 加其他资金 ${fenText(otherFen, unit, shown)} ${unit}，相差 ${fenText(diff, unit, shown)} ${unit}${rounding ? '（在四舍五入误差以内）' : ''}。`,
    locations: [perfLocation(t, index, undefined, '年度预算总额')],
    stated: fenText(totalFen, unit, shown),
    expected: fenText(fiscalFen + otherFen, unit, shown),
    difference: fenText(diff, unit, shown),
    tolerance: fenText(tolerance, unit, shown),
  };
}

export default defineRule({
  meta: {
    id: RULE,
    title: { zh: '绩效目标表资金与项目表一致', en: 'Target table funds match the project list' },
    category: 'performance',
    severity: 'error',
    description:
      '绩效目标表表头的财政拨款（未填时为年度预算总额）等于表7 同名项目的项目支出合计（同一项目分列于几个功能科目时为各行之和），表7 未列的，等于第三部分项目支出说明中同名项目的预算安排规模；表头年度预算总额 = 财政拨款 + 其他资金。项目名称只在去掉空白、引号、破折号差异后完全相同时才算同一项目；找不到同名项目的财政拨款项目作为提示（info）报告，非财政拨款项目不要求列入表7。',
  },
  check(ctx) {
    const { doc, template } = ctx;
    if (doc.performance.length === 0) return NO_TABLES;
    const ref = template.narrative.refs.find((r) => r.byName === 'project');
    const tableId = ref?.table ?? 'T7';
    const column = ref?.column ?? '项目支出合计';
    const listedInTable = tableProjects(doc, tableId, column);
    const listedInText = ref
      ? narrativeProjects(doc, template, new RegExp(ref.section), new RegExp(ref.subject))
      : [];
    if (listedInTable === null && listedInText.length === 0) {
      return { insufficient: `neither ${tableId} nor the narrative lists projects with amounts` };
    }
    const listed = [...(listedInTable ?? []), ...listedInText];
    const listedNames = listed.map((l) => normalName(l.name));
    const findings: Finding[] = [];
    let checked = 0;
    doc.performance.forEach((t, index) => {
      const project = projectName(t, index);
      const own = headerIdentity(t, index);
      if (own) findings.push(own);
      const useFiscal = t.funds.fiscal !== null && quantityFen(t.funds.fiscal) !== null;
      const q = useFiscal ? t.funds.fiscal : t.funds.total;
      const fen = quantityFen(q);
      if (!q || fen === null) return;
      const field = useFiscal ? '财政拨款' : '年度预算总额';
      const unit = quantityUnit(q);
      const key = normalName(t.project);
      const match = listed[listedNames.indexOf(key)];
      if (!match) {
        if (fen === 0) return; // a non-fiscal project is not expected in the general-budget project list
        checked++;
        // not a match, only a pointer for the reader: listings of the same amount under another name
        const same = listed.filter((l) => l.fen === fen);
        const byName = new Map<string, Listed[]>();
        for (const l of same) byName.set(normalName(l.name), [...(byName.get(normalName(l.name)) ?? []), l]);
        const hint = [...byName.values()]
          .map((ls) => `${ls.map((l) => l.where).join('和')}有金额相同的「${ls[0]!.name}」`)
          .join('，');
        findings.push({
          rule: RULE,
          severity: 'info',
          category: 'performance',
          message: `项目「${project}」（${field} ${fenText(fen, unit, Math.max(2, scaleOfText(q.value)))} ${unit}）在${tableId === 'T7' ? '表7' : tableId}和项目支出说明中都没有同名项目，项目名称不一致或未在表7列出，金额未能核对${hint ? `（${hint}，名称不同）` : ''}。`,
          locations: [perfLocation(t, index, undefined, '项目名称'), ...same.map((l) => l.location)],
        });
        return;
      }
      checked++;
      const diff = fen - match.fen;
      if (diff === 0) return;
      const scale = Math.max(
        scaleOfText(q.value),
        match.scale + UNIT_EXPONENT[unit] - UNIT_EXPONENT[match.unit],
      );
      const tolerance = toleranceFen(unit, scale);
      const rounding = Math.abs(diff) <= tolerance;
      const shown = Math.max(2, Math.min(scale, UNIT_EXPONENT[unit]));
      findings.push({
        rule: RULE,
        severity: rounding ? 'info' : 'error',
        category: 'performance',
        message: `项目「${project}」绩效目标表${field} ${fenText(fen, unit, shown)} ${unit}，${match.where}「${match.name}」为 ${fenText(match.fen, unit, shown)} ${unit}，相差 ${fenText(diff, unit, shown)} ${unit}${rounding ? '（在四舍五入误差以内）' : ''}。`,
        locations: [perfLocation(t, index, undefined, field), match.location],
        stated: fenText(fen, unit, shown),
        expected: fenText(match.fen, unit, shown),
        difference: fenText(diff, unit, shown),
        tolerance: fenText(tolerance, unit, shown),
      });
    });
    return { findings, checked };
  },
});
