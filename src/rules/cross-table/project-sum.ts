import { identityRule } from '../identity.ts';

export default identityRule(
  {
    id: 'cross-table.project-sum',
    title: { zh: '项目按科目汇总', en: 'Projects by subject' },
    category: 'cross-table',
    severity: 'error',
    description: '表7 项目按功能科目汇总后等于表5 该科目的项目支出。',
  },
  ['sum-by-code'],
);
