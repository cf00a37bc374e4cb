/** The DOCX: every table with merged header cells repeated on each page, every amount of the model. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderDocx } from '../../src/render/docx.ts';
import { amountText } from '../../src/render/layout.ts';
import { xinjiang } from '../helpers/fixtures.ts';
import { zipEntry } from '../helpers/zip.ts';

describe('renderDocx', () => {
  const d = xinjiang();

  it('holds every table, title and amount of the model', async () => {
    const bytes = await renderDocx(d);
    assert.equal(Buffer.from(bytes.subarray(0, 2)).toString(), 'PK');
    const xml = zipEntry(bytes, 'word/document.xml');
    assert.ok(xml, 'word/document.xml present');
    const tables = xml.split('<w:tbl>').slice(1);
    assert.equal(tables.length, d.tables.length + d.performance.length);
    const texts = (s: string) => [...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
    d.tables.forEach((t, i) => {
      // The table's title precedes its table; its amounts are in it, each in a cell of its own.
      const before = xml.slice(0, xml.indexOf(tables[i]!) - '<w:tbl>'.length);
      assert.ok(before.lastIndexOf(`>${t.title}<`) > before.lastIndexOf('<w:tbl>'), `${t.id} title`);
      const cells = texts(tables[i]!);
      const unit = t.unit ?? '万元';
      for (const r of t.rows) {
        for (const c of r.cells) {
          if (c.fen === null) continue;
          assert.ok(cells.includes(amountText(c.fen, unit)), `${t.id} ${r.key} ${c.column}`);
        }
      }
      assert.ok(/<w:tblHeader\/>/.test(tables[i]!), `${t.id} header rows repeat`);
    });
    const t2 = tables[d.tables.findIndex((t) => t.id === 'T2')]!;
    assert.match(t2, /<w:gridSpan w:val="7"\/>/, 'the 财政拨款(补助) group spans its seven columns');
    assert.match(t2, /<w:vMerge w:val="restart"\/>/, 'columns outside groups merge down');
    assert.match(xml, /w:orient="landscape"/, 'wide tables on landscape pages');
    for (const g of d.glossary) assert.ok(xml.includes(g.term), g.term);
  });
});
