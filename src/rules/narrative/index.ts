/** The narrative rules, in report order. */
import type { Rule } from '../types.ts';
import amount from './amount.ts';
import comparisonYear from './comparison-year.ts';
import direction from './direction.ts';
import growth from './growth.ts';
import itemsSum from './items-sum.ts';
import share from './share.ts';
import subjectName from './subject-name.ts';
import zeroBase from './zero-base.ts';

export const NARRATIVE_RULES: Rule[] = [
  amount,
  subjectName,
  share,
  growth,
  direction,
  zeroBase,
  itemsSum,
  comparisonYear,
];
