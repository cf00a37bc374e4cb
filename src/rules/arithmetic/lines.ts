import { identityRule } from '../identity.ts';

export default identityRule(
  {
    id: 'arithmetic.lines',
    title: { zh: '固定行汇总', en: 'Fixed-line sums' },
    category: 'arithmetic',
    severity: 'error',
    description: '固定行表（收支总表、三公经费表）：汇总行等于其明细行之和。',
  },
  ['lines'],
);
