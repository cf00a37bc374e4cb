/**
 * The printed name of each code agrees with the catalog name for the document's year, compared
 * without spaces (and with full- and half-width brackets alike).
 * - a name the catalog records for the code in an earlier year, when the year's own name is known:
 *   an outdated name (warning), e.g. 210 医疗卫生与计划生育支出 in a 2023 document;
 * - a different name: warning when the catalog entry is evidenced for the year, information when it
 *   is only known from other years (the name may have changed);
 * - a name the catalog records for another year in any other case: information.
 * Codes missing from the catalog, or of the wrong shape for their table, are other rules' business.
 */
import type { CatalogKind, Lookup } from '../../catalog/catalog.ts';
import { defineRule, type Finding, type Severity } from '../types.ts';
import { type CodedRow, groupBy, KIND_ZH, lookupRows, normName, rowLocation, years } from './codes.ts';

interface Verdict {
  severity: Severity;
  message: string;
}

function judge(r: CodedRow, kind: CatalogKind, hit: Lookup, year: number): Verdict | null {
  const printed = r.normalized;
  const all = [hit.entry, ...hit.otherNames];
  // the printed name is evidenced for this year (the entry, or another entry covering the year)
  if (all.some((e) => normName(e.name) === printed && e.from <= year && year <= e.to)) return null;
  if (!hit.exactYear && normName(hit.entry.name) === printed) return null;
  const what = `${KIND_ZH[kind]} ${r.printed} 印为“${r.name}”`;
  const current = hit.entry.name;
  const other = hit.otherNames.find((o) => normName(o.name) === printed);
  if (other) {
    if (hit.exactYear && other.to < year)
      return {
        severity: 'warning',
        message: `${what}，是${years(other.from, other.to)}的旧科目名称，${year}年应为“${current}”。`,
      };
    return {
      severity: 'info',
      message: `${what}，目录中该名称见于${years(other.from, other.to)}，${years(hit.entry.from, hit.entry.to)}名称为“${current}”。`,
    };
  }
  if (hit.exactYear)
    return { severity: 'warning', message: `${what}，与${year}年科目名称“${current}”不符。` };
  return {
    severity: 'info',
    message: `${what}，与目录${years(hit.entry.from, hit.entry.to)}的名称“${current}”不符（目录未核实${year}年的名称）。`,
  };
}

export default defineRule({
  meta: {
    id: 'classification.name-matches',
    title: { zh: '科目名称与编码一致', en: 'Name matches the code' },
    category: 'classification',
    severity: 'warning',
    description: '表中科目名称应与当年目录中该编码的名称一致；使用已停用的旧名称或名称不符时提示。',
  },
  check(ctx) {
    const { doc, catalog } = ctx;
    const year = doc.year;
    if (year === null) return { insufficient: '文档年度未知，无法按年度查目录' };
    const rows = lookupRows(ctx).filter((r) => r.name !== '');
    if (rows.length === 0) return { insufficient: '表格中没有可查的科目编码' };
    const findings: Finding[] = [];
    let checked = 0;
    for (const group of groupBy(rows, (r) => `${r.kind}:${r.code}:${r.normalized}`)) {
      const first = group[0]!;
      const hit = catalog.lookup(first.kind, first.code, year);
      if (!hit) continue;
      checked += group.length;
      const v = judge(first, first.kind, hit, year);
      if (!v) continue;
      findings.push({
        rule: 'classification.name-matches',
        severity: v.severity,
        category: 'classification',
        message: v.message,
        locations: group.map(rowLocation),
      });
    }
    return { findings, checked };
  },
});
