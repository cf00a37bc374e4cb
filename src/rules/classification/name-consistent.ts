/**
 * One code, one name: a code printed in several tables of the same document under different names
 * is a contradiction the reader cannot resolve (which subject is meant?), whatever the catalog says.
 */
import { defineRule, type Finding } from '../types.ts';
import { codedRows, groupBy, KIND_ZH, rowLocation } from './codes.ts';

export default defineRule({
  meta: {
    id: 'classification.name-consistent',
    title: { zh: '同一科目名称一致', en: 'One code, one name' },
    category: 'classification',
    severity: 'warning',
    description: '同一科目编码在文件各表中应使用同一名称；不同的名称列出所在的表。',
  },
  check(ctx) {
    const rows = codedRows(ctx).filter((r) => r.row.kind === 'code' && r.shape !== null);
    if (rows.length === 0) return { notApplicable: 'no classification code printed' };
    const findings: Finding[] = [];
    for (const group of groupBy(rows, (r) => r.code)) {
      const names = groupBy(group, (r) => r.normalized);
      if (names.length < 2) continue;
      const first = group[0]!;
      const kind = first.shape!;
      findings.push({
        rule: 'classification.name-consistent',
        severity: 'warning',
        category: 'classification',
        message: `${KIND_ZH[kind]} ${first.printed} 在各表中名称不一：${names.map((g) => `“${g[0]!.name}”（${[...new Set(g.map((r) => r.table.number?.replace(/\s+/g, '') ?? r.table.id))].join('、')}）`).join('，')}。`,
        locations: group.map(rowLocation),
      });
    }
    return { findings, checked: rows.length };
  },
});
