/**
 * Where a finding's subject was printed, copied from the model's provenance into a location: the line
 * of a text document, the page of a PDF, the sheet and cell of a workbook. Only what is known is
 * copied, so a location never carries an empty field.
 */
import type { Source } from '../model/schema.ts';

export interface Place {
  line?: number;
  page?: number;
  sheet?: string;
  cell?: string;
}

export function at(source: Source | undefined): Place {
  const p: Place = {};
  if (!source) return p;
  if (source.line !== undefined) p.line = source.line;
  if (source.page !== undefined) p.page = source.page;
  if (source.sheet !== undefined) p.sheet = source.sheet;
  if (source.cell !== undefined) p.cell = source.cell;
  return p;
}
