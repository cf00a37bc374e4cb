/**
 * Functional codes appear only in functional tables (and as project subjects), economic codes only
 * in economic tables, as the template declares each table block. The shape of a code says which
 * classification it belongs to (functional 类 201–234; economic 类 301–313, 399, 501–599).
 *
 * Severity: a code of the other classification whose printed name is the catalog name of a code of
 * the table's own classification is an error: code and name contradict each other, and the table
 * cannot hold that code (the Xinjiang 2023 table 6 prints `201 11 公务员医疗补助缴费` among the 301
 * rows; 公务员医疗补助缴费 is the economic 款 30111). Without that evidence it is a warning: the name
 * is unknown, or code and name agree in their own classification (`399 其他支出` in a functional
 * table: a row read into the wrong table, or a table of the wrong kind). A code of neither shape is a
 * warning too.
 */
import type { CatalogKind } from '../../catalog/catalog.ts';
import { defineRule, type Finding } from '../types.ts';
import { codedRows, entriesNamed, KIND_ZH, normName, rowLocation, tableName } from './codes.ts';

export default defineRule({
  meta: {
    id: 'classification.code-kind',
    title: { zh: '分类编码与表格一致', en: 'Code kind fits the table' },
    category: 'classification',
    severity: 'error',
    description: '功能分类编码只应出现在功能分类表中，经济分类编码只应出现在经济分类表中。',
  },
  check(ctx) {
    const { doc, template, catalog } = ctx;
    const rows = codedRows(ctx).filter((r) => r.expected !== null || r.shape === null);
    if (rows.length === 0) return { insufficient: '表格中没有可查的科目编码' };
    const findings: Finding[] = [];
    for (const r of rows) {
      const shape = r.shape;
      const expected: CatalogKind | null = r.expected;
      if (shape !== null && (expected === null || shape === expected)) continue;
      const where = `${tableName(r.table)}${expected ? `（${KIND_ZH[expected]}表）` : ''}`;
      if (shape === null) {
        findings.push({
          rule: 'classification.code-kind',
          severity: 'warning',
          category: 'classification',
          message: `${where}编码 ${r.printed}“${r.name}”不是功能分类或经济分类编码的格式。`,
          locations: [rowLocation(r)],
        });
        continue;
      }
      if (expected === null) continue;
      // the code and its name agree in the code's own classification: a coherent row in the wrong table
      const own = catalog.lookup(shape, r.code, doc.year ?? template.years[0]);
      const coherent =
        own !== null && [own.entry, ...own.otherNames].some((e) => normName(e.name) === r.normalized);
      const named = coherent
        ? []
        : [...new Set(entriesNamed(catalog, expected, r.name).map((e) => e.code))].sort();
      const sameLevel = named.filter((c) => c.length === r.code.length);
      const meant = sameLevel.length > 0 ? sameLevel : named;
      const message =
        meant.length > 0
          ? `${where}印有${KIND_ZH[shape]}编码 ${r.printed}“${r.name}”，而“${r.name}”是${KIND_ZH[expected]} ${meant.join('、')} 的名称，编码应为 ${meant.length > 1 ? `${meant.join('、')} 之一` : meant[0]}。`
          : `${where}印有${KIND_ZH[shape]}编码 ${r.printed}“${r.name}”，该表只应使用${KIND_ZH[expected]}编码。`;
      findings.push({
        rule: 'classification.code-kind',
        severity: meant.length > 0 ? 'error' : 'warning',
        category: 'classification',
        message,
        locations: [rowLocation(r)],
      });
    }
    return { findings, checked: rows.length };
  },
});
