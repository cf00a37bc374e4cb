/**
 * A disclosure as one self-contained, accessible HTML page: cover, table of contents, the four parts,
 * every table as a `<table>` with its caption and scoped header cells, A4 print CSS. All text is
 * escaped.
 */
import type { Disclosure } from '../model/schema.ts';
import {
  columnWidths,
  coverLines,
  dateText,
  type Grid,
  LANDSCAPE_WIDTH,
  PORTRAIT_WIDTH,
  partTitles,
  performanceGrid,
  performanceTitle,
  type Slot,
  sectionHeading,
  sectionParagraphs,
  staffingText,
  type TableLayout,
  tableLayout,
  templateOf,
} from './layout.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const SPECIAL = /[&<>"']/;

export function escapeHtml(text: string): string {
  // most texts (amounts, codes, names) have nothing to escape: return them as they are
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : text;
}

export const DOCUMENT_CSS = `
@page { size: A4; margin: 18mm 15mm 20mm; }
@page wide { size: A4 landscape; margin: 15mm 15mm 18mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun", sans-serif;
  font-size: 11pt; line-height: 1.7; color: #000; margin: 0 auto; }
h1, h2, h3, h4 { font-weight: bold; line-height: 1.4; }
.cover { text-align: center; padding: 60mm 0 40mm; break-after: page; }
.cover h1 { font-size: 26pt; margin: 0 0 12mm; }
.cover p { font-size: 20pt; margin: 0; text-indent: 0; text-align: center; }
nav { break-after: page; }
nav ol { list-style: none; padding-left: 0; }
nav ol ol { padding-left: 2em; }
nav a { color: inherit; text-decoration: none; }
section.part { break-before: page; }
section.part > h2 { text-align: center; font-size: 16pt; }
p { text-indent: 2em; margin: 0.3em 0; text-align: justify; }
section.table { margin: 6mm 0 8mm; break-inside: auto; }
section.table.wide { page: wide; }
p.number { text-indent: 0; margin: 0; font-weight: bold; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; line-height: 1.35; }
caption { caption-side: top; }
caption .title { display: block; font-size: 14pt; font-weight: bold; text-align: center; margin-bottom: 2mm; }
caption .meta { display: flex; justify-content: space-between; font-size: 9pt; }
thead { display: table-header-group; }
th, td { border: 0.5pt solid #000; padding: 1mm 1.5mm; vertical-align: middle; }
thead th { text-align: center; font-weight: bold; background: #f2f2f2; }
tbody th { font-weight: normal; text-align: left; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.center, th.center { text-align: center; }
tr.total th, tr.total td { font-weight: bold; }
tr { break-inside: avoid; }
p.statement { text-indent: 0; font-size: 10pt; margin-top: 2mm; }
.perf caption .title { font-size: 12pt; margin-bottom: 0; }
.perf caption .year { display: block; text-align: center; font-size: 10pt; margin-bottom: 2mm; }
.glossary p { text-indent: 0; }
.signature { text-align: right; margin-top: 12mm; }
.signature p { text-align: right; text-indent: 0; }
@media screen { body { padding: 8mm; max-width: 280mm; } }
@media print { body { max-width: none; padding: 0; } }
`;

function cellHtml(c: Slot, inHead: boolean): string {
  if (!c) return '';
  const tag = c.header ? 'th' : 'td';
  const attrs: string[] = [];
  if (c.header && c.scope) attrs.push(`scope="${c.scope}"`);
  if (c.colSpan > 1) attrs.push(`colspan="${c.colSpan}"`);
  if (c.rowSpan > 1) attrs.push(`rowspan="${c.rowSpan}"`);
  const cls = c.align === 'right' ? 'num' : c.align === 'center' && !inHead ? 'center' : '';
  if (cls) attrs.push(`class="${cls}"`);
  if (c.column) attrs.push(`data-column="${escapeHtml(c.column)}"`);
  if (c.row !== undefined) attrs.push(`data-row="${escapeHtml(c.row)}"`);
  return `<${tag}${attrs.length ? ` ${attrs.join(' ')}` : ''}>${escapeHtml(c.text)}</${tag}>`;
}

function gridHtml(g: Grid, caption: string, attrs = '', wide = false): string {
  const out: string[] = [`<table${attrs}>`, `<caption>${caption}</caption>`, '<colgroup>'];
  const widths = columnWidths(g, wide ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH);
  const total = widths.reduce((a, b) => a + b, 0);
  for (const w of widths) out.push(`<col style="width:${((100 * w) / total).toFixed(2)}%">`);
  out.push('</colgroup>');
  if (g.head.length) {
    out.push('<thead>');
    for (const r of g.head) out.push(`<tr>${r.map((c) => cellHtml(c, true)).join('')}</tr>`);
    out.push('</thead>');
  }
  out.push('<tbody>');
  for (const r of g.body) {
    const total = r.some((c) => c?.strong);
    out.push(`<tr${total ? ' class="total"' : ''}>${r.map((c) => cellHtml(c, false)).join('')}</tr>`);
  }
  out.push('</tbody></table>');
  return out.join('\n');
}

