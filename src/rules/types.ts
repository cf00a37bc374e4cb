/**
 * The rule engine's vocabulary. A rule is one file: `meta` (id, titles, category, severity, where it
 * applies) and `check`, a pure function of the model that returns findings, or says why it could not
 * run. The engine turns every rule's outcome into an obligation (passed, failed, not applicable,
 * insufficient data), so a report never looks clean by omission.
 */
import type { Catalog } from '../catalog/catalog.ts';
import type { TableShape } from '../identities/instances.ts';
import type { Disclosure } from '../model/schema.ts';
import type { Template } from '../templates/schema.ts';
import type { CellIndex } from './cells.ts';
import type { Place } from './where.ts';

export type Severity = 'error' | 'warning' | 'info';

export type Category =
  | 'arithmetic'
  | 'cross-table'
  | 'narrative'
  | 'statement'
  | 'performance'
  | 'classification'
  | 'completeness'
  | 'text';

/** A cell or row of a table, a narrative sentence, a performance indicator, Part 1 or 4; with its Place. */
export type Location =
  | ({ table: string; row?: string; column?: string } & Place)
  | ({ part: 'P3'; section: string; item?: number | null; excerpt: string } & Place)
  | ({ part: 'PERF'; project: string; indicator?: string; field?: string } & Place)
  | ({ part: 'P1' | 'P4'; field?: string; excerpt?: string } & Place);

export interface Finding {
  rule: string;
  severity: Severity;
  category: Category;
  /** Chinese, one sentence, with the numbers */
  message: string;
  locations: Location[];
  /** decimal strings (amounts in the unit printed) */
  stated?: string;
  expected?: string;
  difference?: string;
  /** the tolerance used to decide (e.g. one unit of the last printed digit) */
  tolerance?: string;
}

export interface RuleMeta {
  id: string;
  title: { zh: string; en: string };
  category: Category;
  /** the severity of a real failure; rules may report rounding-level differences as info */
  severity: Severity;
  description: string;
  /** template ids it applies to; all when absent */
  templates?: string[];
  /** budget years it applies to (inclusive); all when absent */
  years?: [number, number];
}

export interface RuleContext {
  doc: Disclosure;
  template: Template;
  catalog: Catalog;
  /** the shape of this document's tables, over which the template's identities are expanded */
  shapes: Map<string, TableShape>;
  /** printed cell values by table, row and column */
  cells: CellIndex;
  /** data derived once per check and shared between rules (see perCheck in derived.ts) */
  derived: Map<unknown, unknown>;
}

/** A rule either checks (findings, possibly none) or says what it lacks. */
export type Outcome =
  | { findings: Finding[]; checked?: number }
  | { notApplicable: string }
  | { insufficient: string };

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): Outcome;
}

export interface Obligation {
  rule: string;
  status: 'passed' | 'failed' | 'not-applicable' | 'insufficient-data';
  /** number of findings for failed; what was checked or why not, otherwise */
  count?: number;
  reason?: string;
}

export interface Report {
  source: string | null;
  unit: string | null;
  year: number | null;
  template: string;
  findings: Finding[];
  obligations: Obligation[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
