/**
 * A 指标值 is a comparison, a number and a unit (`≥1家`, `>=95%`, `<=190万元`) or a qualitative phrase
 * (`提升`); a rate (率) is a percentage of at most 100; a count is a number.
 */
import { compareDecimal } from '../../money/index.ts';
import { defineRule } from '../types.ts';
import {
  checkIndicators,
  compact,
  indicatorName,
  isRate,
  perfLocation,
  projectName,
  targetValue,
} from './common.ts';

const RULE = 'performance.value-syntax';
const HUNDRED = { units: 100n, scale: 0 };
/** 三级指标 naming a count */
const COUNT_RE = /次数|个数|人数|户数|家数|件数|数量/;

export default defineRule({
  meta: {
    id: RULE,
    title: { zh: '指标值格式', en: 'Target value syntax' },
    category: 'performance',
    severity: 'warning',
    description:
      '指标值为“比较符号 + 数值 + 单位”（≥1家、>=95%、<=190万元、=100%；符号可为 ≥ ≤ > < = >= <= ＞ ＜ 及误印的 ‹）或定性表述（提升、有效保障）。三级指标含“率”的（效率、频率除外）应为不超过 100 的百分比；数量指标或以次数、数量等命名的指标应有数值。空的指标值由 missing-fields 报告。',
  },
  check(ctx) {
    return checkIndicators(ctx.doc, 'no indicator prints a value', (t, index, ind) => {
      const v = targetValue(ctx, ind);
      if (v.kind === 'empty') return undefined;
      const problems: string[] = [];
      if (v.kind === 'malformed') problems.push('比较符号后没有数值');
      if (v.kind === 'quantity') {
        if (v.op === null) problems.push('缺少比较符号（≥、≤、= 等）');
        if (v.unit === '') problems.push('缺少单位');
        if (isRate(ind) && (v.unit !== '%' || compareDecimal(v.number, HUNDRED) > 0)) {
          problems.push(
            v.unit === '%'
              ? '比率超过 100%'
              : `“率”类指标应为不超过 100 的百分比，却以「${v.unit || '无单位'}」计`,
          );
        }
      }
      if (
        v.kind === 'qualitative' &&
        (compact(ind.level2).startsWith('数量') || COUNT_RE.test(compact(ind.level3)))
      ) {
        problems.push('数量类指标应为数值，却是定性表述');
      }
      if (problems.length === 0) return null;
      return {
        rule: RULE,
        severity: 'warning',
        category: 'performance',
        message: `项目「${projectName(t, index)}」的「${indicatorName(ind)}」指标值「${compact(ind.value)}」：${problems.join('，')}。`,
        locations: [perfLocation(t, index, ind, '指标值')],
        stated: compact(ind.value),
      };
    });
  },
});
