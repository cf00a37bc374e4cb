/**
 * A composed document checks clean and reads back from its own plain text as the same model
 * (compared canonically: see src/compose/canonical.ts for what is left out and why).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { canonical } from '../../src/compose/canonical.ts';
import { compose } from '../../src/compose/compose.ts';
import { extractText } from '../../src/ingest/index.ts';
import { Disclosure } from '../../src/model/schema.ts';
import { renderText } from '../../src/render/text.ts';
import { checkDisclosure } from '../../src/rules/engine.ts';

const facts = JSON.parse(readFileSync(new URL('./fixtures/small-unit.json', import.meta.url), 'utf8'));

test('a composed document is a valid Disclosure of format json, every cell by position', () => {
  const { disclosure: d, findings } = compose(facts);
  assert.deepEqual(findings, []);
  assert.equal(Disclosure.safeParse(d).success, true);
  assert.equal(d.source.format, 'json');
  assert.equal(d.tables.length, 10);
  for (const t of d.tables)
    for (const r of t.rows)
      for (const c of r.cells) {
        assert.equal(c.placement, 'position');
        assert.equal(c.unit, '万元');
        assert.equal(typeof c.fen, 'number');
      }
});

test('tables are derived exactly from the lines', () => {
  const d = compose(facts).disclosure;
  const cell = (t: string, row: string, col: string) =>
    d.tables
      .find((x) => x.id === t)!
      .rows.find((r) => r.key === row)!
      .cells.find((c) => c.column === col)!.value;
  assert.equal(cell('T1', '收入总计', '预算数'), '178.50');
  assert.equal(cell('T1', '单位资金', '预算数'), '20.00');
  assert.equal(cell('T2', '2011399', '总计'), '70.00');
  assert.equal(cell('T2', '2011399', '财政拨款(补助)小计'), '50.00');
  assert.equal(cell('T3', '合计', '基本支出'), '108.50');
  assert.equal(cell('T5', '20113', '项目支出'), '50.00');
  assert.equal(cell('T6', '302', '公用经费'), '40.00');
  assert.equal(cell('T7', '产业发展专项资金', '商品和服务支出'), '50.00');
  assert.equal(cell('T10', '公务用车购置及运行费', '合计'), '9.00');
  assert.equal(cell('T10', '合计', '一般公共预算'), '10.00');
});

test('check of a composed document: no error, no warning', () => {
  const report = checkDisclosure(compose(facts).disclosure);
  const bad = report.findings.filter((f) => f.severity !== 'info');
  assert.deepEqual(
    bad.map((f) => `${f.rule}: ${f.message}`),
    [],
  );
  // the narrative was read into claims that the checker did compare
  const narrative = report.obligations.filter(
    (o) => o.rule.startsWith('narrative.') && o.status === 'passed',
  );
  assert.ok(narrative.length >= 5, JSON.stringify(report.obligations));
});

test('extractText(renderText(composed)) is the composed model', () => {
  const d = compose(facts).disclosure;
  const back = extractText(renderText(d));
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.missing, []);
  assert.deepEqual(canonical(back), canonical(d));
  assert.ok(d.narrative.flatMap((s) => s.claims).length > 40);
  assert.equal(back.performance.length, 1);
});

test('a missing reason prints a visible placeholder and is a finding (of the composer and of check)', () => {
  const reasons = { ...facts.reasons };
  delete reasons['item/2011301'];
  const { disclosure: d, findings } = compose({ ...facts, reasons });
  assert.ok(findings.some((f) => f.where === 'item/2011301' && /占位/.test(f.message)));
  const text = renderText(d);
  assert.match(
    text,
    /行政运行（项）：2023年预算数为100\.00万元，比上年预算增加5\.00万元，增长5\.26%，主要原因是（待补充）。/,
  );
  const report = checkDisclosure(d);
  assert.ok(report.findings.some((f) => f.rule === 'text.empty-reason' && f.severity === 'warning'));
});

test('a missing prior value says nothing about the change, and is a finding', () => {
  const prior = { ...facts.prior, items: { ...facts.prior.items } };
  delete prior.items['2210201'];
  const { disclosure: d, findings } = compose({ ...facts, prior });
  assert.ok(findings.some((f) => f.where === 'item/2210201'));
  assert.match(renderText(d), /住房公积金（项）：2023年预算数为8\.50万元。/);
});

test('invalid facts are refused with the path of the problem', () => {
  assert.throws(() => compose({ ...facts, lines: [{ ...facts.lines[0], amount: '1,2' }] }), /amount/);
  assert.throws(() => compose({ ...facts, lines: [{ ...facts.lines[0], code: '20113' }] }), /7 digits/);
  // text the plain-text layout could not give back is refused, not printed
  assert.throws(
    () => compose({ ...facts, projects: [{ ...facts.projects[0], name: '产业 发展' }] }),
    /without spaces/,
  );
  const divisions = ['办公室、业务科'];
  assert.throws(() => compose({ ...facts, organization: { ...facts.organization, divisions } }), /division/);
});

test('facts that do not add up compose, and check says where', () => {
  // running costs by economic 款 one 万元 short of the basic lines
  const basic = facts.basic.map((b: { code: string; amount: string }) =>
    b.code === '30101' ? { ...b, amount: '59' } : b,
  );
  const report = checkDisclosure(compose({ ...facts, basic }).disclosure);
  const errors = report.findings.filter((f) => f.severity === 'error').map((f) => f.rule);
  assert.ok(errors.includes('cross-table.equal'), errors.join(', '));
});

test('line numbers of a composed model are those of its plain text', () => {
  const d = compose(facts).disclosure;
  const lines = renderText(d).split('\n');
  for (const s of d.narrative) {
    assert.match(lines[s.source.line! - 1]!, new RegExp(s.title.slice(0, 6)));
    for (const c of s.claims) assert.ok(lines[c.source.line! - 1]!.length > 0);
  }
  const first = d.narrative.find((s) => s.id === '二')!.claims.find((c) => c.subject === '一般公共预算')!;
  assert.match(lines[first.source.line! - 1]!, /^一般公共预算158\.50万元/);
});

test('without performance targets the document says so, and still reads back the same', () => {
  const { disclosure: d, findings } = compose({ ...facts, performance: [] });
  assert.ok(findings.some((f) => f.where === 'performance'));
  assert.deepEqual(d.missing, ['PERF']);
  const back = extractText(renderText(d));
  assert.deepEqual(canonical(back), canonical(d));
});

test('a project paid from two 项 is two T7 rows and one description of its total, and checks clean', () => {
  const [own] = facts.projects;
  const split = {
    ...facts,
    lines: [
      ...facts.lines.map((l: { code: string; fund: string }) =>
        l.code === '2011399' && l.fund === '一般公共预算' ? { ...l, amount: '30' } : l,
      ),
      { code: '2150517', fund: '一般公共预算', spending: 'project', amount: '20' },
    ],
    projects: [
      { ...own, amounts: { '302': '30' } },
      { name: own.name, code: '2150517', amounts: { '302': '20' } },
    ],
    prior: { ...facts.prior, items: { ...facts.prior.items, '2011399': '20', '2150517': '20' } },
    reasons: { ...facts.reasons, 'item/2150517': '产业发展项目调整', 'item/2011399': '产业发展项目调整' },
    uses: { ...facts.uses, '215': '产业发展项目' },
  };
  const { disclosure: d, findings } = compose(split);
  assert.deepEqual(findings, []);
  const rows = d.tables.find((t) => t.id === 'T7')!.rows.filter((r) => r.kind === 'project');
  assert.deepEqual(
    rows.map((r) => [r.key, r.code, r.cells.find((c) => c.column === '项目支出合计')!.value]),
    [
      [own.name, '2011399', '30.00'],
      [`${own.name}#2`, '2150517', '20.00'],
    ],
  );
  const text = renderText(d);
  assert.equal(text.split(`项目名称：${own.name}`).length, 2, 'described once');
  assert.match(text, /预算安排规模：50\.00万元/);
  const bad = checkDisclosure(d).findings.filter((f) => f.severity !== 'info');
  assert.deepEqual(
    bad.map((f) => `${f.rule}: ${f.message}`),
    [],
  );
  assert.deepEqual(canonical(extractText(text)), canonical(d));
});
