/**
 * Template leftovers: alternatives the preparer was meant to choose between (`增加（减少）`), filler
 * marks (`XX`, `××`), an ellipsis or nothing where the number goes (`…万元`, `增加万元`), and slots
 * (`（项目名称）`).
 */
import { defineRule, type Finding } from '../types.ts';
import { around, joinedTextUnits, textUnits, unitMatches } from './units.ts';

export const PLACEHOLDERS: { re: RegExp; what: string }[] = [
  {
    re: /(?:增加|增长|减少|下降|上升|降低)\s*[（(/／]\s*(?:增加|增长|减少|下降|上升|降低)\s*[)）]?|增\s*[（(]\s*减\s*[)）]/g,
    what: '未选定的模板选项',
  },
  {
    re: /(?<![A-Za-z])(?:X{2,}|x{2,})(?![A-Za-z])|Ｘ{2,}|ｘ{2,}|×{2,}|＊{2,}|\*{2,}|□{2,}/g,
    what: '模板占位符',
  },
  { re: /(?:…+|\.{3,}|。{3,})\s*(?:万元|亿元|元|%|％)/g, what: '金额或比例处只有省略号' },
  {
    re: /(?<!单位)(?:为|是|增加|减少|增长|下降|占|共计|合计|安排)\s*(?:万元|亿元|%|％)/g,
    what: '金额或比例处缺少数字',
  },
  {
    re: /[（(]\s*(?:项目名称|单位名称|部门名称|具体原因|原因说明|填写[^）)]{0,10})\s*[)）]/g,
    what: '未填写的模板栏目',
  },
];

export default defineRule({
  meta: {
    id: 'text.placeholder',
    title: { zh: '模板占位符未替换', en: 'Template placeholders left' },
    category: 'text',
    severity: 'warning',
    description:
      '正文中残留模板文字：“增加（减少）”等未选定的选项、XX/××等占位符、“…万元”等缺少数字之处、“（项目名称）”等栏目。',
  },
  check(ctx) {
    const units = textUnits(ctx);
    if (units.length === 0) return { insufficient: '未读取到可检查的文字' };
    const findings: Finding[] = [];
    const hitsByUnit = new Map<
      (typeof units)[number],
      { start: number; end: number; text: string; what: string }[]
    >();
    for (const p of PLACEHOLDERS) {
      for (const m of unitMatches(joinedTextUnits(ctx), p.re)) {
        const hits = hitsByUnit.get(m.unit) ?? [];
        if (!hits.some((h) => m.start < h.end && h.start < m.end)) hits.push({ ...m, what: p.what });
        hitsByUnit.set(m.unit, hits);
      }
    }
    for (const u of units) {
      for (const h of (hitsByUnit.get(u) ?? []).sort((a, b) => a.start - b.start)) {
        findings.push({
          rule: 'text.placeholder',
          severity: 'warning',
          category: 'text',
          message: `${h.what}“${h.text}”：“${around(u.text, h.start, h.end)}”。`,
          locations: [u.locate(h.start, h.end)],
        });
      }
    }
    return { findings, checked: units.length };
  },
});
