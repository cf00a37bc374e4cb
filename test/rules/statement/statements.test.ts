/** statement.sangong, statement.procurement, statement.assets, statement.staffing. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Claim, ClaimKind, Disclosure } from '../../../src/model/schema.ts';
import assets from '../../../src/rules/statement/assets.ts';
import procurement from '../../../src/rules/statement/procurement.ts';
import sangong from '../../../src/rules/statement/sangong.ts';
import staffing from '../../../src/rules/statement/staffing.ts';
import { claim, emptyDoc, run } from '../../helpers/doc.ts';

const c = (kind: ClaimKind, subject: string, value: string, unit = '万元'): Claim =>
  claim({ section: '十一', kind, subject, amount: { raw: `${value}${unit}`, value, unit } });
const doc = (claims: Claim[]) =>
  emptyDoc({
    narrative: [{ id: '十一', title: '其他重要事项的情况说明', text: '', source: { line: 1 }, claims }],
  });

describe('statement.sangong', () => {
  const items = (total: string) => [
    c('sangong', '财政拨款“三公”经费', total),
    c('sangong', '因公出国（境）费', '0'),
    c('sangong', '公务用车购置费', '0'),
    c('sangong', '公务用车运行费', '10'),
    c('sangong', '公务接待费', '0.5'),
  ];
  it('passes 10.5 = 0 + 0 + 10 + 0.5', () => assert.deepEqual(run(sangong, doc(items('10.5'))).findings, []));
  it('reports a total that is not its items', () => {
    const [f] = run(sangong, doc(items('11.5'))).findings;
    assert.deepEqual([f!.severity, f!.stated, f!.expected], ['error', '11.50', '10.50']);
  });
});

describe('statement.procurement', () => {
  const p = (total: string, reserved: string) => [
    c('procurement', '政府采购预算', total),
    c('procurement', '政府采购货物预算', '45.37'),
    c('procurement', '政府采购工程预算', '0'),
    c('procurement', '政府采购服务预算', '56.76'),
    c('procurement', '面向中小企业预留政府采购项目预算金额', reserved),
  ];
  it('passes goods + works + services = total, reserved within it', () =>
    assert.deepEqual(run(procurement, doc(p('102.13', '102.13'))).findings, []));
  it('reports a total that is not its parts and a reservation above the total', () => {
    assert.deepEqual(
      run(procurement, doc(p('100.13', '102.13'))).findings.map((f) => [f.severity, f.stated]),
      [
        ['error', '100.13'],
        ['error', '102.13'],
      ],
    );
  });
});

describe('statement.assets', () => {
  const a = (value: string) => [
    c('asset', '车辆', '4', '辆'),
    c('asset', '车辆', '90.13'),
    c('asset', '一般公务用车', '4', '辆'),
    c('asset', '一般公务用车', value),
  ];
  it('passes parts within the whole', () => assert.deepEqual(run(assets, doc(a('90.13'))).findings, []));
  it('reports a part worth more than the whole (Xinjiang: 231.26 of 90.13)', () => {
    const [f, ...rest] = run(assets, doc(a('231.26'))).findings;
    assert.equal(rest.length, 0);
    assert.equal(f!.severity, 'error');
    assert.match(f!.message, /「一般公务用车」231.26万元/);
  });
});

describe('statement.staffing', () => {
  const staff = (actual: string): Partial<Disclosure> => ({
    part1: {
      functions: [],
      organization: {
        text: '',
        subordinateUnits: null,
        divisionCount: null,
        divisions: [],
        source: { line: 1 },
      },
      staffing: {
        authorized: { raw: '38名', value: '38', unit: '名' },
        actual: { raw: `${actual}人`, value: actual, unit: '人' },
        groups: [
          { name: '在职', count: { raw: '32人', value: '32', unit: '人' }, change: null },
          { name: '退休', count: { raw: '46人', value: '46', unit: '人' }, change: null },
          { name: '离休', count: { raw: '1人', value: '1', unit: '人' }, change: null },
        ],
        source: { line: 80 },
      },
    },
  });
  it('passes 79 = 32 + 46 + 1', () => assert.deepEqual(run(staffing, emptyDoc(staff('79'))).findings, []));
  it('reports a total that is not its groups', () => {
    const [f] = run(staffing, emptyDoc(staff('80'))).findings;
    assert.deepEqual([f!.severity, f!.stated, f!.expected], ['error', '80', '79']);
  });
  it('lacks data without staffing', () =>
    assert.equal(run(staffing, emptyDoc()).obligation.status, 'insufficient-data'));
});
