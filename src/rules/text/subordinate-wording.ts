/**
 * Template wording that does not fit the unit: Part 1 says the department has no subordinate budget
 * units (无下属预算单位), yet the explanation speaks of its 下属（各）预算单位 — a sentence kept from
 * the template of a department that has them.
 */
import { defineRule, type Finding } from '../types.ts';
import { around, joinedTextUnits, textUnits, unitMatches } from './units.ts';

const SUBORDINATES = /下属(?:各)?(?:预算)?单位/g;

export default defineRule({
  meta: {
    id: 'text.subordinate-wording',
    title: { zh: '下属单位的表述', en: 'Subordinate units wording' },
    category: 'text',
    severity: 'warning',
    description:
      '第一部分说明本部门无下属预算单位，说明中却写“及下属各预算单位”等：模板用语未按本部门情况修改。',
  },
  check(ctx) {
    const org = ctx.doc.part1?.organization;
    if (!org?.subordinateUnits) return { insufficient: '第一部分未说明是否有下属预算单位' };
    if (!/无下属/.test(org.subordinateUnits))
      return { notApplicable: 'the unit has subordinate budget units' };
    const units = textUnits(ctx).filter((u) => u.part !== 'P1');
    // matches outside Part 1: the same as scanning those units alone (a match never spans two units)
    const outside = unitMatches(joinedTextUnits(ctx), SUBORDINATES).filter((m) => m.unit.part !== 'P1');
    const findings: Finding[] = outside.map((m) => ({
      rule: 'text.subordinate-wording',
      severity: 'warning',
      category: 'text',
      message: `第一部分称“${org.subordinateUnits}”，此处却写“${m.text}”：“${around(m.unit.text, m.start, m.end)}”。`,
      locations: [m.unit.locate(m.start, m.end)],
    }));
    return { findings, checked: units.length };
  },
});
