/**
 * A disclosure's document inside a portal page: the HTML renderer's body (without its cover, column
 * widths and styles, which the portal's stylesheet gives), with every finding marked where it points:
 * a table cell by table, row and column; a sentence of the explanation by its quoted excerpt. Each
 * mark carries the finding's number, severity and message, and an anchor the findings list links to.
 */

import type { Disclosure } from '../model/schema.ts';
import { escapeHtml, renderHtml } from '../render/html.ts';
import type { Finding, Severity } from '../rules/types.ts';

export interface Marked {
  html: string;
  /** finding number → the anchor of its first mark in the document */
  anchors: Map<number, string>;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function bodyOf(html: string): string {
  const start = html.indexOf('<body>');
  const end = html.lastIndexOf('</body>');
  return html
    .slice(start + '<body>'.length, end)
    .replace(/<header class="cover">[\s\S]*?<\/header>/, '')
    .replace(/<colgroup>[\s\S]*?<\/colgroup>/g, '');
}

export function markedDocument(doc: Disclosure, findings: Finding[]): Marked {
  let html = bodyOf(renderHtml(doc));
  const anchors = new Map<number, string>();
  // cells: table → "row\0column" → finding numbers
  const cells = new Map<string, Map<string, number[]>>();
  findings.forEach((f, n) => {
    for (const l of f.locations) {
      if (!('table' in l) || l.row === undefined || l.column === undefined) continue;
      const t = cells.get(l.table) ?? new Map<string, number[]>();
      const k = `${l.row}\u0000${l.column}`;
      t.set(k, [...(t.get(k) ?? []), n]);
      cells.set(l.table, t);
    }
  });
  html = html.replace(
    /(<section class="table[^"]*" id="([^"]+)">)([\s\S]*?)(<\/section>)/g,
    (_m, open: string, id: string, inner: string, close: string) => {
      const marks = cells.get(id.replace(/&amp;/g, '&'));
      if (!marks) return open + inner + close;
      const marked = inner.replace(
        /<td class="num" data-column="([^"]*)" data-row="([^"]*)">/g,
        (td, column: string, row: string) => {
          const ns = marks.get(`${unescapeHtml(row)}\u0000${unescapeHtml(column)}`);
          if (!ns) return td;
          return cellMark(td, ns, findings, anchors);
        },
      );
      return open + marked + close;
    },
  );
  // explanation: the first occurrence of each excerpt after its section heading
  findings.forEach((f, n) => {
    for (const l of f.locations) {
      if (!('part' in l) || l.part !== 'P3' || !l.excerpt) continue;
      const text = escapeHtml(l.excerpt);
      const p3 = html.indexOf('<section class="part" id="P3">');
      const at = p3 < 0 ? -1 : html.indexOf(text, p3);
      if (at < 0 || insideTag(html, at)) continue;
      const id = anchors.has(n) ? '' : ` id="f-${n + 1}"`;
      if (!anchors.has(n)) anchors.set(n, `f-${n + 1}`);
      const mark = `<mark class="flag ${f.severity}"${id} title="${escapeHtml(`${n + 1}. ${f.message}`)}">${text}</mark>`;
      html = html.slice(0, at) + mark + html.slice(at + text.length);
      break;
    }
  });
  return { html: indicatorAnchors(html), anchors };
}

/**
 * Anchors on the performance tables and their indicators, for links from search: `perf-K` on the
 * K-th performance table, `ind-K-N` on the row of its N-th indicator (body rows are the indicators
 * in printed order).
 */
function indicatorAnchors(html: string): string {
  let k = 0;
  return html.replace(/<section class="table perf">([\s\S]*?)<\/section>/g, (_m, inner: string) => {
    k++;
    const at = inner.indexOf('<tbody>');
    if (at < 0) return `<section class="table perf" id="perf-${k}">${inner}</section>`;
    let n = 0;
    const body = inner.slice(at).replace(/<tr(?=[ >])/g, () => `<tr id="ind-${k}-${++n}"`);
    return `<section class="table perf" id="perf-${k}">${inner.slice(0, at)}${body}</section>`;
  });
}

function unescapeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The offset is inside a tag or an attribute (a mark there would break the markup). */
function insideTag(html: string, at: number): boolean {
  return html.lastIndexOf('<', at) > html.lastIndexOf('>', at);
}

function cellMark(td: string, ns: number[], findings: Finding[], anchors: Map<number, string>): string {
  const worst = ns.map((n) => findings[n]!.severity).sort((a, b) => RANK[a] - RANK[b])[0]!;
  const first = ns.find((n) => !anchors.has(n));
  const id = first !== undefined ? ` id="f-${first + 1}"` : '';
  for (const n of ns) if (!anchors.has(n)) anchors.set(n, `f-${first! + 1}`);
  const title = ns.map((n) => `${n + 1}. ${findings[n]!.message}`).join('\n');
  return td.replace(
    '<td class="num"',
    `<td class="num flag ${worst}"${id} data-findings="${ns.map((n) => n + 1).join(' ')}" title="${escapeHtml(title)}"`,
  );
}