function tableHtml(t: TableLayout): string {
  const meta = [
    t.unitName ? `<span>编制单位：${escapeHtml(t.unitName)}</span>` : '<span></span>',
    `<span>单位：${escapeHtml(t.unit)}</span>`,
  ].join('');
  const caption = `<span class="title">${escapeHtml(t.title)}</span><span class="meta">${meta}</span>`;
  const out = [`<section class="table${t.landscape ? ' wide' : ''}" id="${escapeHtml(t.id)}">`];
  if (t.number) out.push(`<p class="number">${escapeHtml(t.number)}</p>`);
  out.push(gridHtml(t.grid, caption, ` data-table="${escapeHtml(t.id)}"`, t.landscape));
  if (t.statement) out.push(`<p class="statement">${escapeHtml(t.statement)}</p>`);
  else if (t.empty) out.push('<p class="statement">本表无数据。</p>');
  if (t.unplaced.length > 0) {
    out.push(
      `<p class="statement">注：下列数值原文未能确定所属栏目：${t.unplaced.map(escapeHtml).join('；')}。</p>`,
    );
  }
  out.push('</section>');
  return out.join('\n');
}

const p = (text: string) => `<p>${escapeHtml(text)}</p>`;

/** The whole document as one HTML page. */
export function renderHtml(d: Disclosure): string {
  const template = templateOf(d);
  const parts = partTitles(d, template);
  const tables = d.tables.map((t) => tableLayout(t, template));
  const cover = coverLines(d);
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(cover.join(' '))}</title>`,
    `<style>${DOCUMENT_CSS}</style>`,
    '</head>',
    '<body>',
    `<header class="cover"><h1>${escapeHtml(cover[0] ?? '')}</h1>${cover[1] ? `<p>${escapeHtml(cover[1])}</p>` : ''}</header>`,
    '<nav aria-label="目录"><h2>目录</h2><ol>',
    `<li><a href="#P1">${escapeHtml(parts.P1)}</a></li>`,
    `<li><a href="#P2">${escapeHtml(parts.P2)}</a><ol>`,
    ...tables.map(
      (t) =>
        `<li><a href="#${escapeHtml(t.id)}">${escapeHtml([t.number, t.title].filter(Boolean).join(' '))}</a></li>`,
    ),
    '</ol></li>',
    `<li><a href="#P3">${escapeHtml(parts.P3)}</a></li>`,
    `<li><a href="#P4">${escapeHtml(parts.P4)}</a></li>`,
    '</ol></nav>',
    '<main>',
    `<section class="part" id="P1"><h2>${escapeHtml(parts.P1)}</h2>`,
  ];
  const p1 = d.part1;
  if (p1) {
    out.push('<h3>一、主要职能</h3>');
    for (const f of p1.functions) out.push(p(`（${f.number}）${f.text}`));
    out.push('<h3>二、机构设置及人员情况</h3>');
    if (p1.organization.text) out.push(p(p1.organization.text));
    const staffing = staffingText(d);
    if (staffing) out.push(p(staffing));
  }
  out.push('</section>', `<section class="part" id="P2"><h2>${escapeHtml(parts.P2)}</h2>`);
  for (const t of tables) out.push(tableHtml(t));
  out.push('</section>', `<section class="part" id="P3"><h2>${escapeHtml(parts.P3)}</h2>`);
  for (const s of d.narrative) {
    const sub = s.id.includes('（');
    out.push(`<h${sub ? 4 : 3}>${escapeHtml(sectionHeading(s.id, s.title))}</h${sub ? 4 : 3}>`);
    for (const text of sectionParagraphs(s)) out.push(p(text));
  }
  for (const perf of d.performance) {
    const [title, year] = performanceTitle(perf, template);
    const caption = `<span class="title">${escapeHtml(title!)}</span>${year ? `<span class="year">${escapeHtml(year)}</span>` : ''}`;
    out.push(`<section class="table perf">`, gridHtml(performanceGrid(perf), caption), '</section>');
  }
  out.push('</section>', `<section class="part glossary" id="P4"><h2>${escapeHtml(parts.P4)}</h2>`);
  for (const g of d.glossary) out.push(p(`${g.number}、${g.term}：${g.definition}`));
  if (d.signature) {
    out.push(`<div class="signature">${p(d.signature.unitName)}${p(dateText(d.signature.date))}</div>`);
  }
  out.push('</section>', '</main>', '</body>', '</html>', '');
  return out.join('\n');
}
