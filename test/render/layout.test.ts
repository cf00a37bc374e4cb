/** The printed structure of tables: amounts from fen, header spans derived from the template. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Table } from '../../src/model/schema.ts';
import { amountText, dateText, type Grid, sectionParagraphs, tableLayout } from '../../src/render/layout.ts';
import { getTemplate } from '../../src/templates/index.ts';
import { xinjiang } from '../helpers/fixtures.ts';

/** Every grid position is covered by exactly one cell (its own or a span). */
function assertTiling(rows: Grid['head'], columns: number): void {
  const covered = rows.map(() => new Array<number>(columns).fill(0));
  rows.forEach((r, i) => {
    assert.equal(r.length, columns, `row ${i} has ${r.length} positions`);
    r.forEach((c, j) => {
      if (!c) return;
      for (let a = i; a < i + c.rowSpan; a++) for (let b = j; b < j + c.colSpan; b++) covered[a]![b]!++;
    });
  });
  for (const [i, r] of covered.entries())
    assert.deepEqual(r, new Array(columns).fill(1), `row ${i} coverage`);
}

describe('amountText', () => {
  it('prints fen at the unit with thousands separators and at least two decimals', () => {
    assert.equal(amountText(7111510000, '万元'), '7,111.51');
    assert.equal(amountText(400000, '万元'), '0.40');
    assert.equal(amountText(0, '万元'), '0.00');
    assert.equal(amountText(9628221344, '元'), '96,282,213.44');
    assert.equal(amountText(-123456, '元'), '-1,234.56');
    // Never rounded: a value finer than two decimals keeps its digits.
    assert.equal(amountText(1, '万元'), '0.000001');
  });
});

describe('dateText', () => {
  it('prints an ISO date in Chinese and leaves other forms as printed', () => {
    assert.equal(dateText('2023-01-31'), '2023年1月31日');
    assert.equal(dateText('2023年1月'), '2023年1月');
  });
});

describe('sectionParagraphs', () => {
  /** A section from its printed lines (the text joined, each line's start recorded). */
  const section = (lines: string[]) => {
    let text = '';
    const lineStarts: [number, number][] = [];
    lines.forEach((l, k) => {
      lineStarts.push([text.length, k + 1]);
      text += l;
    });
    return { id: '七', title: 't', text, lineStarts, claims: [], source: { line: 1 } };
  };

  it('starts a paragraph where a label follows a value printed without punctuation, or a sentence', () => {
    const s = section([
      '1.项目名称：甲项目',
      '设立的政策依据：按照规定。',
      '预算安排规模：200万元',
      '项目承担单位：某局',
      '资金分配情况：甲10万元、乙',
      '20万元',
    ]);
    assert.deepEqual(sectionParagraphs(s), [
      '1.项目名称：甲项目',
      '设立的政策依据：按照规定。',
      '预算安排规模：200万元',
      '项目承担单位：某局',
      '资金分配情况：甲10万元、乙20万元',
    ]);
  });

  it('keeps running text whole where a wrapped line only looks like a label', () => {
    // `出务（项）：` opens a line outside any labelled value; `其中：` follows a comma
    const s = section([
      '1.一般公共服务（类）其他商贸事务支',
      '出务（项）：2023年预算数为10万元，',
      '其中：基本支出5万元。',
    ]);
    assert.deepEqual(sectionParagraphs(s), [s.text]);
    assert.deepEqual(sectionParagraphs({ ...s, lineStarts: undefined }), [s.text]);
  });
});

describe('tableLayout', () => {
  const d = xinjiang();
  const template = getTemplate(d.template);

  it('tiles every table header and body exactly', () => {
    for (const t of d.tables) {
      const l = tableLayout(t, template);
      assertTiling(l.grid.head, l.grid.columns);
      assertTiling(l.grid.body, l.grid.columns);
    }
  });

  it('T2: the subtotal column and its parts under one group, codes under 类/款/项', () => {
    const t = d.tables.find((x) => x.id === 'T2')!;
    const l = tableLayout(t, template);
    const idn = template.identities.find((i) => i.kind === 'row' && i.table === 'T2' && i.total !== '总计');
    assert.ok(idn && idn.kind === 'row');
    const group = l.grid.head[0]!.find((c) => c?.text === idn.total.replace(/小计$/, ''));
    assert.ok(group, 'group header printed');
    assert.equal(group.colSpan, 1 + idn.parts.length);
    assert.equal(group.scope, 'colgroup');
    const at = l.grid.head[0]!.indexOf(group);
    const under = l.grid.head[1]!.slice(at, at + group.colSpan).map((c) => c?.text);
    assert.deepEqual(under, [idn.total, ...idn.parts]);
    const code = l.grid.head[0]!.find((c) => c?.text === '功能分类科目编码')!;
    assert.equal(code.colSpan, template.tables.find((x) => x.id === 'T2')!.blocks[0]!.levels!.length);
    assert.deepEqual(
      l.grid.head[1]!.slice(0, 3).map((c) => c?.text),
      ['类', '款', '项'],
    );
    // Columns outside any group reach down both header rows.
    const total = l.grid.head[0]!.find((c) => c?.text === '总计')!;
    assert.equal(total.rowSpan, 2);
    assert.ok(l.landscape, 'twelve amount columns need a landscape page');
  });

  it('T1: income and expenditure side by side under their block titles, totals on one line', () => {
    const t = d.tables.find((x) => x.id === 'T1')!;
    const l = tableLayout(t, template);
    assert.deepEqual(
      l.grid.head[0]!.filter(Boolean).map((c) => [c!.text, c!.colSpan]),
      [
        ['收入', 2],
        ['支出', 3],
      ],
    );
    const last = l.grid.body[l.grid.body.length - 1]!;
    const texts = last.map((c) => c?.text);
    assert.ok(texts.includes('收入总计') && texts.includes('支出总计'), texts.join('|'));
    assert.equal(l.landscape, false);
  });

  it('Jiangsu T9: nested groups from nested subtotals', () => {
    const jiangsu = getTemplate('jiangsu-2017');
    const spec = jiangsu.tables.find((x) => x.id === 'T9')!;
    const table: Table = {
      id: 'T9',
      title: spec.titles[0]!,
      unit: '万元',
      columns: spec.blocks[0]!.columns.map((c) => ({ id: c.id, header: c.header })),
      rows: [],
      noise: [],
      source: {},
    };
    const l = tableLayout(table, jiangsu);
    assert.equal(l.grid.head.length, 3);
    assertTiling(l.grid.head, l.grid.columns);
    const outer = l.grid.head[0]!.find((c) => c?.text === '“三公”经费')!;
    const inner = l.grid.head[1]!.find((c) => c?.text === '公务用车购置及运行维护费')!;
    const ids = spec.blocks[0]!.columns.map((c) => c.id);
    // The outer group runs from its subtotal to its last part; the inner one sits inside it.
    assert.equal(outer.colSpan, ids.indexOf('公务接待费') - ids.indexOf('“三公”经费/小计') + 1);
    assert.equal(inner.colSpan, 3);
    assert.ok(l.empty, 'a table without rows is empty');
  });
});
