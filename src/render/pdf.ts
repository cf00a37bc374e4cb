/**
 * A disclosure as an A4 PDF with pdfmake, server-side, no browser: cover, table of contents, the four
 * parts, every table with its number, title, 编制单位 and unit over a header with spans that repeats on
 * each page, amounts right-aligned; wide tables on landscape pages; page numbers in the footer. The
 * Chinese font (Noto Sans Hans from @embedpdf/fonts-sc) is embedded as a subset of the glyphs used.
 * The layout is one Gongkai's own PDF reader reads back into the same tables.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Content, TableCell } from 'pdfmake';
import pdfmake from 'pdfmake';
import type { Disclosure } from '../model/schema.ts';
import {
  CELL_PADDING,
  columnWidths,
  coverLines,
  dateText,
  type Grid,
  LANDSCAPE_WIDTH,
  PORTRAIT_WIDTH,
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

const FONT = 'NotoSansHans';
const FONT_FILES = { normal: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' } as const;

interface VirtualFs {
  writeFileSync(name: string, data: Buffer): void;
  existsSync(name: string): boolean;
}

let ready = false;
/** Fonts read once from the installed package into pdfmake's virtual file system; no other file or URL is read. */
function setup(): void {
  if (ready) return;
  const require = createRequire(import.meta.url);
  // The package's entry is dist/index.cjs; its fonts are in fonts/ beside dist/.
  const dir = join(dirname(dirname(require.resolve('@embedpdf/fonts-sc'))), 'fonts');
  const vfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
  for (const file of Object.values(FONT_FILES)) {
    if (!vfs.existsSync(file)) vfs.writeFileSync(file, readFileSync(join(dir, file)));
  }
  pdfmake.setFonts({
    [FONT]: {
      normal: FONT_FILES.normal,
      bold: FONT_FILES.bold,
      italics: FONT_FILES.normal,
      bolditalics: FONT_FILES.bold,
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
}

function gridBody(g: Grid, fontSize: number): TableCell[][] {
  const rows: TableCell[][] = [];
  const all = [...g.head.map((r) => ({ r, head: true })), ...g.body.map((r) => ({ r, head: false }))];
  for (const { r, head } of all) {
    rows.push(
      r.map((c): TableCell => {
        if (!c) return {};
        const cell: Record<string, unknown> = {
          text: c.text,
          alignment: c.align,
          fontSize,
        };
        if (c.colSpan > 1) cell.colSpan = c.colSpan;
        if (c.rowSpan > 1) cell.rowSpan = c.rowSpan;
        if (head && c.header) {
          cell.bold = true;
          cell.fillColor = '#f2f2f2';
        } else if (!head) {
          // Centred in the row, as officially printed: a wrapped name around its code and amounts.
          cell.verticalAlignment = c.valign ?? 'middle';
        }
        if (c.strong) cell.bold = true;
        return cell as TableCell;
      }),
    );
  }
  return rows;
}

/** pdfmake's widths exclude each cell's padding and rules. */
function widthsOf(g: Grid, available: number): number[] {
  return columnWidths(g, available - g.columns * CELL_PADDING).map(Math.floor);
}

const LAYOUT = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** A table on a page of its own; the first one follows its part's heading unless it turns the page landscape. */
function tableContent(t: TableLayout, first: boolean): Content[] {
  const width = t.landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH;
  const fontSize = 8;
  const out: Content[] = [];
  const start =
    first && !t.landscape
      ? {}
      : {
          pageBreak: 'before' as const,
          pageOrientation: t.landscape ? ('landscape' as const) : ('portrait' as const),
        };
  if (t.number) out.push({ text: t.number, bold: true, fontSize: 10, margin: [0, 0, 0, 4], ...start });
  out.push({
    text: t.title,
    fontSize: 15,
    bold: true,
    alignment: 'center',
    margin: [0, 0, 0, 6],
    tocItem: true,
    tocMargin: [16, 0, 0, 0],
    ...(t.number ? {} : start),
  } as Content);
  out.push({
    columns: [
      { text: t.unitName ? `编制单位：${t.unitName}` : '', fontSize: 9 },
      { text: `单位：${t.unit}`, alignment: 'right', fontSize: 9 },
    ],
    margin: [0, 0, 0, 3],
  });
  out.push({
    table: {
      headerRows: t.grid.head.length,
      widths: widthsOf(t.grid, width),
      body: gridBody(t.grid, fontSize),
    },
    layout: LAYOUT,
  });
  const notes: string[] = [];
  if (t.statement) notes.push(t.statement);
  else if (t.empty) notes.push('本表无数据。');
  for (const text of notes) out.push({ text, fontSize: 9, margin: [0, 6, 0, 0] });
  if (t.unplaced.length > 0) {
    // The note's first line prints no amount, so that a reader ends the table there.
    out.push({ text: '注：下列数值原文未能确定所属栏目。', fontSize: 9, margin: [0, 6, 0, 0] });
    for (const u of t.unplaced) out.push({ text: u, fontSize: 9 });
  }
  return out;
}

/** The punctuation at which a reader ends a piece of running text (src/ingest/text/narrative.ts). */
const PIECE_END = new Set(['，', '；', '。', '：', '、']);
/** How far a reader looks ahead from a line start for a label (`预算安排规模：`). */
const LABEL_REACH = 16;

/**
 * Running text as spans in which no line can start within a label where a reader would take it for
 * one: inside a labelled value (after `：`, before `。` or `；`), a line that opens with a short label
 * starts the next piece, so a wrap in `主要原因是：` that put `因是：` at a line start would cut the
 * reason off. Each such colon keeps the text before it, back to the last punctuation or LABEL_REACH
 * characters, unbroken; a paragraph still starts with its own label.
 */
function runningText(text: string): string | { text: string; noWrap?: boolean }[] {
  const spans: { text: string; noWrap?: boolean }[] = [];
  let done = 0; // text before this is in spans
  let boundary = 0; // just after the last punctuation
  let inValue = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '：' && inValue) {
      const from = Math.max(boundary, done, i - LABEL_REACH);
      if (from > done) spans.push({ text: text.slice(done, from) });
      spans.push({ text: text.slice(from, i + 1), noWrap: true });
      done = i + 1;
    }
    if (ch === '：') inValue = true;
    else if (ch === '。' || ch === '；') inValue = false;
    if (PIECE_END.has(ch)) boundary = i + 1;
  }
  if (spans.length === 0) return text;
  if (done < text.length) spans.push({ text: text.slice(done) });
  return spans;
}

const para = (text: string): Content => ({
  text: runningText(text),
  leadingIndent: 21,
  margin: [0, 0, 0, 4],
  lineHeight: 1.4,
});

function heading(text: string, level: 1 | 2 | 3, toc = false): Content {
  const size = level === 1 ? 16 : level === 2 ? 13 : 11.5;
  return {
    text,
    fontSize: size,
    bold: true,
    alignment: level === 1 ? 'center' : 'left',
    margin: [0, level === 1 ? 0 : 8, 0, 6],
    ...(toc ? { tocItem: true } : {}),
  } as Content;
}

function partStart(text: string): Content {
  return {
    ...(heading(text, 1, true) as object),
    pageBreak: 'before',
    pageOrientation: 'portrait',
  } as Content;
}

/** The document definition (exported for tests and for other faces). */
type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];

