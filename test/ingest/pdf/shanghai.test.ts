import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labelKey } from '../../../src/ingest/labels.ts';
import { compactText } from '../../../src/ingest/normalize.ts';
import { compareCells, extracted, notByPosition, pdfFixture } from '../../helpers/pdf-fixtures.ts';

const DOCS = [
  ['2025-putuo-commerce-dept', 'shanghai-2025-dept', '上海市普陀区商务委员会', 287],
  ['2025-putuo-commerce-unit', 'shanghai-2025-unit', '上海市普陀区商务委员会', 300],
  ['2025-putuo-govoffice-dept', 'shanghai-2025-dept', '上海市普陀区人民政府办公室', 221],
  ['2025-putuo-govoffice-unit', 'shanghai-2025-unit', '上海市普陀区人民政府办公室', 231],
  ['2025-putuo-finance-dept', 'shanghai-2025-dept', '上海市普陀区财政局', 241],
] as const;

describe('Shanghai PDFs: every printed table cell, as hand-checked', () => {
  for (const [name, template, unit, count] of DOCS) {
    describe(name, () => {
      const f = pdfFixture('shanghai', name);
      it('has the reviewed fixture', () => assert.equal(f.cells.length, count));

      it('detects the template, year and unit', async () => {
        const d = await extracted(f);
        assert.equal(d.template, template);
        assert.equal(d.year, 2025);
        assert.equal(d.source.format, 'pdf');
        assert.ok(d.tables.every((t) => t.unitName === unit || t.unitName === undefined));
        assert.deepEqual(d.missing, []);
      });

      it('extracts every cell in its row and column, on its page, and nothing else', async () => {
        assert.deepEqual(compareCells(f, await extracted(f)), []);
      });

      it('places every cell by its position on the page', async () => {
        assert.deepEqual(notByPosition(await extracted(f)), []);
      });

      it('reads row labels as printed, wrapped names joined', async () => {
        const d = await extracted(f);
        for (const c of f.cells) {
          if (!c.label) continue;
          const t = d.tables.find((x) => x.id === c.table)!;
          const r = t.rows.find((x) => x.key === c.row) ?? t.rows.find((x) => labelKey(x.label) === c.row);
          assert.ok(r, `${c.table} ${c.row}`);
          assert.equal(r.label, compactText(c.label), `${c.table} ${c.row}`);
        }
      });

      it('reads each table’s unit, and says so when a table is printed empty', async () => {
        const d = await extracted(f);
        for (const t of f.tables) {
          const got = d.tables.find((x) => x.id === t.table);
          assert.ok(got, t.table);
          assert.equal(got.unit, t.unit, `${t.table} unit`);
          const cells = got.rows.reduce((n, r) => n + r.cells.length, 0);
          if (t.status === 'empty') {
            assert.equal(cells, 0, t.table);
            assert.match(got.statement ?? '', /空表/, `${t.table} statement`);
          } else assert.ok(cells > 0, t.table);
        }
      });
    });
  }
});
