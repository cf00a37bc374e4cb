import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../src/rules/performance/value-syntax.ts';
import { emptyDoc, indicator, perfTable, run } from '../../helpers/doc.ts';

function check(rows: [string, string, string?][]) {
  const indicators = rows.map(([level3, value, level2], i) =>
    indicator({ level3, value, level2: level2 ?? '质量指标', source: { line: 900 + i } }),
  );
  return run(rule, emptyDoc({ performance: [perfTable({ project: '测试项目', indicators })] }));
}

describe('performance.value-syntax', () => {
  it('accepts comparison + number + unit in every printed form, and qualitative phrases', () => {
    const { findings, obligation } = check([
      ['全年改扩建酒庄', '≥1家', '数量指标'],
      ['完成率', '>=95%'],
      ['补助资金', '<=190万元'],
      ['通过率', '=100%'],
      ['培训班次', '＞ 5 个', '数量指标'],
      ['差错', '‹3次'],
      ['合格率', '≧ 98 ％'],
      ['人均经费', '<=600元/人'],
      ['硬件经费', '<=1289万'],
      ['社会效益影响力', '持续提升'],
      ['工作效率', '提升'],
      ['完成数量', '不少于10个', '数量指标'],
      ['服务水平', '高于上年'],
      ['管理水平', '不低于上年水平'],
    ]);
    assert.deepEqual(findings, []);
    assert.equal(obligation.reason, '14 checked');
  });

  it('warns about a 完成及时率 counted in 次 (the Xinjiang defect)', () => {
    const { findings } = check([['阶段性咨询完成及时率', '>=6次', '时效指标']]);
    assert.deepEqual(findings, [
      {
        rule: 'performance.value-syntax',
        severity: 'warning',
        category: 'performance',
        message:
          '项目「测试项目」的「阶段性咨询完成及时率」指标值「>=6次」：“率”类指标应为不超过 100 的百分比，却以「次」计。',
        locations: [
          {
            part: 'PERF',
            project: '测试项目',
            indicator: '阶段性咨询完成及时率',
            field: '指标值',
            line: 900,
          },
        ],
        stated: '>=6次',
      },
    ]);
  });

  it('warns about a missing comparison, a missing unit, a rate over 100, a sign without number and a count without number', () => {
    const { findings } = check([
      ['完成率', '95%'],
      ['开展次数', '>=6', '数量指标'],
      ['覆盖率', '>=120%'],
      ['服务质量', '≥良好'],
      ['意见被采纳的次数', '意见被采纳的情况', '社会效益指标'],
    ]);
    assert.deepEqual(
      findings.map((f) => [f.severity, f.locations[0], f.message]),
      [
        [
          'warning',
          { part: 'PERF', project: '测试项目', indicator: '完成率', field: '指标值', line: 900 },
          '项目「测试项目」的「完成率」指标值「95%」：缺少比较符号（≥、≤、= 等）。',
        ],
        [
          'warning',
          { part: 'PERF', project: '测试项目', indicator: '开展次数', field: '指标值', line: 901 },
          '项目「测试项目」的「开展次数」指标值「>=6」：缺少单位。',
        ],
        [
          'warning',
          { part: 'PERF', project: '测试项目', indicator: '覆盖率', field: '指标值', line: 902 },
          '项目「测试项目」的「覆盖率」指标值「>=120%」：比率超过 100%。',
        ],
        [
          'warning',
          { part: 'PERF', project: '测试项目', indicator: '服务质量', field: '指标值', line: 903 },
          '项目「测试项目」的「服务质量」指标值「≥良好」：比较符号后没有数值。',
        ],
        [
          'warning',
          { part: 'PERF', project: '测试项目', indicator: '意见被采纳的次数', field: '指标值', line: 904 },
          '项目「测试项目」的「意见被采纳的次数」指标值「意见被采纳的情况」：数量类指标应为数值，却是定性表述。',
        ],
      ],
    );
  });

  it('leaves empty values to missing-fields', () => {
    assert.equal(check([['完成率', '']]).obligation.status, 'insufficient-data');
  });
});
