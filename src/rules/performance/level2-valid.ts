/**
 * Each 二级指标 is one of the template's names under its 一级指标. Money amounts under 社会成本指标 or
 * 生态环境成本指标 are allowed by the template but unusual (they belong under 经济成本指标): information.
 */
import { defineRule, type Finding } from '../types.ts';
import {
  allowedLevel2,
  compact,
  indicatorName,
  isCost,
  moneyUnitOf,
  NO_TABLES,
  perfLocation,
  projectName,
  sameLevel,
  targetValue,
  templateLevel1,
} from './common.ts';

const RULE = 'performance.level2-valid';

export default defineRule({
  meta: {
    id: RULE,
    title: { zh: '二级指标归属', en: 'Second-level indicators' },
    category: 'performance',
    severity: 'warning',
    description:
      '每个二级指标是模板为其一级指标规定的名称之一（如 产出指标 → 数量、质量、时效指标），一级指标也须是模板中的名称。社会成本、生态环境成本指标下填列金额的，属可疑但不违规，作为提示（info）。',
  },
  check(ctx) {
    const { doc, template } = ctx;
    if (doc.performance.length === 0) return NO_TABLES;
    const spec = template.performance;
    const findings: Finding[] = [];
    let checked = 0;
    doc.performance.forEach((t, index) => {
      const project = projectName(t, index);
      /** one finding per group of rows with the same wrong pair (merged labels repeat on every row) */
      const groups = new Map<string, { message: string; rows: typeof t.indicators }>();
      for (const ind of t.indicators) {
        checked++;
        const l1 = compact(ind.level1);
        const l2 = compact(ind.level2);
        const level1 = templateLevel1(template, l1);
        let message: string | null = null;
        if (!level1) {
          message = l1
            ? `项目「${project}」的一级指标「${l1}」不是模板规定的一级指标（${spec.level1.join('、')}）`
            : `项目「${project}」有指标行未填一级指标`;
        } else {
          const allowed = spec.level2[level1] ?? [];
          if (!l2) message = `项目「${project}」${level1}下有指标行未填二级指标`;
          else if (!allowedLevel2(template, level1, l2)) {
            const owner = spec.level1.find((other) =>
              (spec.level2[other] ?? []).some((n) => sameLevel(n, l2)),
            );
            message = owner
              ? `项目「${project}」的二级指标「${l2}」属于「${owner}」，却列在「${level1}」下`
              : `项目「${project}」的二级指标「${l2}」不是「${level1}」的二级指标（应为 ${allowed.join('、')} 之一）`;
          }
        }
        if (message) {
          const key = `${l1}\u0000${l2}`;
          const g = groups.get(key) ?? { message, rows: [] };
          g.rows.push(ind);
          groups.set(key, g);
          continue;
        }
        // allowed, but money under a non-economic cost is unusual
        if (isCost(ind) && !l2.includes('经济')) {
          const v = targetValue(ctx, ind);
          if (v.kind === 'quantity' && moneyUnitOf(v.unit)) {
            findings.push({
              rule: RULE,
              severity: 'info',
              category: 'performance',
              message: `项目「${project}」的「${indicatorName(ind)}」指标值 ${compact(ind.value)} 是金额，却列在「${l2}」下，资金成本通常列在经济成本指标。`,
              locations: [perfLocation(t, index, ind, '二级指标')],
              stated: l2,
            });
          }
        }
      }
      for (const { message, rows } of groups.values()) {
        const names = rows.map((r) => `「${indicatorName(r)}」`).join('、');
        findings.push({
          rule: RULE,
          severity: 'warning',
          category: 'performance',
          message: `${message}：${names}。`,
          locations: rows.map((r) => perfLocation(t, index, r, '二级指标')),
          stated: `${compact(rows[0]!.level1)}/${compact(rows[0]!.level2)}`,
        });
      }
    });
    if (checked === 0) return { insufficient: 'no target table has indicator rows' };
    return { findings, checked };
  },
});
