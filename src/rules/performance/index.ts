/** The performance rules, in report order. */
import type { Rule } from '../types.ts';
import costWithinBudget from './cost-within-budget.ts';
import direction from './direction.ts';
import fundsMatch from './funds-match.ts';
import level2Valid from './level2-valid.ts';
import missingFields from './missing-fields.ts';
import requiredLevel1 from './required-level1.ts';
import summaryMatches from './summary-matches.ts';
import valueSyntax from './value-syntax.ts';
import weightTotal from './weight-total.ts';

export const PERFORMANCE_RULES: Rule[] = [
  weightTotal,
  requiredLevel1,
  level2Valid,
  missingFields,
  valueSyntax,
  direction,
  costWithinBudget,
  fundsMatch,
  summaryMatches,
];
