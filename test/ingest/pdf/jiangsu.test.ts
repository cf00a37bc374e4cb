import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareCells, extracted, notByPosition, pdfFixture } from '../../helpers/pdf-fixtures.ts';

/**
 * T12 (政府采购) prints long names wrapped over up to five lines in cells merged over several rows;
 * without the ruling lines the reader gives such text to the nearest row. These row keys differ from
 * the hand-checked ones (the amounts, their order and pages do not): known, listed here so that any
 * other difference fails.
 */
const T12_KNOWN: Record<string, number> = { '2018-procuratorate': 2, '2019-procuratorate': 14 };

const DOCS = [
  ['2018-high-court', 2018, 208],
  ['2019-high-court', 2019, 216],
  ['2018-procuratorate', 2018, 194],
  ['2019-procuratorate', 2019, 187],
  ['2018-npc-general-office', 2018, 158],
] as const;

describe('Jiangsu PDFs: every printed table cell, as hand-checked', () => {
  for (const [name, year, count] of DOCS) {
    describe(name, () => {
      const f = pdfFixture('jiangsu', name);
      it('has the reviewed fixture', () => assert.equal(f.cells.length, count));

      it('detects the template and year, finds all twelve tables', async () => {
        const d = await extracted(f);
        assert.equal(d.template, 'jiangsu-2017');
        assert.equal(d.year, year);
        assert.deepEqual(d.missing, []);
        assert.deepEqual(
          d.tables.map((t) => t.id),
          f.tables.map((t) => t.table),
        );
      });

      it('tables 1–11: every cell in its row and column, on its page, and nothing else', async () => {
        assert.deepEqual(
          compareCells(f, await extracted(f), (t) => t !== 'T12'),
          [],
        );
      });

      it('table 12: every amount in order on its page; row names as hand-checked but for the known merged cells', async () => {
        const d = await extracted(f);
        const t12 = d.tables.find((t) => t.id === 'T12')!;
        const got = t12.rows.flatMap((r) => r.cells.map((c) => `${c.value}@${c.source.page}`));
        const want = f.cells.filter((c) => c.table === 'T12').map((c) => `${c.value}@${c.page}`);
        assert.deepEqual(got, want);
        const diff = compareCells(f, d, (t) => t === 'T12').filter((x) => x.includes('not in the fixture'));
        assert.equal(diff.length, T12_KNOWN[name] ?? 0, diff.join('\n'));
      });

      it('places every cell by its position on the page', async () => {
        assert.deepEqual(notByPosition(await extracted(f)), []);
      });

      it('reads each table’s unit, and an empty table as empty', async () => {
        const d = await extracted(f);
        for (const t of f.tables) {
          const got = d.tables.find((x) => x.id === t.table)!;
          assert.equal(got.unit, t.unit, `${t.table} unit`);
          const cells = got.rows.reduce((n, r) => n + r.cells.length, 0);
          assert.equal(cells, f.cells.filter((c) => c.table === t.table).length, t.table);
        }
      });
    });
  }

  for (const name of [
    '2018-cppcc-office',
    '2018-party-committee-office',
    '2019-npc-standing-committee',
    '2019-party-committee-office',
  ]) {
    it(`${name}: the tables were published apart; all twelve are reported missing`, async () => {
      const f = pdfFixture('jiangsu', name);
      assert.ok(f.tables.every((t) => t.status === 'absent'));
      const d = await extracted(f);
      assert.equal(d.template, 'jiangsu-2017');
      assert.deepEqual(
        d.missing.filter((m) => m.startsWith('T')),
        f.tables.map((t) => t.table),
      );
    });
  }
});
