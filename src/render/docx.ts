/**
 * A disclosure as a Word document (docx@9): the same structure as the HTML and PDF — cover, table
 * of contents, the four parts, every table with merged header cells repeated on each page, amounts
 * right-aligned; wide tables in landscape sections; page numbers in the footer.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  type ISectionOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Disclosure } from '../model/schema.ts';
import {
  columnWidths,
  coverLines,
  dateText,
  type Grid,
  partTitles,
  performanceGrid,
  performanceTitle,
  sectionHeading,
  sectionParagraphs,
  staffingText,
  type TableLayout,
  tableLayout,
  templateOf,
} from './layout.ts';

const FONT = { ascii: 'SimSun', eastAsia: 'SimSun', hAnsi: 'SimSun' };
/** A4 in twentieths of a point, with 2.5 cm margins. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1418;

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function text(t: string, size = 21, bold = false): TextRun {
  return new TextRun({ text: t, size, bold, font: FONT });
}

const para = (t: string) =>
  new Paragraph({ children: [text(t)], indent: { firstLine: 420 }, spacing: { after: 80, line: 360 } });

function gridTable(g: Grid, portrait: boolean): Table {
  const available = (portrait ? A4.width : A4.height) - 2 * MARGIN;
  // Points to twentieths of a point.
  const widths = columnWidths(g, available / 20).map((w) => Math.floor(20 * w));
  const rows: TableRow[] = [];
  const all = [...g.head.map((r) => ({ r, head: true })), ...g.body.map((r) => ({ r, head: false }))];
  for (const { r, head } of all) {
    const cells: TableCell[] = [];
    r.forEach((c, i) => {
      if (!c) return;
      const width = widths.slice(i, i + c.colSpan).reduce((a, b) => a + b, 0);
      cells.push(
        new TableCell({
          children: [
            new Paragraph({ children: [text(c.text, 16, head || !!c.strong)], alignment: ALIGN[c.align] }),
          ],
          columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
          rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
          verticalAlign: VerticalAlignTable.CENTER,
          width: { size: width, type: WidthType.DXA },
          shading: head ? { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' } : undefined,
          margins: { left: 60, right: 60, top: 30, bottom: 30 },
        }),
      );
    });
    rows.push(new TableRow({ children: cells, tableHeader: head, cantSplit: true }));
  }
  return new Table({ rows, columnWidths: widths, width: { size: available, type: WidthType.DXA } });
}

function tableChildren(t: TableLayout): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (t.number) out.push(new Paragraph({ children: [text(t.number, 21, true)] }));
  out.push(
    new Paragraph({
      children: [text(t.title, 30, true)],
      heading: HeadingLevel.HEADING_2,
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
    }),
  );
  const available = (t.landscape ? A4.height : A4.width) - 2 * MARGIN;
  out.push(
    new Paragraph({
      children: [text(t.unitName ? `编制单位：${t.unitName}` : '', 18), text(`\t单位：${t.unit}`, 18)],
      tabStops: [{ type: 'right', position: available }],
      spacing: { after: 60 },
    }),
  );
  out.push(gridTable(t.grid, !t.landscape));
  const notes = t.statement ? [t.statement] : t.empty ? ['本表无数据。'] : [];
  if (t.unplaced.length > 0) notes.push('注：下列数值原文未能确定所属栏目。', ...t.unplaced);
  for (const n of notes) out.push(new Paragraph({ children: [text(n, 18)], spacing: { before: 60 } }));
  return out;
}

function heading(t: string, level: 1 | 2 | 3): Paragraph {
  const h = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][level - 1]!;
  return new Paragraph({
    children: [text(t, level === 1 ? 32 : level === 2 ? 26 : 23, true)],
    heading: h,
    alignment: level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { before: 160, after: 120 },
  });
}

const footer = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], size: 18 })],
      }),
    ],
  });

function section(children: ISectionOptions['children'], landscape = false): ISectionOptions {
  return {
    properties: {
      page: {
        size: landscape
          ? { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE }
          : { width: A4.width, height: A4.height },
        margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      },
    },
    footers: { default: footer() },
    children,
  };
}

/** The document model (exported for tests). */
export function docxDocument(d: Disclosure): Document {
  const template = templateOf(d);
  const parts = partTitles(d, template);
  const cover = coverLines(d);
  const sections: ISectionOptions[] = [];
  sections.push(
    section([
      new Paragraph({
        children: [text(cover[0] ?? '', 52, true)],
        alignment: AlignmentType.CENTER,
        spacing: { before: 4000, after: 600 },
      }),
      new Paragraph({ children: [text(cover[1] ?? '', 44)], alignment: AlignmentType.CENTER }),
    ]),
    section([
      new Paragraph({ children: [text('目录', 32, true)], alignment: AlignmentType.CENTER }),
      new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-2' }),
    ]),
  );
  const p1: (Paragraph | Table)[] = [heading(parts.P1, 1)];
  if (d.part1) {
    p1.push(heading('一、主要职能', 2));
    for (const f of d.part1.functions) p1.push(para(`（${f.number}）${f.text}`));
    p1.push(heading('二、机构设置及人员情况', 2));
    if (d.part1.organization.text) p1.push(para(d.part1.organization.text));
    const staffing = staffingText(d);
    if (staffing) p1.push(para(staffing));
  }
  sections.push(section(p1));
  const tables = d.tables.map((t) => tableLayout(t, template));
  sections.push(
    section([heading(parts.P2, 1), ...(tables[0] ? tableChildren(tables[0]) : [])], tables[0]?.landscape),
  );
  for (const t of tables.slice(1)) sections.push(section(tableChildren(t), t.landscape));
  const p3: (Paragraph | Table)[] = [heading(parts.P3, 1)];
  for (const s of d.narrative) {
    p3.push(heading(sectionHeading(s.id, s.title), s.id.includes('（') ? 3 : 2));
    for (const t of sectionParagraphs(s)) p3.push(para(t));
  }
  for (const perf of d.performance) {
    const [title, year] = performanceTitle(perf, template);
    p3.push(
      new Paragraph({
        children: [text(title!, 26, true)],
        alignment: AlignmentType.CENTER,
        pageBreakBefore: true,
      }),
      new Paragraph({
        children: [text(year ?? '', 20)],
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
      }),
      gridTable(performanceGrid(perf), true),
    );
  }
  sections.push(section(p3));
  const p4: (Paragraph | Table)[] = [heading(parts.P4, 1)];
  for (const g of d.glossary) p4.push(para(`${g.number}、${g.term}：${g.definition}`));
  if (d.signature) {
    p4.push(
      new Paragraph({
        children: [text(d.signature.unitName)],
        alignment: AlignmentType.RIGHT,
        spacing: { before: 600 },
      }),
      new Paragraph({ children: [text(dateText(d.signature.date))], alignment: AlignmentType.RIGHT }),
    );
  }
  sections.push(section(p4));
  return new Document({
    title: cover.join(' '),
    creator: 'Gongkai',
    styles: { default: { document: { run: { font: FONT } } } },
    sections,
  });
}

/** Render the DOCX bytes. */
export async function renderDocx(d: Disclosure): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(docxDocument(d));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
