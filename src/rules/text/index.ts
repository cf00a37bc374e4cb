/** The text rules, in report order. */
import type { Rule } from '../types.ts';
import doubledPunctuation from './doubled-punctuation.ts';
import emptyReason from './empty-reason.ts';
import placeholder from './placeholder.ts';
import repeatedText from './repeated-text.ts';
import subordinateWording from './subordinate-wording.ts';
import unbalancedBrackets from './unbalanced-brackets.ts';
import unitWording from './unit-wording.ts';

export const TEXT_RULES: Rule[] = [
  emptyReason,
  placeholder,
  unitWording,
  subordinateWording,
  doubledPunctuation,
  unbalancedBrackets,
  repeatedText,
];
