/**
 * The narrative's performance summary (预算绩效情况: `财政拨款项目 7 个，涉及预算金额 5853.28 万元；
 * 非财政拨款项目 2 个，涉及预算金额 190 万元`) agrees with the target tables: the number of tables
 * with 财政拨款 > 0 (= 0) and the sum of their 年度预算总额.
 */

import type { Claim, PerformanceTable } from '../../model/schema.ts';
import type { MoneyUnit } from '../../money/index.ts';
import { claims as claimsOf } from '../narrative/claims.ts';
import { defineRule, type Finding, type Location } from '../types.ts';
import { at } from '../where.ts';
import {
  compact,
  fenText,
  moneyUnitOf,
  perfLocation,
  projectName,
  quantityFen,
  quantityUnit,
  scaleOfText,
  toleranceFen,
} from './common.ts';

const RULE = 'performance.summary-matches';

type Group = 'fiscal' | 'nonfiscal' | 'all';

const GROUP_NAME: Record<Group, string> = {
  fiscal: '财政拨款项目',
  nonfiscal: '非财政拨款项目',
  all: '绩效目标项目',
};
const GROUP_TABLES: Record<Group, string> = {
  fiscal: '财政拨款大于 0 的绩效目标表',
  nonfiscal: '财政拨款为 0 的绩效目标表',
  all: '绩效目标表',
};

function groupOfClaim(c: Claim): Group {
  const s = compact(c.subject);
  if (s.includes('非财政')) return 'nonfiscal';
  if (s.includes('财政拨款')) return 'fiscal';
  return 'all';
}

/** fiscal when 财政拨款 > 0, non-fiscal when it is 0 (or blank with all the money in 其他资金). */
function groupOfTable(t: PerformanceTable): 'fiscal' | 'nonfiscal' | null {
  const fiscal = quantityFen(t.funds.fiscal);
  if (fiscal !== null) return fiscal > 0 ? 'fiscal' : 'nonfiscal';
  const other = quantityFen(t.funds.other);
  const total = quantityFen(t.funds.total);
  if (other !== null && total !== null && other > 0 && other === total) return 'nonfiscal';
  return null;
}

function claimLocation(c: Claim): Location {
  return {
    part: 'P3',
    section: c.section,
    item: c.item,
    excerpt: compact(c.excerpt),
    ...at(c.source),
  };
}

export default defineRule({
  meta: {
    id: RULE,
    title: { zh: '预算绩效情况与目标表一致', en: 'Performance summary matches the tables' },
    category: 'performance',
    severity: 'error',
    description:
      '第三部分“预算绩效情况”所述财政拨款项目、非财政拨款项目的个数及涉及预算金额，与绩效目标表一致：财政拨款大于 0（等于 0）的表的张数，及其年度预算总额之和（按分精确相加；相差不超过末位一个单位为四舍五入误差，作提示）。',
  },
  check(ctx) {
    const { doc } = ctx;
    const claims = claimsOf(ctx).filter((c) => c.kind === 'performance' && c.amount);
    if (claims.length === 0) return { notApplicable: 'the narrative states no performance summary' };
    if (doc.performance.length === 0) return { insufficient: 'no performance target table was read' };
    const tables = doc.performance.map((t, index) => ({ t, index, group: groupOfTable(t) }));
    const findings: Finding[] = [];
    let checked = 0;
    const unknown: string[] = [];
    for (const c of claims) {
      const amount = c.amount!;
      const group = groupOfClaim(c);
      if (group !== 'all') {
        const unclassified = tables.filter((x) => x.group === null);
        if (unclassified.length > 0) {
          unknown.push(...unclassified.map((x) => projectName(x.t, x.index)));
          continue;
        }
      }
      const mine = tables.filter((x) => group === 'all' || x.group === group);
      const tableLocations = mine.map((x) => perfLocation(x.t, x.index, undefined, '年度预算总额'));
      const money = moneyUnitOf(amount.unit);
      if (!money) {
        // a count: 个, 项
        const stated = amount.value;
        if (!/^\d+$/.test(stated)) continue;
        checked++;
        if (Number(stated) === mine.length) continue;
        findings.push({
          rule: RULE,
          severity: 'error',
          category: 'performance',
          message: `第三部分${c.section}称${GROUP_NAME[group]} ${stated} ${amount.unit}，而${GROUP_TABLES[group]}有 ${mine.length} 张${mine.length > 0 ? `（${mine.map((x) => projectName(x.t, x.index)).join('、')}）` : ''}。`,
          locations: [claimLocation(c), ...tableLocations],
          stated,
          expected: String(mine.length),
          difference: String(Number(stated) - mine.length),
        });
        continue;
      }
      const statedFen = amount.fen ?? quantityFen(amount);
      const fens = mine.map((x) => quantityFen(x.t.funds.total));
      if (statedFen === null || fens.some((f) => f === null)) {
        unknown.push(...mine.filter((_, i) => fens[i] === null).map((x) => projectName(x.t, x.index)));
        continue;
      }
      checked++;
      const sum = fens.reduce<number>((a, f) => a + f!, 0);
      const diff = statedFen - sum;
      if (diff === 0) continue;
      const unit: MoneyUnit = money;
      const scale = Math.max(
        scaleOfText(amount.value),
        ...mine.map((x) => (x.t.funds.total ? scaleOfText(x.t.funds.total.value) : 0)),
      );
      const tolerance = toleranceFen(unit, scale);
      const rounding = Math.abs(diff) <= tolerance;
      const shown = Math.max(2, scale);
      const parts = mine
        .map(
          (x) =>
            `${projectName(x.t, x.index)} ${fenText(quantityFen(x.t.funds.total)!, quantityUnit(x.t.funds.total), 0)}`,
        )
        .join(' + ');
      findings.push({
        rule: RULE,
        severity: rounding ? 'info' : 'error',
        category: 'performance',
        message: `第三部分${c.section}称${GROUP_NAME[group]}涉及预算金额 ${amount.value} ${unit}，而${GROUP_TABLES[group]}（${mine.length} 张）年度预算总额合计 ${fenText(sum, unit, shown)} ${unit}${mine.length > 0 && mine.length <= 4 ? `（${parts}）` : ''}，相差 ${fenText(diff, unit, shown)} ${unit}${rounding ? '（在四舍五入误差以内）' : ''}。`,
        locations: [claimLocation(c), ...tableLocations],
        stated: fenText(statedFen, unit, shown),
        expected: fenText(sum, unit, shown),
        difference: fenText(diff, unit, shown),
        tolerance: fenText(tolerance, unit, shown),
      });
    }
    if (checked === 0) {
      return {
        insufficient: `the fund source or budget of some target tables is not printed (${[...new Set(unknown)].join('、')})`,
      };
    }
    return { findings, checked };
  },
});
