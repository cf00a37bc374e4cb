import { identityRule } from '../identity.ts';

export default identityRule(
  {
    id: 'arithmetic.row',
    title: { zh: '行内公式', en: 'Row formulas' },
    category: 'arithmetic',
    severity: 'error',
    description: '表内每行：合计等于其组成部分之和（如 合计 = 基本支出 + 项目支出）。',
  },
  ['row'],
);