export function pdfDefinition(d: Disclosure): TDocumentDefinitions {
  const template = templateOf(d);
  const parts = partTitles(d, template);
  const cover = coverLines(d);
  const content: Content[] = [
    { text: cover[0] ?? '', fontSize: 26, bold: true, alignment: 'center', margin: [0, 200, 0, 30] },
    { text: cover[1] ?? '', fontSize: 22, alignment: 'center' },
    {
      toc: { title: { text: '目录', fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 12] } },
      pageBreak: 'before',
    } as Content,
  ];
  content.push(partStart(parts.P1));
  const p1 = d.part1;
  if (p1) {
    content.push(heading('一、主要职能', 2));
    for (const f of p1.functions) content.push(para(`（${f.number}）${f.text}`));
    content.push(heading('二、机构设置及人员情况', 2));
    if (p1.organization.text) content.push(para(p1.organization.text));
    const staffing = staffingText(d);
    if (staffing) content.push(para(staffing));
  }
  content.push(partStart(parts.P2));
  d.tables.forEach((t, i) => {
    content.push(...tableContent(tableLayout(t, template), i === 0));
  });
  content.push(partStart(parts.P3));
  for (const s of d.narrative) {
    content.push(heading(sectionHeading(s.id, s.title), s.id.includes('（') ? 3 : 2));
    for (const text of sectionParagraphs(s)) content.push(para(text));
  }
  for (const perf of d.performance) {
    const g = performanceGrid(perf);
    const [title, year] = performanceTitle(perf, template);
    content.push(
      // Landscape, so that indicator cells rarely wrap: a wrapped cell is ambiguous to a reader.
      {
        text: title!,
        fontSize: 13,
        bold: true,
        alignment: 'center',
        margin: [0, 4, 0, 2],
        pageBreak: 'before',
        pageOrientation: 'landscape',
      },
      { text: year ?? '', fontSize: 10, alignment: 'center', margin: [0, 0, 0, 6] },
      {
        table: {
          headerRows: 0,
          dontBreakRows: true,
          widths: widthsOf(g, LANDSCAPE_WIDTH),
          body: gridBody(g, 8),
        },
        layout: LAYOUT,
      },
    );
  }
  content.push(partStart(parts.P4));
  for (const g of d.glossary) content.push(para(`${g.number}、${g.term}：${g.definition}`));
  if (d.signature) {
    content.push(
      { text: d.signature.unitName, alignment: 'right', margin: [0, 30, 0, 4] },
      { text: dateText(d.signature.date), alignment: 'right' },
    );
  }
  return {
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    info: { title: cover.join(' '), creator: 'Gongkai', producer: 'Gongkai' },
    defaultStyle: { font: FONT, fontSize: 10.5 },
    content,
    footer: (page: number) =>
      page === 1 ? '' : { text: `- ${page} -`, alignment: 'center', fontSize: 9, margin: [0, 15, 0, 0] },
  };
}

/** Render the PDF bytes. */
export async function renderPdf(d: Disclosure): Promise<Uint8Array> {
  setup();
  const buffer = await pdfmake.createPdf(pdfDefinition(d)).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
