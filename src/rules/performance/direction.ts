/**
 * The comparison points the right way: targets that should grow (counts, completion, timeliness and
 * quality rates, satisfaction) take ≥, > or =; costs take ≤, < or =.
 */
import { defineRule } from '../types.ts';
import {
  checkIndicators,
  compact,
  indicatorName,
  isCost,
  isSatisfaction,
  OP_SIGN,
  perfLocation,
  projectName,
  targetValue,
} from './common.ts';

const RULE = 'performance.direction';

/** Rates that measure how much was achieved. */
const GROWING_RATE_RE =
  /(完成|及时|合格|达标|通过|覆盖|验收|准确|正确|知晓|满意|使用|到位|执行|办结|响应|出勤|利用|普及|参与|采纳|上线)率|及时性/;
/** Quantities to keep low: an upper bound is right for them even under 数量指标. */
const NEGATIVE_RE =
  /差错|错误|投诉|事故|失误|违规|违纪|偏差|误差|超支|超标|延误|延期|逾期|损失|故障|不合格|返工|缺陷|退回|降低|减少|下降|控制|时间|时限|期限|天数|周期|用时|时长|成本|费用|经费|资金|金额/;
/** Savings grow even under 成本指标. */
const SAVING_RE = /节约|节省|降低|下降|减少/;

function shouldGrow(level2: string, level3: string, satisfaction: boolean): boolean {
  if (GROWING_RATE_RE.test(level3) || (satisfaction && !level3.includes('不满意'))) return true;
  return level2.startsWith('数量') && !NEGATIVE_RE.test(level3);
}

export default defineRule({
  meta: {
    id: RULE,
    title: { zh: '指标值方向', en: 'Target direction' },
    category: 'performance',
    severity: 'warning',
    description:
      '应当越多越好的指标（数量指标的数量、完成率、及时率、合格率等质量比率、满意度）用 ≥、> 或 =，不用 ≤、<；成本指标用 ≤、< 或 =，不用 ≥、>。以差错、投诉、时限、费用等命名的产出指标及节约率等不在此列。',
  },
  check(ctx) {
    return checkIndicators(ctx.doc, 'no indicator prints a comparison', (t, index, ind) => {
      const v = targetValue(ctx, ind);
      if (v.kind !== 'quantity' || v.op === null) return undefined;
      const level3 = compact(ind.level3);
      const sign = OP_SIGN[v.op];
      const upper = v.op === 'le' || v.op === 'lt';
      const lower = v.op === 'ge' || v.op === 'gt';
      let message: string | null = null;
      if (isCost(ind)) {
        if (lower && !SAVING_RE.test(level3)) {
          message = `成本指标「${indicatorName(ind)}」的指标值「${compact(ind.value)}」用了下限（${sign}），成本应设上限（≤）`;
        }
      } else if (upper && shouldGrow(compact(ind.level2), level3, isSatisfaction(ind))) {
        message = `「${indicatorName(ind)}」是越高越好的指标，指标值「${compact(ind.value)}」却设了上限（${sign}），应为 ≥ 或 =`;
      }
      if (!message) return null;
      return {
        rule: RULE,
        severity: 'warning',
        category: 'performance',
        message: `项目「${projectName(t, index)}」的${message}。`,
        locations: [perfLocation(t, index, ind, '指标值')],
        stated: compact(ind.value),
      };
    });
  },
});
