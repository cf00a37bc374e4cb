/**
 * Empty reasons: a change explained by nothing. Three cases:
 * - `主要原因是。`: the reason is printed empty (or only punctuation);
 * - `主要原因是XX` / `主要原因是（具体原因）` / `主要原因是无`: a placeholder or a non-answer;
 * - a non-zero change with no `主要原因是` at all, in a section whose sentence pattern states a reason
 *   for every change. The model's template does not declare those sections, so they are listed here
 *   per template (Xinjiang 2023: 二 收入, 三 支出, 五 一般公共预算当年拨款, 十 三公, 十一 其他重要事项).
 */

import type { Claim } from '../../model/schema.ts';
import { claims as claimsOf } from '../narrative/claims.ts';
import { defineRule, type Finding, type Location } from '../types.ts';
import { at } from '../where.ts';
import { quote } from './units.ts';

/** Sections (top-level number) whose sentences state a reason for every change, by template. */
const PUNCT = /[\s，。；、：:;,.!?！？"“”'‘’（）()]/g;
const FILLER = /X{2,}|x{2,}|Ｘ{2,}|×{2,}|＊{2,}|\*{2,}|…+|\.{3,}/g;
const NON_ANSWERS = new Set([
  '原因',
  '具体原因',
  '主要原因',
  '原因说明',
  '说明原因',
  '无',
  '略',
  '待补充',
  '待定',
  '见说明',
]);

/** 'empty' when nothing is printed, 'placeholder' when only a filler or a non-answer is. */
export function reasonDefect(reason: string): 'empty' | 'placeholder' | null {
  if (reason.replace(PUNCT, '') === '') return 'empty';
  const rest = reason.replace(FILLER, '').replace(PUNCT, '');
  if (rest === '' || NON_ANSWERS.has(rest)) return 'placeholder';
  return null;
}

function nonZero(value: string): boolean {
  const n = Number(value.replace(/[,，\s%％]/g, ''));
  return Number.isFinite(n) && n !== 0;
}

function location(c: Claim): Location {
  return {
    part: 'P3',
    section: c.section,
    item: c.item,
    excerpt: c.excerpt,
    ...at(c.source),
  };
}

function changeText(c: Claim): string {
  const parts = [c.change?.raw ?? '', c.growth?.raw ?? ''];
  return parts.filter((p) => p !== '').join('，');
}

export default defineRule({
  meta: {
    id: 'text.empty-reason',
    title: { zh: '变动原因为空', en: 'Empty reason' },
    category: 'text',
    severity: 'warning',
    description: '“主要原因是”后为空或只有占位文字；或在模板要求说明原因的段落中，有增减变动却没有说明原因。',
  },
  check(ctx) {
    const { doc, template } = ctx;
    const claims = claimsOf(ctx);
    if (doc.narrative.length === 0) return { insufficient: '未读取到第三部分说明' };
    const required = new Set(template.narrative.reasonRequired);
    const findings: Finding[] = [];
    const push = (c: Claim, message: string) =>
      findings.push({
        rule: 'text.empty-reason',
        severity: 'warning',
        category: 'text',
        message,
        locations: [location(c)],
      });
    for (const c of claims) {
      const change = changeText(c);
      const what = `“${c.subject}”${change}`;
      if (c.reason !== null) {
        const defect = reasonDefect(c.reason);
        if (defect === 'empty') push(c, `${what}，但“主要原因是”后为空：“${quote(c.excerpt, 60)}”。`);
        else if (defect === 'placeholder')
          push(c, `${what}，原因只写了“${c.reason}”，未说明实际原因：“${quote(c.excerpt, 60)}”。`);
        continue;
      }
      const top = c.section.replace(/[（(].*$/, '');
      const moved =
        (c.change !== null && nonZero(c.change.value)) ||
        (c.change === null && c.growth !== null && nonZero(c.growth.percent));
      if (moved && required.has(top)) push(c, `${what}，但未说明变动原因：“${quote(c.excerpt, 60)}”。`);
    }
    return { findings, checked: claims.length };
  },
});
