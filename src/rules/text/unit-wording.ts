/**
 * A word dropped where the template said 部门 or 单位: `指各的公用经费` (指各部门的公用经费),
 * `是各为完成其特定的行政任务` (是各单位为完成…). Only these precise patterns are flagged: `各的`, and
 * `各为` right after 是/指 (`各为 10 万元` is correct Chinese).
 */
import { defineRule, type Finding } from '../types.ts';
import { around, joinedTextUnits, textUnits, unitMatches } from './units.ts';

const DROPPED = /各的|(?<=[是指])各为/g;

export default defineRule({
  meta: {
    id: 'text.unit-wording',
    title: { zh: '部门/单位用词缺失', en: 'Dropped 部门/单位' },
    category: 'text',
    severity: 'warning',
    description: '“指各的”“是各为”等处缺少“部门”或“单位”一词（删改模板时一并删去）。',
  },
  check(ctx) {
    const units = textUnits(ctx);
    if (units.length === 0) return { insufficient: '未读取到可检查的文字' };
    const findings: Finding[] = [];
    // one scan of the joined text: the lookbehind sees the separator, never another unit's 是/指
    for (const m of unitMatches(joinedTextUnits(ctx), DROPPED)) {
      findings.push({
        rule: 'text.unit-wording',
        severity: 'warning',
        category: 'text',
        message: `“${m.text}”之间缺少“部门”或“单位”：“${around(m.unit.text, m.start, m.end)}”。`,
        locations: [m.unit.locate(m.start, m.end)],
      });
    }
    return { findings, checked: units.length };
  },
});
