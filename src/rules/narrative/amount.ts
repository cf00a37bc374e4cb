/** narrative.amount: every amount the narrative states equals the table cell it names. */

import { fenToDecimal } from '../../money/amount.ts';
import { compareDecimal, formatDecimal, parseDecimal, roundTo } from '../../money/index.ts';
import { defineRule, type Finding } from '../types.ts';
import { at } from '../where.ts';
import { claimLocation, claims } from './claims.ts';
import { resolveClaim } from './resolve.ts';

export default defineRule({
  meta: {
    id: 'narrative.amount',
    title: { zh: '说明金额与表格一致', en: 'Narrative amounts match the tables' },
    category: 'narrative',
    severity: 'error',
    description:
      '说明中每个金额与其所指的表格单元格一致（按说明印出的精度比较）：收支总额、各项收入、基本/项目支出、各类/项科目、人员/公用经费、“三公”经费、机关运行经费、项目规模。相差一个末位单位以内为信息。',
  },
  check(ctx) {
    const findings: Finding[] = [];
    let checked = 0;
    for (const c of claims(ctx)) {
      if (!c.amount || !['万元', '元', '亿元'].includes(c.amount.unit)) continue;
      const r = resolveClaim(ctx, c);
      if (!r || 'unresolved' in r || !r.value) continue;
      const stated = parseDecimal(c.amount.value);
      const unit = c.amount.unit as '万元';
      if (!stated) continue;
      checked++;
      const cell = fenToDecimal(r.value.fen, unit);
      const expected = roundTo(cell, stated.scale);
      if (compareDecimal(expected, stated) === 0) continue;
      const diff = stated.units - expected.units;
      const rounding = diff === 1n || diff === -1n;
      const exp2 = roundTo(cell, Math.max(stated.scale, 2));
      const tableText = r.value.cell?.value ?? '空白';
      const tableUnit = ctx.cells.unit(r.table);
      const converted = tableUnit === unit ? '' : `（${formatDecimal(exp2)}${unit}）`;
      findings.push({
        rule: 'narrative.amount',
        severity: rounding ? 'info' : 'error',
        category: 'narrative',
        message: `说明所述「${c.subject}」${c.amount.value}${c.amount.unit}，与${r.table}「${r.row}」${r.column} ${tableText}${tableUnit}${converted}不一致。`,
        locations: [
          claimLocation(c),
          {
            table: r.table,
            row: r.row,
            column: r.column,
            ...(r.value.cell ? at(r.value.cell.source) : {}),
          },
        ],
        stated: c.amount.value,
        expected: formatDecimal(exp2),
        difference: formatDecimal({ units: diff, scale: stated.scale }),
        tolerance: formatDecimal({ units: 1n, scale: stated.scale }),
      });
    }
    if (checked === 0) return { insufficient: 'no narrative amount could be tied to a table cell' };
    return { findings, checked };
  },
});
