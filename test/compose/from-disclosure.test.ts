/**
 * The Xinjiang example turned into facts and composed again: every table cell equals the published
 * one except where the published document is wrong, and each such cell is where `check` of the
 * published document finds a defect (the same table and column, on the same code line or a line
 * above or below it in the hierarchy, or on the table's total line).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { canonical } from '../../src/compose/canonical.ts';
import { compose } from '../../src/compose/compose.ts';
import { Facts } from '../../src/compose/facts.ts';
import { factsFromDisclosure } from '../../src/compose/from-disclosure.ts';
import { extractText } from '../../src/ingest/index.ts';
import type { Disclosure } from '../../src/model/schema.ts';
import { renderText } from '../../src/render/text.ts';
import { checkDisclosure } from '../../src/rules/engine.ts';

const file = 'changji-miit-2023-budget.txt';
const published = extractText(readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8'), {
  file,
});

/** Cells that differ, with why. Each is a defect of the published document. */
const EXPECTED: Record<string, string> = {
  'T2 201 财政拨款(补助)小计':
    '6302.69 printed; its parts add up to 2313.63 (the 结转 3989.06 counted in 小计)',
  'T2 20113 财政拨款(补助)小计': 'same defect one level down',
  'T3 201 基本支出': '459.41 printed; the 项 lines give 459.01 (2011301 prints 459.01 + 0.4)',
  'T3 201 项目支出': '6045.28 printed; the 项 lines give 6045.68',
  'T3 20113 基本支出': 'same as 201',
  'T3 20113 项目支出': 'same as 201',
  'T5 2011301 项目支出': 'printed blank, yet 合计 459.41 ≠ 基本 459.01: 0.40 is missing',
  'T5 2011399 合计':
    '2283.33 printed, T2 general budget of 2011399 is 1854.22 (428.71 of 产业发展 counted twice)',
  'T5 2011399 项目支出': '1854.62 printed, T2 says 1854.22',
  'T6 201 合计':
    '公务员医疗补助缴费 printed under functional code 20111 (economic 30111): composed as printed, a 201 line appears',
  'T6 201 人员经费': 'same',
  'T6 301 合计': '518.89 printed includes the 1.74 of the misprinted 20111 line and 0.01 of rounding',
  'T6 301 人员经费': 'same',
  'T6 合计 合计': '634.70 printed; the 款 lines add up to 634.69',
  'T6 合计 人员经费': '573.17 printed; the 款 lines add up to 573.16',
};

function fenAt(d: Disclosure, table: string, key: string, block: string | undefined, column: string): number {
  const r = d.tables.find((t) => t.id === table)?.rows.find((x) => x.key === key && x.block === block);
  return r?.cells.find((c) => c.column === column)?.fen ?? 0;
}

test('facts from the published example are valid facts', () => {
  const { facts, notes } = factsFromDisclosure(published);
  assert.equal(Facts.safeParse(facts).success, true);
  // the document's own contradictions are noted, not resolved silently
  assert.ok(notes.some((n) => n.startsWith('2011301:')));
  assert.ok(notes.some((n) => n.includes('T7 2023年葡萄酒产业发展资金')));
});

test('composed tables equal the published ones cell for cell, except at the published defects', () => {
  const composed = compose(factsFromDisclosure(published).facts).disclosure;
  const differ: string[] = [];
  let compared = 0;
  for (const t of published.tables) {
    const rows = [...t.rows, ...composed.tables.find((x) => x.id === t.id)!.rows];
    const seen = new Set<string>();
    for (const r of rows) {
      if (seen.has(`${r.block}|${r.key}`)) continue;
      seen.add(`${r.block}|${r.key}`);
      for (const c of t.columns.filter((x) => x.block === r.block)) {
        compared++;
        if (fenAt(published, t.id, r.key, r.block, c.id) !== fenAt(composed, t.id, r.key, r.block, c.id))
          differ.push(`${t.id} ${r.key} ${c.id}`);
      }
    }
  }
  assert.deepEqual(differ.sort(), Object.keys(EXPECTED).sort());
  assert.ok(compared > 800, `compared ${compared}`);
  // each differing cell is where check finds a defect in the published document
  const findings = checkDisclosure(published).findings;
  const related = (a: string, b: string) => a === b || a.startsWith(b) || b.startsWith(a);
  for (const cell of differ) {
    const [table, row, column] = cell.split(' ') as [string, string, string];
    const hit = findings.some((f) =>
      f.locations.some(
        (l) =>
          'table' in l &&
          l.table === table &&
          (l.column === undefined || l.column === column) &&
          l.row !== undefined &&
          (related(l.row, row) || row === '合计'),
      ),
    );
    assert.ok(hit, `${cell}: no finding of check on the published document explains it`);
  }
});

test('the composed example reads back from its text as the same model', () => {
  const composed = compose(factsFromDisclosure(published).facts).disclosure;
  const back = extractText(renderText(composed));
  assert.deepEqual(back.problems, []);
  assert.deepEqual(canonical(back), canonical(composed));
});
