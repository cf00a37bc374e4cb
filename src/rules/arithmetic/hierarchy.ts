import { identityRule } from '../identity.ts';

export default identityRule(
  {
    id: 'arithmetic.hierarchy',
    title: { zh: '科目层级汇总', en: 'Hierarchy sums' },
    category: 'arithmetic',
    severity: 'error',
    description: '类等于其款之和，款等于其项之和，合计等于各类之和（项目表：科目等于其下项目之和）。',
  },
  ['tree'],
);
