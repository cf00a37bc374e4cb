/**
 * The text reader: a disclosure extracted to plain text (by a PDF-to-text tool) → the Disclosure model.
 */
import { createHash } from 'node:crypto';
import type { Disclosure, Problem } from '../../model/schema.ts';
import { SCHEMA_VERSION } from '../../model/schema.ts';
import type { TableSpec, Template } from '../../templates/schema.ts';
import { buildTables } from '../tables-model.ts';
import { unitNameOf } from '../unit-name.ts';
import { readGlossary, readSignature } from './glossary.ts';
import { type Line, splitLines } from './lines.ts';
import { readNarrative } from './narrative.ts';
import { readPart1 } from './part1.ts';
import { readPerformance } from './performance.ts';
import { segment } from './segment.ts';
import { type DraftTable, nameProjects, readTable } from './tables.ts';

export interface ReadOptions {
  file?: string | null;
  bytes?: number;
  /** the content already split (splitLines), to avoid doing it twice */
  lines?: Line[];
  /** how a table is read from its lines (the PDF reader reads by position) */
  readTable?: (spec: TableSpec, lines: Line[], start: number, end: number) => DraftTable;
  /** the source description, when the text was not the file (a PDF's layout) */
  source?: Disclosure['source'];
}

function yearOf(lines: Line[]): number | null {
  for (const l of lines.slice(0, 400)) {
    const m = /^第[二三]部分\s*(\d{4})\s*年/.exec(l.text.trim());
    if (m) return Number(m[1]);
  }
  // Otherwise the year on the cover: `上海市普陀区2025年区级部门预算`, `江苏省政协办公厅 2018 年度`.
  for (const l of lines.slice(0, 40)) {
    const m = /(20\d{2})\s*年/.exec(l.text);
    if (m) return Number(m[1]);
  }
  return null;
}

export function readTextDisclosure(
  content: string,
  template: Template,
  options: ReadOptions = {},
): Disclosure {
  const lines = options.lines ?? splitLines(content);
  const seg = segment(lines, template);
  const problems: Problem[] = [];
  const missing: string[] = [];
  for (const p of ['P1', 'P2', 'P3', 'P4'] as const) if (!seg.parts[p]) missing.push(p);
  const drafts: DraftTable[] = [];
  for (const spec of template.tables) {
    const at = seg.tables.find((t) => t.id === spec.id);
    if (!at) {
      missing.push(spec.id);
      continue;
    }
    drafts.push((options.readTable ?? readTable)(spec, lines, at.start, at.end));
  }
  nameProjects(drafts);
  const { tables } = buildTables(template, drafts, problems);
  const p1 = seg.parts.P1;
  const p3 = seg.parts.P3;
  const p4 = seg.parts.P4;
  const part1 = p1 ? readPart1(lines.slice(p1.start, p1.end)) : null;
  const unitNames = [
    part1?.unitName ?? '',
    /^(\S+?(?:局|委员会|办公室|办公厅|厅|院))/.exec(part1?.part1.organization.text ?? '')?.[1] ?? '',
    ...tables.map((t) => t.unitName ?? ''),
  ];
  const { sections, performanceLines } = p3
    ? readNarrative(
        lines.slice(p3.start, p3.end),
        template,
        problems,
        unitNames,
        seg.continued.map((c) => lines.slice(c.start, c.end)),
      )
    : { sections: [], performanceLines: [] as Line[] };
  const performance = readPerformance(performanceLines, template, problems);
  if (performance.length === 0 && template.performance.inDocument) missing.push('PERF');
  const glossary = p4 ? readGlossary(lines.slice(p4.start, p4.end)) : [];
  const signature = p4 ? readSignature(lines.slice(p4.start, p4.end)) : null;
  const unitName = unitNameOf(
    part1?.unitName,
    tables,
    template,
    lines.slice(0, 12).map((l) => l.text),
  );
  return {
    schemaVersion: SCHEMA_VERSION,
    source: options.source ?? {
      file: options.file ?? null,
      sha256: createHash('sha256').update(content).digest('hex'),
      format: 'text',
      bytes: options.bytes ?? Buffer.byteLength(content),
      lines: lines.length,
    },
    template: template.id,
    kind: template.kind,
    year: yearOf(lines),
    unitName,
    part1: part1?.part1 ?? null,
    tables,
    narrative: sections,
    performance,
    glossary,
    signature,
    missing,
    problems,
  };
}
