/** narrative.subject-name: subjects named in the narrative exist in the tables under the same name. */
import { defineRule, type Finding } from '../types.ts';
import { at } from '../where.ts';
import { claimLocation, claims } from './claims.ts';
import { resolveClaim } from './resolve.ts';

export default defineRule({
  meta: {
    id: 'narrative.subject-name',
    title: { zh: '说明中的科目和项目名称与表格一致', en: 'Names in the narrative match the tables' },
    category: 'narrative',
    severity: 'warning',
    description: '说明中按名称提到的科目（类、项）和项目应能在表格中按同一名称找到；名称不同或找不到时提示。',
  },
  check(ctx) {
    const findings: Finding[] = [];
    let checked = 0;
    for (const c of claims(ctx)) {
      const r = resolveClaim(ctx, c);
      if (!r) continue;
      checked++;
      if ('unresolved' in r) {
        findings.push({
          rule: 'narrative.subject-name',
          severity: 'warning',
          category: 'narrative',
          message: `说明中的「${c.subject}」在表格中找不到对应的行（${r.unresolved}）。`,
          locations: [claimLocation(c)],
        });
      } else if (r.nameDiffers) {
        findings.push({
          rule: 'narrative.subject-name',
          severity: 'warning',
          category: 'narrative',
          message: `说明中的「${r.name}」与${r.table}的名称「${r.nameDiffers}」不一致。`,
          locations: [
            claimLocation(c),
            {
              table: r.table,
              row: r.row,
              ...(r.value?.cell ? { column: r.column, ...at(r.value.cell.source) } : {}),
            },
          ],
        });
      }
    }
    if (checked === 0) return { notApplicable: 'no claim names a table row' };
    return { findings, checked };
  },
});
