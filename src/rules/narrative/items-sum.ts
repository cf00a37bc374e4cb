/** narrative.items-sum: the item lines of a section add up to their total, this year and last. */

import { re } from '../../ingest/regex.ts';
import { formatAmount } from '../../money/index.ts';
import { fenOf, unitOfLastDigit } from '../cells.ts';
import { defineRule, type Finding } from '../types.ts';
import { at } from '../where.ts';
import { changeFacts } from './change.ts';
import { sectionTitles } from './resolve.ts';

/** What a change compares with: last year's executed amount (执行数) or last year's budget. */
export function priorBasis(comparison: string | null): 'executed' | 'budget' {
  return comparison && /执行/.test(comparison) ? 'executed' : 'budget';
}

export default defineRule({
  meta: {
    id: 'narrative.items-sum',
    title: { zh: '逐项说明合计', en: 'Item lines add up' },
    category: 'narrative',
    severity: 'error',
    description:
      '“一般公共预算当年拨款具体使用情况”各项金额之和等于一般公共预算拨款合计；各项上年数（本年数 − 增减额）之和等于上年合计。舍入误差以内为信息。',
  },
  check(ctx) {
    const findings: Finding[] = [];
    let checked = 0;
    for (const spec of ctx.template.narrative.itemsSum) {
      const section = ctx.doc.narrative.find(
        (s) =>
          sectionTitles(ctx.doc, s.id).some((t) => re(spec.section).test(t)) &&
          (s.id.includes('（') || s.id.startsWith('P3')),
      );
      if (!section) continue;
      const items = section.claims.filter((c) => c.amount && c.item !== null);
      if (items.length === 0) continue;
      const total = ctx.cells.value(spec.total.table, spec.total.row, spec.total.column);
      if (!total) continue;
      checked++;
      const unit = '万元' as const;
      // A table in 元 is compared at the items' printed precision, 0.01 万元.
      const step = unitOfLastDigit(unit, 2);
      const totalFen = Math.round(total.fen / step) * step;
      const sum = items.reduce((a, c) => a + (fenOf(c.amount!.value, unit) ?? 0), 0);
      const tol = unitOfLastDigit(unit, 2) * Math.max(1, Math.floor(items.length / 2));
      const loc = {
        part: 'P3' as const,
        section: section.id,
        excerpt: section.text.slice(0, 40),
        ...at(section.source),
      };
      if (sum !== totalFen) {
        const rounding = Math.abs(sum - totalFen) <= tol;
        findings.push({
          rule: 'narrative.items-sum',
          severity: rounding ? 'info' : 'error',
          category: 'narrative',
          message: `${section.id}「${section.title}」${items.length} 项金额之和 ${formatAmount(sum, unit)} 万元，不等于${spec.total.table} ${spec.total.row} ${spec.total.column} ${formatAmount(totalFen, unit)} 万元。`,
          locations: [
            loc,
            {
              table: spec.total.table,
              row: spec.total.row,
              column: spec.total.column,
              ...(total.cell ? at(total.cell.source) : {}),
            },
          ],
          stated: formatAmount(sum, unit),
          expected: formatAmount(totalFen, unit),
          difference: formatAmount(sum - totalFen, unit),
          tolerance: formatAmount(tol, unit),
        });
      }
      // Last year: the items' prior values against the prior total stated in the scale section.
      // Only priors of the same kind are added up: last year's budget is never compared with last
      // year's executed amount (比上年预算执行数).
      const priorSection = spec.priorTotal
        ? ctx.doc.narrative.find(
            (s) => s.id.startsWith(section.id.replace(/（.*$/, '')) && re(spec.priorTotal!).test(s.title),
          )
        : undefined;
      const priors = items.map((c) => changeFacts(ctx, c));
      const priorClaims = priorSection?.claims.filter((c) => changeFacts(ctx, c) !== null) ?? [];
      const priorParts = priorClaims.map((c) => changeFacts(ctx, c)!);
      const bases = new Set([...items, ...priorClaims].map((c) => priorBasis(c.comparison)));
      if (priors.every((p) => p !== null) && priorParts.length > 0 && bases.size === 1) {
        const itemsPrior = priors.reduce((a, p) => a + p!.priorFen, 0);
        const statedPrior = priorParts.reduce((a, p) => a + p.priorFen, 0);
        if (itemsPrior !== statedPrior) {
          const rounding = Math.abs(itemsPrior - statedPrior) <= tol;
          findings.push({
            rule: 'narrative.items-sum',
            severity: rounding ? 'info' : 'error',
            category: 'narrative',
            message: `${section.id} 各项上年数之和 ${formatAmount(itemsPrior, unit, { precision: 6 }).replace(/0+$/, '')} 万元，与${priorSection!.id}所述上年数合计 ${formatAmount(statedPrior, unit)} 万元不一致${rounding ? '（在舍入误差以内）' : ''}。`,
            locations: [loc],
            stated: formatAmount(itemsPrior, unit, { precision: 6 }),
            expected: formatAmount(statedPrior, unit, { precision: 6 }),
            difference: formatAmount(itemsPrior - statedPrior, unit, { precision: 6 }),
            tolerance: formatAmount(tol, unit),
          });
        }
      }
    }
    if (checked === 0) return { notApplicable: 'no itemised section with a total' };
    return { findings, checked };
  },
});
