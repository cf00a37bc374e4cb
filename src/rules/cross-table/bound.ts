import { identityRule } from '../identity.ts';

export default identityRule(
  {
    id: 'cross-table.bound',
    title: { zh: '表间上限', en: 'Cross-table bounds' },
    category: 'cross-table',
    severity: 'error',
    description: '模板声明的不等式：如 表6 公务接待费 不大于 表10 公务接待费。',
  },
  ['le'],
);
