/** The statement rules (三公, procurement, assets, staffing), in report order. */
import type { Rule } from '../types.ts';
import assets from './assets.ts';
import procurement from './procurement.ts';
import sangong from './sangong.ts';
import staffing from './staffing.ts';

export const STATEMENT_RULES: Rule[] = [sangong, procurement, assets, staffing];
