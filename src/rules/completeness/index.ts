/** The completeness rules, in report order. */
import type { Rule } from '../types.ts';
import emptyTable from './empty-table.ts';
import parts from './parts.ts';

export const COMPLETENESS_RULES: Rule[] = [parts, emptyTable];
