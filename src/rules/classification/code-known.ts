/**
 * Every classification code printed in a table is looked up in the catalog for the document's year.
 * The shipped catalog is partial, so an unknown code is information, never an error: it says the
 * check could not be made. A code known only for other years is information too, naming them.
 * Codes of the wrong shape for their table are left to classification.code-kind.
 */
import { defineRule, type Finding } from '../types.ts';
import { groupBy, lookupRows, rowLocation } from './codes.ts';

export default defineRule({
  meta: {
    id: 'classification.code-known',
    title: { zh: '科目编码在目录中', en: 'Code in the catalog' },
    category: 'classification',
    severity: 'info',
    description:
      '表中每个功能分类、经济分类科目编码都应在当年的科目目录中；目录不完整，查不到的编码仅作提示。',
  },
  check(ctx) {
    const { doc, catalog } = ctx;
    const year = doc.year;
    if (year === null) return { insufficient: '文档年度未知，无法按年度查目录' };
    const rows = lookupRows(ctx);
    if (rows.length === 0) return { insufficient: '表格中没有可查的科目编码' };
    // One finding per kind of gap (not in the catalog; known only for other years), listing the codes,
    // so that a partial catalog informs without drowning the report.
    const missing: typeof rows = [];
    const otherYears: typeof rows = [];
    for (const group of groupBy(rows, (r) => `${r.kind}:${r.code}`)) {
      const first = group[0]!;
      const hit = catalog.lookup(first.kind, first.code, year);
      if (hit?.exactYear) continue;
      (hit === null ? missing : otherYears).push(...group);
    }
    const findings: Finding[] = [];
    const list = (rs: typeof rows) => {
      const codes = [...new Map(rs.map((r) => [`${r.kind}:${r.code}`, `${r.printed}“${r.name}”`])).values()];
      return { count: codes.length, text: codes.slice(0, 12).join('、') + (codes.length > 12 ? ` 等` : '') };
    };
    if (missing.length > 0) {
      const l = list(missing);
      findings.push({
        rule: 'classification.code-known',
        severity: 'info',
        category: 'classification',
        message: `${l.count} 个科目编码未在目录中（目录不完整），无法核对${year}年是否存在：${l.text}。`,
        locations: missing.map(rowLocation),
      });
    }
    if (otherYears.length > 0) {
      const l = list(otherYears);
      findings.push({
        rule: 'classification.code-known',
        severity: 'info',
        category: 'classification',
        message: `${l.count} 个科目编码在目录中只有其他年度的记录，未能核实${year}年：${l.text}。`,
        locations: otherYears.map(rowLocation),
      });
    }
    return { findings, checked: rows.length };
  },
});
