/** Every indicator row fills 三级指标, 指标值, 指标值设置依据, 权重, 赋分规则 and 佐证资料. */
import { defineRule } from '../types.ts';
import { checkIndicators, indicatorName, perfLocation, projectName } from './common.ts';

const RULE = 'performance.missing-fields';

/** The fields every indicator row fills, by printed name. */
const FIELDS = [
  ['三级指标', 'level3'],
  ['指标值', 'value'],
  ['指标值设置依据', 'basis'],
  ['权重', 'weight'],
  ['赋分规则', 'scoring'],
  ['佐证资料', 'evidence'],
] as const;

/** Something printed: the same as `compact(text) !== ''`. */
const NOT_BLANK = /\S/;

export default defineRule({
  meta: {
    id: RULE,
    title: { zh: '指标行栏目齐全', en: 'Indicator rows complete' },
    category: 'performance',
    severity: 'warning',
    description:
      '每个指标行填写三级指标、指标值、指标值设置依据、权重、赋分规则和佐证资料；每行缺项报告一次并列出空栏。上年完成值可以为空（新项目），不核对。',
  },
  check({ doc }) {
    return checkIndicators(doc, 'no target table has indicator rows', (t, index, ind) => {
      const empty = FIELDS.filter(([, key]) => !NOT_BLANK.test(ind[key])).map(([name]) => name);
      if (empty.length === 0) return null;
      return {
        rule: RULE,
        severity: 'warning',
        category: 'performance',
        message: `项目「${projectName(t, index)}」的「${indicatorName(ind)}」一行未填${empty.join('、')}。`,
        locations: [perfLocation(t, index, ind, empty.join('、'))],
      };
    });
  },
});
