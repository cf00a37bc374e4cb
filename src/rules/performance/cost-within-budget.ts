/**
 * The money stated by a table's cost indicators (成本指标 with ≤, < or =) sums to at most the project's
 * 年度预算总额. Amounts are added in fen; an excess within one unit of the last printed digit is
 * information (the parts were rounded), beyond it an error.
 */
import { UNIT_EXPONENT } from '../../money/index.ts';
import { defineRule, type Finding, type Location } from '../types.ts';
import {
  decimalToFen,
  fenText,
  indicatorName,
  isCost,
  moneyUnitOf,
  NO_TABLES,
  perfLocation,
  projectName,
  quantityFen,
  quantityUnit,
  scaleOfText,
  targetValue,
  toleranceFen,
} from './common.ts';

const RULE = 'performance.cost-within-budget';

export default defineRule({
  meta: {
    id: RULE,
    title: { zh: '成本指标不超预算', en: 'Cost indicators within the budget' },
    category: 'performance',
    severity: 'error',
    description:
      '成本指标（经济成本及其他成本指标）中以 ≤、< 或 = 给出的金额之和不超过项目年度预算总额，按分精确相加。超出不多于末位数字一个单位的为四舍五入误差（info），否则为错误。人均等单价（元/人）不计入。',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.performance.length === 0) return NO_TABLES;
    const findings: Finding[] = [];
    let checked = 0;
    doc.performance.forEach((t, index) => {
      const total = quantityFen(t.funds.total);
      if (total === null || !t.funds.total) return;
      const unit = quantityUnit(t.funds.total);
      let scale = scaleOfText(t.funds.total.value);
      const terms: { name: string; fen: number; location: Location }[] = [];
      for (const ind of t.indicators) {
        if (!isCost(ind)) continue;
        const v = targetValue(ctx, ind);
        if (v.kind !== 'quantity' || (v.op !== 'le' && v.op !== 'lt' && v.op !== 'eq')) continue;
        const u = moneyUnitOf(v.unit);
        if (!u) continue;
        const fen = decimalToFen(v.number, u);
        if (fen === null) continue;
        // the printed precision, expressed in the unit of the total
        scale = Math.max(scale, v.number.scale + UNIT_EXPONENT[unit] - UNIT_EXPONENT[u]);
        terms.push({ name: indicatorName(ind), fen, location: perfLocation(t, index, ind, '指标值') });
      }
      if (terms.length === 0) return;
      checked++;
      let sum = 0n;
      for (const term of terms) sum += BigInt(term.fen);
      const diff = Number(sum - BigInt(total));
      if (diff <= 0) return;
      const tolerance = toleranceFen(unit, scale);
      const rounding = diff <= tolerance;
      const shown = Math.max(2, Math.min(scale, UNIT_EXPONENT[unit]));
      const parts = terms.map((term) => `${term.name} ${fenText(term.fen, unit, shown)}`).join(' + ');
      findings.push({
        rule: RULE,
        severity: rounding ? 'info' : 'error',
        category: 'performance',
        message: `项目「${projectName(t, index)}」成本指标金额合计 ${fenText(Number(sum), unit, shown)} ${unit}（${parts}），超过年度预算总额 ${fenText(total, unit, shown)} ${unit}，多 ${fenText(diff, unit, shown)} ${unit}${rounding ? '（在四舍五入误差以内）' : ''}。`,
        locations: [perfLocation(t, index, undefined, '年度预算总额'), ...terms.map((term) => term.location)],
        stated: fenText(Number(sum), unit, shown),
        expected: fenText(total, unit, shown),
        difference: fenText(diff, unit, shown),
        tolerance: fenText(tolerance, unit, shown),
      });
    });
    if (checked === 0)
      return { insufficient: 'no target table states cost amounts together with its budget total' };
    return { findings, checked };
  },
});
