/**
 * `gongkai check` on every corpus PDF: the findings, rule by rule, each justified. The tables of
 * these documents were checked by hand (NOTES.md beside each fixture under test/fixtures/pdf): every identity holds in all
 * ten documents that print tables, so no arithmetic or cross-table finding is expected.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDisclosure } from '../../src/rules/engine.ts';
import type { Report } from '../../src/rules/types.ts';
import { extracted, pdfFixture } from '../helpers/pdf-fixtures.ts';

type Count = [rule: string, severity: string, count: number];

/** Classification notes every document gets from the partial catalog (information, never a defect). */
const CATALOG: Count = ['classification.code-known', 'info', 2];

const EXPECTED: Record<string, Count[]> = {
  // The four documents below publish the twelve tables apart (“公开表附后”, “附件：…部门预算公开表”,
  // NOTES.md gives the page): the file itself has no table, so each of the twelve is missing.
  'jiangsu/2018-cppcc-office': [
    ['completeness.parts', 'error', 12],
    // Two reason sentences repeated within one paragraph (“退休人员退休费由省社保机构统一发放，单位支出减少。”,
    // “主要原因是根据任务变化和往年预算执行情况，对部分项目预算数进行了增减调剂。”): information.
    ['text.repeated-text', 'info', 2],
  ],
  'jiangsu/2018-party-committee-office': [
    ['completeness.parts', 'error', 12],
    ['text.repeated-text', 'info', 1],
  ],
  'jiangsu/2019-npc-standing-committee': [
    ['completeness.parts', 'error', 12],
    // Template options left unchosen, “增加（减少）0万元，增长（减少）0%”, in twelve places (also noted by
    // the fixture's reviewer).
    ['text.placeholder', 'warning', 12],
    ['text.repeated-text', 'info', 3],
  ],
  'jiangsu/2019-party-committee-office': [['completeness.parts', 'error', 12]],
  'jiangsu/2018-high-court': [
    // T10 (p14) prints only its header and 合计, with no amount and no sentence saying it is empty.
    ['completeness.empty-table', 'warning', 1],
    // T1 prints the 2018 class names 文化体育与传媒支出 (207), 资源勘探信息等支出 (215), 国土海洋气象等支出
    // (220); the catalog knows other years' names for them: information.
    ['classification.name-matches', 'info', 3],
    CATALOG,
  ],
  'jiangsu/2018-npc-general-office': [
    // T10 (p15): header and 合计 only, no statement.
    ['completeness.empty-table', 'warning', 1],
    // Thirteen “增加（减少）”/“增长（减少）”/“增长（降低）” options left in the text.
    ['text.placeholder', 'warning', 13],
    // “…减少了该项支出。。2．行政事业单位离退…”: a doubled full stop.
    ['text.doubled-punctuation', 'warning', 1],
    CATALOG,
    ['text.repeated-text', 'info', 2],
  ],
  'jiangsu/2018-procuratorate': [CATALOG],
  'jiangsu/2019-high-court': [
    // T10 (p14) prints 合计 0 and nothing else, and no statement (its reason is only in the narrative).
    ['completeness.empty-table', 'warning', 1],
    // 207, 210, 215, 220 printed with names the catalog has from other years.
    ['classification.name-matches', 'info', 4],
    CATALOG,
  ],
  'jiangsu/2019-procuratorate': [
    // T10 (p20) says only “此表为空” inside the grid, not why; the reason is in the narrative (p31).
    ['completeness.empty-table', 'warning', 1],
    ['classification.name-matches', 'info', 1],
    CATALOG,
    ['text.repeated-text', 'info', 2],
  ],
  'shanghai/2025-putuo-commerce-dept': [CATALOG],
  'shanghai/2025-putuo-commerce-unit': [CATALOG],
  'shanghai/2025-putuo-finance-dept': [CATALOG],
  'shanghai/2025-putuo-govoffice-dept': [CATALOG],
  'shanghai/2025-putuo-govoffice-unit': [CATALOG],
};

/*
 * Known defects of these documents that the checker does not find yet, because the Jiangsu and
 * Shanghai narrative sentence patterns are not declared in their templates (issue 4 continues):
 * - 2018 high court p19: 2040502 change −392.92 printed with “减少 5.95%” (−392.92 / 6442.89 = 6.10%);
 * - 2019 party committee office p8: 住房保障 +878.93 “增长30%” (29.15%);
 * - 2025 Putuo finance bureau item 7: 887.36万元 for T5 2080506 873,617.00 元 (87.36万元).
 */

function counts(r: Report): Count[] {
  const out = new Map<string, number>();
  for (const f of r.findings)
    out.set(`${f.rule}|${f.severity}`, (out.get(`${f.rule}|${f.severity}`) ?? 0) + 1);
  return [...out].map(([k, n]) => [k.split('|')[0]!, k.split('|')[1]!, n]);
}

describe('check on every corpus PDF: findings as justified', () => {
  for (const [key, expected] of Object.entries(EXPECTED)) {
    it(key, async () => {
      const [region, name] = key.split('/') as [string, string];
      const r = checkDisclosure(await extracted(pdfFixture(region, name)));
      assert.deepEqual(counts(r), expected);
      assert.equal(
        r.findings.filter((f) => f.category === 'arithmetic' || f.category === 'cross-table').length,
        0,
        'every identity holds in these tables',
      );
      for (const f of r.findings)
        for (const l of f.locations)
          if ('table' in l && l.row) assert.ok(l.page, `${f.rule}: a table cell location carries its page`);
    });
  }
});
