/** The disclosing unit's name: never a generic word; from Part 1, 编制单位, a table title or the cover. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unitInTitle, unitNameOf, unitOnCover } from '../../src/ingest/unit-name.ts';
import { getTemplate } from '../../src/templates/index.ts';
import { extracted, pdfFixture } from '../helpers/pdf-fixtures.ts';

const jiangsu = getTemplate('jiangsu-2017');

describe('unit name', () => {
  it('refuses 部门 from 第一部分 部门概况 and falls back to the table title', () => {
    const tables = [{ id: 'T1', title: '一、2018年度江苏省高级人民法院收支预算总表' }];
    assert.equal(unitNameOf('部门', tables, jiangsu, []), '江苏省高级人民法院');
  });

  it('keeps a real Part 1 name', () => {
    assert.equal(unitNameOf('上海市普陀区财政局', [], jiangsu, []), '上海市普陀区财政局');
  });

  it('never takes a longer title for a unit (财政拨款支出预算表 is not 支出预算表 of 财政拨款)', () => {
    assert.equal(unitInTitle('财政拨款支出预算表', 'T5', jiangsu), null);
    assert.equal(
      unitInTitle('2018年度江苏省人民检察院财政拨款支出预算表', 'T5', jiangsu),
      '江苏省人民检察院',
    );
  });

  it('reads a cover wrapped over two lines, without year, date and kind', () => {
    assert.equal(
      unitOnCover(['2018 年度江苏省高级', ' 人民法院预算公开', '', '2018 年 2 月 24 日', '目   录']),
      '江苏省高级人民法院',
    );
    assert.equal(unitOnCover(['2019年部门预算', '目录']), null);
  });

  it('names all nine Jiangsu corpus documents', async () => {
    const names: Record<string, string> = {
      '2018-cppcc-office': '江苏省政协办公厅',
      '2018-high-court': '江苏省高级人民法院',
      '2018-npc-general-office': '江苏省人大常委会办公厅',
      '2018-party-committee-office': '江苏省委办公厅',
      '2018-procuratorate': '江苏省人民检察院',
      '2019-high-court': '江苏省高级人民法院',
      '2019-npc-standing-committee': '江苏省人大常委会办公厅',
      '2019-party-committee-office': '江苏省委办公厅',
      '2019-procuratorate': '江苏省人民检察院',
    };
    for (const [doc, name] of Object.entries(names)) {
      const d = await extracted(pdfFixture('jiangsu', doc));
      assert.equal(d.unitName, name, doc);
    }
  });
});
