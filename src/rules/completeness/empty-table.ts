/** completeness.empty-table: an empty table carries a statement saying so, and only an empty one. */
import { re } from '../../ingest/regex.ts';
import { defineRule, type Finding } from '../types.ts';
import { at } from '../where.ts';

export default defineRule({
  meta: {
    id: 'completeness.empty-table',
    title: { zh: '空表说明', en: 'Empty tables are explained' },
    category: 'completeness',
    severity: 'warning',
    description:
      '没有数据的表（如政府性基金、国有资本经营预算支出表）应附文字说明为空表及原因；说明为空表的表不应有数。',
  },
  check(ctx) {
    const findings: Finding[] = [];
    let checked = 0;
    for (const t of ctx.doc.tables) {
      const spec = ctx.template.tables.find((s) => s.id === t.id);
      const empty = t.rows.every((r) => r.cells.every((c) => c.fen === 0));
      // A note under a table may say other things (`注：“科目编码”为必填项`): only one saying the
      // table is empty counts.
      const says =
        !!t.statement &&
        (re(spec?.emptyStatement ?? '空表|此表为空').test(t.statement) ||
          re('为空表|空表').test(t.statement));
      if (!empty && !says) continue;
      checked++;
      if (empty && !says) {
        findings.push({
          rule: 'completeness.empty-table',
          severity: 'warning',
          category: 'completeness',
          message: `${t.number ?? t.id}「${t.title}」没有数据，也没有说明为空表的原因。`,
          locations: [
            {
              table: t.id,
              ...at(t.source),
            },
          ],
        });
      } else if (!empty && says) {
        findings.push({
          rule: 'completeness.empty-table',
          severity: 'error',
          category: 'completeness',
          message: `${t.number ?? t.id}「${t.title}」说明为空表，但表中有数。`,
          locations: [{ table: t.id }],
        });
      }
    }
    if (checked === 0) return { notApplicable: 'no empty table' };
    return { findings, checked };
  },
});
