/**
 * The workbook `gongkai extract --format xlsx` writes: a document's tables as published (one sheet
 * each, and their 说明; src/render/xlsx.ts) for a reviewer, and the facts read from it
 * (factsFromDisclosure) in the facts sheets for a preparer who starts from last year's document or
 * fixes a published one. The table reader (src/ingest/xlsx) finds tables by their titles and ignores
 * the facts sheets; the facts reader (./read.ts) finds its sheets by name and ignores the tables.
 */

import { README_SHEET } from '../../ingest/xlsx/readme.ts';
import type { Disclosure } from '../../model/schema.ts';
import { tablesWorkbook } from '../../render/xlsx.ts';
import { type FromDisclosure, factsFromDisclosure } from '../from-disclosure.ts';
import { README_BESIDE_TABLES } from './layout.ts';
import { addFactsSheets } from './write.ts';

/** The label of the 说明 row that says why a workbook has no facts sheets. */
export const NO_FACTS_KEY = '事实表';

/** The facts of a document, or why it gives none (a reason in Chinese, for the 说明 sheet). */
export function documentFacts(d: Disclosure): FromDisclosure | { why: string } {
  let derived: FromDisclosure;
  try {
    derived = factsFromDisclosure(d);
  } catch (e) {
    return { why: `无法从原文读出事实（${(e as Error).message}）` };
  }
  if (derived.facts.lines.length === 0)
    return { why: '原文的收支表中读不出任何预算明细（目前只能从新疆 2023 年模板的文件读出事实）' };
  return derived;
}

export async function writeDocumentWorkbook(d: Disclosure): Promise<Buffer> {
  const wb = tablesWorkbook(d);
  const derived = documentFacts(d);
  if ('why' in derived) {
    const readme = wb.getWorksheet(README_SHEET)!;
    readme.addRow([]);
    readme.addRow([NO_FACTS_KEY, `未生成事实表：${derived.why}`]);
  } else
    addFactsSheets(wb, derived.facts, d.template, { readme: README_BESIDE_TABLES, notes: derived.notes });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
