/** The indicator weights of each target table sum to the template's total (90 in Xinjiang). */
import {
  addDecimal,
  compareDecimal,
  type Decimal,
  differenceText,
  formatDecimal,
  parseDecimal,
} from '../../money/index.ts';
import { defineRule, type Finding } from '../types.ts';
import { indicatorName, NO_TABLES, parseWeight, perfLocation, projectName } from './common.ts';

export default defineRule({
  meta: {
    id: 'performance.weight-total',
    title: { zh: '绩效指标权重合计', en: 'Indicator weights total' },
    category: 'performance',
    severity: 'error',
    description:
      '每张项目支出绩效目标表的指标权重之和等于模板规定的总分（新疆为 90 分，另 10 分为预算执行率）。权重按十进制精确相加；一张表没有可读的权重时不核对该表。',
  },
  check(ctx) {
    const { doc, template } = ctx;
    if (doc.performance.length === 0) return NO_TABLES;
    const target = parseDecimal(String(template.performance.weightTotal));
    if (!target)
      return {
        insufficient: `the template's weight total ${template.performance.weightTotal} is not a decimal`,
      };
    const findings: Finding[] = [];
    let checked = 0;
    const skipped: string[] = [];
    doc.performance.forEach((t, index) => {
      let sum: Decimal = { units: 0n, scale: 0 };
      let printed = 0;
      let blank = 0;
      let unreadable = false;
      for (const ind of t.indicators) {
        const w = parseWeight(ind.weight);
        if (w === 'blank') blank++;
        else if (w === null) unreadable = true;
        else {
          sum = addDecimal(sum, w);
          printed++;
        }
      }
      if (printed === 0 || unreadable) {
        skipped.push(projectName(t, index));
        return;
      }
      checked++;
      if (compareDecimal(sum, target) === 0) return;
      const inferred = t.indicators
        .filter((ind) => ind.placement.some((p) => p.field === '权重'))
        .map((ind) => `「${indicatorName(ind)}」`);
      const notes = [
        ...(blank > 0 ? [`另有 ${blank} 行未填权重`] : []),
        ...(inferred.length > 0 ? [`其中${inferred.join('、')}的权重由版面位置推断`] : []),
      ];
      const stated = formatDecimal(sum);
      const expected = formatDecimal(target);
      findings.push({
        rule: 'performance.weight-total',
        severity: 'error',
        category: 'performance',
        message: `项目「${projectName(t, index)}」的 ${printed} 个指标权重合计 ${stated}，应为 ${expected}，相差 ${differenceText(sum, target)}${notes.length > 0 ? `（${notes.join('；')}）` : ''}。`,
        locations: [perfLocation(t, index, undefined, '权重')],
        stated,
        expected,
        difference: differenceText(sum, target),
        tolerance: '0',
      });
    });
    if (checked === 0)
      return { insufficient: `no target table prints readable weights (${skipped.join('、')})` };
    return { findings, checked };
  },
});
