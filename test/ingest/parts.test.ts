/** Part 1, the glossary and the signature of the Xinjiang document. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { xinjiang } from '../helpers/fixtures.ts';

describe('Xinjiang Part 1, glossary, signature', () => {
  const d = xinjiang();
  it('reads the unit, year and kind', () => {
    assert.equal(d.unitName, '昌吉州工业和信息化局');
    assert.equal(d.year, 2023);
    assert.equal(d.kind, 'budget');
    assert.equal(d.template, 'xinjiang-2023');
  });
  it('reads the thirteen main functions', () => {
    const f = d.part1!.functions;
    assert.equal(f.length, 13);
    assert.equal(f[0]!.number, '一');
    assert.match(f[0]!.text, /^贯彻执行国家、自治区工业和信息化的法律法规和方针政策/);
    assert.equal(f[12]!.number, '十三');
    assert.equal(f[12]!.text, '完成自治州党委、自治州人民政府交办的其他任务。');
  });
  it('reads the divisions and staffing with changes', () => {
    const o = d.part1!.organization;
    assert.equal(o.divisionCount, 8);
    assert.equal(o.divisions.length, 8);
    assert.equal(o.divisions[0], '办公室（组织人事科）');
    assert.equal(o.divisions[7], '节能与综合利用科');
    assert.equal(o.subordinateUnits, '无下属预算单位');
    const s = d.part1!.staffing!;
    assert.equal(s.authorized?.value, '38');
    assert.equal(s.actual?.value, '79');
    assert.deepEqual(
      s.groups.map((g) => [g.name, g.count.value, g.change?.word, g.change?.value]),
      [
        ['在职', '32', '减少', '1'],
        ['退休', '46', '增加', '2'],
        ['离休', '1', '增加', '0'],
      ],
    );
  });
  it('reads the eight glossary entries and the signature', () => {
    assert.deepEqual(
      d.glossary.map((g) => g.term),
      [
        '财政拨款',
        '一般公共预算',
        '财政专户管理资金',
        '其他资金',
        '基本支出',
        '项目支出',
        '“三公”经费',
        '机关运行经费',
      ],
    );
    assert.match(d.glossary[7]!.definition, /公务用车运行维护费及其他费用。$/);
    assert.deepEqual(d.signature, {
      unitName: '昌吉州工业和信息化局',
      date: '2023-01-31',
      source: { line: 2813, endLine: 2815 },
    });
  });
});
