/** The classification rules, in report order. */
import type { Rule } from '../types.ts';
import codeKind from './code-kind.ts';
import codeKnown from './code-known.ts';
import nameConsistent from './name-consistent.ts';
import nameMatches from './name-matches.ts';

export const CLASSIFICATION_RULES: Rule[] = [codeKind, nameConsistent, nameMatches, codeKnown];
