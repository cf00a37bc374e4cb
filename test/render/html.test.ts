/** The HTML page: every table with caption and scoped headers, the model's numbers, text escaped. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Disclosure } from '../../src/model/schema.ts';
import { renderHtml } from '../../src/render/html.ts';
import { amountText, tableLayout } from '../../src/render/layout.ts';
import { getTemplate } from '../../src/templates/index.ts';
import { xinjiang } from '../helpers/fixtures.ts';

/** The HTML of one table (from its opening tag to its end). */
function tableHtml(html: string, id: string): string {
  const start = html.indexOf(`<table data-table="${id}">`);
  assert.ok(start >= 0, `table ${id} present`);
  return html.slice(start, html.indexOf('</table>', start));
}

/** Amount cells of a table as `column=text`, sorted. */
function amountCells(table: string): string[] {
  return [
    ...table.matchAll(
      /<td data-column="([^"]*)" class="num">([^<]+)<\/td>|<td class="num" data-column="([^"]*)"(?: data-row="[^"]*")?>([^<]+)<\/td>/g,
    ),
  ]
    .map((m) => `${m[1] ?? m[3]}=${m[2] ?? m[4]}`)
    .sort();
}

describe('renderHtml', () => {
  const d = xinjiang();
  const html = renderHtml(d);

  it('is one self-contained zh-CN page with A4 print CSS', () => {
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">'));
    assert.match(html, /<meta charset="utf-8">/);
    assert.match(html, /@page \{ size: A4;/);
    assert.doesNotMatch(html, /<(?:script|link|img)\b/, 'no scripts or external resources');
    for (const part of ['第一部分', '第二部分', '第三部分', '第四部分']) assert.ok(html.includes(part), part);
  });

  it('prints every table with its caption, unit line and scoped header cells', () => {
    for (const t of d.tables) {
      const h = tableHtml(html, t.id);
      assert.ok(h.includes(`<span class="title">${t.title}</span>`), `${t.id} caption`);
      assert.ok(h.includes('单位：万元'), `${t.id} unit`);
      const head = h.slice(h.indexOf('<thead>'), h.indexOf('</thead>'));
      const th = [...head.matchAll(/<th ([^>]*)>/g)].map((m) => m[1]!);
      assert.ok(th.length > 0 && th.every((a) => /scope="(col|colgroup)"/.test(a)), `${t.id} header scopes`);
      assert.ok(html.includes(`<a href="#${t.id}">`), `${t.id} in the table of contents`);
    }
  });

  it('prints header spans as the layout derives them from the template', () => {
    const template = getTemplate(d.template);
    for (const t of d.tables) {
      const l = tableLayout(t, template);
      const h = tableHtml(html, t.id);
      const head = h.slice(h.indexOf('<thead>'), h.indexOf('</thead>'));
      const rows = head.split('<tr>').slice(1);
      assert.equal(rows.length, l.grid.head.length, `${t.id} header rows`);
      rows.forEach((r, i) => {
        const printed = [...r.matchAll(/<th ([^>]*)>([^<]*)<\/th>/g)].map((m) => {
          const col = /colspan="(\d+)"/.exec(m[1]!)?.[1] ?? '1';
          const row = /rowspan="(\d+)"/.exec(m[1]!)?.[1] ?? '1';
          return `${m[2]}:${col}x${row}`;
        });
        const expected = l.grid.head[i]!.filter((c) => c !== null).map(
          (c) => `${c!.text}:${c!.colSpan}x${c!.rowSpan}`,
        );
        assert.deepEqual(printed, expected, `${t.id} header row ${i}`);
      });
    }
    assert.match(tableHtml(html, 'T2'), /<th scope="colgroup" colspan="7">财政拨款\(补助\)<\/th>/);
  });

  it('prints every placed amount of the model in its column, right-aligned, from fen', () => {
    let n = 0;
    for (const t of d.tables) {
      const unit = t.unit ?? '万元';
      const expected = t.rows
        .flatMap((r) =>
          r.cells
            .filter((c) => c.column !== null && c.fen !== null)
            .map((c) => `${c.column}=${amountText(c.fen!, unit)}`),
        )
        .sort();
      const printed = amountCells(tableHtml(html, t.id)).filter((x) => !x.endsWith('='));
      assert.deepEqual(printed, expected, t.id);
      n += expected.length;
    }
    assert.ok(n > 300, `${n} amounts compared`);
    assert.match(html, /<td class="num" data-column="合计" data-row="[^"]+">7,111\.51<\/td>/);
  });

  it('states what cannot be placed and the empty tables', () => {
    const t7 = html.slice(html.indexOf('id="T7"'), html.indexOf('id="T8"'));
    assert.match(t7, /原文未能确定所属栏目/);
    const t8 = html.slice(html.indexOf('id="T8"'), html.indexOf('id="T9"'));
    assert.match(t8, /政府性基金预算支出情况表为空表/);
  });

  it('escapes hostile text everywhere', () => {
    const evil = '<script>alert("x")</script>&\'';
    const doc = structuredClone(d) as Disclosure;
    doc.unitName = evil;
    doc.tables[0]!.unitName = evil;
    doc.tables[2]!.rows[0]!.label = evil;
    doc.narrative[0]!.title = evil;
    doc.glossary[0]!.term = evil;
    doc.performance[0]!.project = evil;
    const out = renderHtml(doc);
    assert.doesNotMatch(out, /<script>/);
    assert.doesNotMatch(out, /alert\("x"\)/);
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;';
    assert.ok(out.split(escaped).length - 1 >= 6, 'each hostile text printed escaped');
  });
});
