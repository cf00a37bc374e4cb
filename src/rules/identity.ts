/**
 * The shared check behind the identity rules: evaluate every instance of the template's identities
 * of some kinds on the printed values. A difference within rounding (one unit of the last printed
 * digit per two terms, at least one) is information, never an error.
 */
import { type Instance, instancesOf } from '../identities/instances.ts';
import type { MoneyUnit } from '../money/index.ts';
import type { Identity } from '../templates/schema.ts';
import { type CellIndex, type Evaluated, evaluate, money, unitOfLastDigit } from './cells.ts';
import type { Finding, Location, Outcome, Rule, RuleContext, RuleMeta } from './types.ts';
import { at } from './where.ts';

function describe(idx: CellIndex, table: string, row: string, column: string): string {
  const t = idx.tables.get(table);
  const r = idx.row(table, row);
  const name = r?.label && r.label !== row ? `${row} ${r.label}` : row;
  return `${t?.number?.replace(/\s+/g, '') ?? table}「${name}」${column}`;
}

function locationOf(idx: CellIndex, table: string, row: string, column: string): Location {
  const r = idx.row(table, row);
  const cell = r?.cells.find((c) => c.column === column);
  return { table, row, column, ...at(r?.source), ...at(cell?.source) };
}

export function toleranceOf(e: Evaluated, unit: MoneyUnit): number {
  return unitOfLastDigit(unit, Math.max(e.scale, 2)) * Math.max(1, Math.floor(e.count / 2));
}

/**
 * Evaluate, one at a time, the instances of the template's identities of some kinds with some
 * operators over the document, in the template's order. Instances are built as they are evaluated and
 * dropped at once: a large document's instances never all live together.
 */
export function identityRule(
  meta: RuleMeta,
  kinds: Identity['kind'][],
  ops: ('eq' | 'le')[] = ['eq', 'le'],
): Rule {
  return {
    meta,
    check(ctx: RuleContext): Outcome {
      const idx = ctx.cells;
      const findings: Finding[] = [];
      let checked = 0;
      let unknown = 0;
      for (const id of ctx.template.identities) {
        if (!kinds.includes(id.kind)) continue;
        for (const inst of instancesOf(id, ctx.shapes)) {
          if (!ops.includes(inst.op)) continue;
          const e = evaluate(idx, inst);
          if (!e) {
            unknown++;
            continue;
          }
          checked++;
          const f = judge(idx, inst, e, meta, id);
          if (f) findings.push(f);
        }
      }
      if (checked + unknown === 0)
        return { notApplicable: 'the template declares no identity of this kind for the tables present' };
      if (checked === 0)
        return { insufficient: `${unknown} instance(s) involve cells whose column could not be decided` };
      return { findings, checked };
    },
  };
}

function judge(idx: CellIndex, inst: Instance, e: Evaluated, meta: RuleMeta, id: Identity): Finding | null {
  const diff = e.left - e.right;
  if (inst.op === 'eq' ? diff === 0 : diff <= 0) return null;
  const first = inst.left[0] ?? inst.right[0];
  const unit = first ? idx.unit(first.table) : '万元';
  const tol = toleranceOf(e, unit);
  const rounding = Math.abs(diff) <= tol;
  const severity = rounding ? 'info' : meta.severity;
  const scale = Math.max(e.scale, 2);
  const leftText =
    inst.left.map((t) => describe(idx, t.table, t.row, t.column)).join(' + ') ||
    (id.kind === 'sum-by-code'
      ? `${idx.tables.get(id.left.table)?.number?.replace(/\s+/g, '') ?? id.left.table} 无该科目（${inst.where}）的项目`
      : '（无）');
  const rightParts = inst.right.map((t) => describe(idx, t.table, t.row, t.column));
  const rightText = rightParts.length <= 3 ? rightParts.join(' + ') || '0' : `${rightParts.length} 项之和`;
  const relation = inst.op === 'eq' ? '应等于' : '应不大于';
  const message = `${id.description}：${leftText} ${money(e.left, unit, scale)} ${unit}，${relation} ${rightText} ${money(e.right, unit, scale)} ${unit}，相差 ${money(diff, unit, scale)} ${unit}${rounding ? '（在四舍五入误差以内）' : ''}。`;
  const locations = [
    ...inst.left.map((t) => locationOf(idx, t.table, t.row, t.column)),
    ...(inst.right.length <= 3 ? inst.right.map((t) => locationOf(idx, t.table, t.row, t.column)) : []),
  ];
  return {
    rule: meta.id,
    severity,
    category: meta.category,
    message,
    locations,
    stated: money(e.left, unit, scale),
    expected: money(e.right, unit, scale),
    difference: money(diff, unit, scale),
    tolerance: money(tol, unit, scale),
  };
}
