/** Every 一级指标 of the template is present in each target table. */
import { defineRule, type Finding } from '../types.ts';
import { levelKey, NO_TABLES, perfLocation, projectName } from './common.ts';

/** 成本指标 is a required first-level indicator since the 2021 budgets (docs/domain.md §6). */
const COST_REQUIRED_FROM = 2021;

export default defineRule({
  meta: {
    id: 'performance.required-level1',
    title: { zh: '一级指标齐全', en: 'Required first-level indicators' },
    category: 'performance',
    severity: 'warning',
    description:
      '每张项目支出绩效目标表包含模板的全部一级指标（产出指标、成本指标、效益指标、满意度指标）。成本指标自 2021 年起为必设指标：预算年度早于 2021 年时不要求成本指标，规则本身适用于所有年度。没有任何指标行的表不核对。',
  },
  check(ctx) {
    const { doc, template } = ctx;
    if (doc.performance.length === 0) return NO_TABLES;
    const required = template.performance.level1.filter(
      (l) => !(l.includes('成本') && doc.year !== null && doc.year < COST_REQUIRED_FROM),
    );
    const findings: Finding[] = [];
    let checked = 0;
    doc.performance.forEach((t, index) => {
      if (t.indicators.length === 0) return;
      checked++;
      const printed = new Set(t.indicators.map((ind) => levelKey(ind.level1)));
      for (const level1 of required) {
        // sameLevel with one of the indicators' 一级指标
        const key = levelKey(level1);
        if (key !== '' && printed.has(key)) continue;
        const present = [...new Set(t.indicators.map((ind) => ind.level1))].join('、');
        findings.push({
          rule: 'performance.required-level1',
          severity: 'warning',
          category: 'performance',
          message: `项目「${projectName(t, index)}」缺少一级指标「${level1}」（表中只有 ${present}，应含 ${required.join('、')}）。`,
          locations: [perfLocation(t, index, undefined, '一级指标')],
          expected: level1,
        });
      }
    });
    if (checked === 0) return { insufficient: 'no target table has indicator rows' };
    return { findings, checked };
  },
});
