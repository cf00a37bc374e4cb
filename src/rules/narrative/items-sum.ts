/** narrative.items-sum: the item lines of a section add up to their total, this year and last. */

import { re } from '../../ingest/regex.ts';
import { formatAmount } from '../../money/index.ts';
import { fenOf, unitOfLastDigit } from '../cells.ts';
import { defineRule, type Finding } from '../types.ts';
import { changeFacts } from './change.ts';
import { sectionTitles } from './resolve.ts';

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
        (s) => sectionTitles(ctx.doc, s.id).some((t) => re(spec.section).test(t)) && s.id.includes('（'),
      );
      if (!section) continue;
      const items = section.claims.filter((c) => c.amount && c.item !== null);
      if (items.length === 0) continue;
      const total = ctx.cells.value(spec.total.table, spec.total.row, spec.total.column);
      if (!total) continue;
      checked++;
      const unit = '万元' as const;
      const sum = items.reduce((a, c) => a + (fenOf(c.amount!.value, unit) ?? 0), 0);
      const tol = unitOfLastDigit(unit, 2) * Math.max(1, Math.floor(items.length / 2));
      const loc = { part: 'P3' as const, section: section.id, excerpt: section.text.slice(0, 40) };
      if (sum !== total.fen) {
        const rounding = Math.abs(sum - total.fen) <= tol;
        findings.push({
          rule: 'narrative.items-sum',
          severity: rounding ? 'info' : 'error',
          category: 'narrative',
          message: `${section.id}「${section.title}」${items.length} 项金额之和 ${formatAmount(sum, unit)} 万元，不等于${spec.total.table} ${spec.total.row} ${spec.total.column} ${formatAmount(total.fen, unit)} 万元。`,
          locations: [loc, { table: spec.total.table, row: spec.total.row, column: spec.total.column }],
          stated: formatAmount(sum, unit),
          expected: formatAmount(total.fen, unit),
          difference: formatAmount(sum - total.fen, unit),
          tolerance: formatAmount(tol, unit),
        });
      }
      // Last year: the items' prior values against the prior total stated in the scale section.
      const priorSection = ctx.doc.narrative.find(
        (s) => s.id.startsWith(section.id.replace(/（.*$/, '')) && re(spec.priorTotal).test(s.title),
      );
      const priors = items.map((c) => changeFacts(ctx, c));
      const priorParts = priorSection?.claims.map((c) => changeFacts(ctx, c)).filter((x) => x !== null) ?? [];
      if (priors.every((p) => p !== null) && priorParts.length > 0) {
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
