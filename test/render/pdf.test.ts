/**
 * The PDF renderer read back with Gongkai's own PDF reader: the same tables (ids, row keys, columns,
 * amounts) as the model it was rendered from; A4 pages, landscape for wide tables, page numbers,
 * headers repeated on each page of a long table, the font embedded as a subset.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compose } from '../../src/compose/compose.ts';
import { factsFromDisclosure } from '../../src/compose/from-disclosure.ts';
import { extractFile, extractPdf } from '../../src/ingest/index.ts';
import { layoutLines } from '../../src/ingest/pdf/layout.ts';
import { loadPdf } from '../../src/ingest/pdf/load.ts';
import type { Disclosure, Row, Table } from '../../src/model/schema.ts';
import { renderPdf } from '../../src/render/pdf.ts';
import { ROOT, xinjiang } from '../helpers/fixtures.ts';

/** A table as comparable facts: its rows (block, key, kind) and its placed cells (…, column, fen). */
function facts(t: Table): string[] {
  return t.rows
    .flatMap((r) => [
      `row ${r.block ?? ''}|${r.key}|${r.kind}`,
      ...r.cells
        .filter((c) => c.column !== null)
        .map((c) => `cell ${r.block ?? ''}|${r.key}|${c.column}|${c.fen}`),
    ])
    .sort();
}

/** A document's narrative claims without their source lines (the PDF's lines are not the text's). */
function claimsOf(d: Disclosure): unknown[] {
  return d.narrative.flatMap((s) => s.claims.map(({ source: _, ...c }) => c));
}

