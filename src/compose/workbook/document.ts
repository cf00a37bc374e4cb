/**
 * The workbook `gongkai extract --format xlsx` writes: a document's tables as published (one sheet
 * each, and their 说明; src/render/xlsx.ts) for a reviewer, and the facts read from it
 * (factsFromDisclosure) in the facts sheets for a preparer who starts from last year's document or
 * fixes a published one. The table reader (src/ingest/xlsx) finds tables by their titles and ignores
 * the facts sheets; the facts reader (./read.ts) finds its sheets by name and ignores the tables.
 */
import type { Disclosure } from '../../model/schema.ts';
import { tablesWorkbook } from '../../render/xlsx.ts';
import { factsFromDisclosure } from '../from-disclosure.ts';
import { README_BESIDE_TABLES } from './layout.ts';
import { addFactsSheets } from './write.ts';

/** The label of the 说明 row that says why a workbook has no facts sheets. */
export const NO_FACTS_KEY = '事实表';

export async function writeDocumentWorkbook(d: Disclosure): Promise<Buffer> {
  const wb = tablesWorkbook(d);
  let derived: ReturnType<typeof factsFromDisclosure> | null = null;
  let why = '';
  try {
    derived = factsFromDisclosure(d);
  } catch (e) {
    why = (e as Error).message;
  }
  if (derived)
    addFactsSheets(wb, derived.facts, d.template, {
      readme: README_BESIDE_TABLES,
      notes: derived.notes,
    });
  else {
    const readme = wb.getWorksheet('说明')!;
    readme.addRow([]);
    readme.addRow([NO_FACTS_KEY, `未生成事实表：${why}`]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
