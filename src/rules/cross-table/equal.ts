import { identityRule } from '../identity.ts';

export default identityRule(
  {
    id: 'cross-table.equal',
    title: { zh: '表间一致', en: 'Cross-table equalities' },
    category: 'cross-table',
    severity: 'error',
    description: '模板声明的表间等式：如 收入总计 = 支出总计，表5 基本支出 = 表6 合计。',
  },
  ['equal'],
);