describe('renderPdf', () => {
  const d = xinjiang();
  let pdf: Uint8Array;
  let back: Disclosure;

  it('renders the Xinjiang example and reads back the same tables', async () => {
    pdf = await renderPdf(d);
    back = await extractPdf(pdf);
    assert.equal(back.template, d.template);
    assert.equal(back.year, d.year);
    assert.deepEqual(
      back.tables.map((t) => t.id),
      d.tables.map((t) => t.id),
    );
    let cells = 0;
    for (const t of d.tables) {
      const u = back.tables.find((x) => x.id === t.id)!;
      assert.deepEqual(facts(u), facts(t), t.id);
      assert.equal(u.title, t.title, `${t.id} title`);
      assert.equal(u.unit, t.unit, `${t.id} unit`);
      assert.equal(u.unitName, t.unitName, `${t.id} 编制单位`);
      cells += facts(t).filter((f) => f.startsWith('cell')).length;
    }
    assert.ok(cells > 300, `${cells} cells compared`);
    for (const id of ['T8', 'T9']) {
      assert.equal(
        back.tables.find((t) => t.id === id)!.statement,
        d.tables.find((t) => t.id === id)!.statement,
      );
    }
    // Every column header was found on the page (no table fell back to deciding columns by identities).
    assert.deepEqual(
      back.problems.filter((p) => /column headers/.test(p.message)).map((p) => p.message),
      [],
    );
  });

  it('reads back Part 1, the narrative, every performance table, the glossary and the signature', () => {
    assert.deepEqual(back.missing, []);
    assert.equal(back.unitName, d.unitName);
    assert.deepEqual(
      back.part1!.functions.map((f) => [f.number, f.text]),
      d.part1!.functions.map((f) => [f.number, f.text]),
    );
    assert.equal(back.part1!.organization.text, d.part1!.organization.text);
    assert.deepEqual(back.part1!.staffing?.groups, d.part1!.staffing?.groups);
    assert.deepEqual(
      back.narrative.map((s) => [s.id, s.title, s.text]),
      d.narrative.map((s) => [s.id, s.title, s.text]),
    );
    // Every claim, section 七's labelled values too (预算安排规模：200万元 ends at its line break).
    assert.deepEqual(claimsOf(back), claimsOf(d));
    assert.equal(claimsOf(d).length, 85);
    const perf = (x: Disclosure) =>
      x.performance.map((p) => ({
        head: [p.year, p.unitName, p.project, p.owner, p.goal],
        funds: [p.funds.total?.fen, p.funds.fiscal?.fen, p.funds.other?.fen],
        indicators: p.indicators.map((i) => [
          i.level1,
          i.level2,
          i.level3,
          i.value,
          i.basis,
          i.prior,
          i.weight,
          i.scoring,
          i.evidence,
        ]),
      }));
    assert.equal(back.performance.length, d.performance.length);
    assert.deepEqual(perf(back), perf(d));
    assert.deepEqual(
      back.glossary.map((g) => [g.number, g.term, g.definition]),
      d.glossary.map((g) => [g.number, g.term, g.definition]),
    );
    assert.deepEqual(
      [back.signature?.unitName, back.signature?.date],
      [d.signature?.unitName, d.signature?.date],
    );
  });

  it('reads back every narrative claim of a document composed from the example’s facts', async () => {
    const composed = compose(factsFromDisclosure(d).facts).disclosure;
    const again = await extractPdf(await renderPdf(composed));
    assert.deepEqual(
      again.narrative.map((s) => [s.id, s.title, s.text]),
      composed.narrative.map((s) => [s.id, s.title, s.text]),
    );
    const claims = claimsOf(composed);
    assert.ok(claims.length > 60, `${claims.length} claims`);
    assert.deepEqual(claimsOf(again), claims);
    // the project section's labelled values are among them
    const sizes = composed.narrative.flatMap((s) => s.claims).filter((c) => c.subject === '预算安排规模');
    assert.deepEqual(
      sizes.map((c) => c.amount?.fen),
      [200_000_000, 2_083_330_000],
    );
  });

  it('prints A4 pages, wide tables landscape, page numbers in the footer', async () => {
    const pages = await loadPdf(pdf);
    assert.ok(pages.length > 15, `${pages.length} pages`);
    let landscape = 0;
    for (const p of pages) {
      const dims = [Math.round(p.width), Math.round(p.height)].sort((a, b) => a - b);
      assert.deepEqual(dims, [595, 842], `page ${p.page} is A4`);
      if (p.width > p.height) landscape++;
      if (p.page === 1) continue;
      const bottom = p.items.reduce((a, b) => (b.y < a.y ? b : a));
      assert.equal(bottom.str.trim(), `- ${p.page} -`, `page ${p.page} number`);
    }
    assert.ok(landscape >= 2, 'T2 and T7 are printed landscape');
    const lines = layoutLines(pages);
    const t2 = lines.find((l) => l.text === '收入总体情况表')!;
    assert.ok(pages[t2.page - 1]!.width > pages[t2.page - 1]!.height, 'T2 landscape');
    assert.ok(
      lines.some((l) => l.text === '目录'),
      'table of contents',
    );
  });

  it('embeds the Chinese font as a subset', () => {
    const raw = Buffer.from(pdf).toString('latin1');
    assert.match(raw, /\/BaseFont \/[A-Z]{6}\+NotoSansHans/);
    assert.match(raw, /\/FontFile[23]? /);
    // The whole font is 8 MB; the document embeds only the glyphs it prints.
    assert.ok(pdf.length < 1_500_000, `${pdf.length} bytes`);
  });

  it('repeats a long table’s header on each page and still reads back every row', async () => {
    const doc = structuredClone(d) as Disclosure;
    const t3 = doc.tables.find((t) => t.id === 'T3')!;
    const proto = t3.rows.find((r) => r.key === '2011301')!;
    const rows: Row[] = [];
    for (let k = 1; k <= 90; k++) {
      const code = `20113${String(k).padStart(2, '0')}`;
      const fen = 1_000_000 * k + 1234;
      rows.push({
        ...structuredClone(proto),
        key: code,
        code,
        label: `测试项目${k}`,
        cells: [{ ...structuredClone(proto.cells[0]!), column: '合计', fen, value: String(fen / 1e6) }],
      });
    }
    t3.rows = rows;
    doc.tables = [t3];
    const bytes = await renderPdf(doc);
    const lines = layoutLines(await loadPdf(bytes));
    const headerPages = new Set(
      lines.filter((l) => l.text.startsWith('功能分类科目编码')).map((l) => l.page),
    );
    assert.ok(headerPages.size >= 2, `header printed on pages ${[...headerPages].join(', ')}`);
    const back = (await extractPdf(bytes)).tables.find((t) => t.id === 'T3')!;
    assert.deepEqual(facts(back), facts(t3));
  });

  it('renders a Shanghai disclosure (tables in 元) and a Jiangsu one that read back the same', async () => {
    const corpus = `${ROOT}../shared/corpus/`;
    for (const file of ['shanghai/2025-putuo-commerce-dept.pdf', 'jiangsu/2019-high-court.pdf']) {
      const source = await extractFile(corpus + file);
      const back = await extractPdf(await renderPdf(source));
      assert.equal(back.template, source.template, file);
      for (const t of source.tables) {
        // Jiangsu T12 (procurement) as read holds a note under the table as rows of its path columns:
        // printed back in those narrow cells, the note wraps and reads as other rows.
        if (file.startsWith('jiangsu') && t.id === 'T12') continue;
        const u = back.tables.find((x) => x.id === t.id);
        assert.ok(u, `${file} ${t.id} read back`);
        assert.deepEqual(facts(u), facts(t), `${file} ${t.id}`);
      }
    }
  });
});
