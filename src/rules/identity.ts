/**
 * The shared check behind the identity rules: evaluate every instance of the template's identities
 * of some kinds on the printed values. A difference within rounding (one unit of the last printed
 * digit per two terms, at least one) is information, never an error.
 */
import type { Instance } from '../identities/instances.ts';
import type { MoneyUnit } from '../money/index.ts';
import type { Identity, Template } from '../templates/schema.ts';
import { type CellIndex, type Evaluated, evaluate, money, unitOfLastDigit } from './cells.ts';
import { perCheck } from './derived.ts';
import type { Finding, Location, Outcome, Rule, RuleContext, RuleMeta } from './types.ts';

function describe(idx: CellIndex, table: string, row: string, column: string): string {
  const t = idx.tables.get(table);
  const r = idx.row(table, row);
  const name = r?.label && r.label !== row ? `${row} ${r.label}` : row;
  return `${t?.number?.replace(/\s+/g, '') ?? table}「${name}」${column}`;
}

function locationOf(idx: CellIndex, table: string, row: string, column: string): Location {
  const r = idx.row(table, row);
  const cell = r?.cells.find((c) => c.column === column);
  const line = cell?.source.line ?? r?.source.line;
  const page = cell?.source.page ?? r?.source.page;
  return { table, row, column, ...(line ? { line } : {}), ...(page ? { page } : {}) };
}

export function toleranceOf(e: Evaluated, unit: MoneyUnit): number {
  return unitOfLastDigit(unit, Math.max(e.scale, 2)) * Math.max(1, Math.floor(e.count / 2));
}

/** A template's identities by id (built once per template). */
const identitiesById = new WeakMap<Template, Map<string, Identity>>();

function byId(template: Template): Map<string, Identity> {
  let ids = identitiesById.get(template);
  if (!ids) {
    ids = new Map(template.identities.map((i) => [i.id, i]));
    identitiesById.set(template, ids);
  }
  return ids;
}

/** The check's instances grouped by the kind of their identity, in order. */
const instancesByKind = perCheck((ctx) => {
  const groups = new Map<Identity['kind'], Instance[]>();
  const ids = byId(ctx.template);
  for (const inst of ctx.instances) {
    const id = ids.get(inst.identity);
    if (!id) continue;
    const list = groups.get(id.kind);
    if (list) list.push(inst);
    else groups.set(id.kind, [inst]);
  }
  return groups;
});

/** The instances of identities of some kinds with some operators, in the order of ctx.instances. */
function instancesOf(ctx: RuleContext, kinds: Identity['kind'][], ops: ('eq' | 'le')[]): Instance[] {
  if (kinds.length === 1) {
    const all = instancesByKind(ctx).get(kinds[0]!) ?? [];
    return ops.includes('eq') && ops.includes('le') ? all : all.filter((inst) => ops.includes(inst.op));
  }
  const ids = byId(ctx.template);
  return ctx.instances.filter((inst) => {
    const id = ids.get(inst.identity);
    return id && kinds.includes(id.kind) && ops.includes(inst.op);
  });
}

export function identityRule(
  meta: RuleMeta,
  kinds: Identity['kind'][],
  ops: ('eq' | 'le')[] = ['eq', 'le'],
): Rule {
  return {
    meta,
    check(ctx: RuleContext): Outcome {
      const ids = byId(ctx.template);
      const mine = instancesOf(ctx, kinds, ops);
      if (mine.length === 0)
        return { notApplicable: 'the template declares no identity of this kind for the tables present' };
      const idx = ctx.cells;
      const findings: Finding[] = [];
      let checked = 0;
      let unknown = 0;
      for (const inst of mine) {
        const e = evaluate(idx, inst);
        if (!e) {
          unknown++;
          continue;
        }
        checked++;
        const f = judge(idx, inst, e, meta, ids.get(inst.identity)!);
        if (f) findings.push(f);
      }
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
