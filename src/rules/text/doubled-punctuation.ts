/**
 * Doubled punctuation: two sentence marks in a row (`，，` `。。` `；；` `、、` `，。` `：，` …), usually a
 * clause deleted from the template or two lines joined by hand. `？！` and `！？` are left alone.
 */
import { defineRule, type Finding } from '../types.ts';
import { around, joinedTextUnits, textUnits, unitMatches } from './units.ts';

const MARKS = '，。；、：！？,;:!?';
const DOUBLED = new RegExp(`[${MARKS}]\\s*[${MARKS}]`, 'g');
const ALLOWED = new Set(['？！', '！？', '!?', '?!']);

export default defineRule({
  meta: {
    id: 'text.doubled-punctuation',
    title: { zh: '标点重复', en: 'Doubled punctuation' },
    category: 'text',
    severity: 'warning',
    description: '正文中连续出现两个句读标点（如“，，”“。。”“，。”“、、”），多为删改模板文字时遗留。',
  },
  check(ctx) {
    const units = textUnits(ctx);
    if (units.length === 0) return { insufficient: '未读取到可检查的文字' };
    const findings: Finding[] = [];
    // one scan of the joined text: a match never spans two units (no mark matches the separator)
    for (const m of unitMatches(joinedTextUnits(ctx), DOUBLED)) {
      const pair = m.text.replace(/\s+/g, '');
      if (ALLOWED.has(pair)) continue;
      findings.push({
        rule: 'text.doubled-punctuation',
        severity: 'warning',
        category: 'text',
        message: `标点符号重复“${pair}”：“${around(m.unit.text, m.start, m.end)}”。`,
        locations: [m.unit.locate(m.start, m.end)],
      });
    }
    return { findings, checked: units.length };
  },
});
