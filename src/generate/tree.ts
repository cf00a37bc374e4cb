/**
 * Generated units with an organisation tree: some departments (主管部门) have units under them
 * (所属单位, each with its own 单位预算), named after the department. Deterministic for a seed; the
 * departments are the units `generate` makes for the same count, in the same order.
 */
import { loadCatalog } from '../catalog/catalog.ts';
import type { FactsInput } from '../compose/facts.ts';
import { type GenerateOptions, generateUnit } from './generate.ts';
import { Random } from './random.ts';

/** Names of the units under a department, after its own name. */
const SUB_UNITS = ['信息中心', '综合服务中心', '执法支队'];

export interface TreeOptions extends GenerateOptions {
  /** every `every`-th department (the 1st, the (every+1)-th …) has units under it; 0: none */
  every: number;
  /** how many units under such a department (at most 3) */
  under: number;
}

export interface GeneratedUnit {
  facts: FactsInput;
  /** the department's name, for a unit under one; null for a department */
  parent: string | null;
}

/** The departments first (in index order), each followed by its units. */
export function generateTree(o: TreeOptions): GeneratedUnit[] {
  const catalog = o.catalog ?? loadCatalog();
  const r = new Random(o.seed);
  const under = Math.max(0, Math.min(o.under, SUB_UNITS.length));
  const out: GeneratedUnit[] = [];
  for (let i = 0; i < o.units; i++) {
    const parentOf = o.every > 0 && i % o.every === 0 && under > 0;
    const dept = generateUnit(r, i, o.year, catalog);
    const names = parentOf ? SUB_UNITS.slice(0, under).map((s) => `${dept.unitName}${s}`) : [];
    if (names.length > 0) {
      dept.organization.subordinate = `下属预算单位${names.length}个：${names.join('、')}`;
    }
    out.push({ facts: dept, parent: null });
    for (const name of names) {
      out.push({
        facts: generateUnit(r, i, o.year, catalog, { name, subordinate: '无下属预算单位' }),
        parent: dept.unitName,
      });
    }
  }
  return out;
}
