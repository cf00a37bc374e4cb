/** The rule catalogue, in report order. */
import hierarchy from './arithmetic/hierarchy.ts';
import lines from './arithmetic/lines.ts';
import row from './arithmetic/row.ts';
import { CLASSIFICATION_RULES } from './classification/index.ts';
import { COMPLETENESS_RULES } from './completeness/index.ts';
import bound from './cross-table/bound.ts';
import equal from './cross-table/equal.ts';
import match from './cross-table/match.ts';
import projectSum from './cross-table/project-sum.ts';
import { NARRATIVE_RULES } from './narrative/index.ts';
import { PERFORMANCE_RULES } from './performance/index.ts';
import { STATEMENT_RULES } from './statement/index.ts';
import { TEXT_RULES } from './text/index.ts';
import type { Rule } from './types.ts';

export const RULES: Rule[] = [
  ...COMPLETENESS_RULES,
  row,
  hierarchy,
  lines,
  equal,
  match,
  bound,
  projectSum,
  ...NARRATIVE_RULES,
  ...STATEMENT_RULES,
  ...PERFORMANCE_RULES,
  ...CLASSIFICATION_RULES,
  ...TEXT_RULES,
];
