import { identityRule } from '../identity.ts';

export default identityRule(
  {
    id: 'cross-table.match',
    title: { zh: '表间逐科目一致', en: 'Cross-table by subject' },
    category: 'cross-table',
    severity: 'error',
    description: '两表同一科目逐项相等（如 表1 各类支出 = 表3 各类合计），或不大于（表5 ≤ 表3）。',
  },
  ['match'],
);
