/**
 * The text rules on the real Xinjiang document (examples/changji-miit-2023-budget.txt): the complete
 * list of findings, each justified by the printed text (line numbers of the example file).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCatalog } from '../../../src/catalog/catalog.ts';
import { checkDisclosure } from '../../../src/rules/engine.ts';
import { TEXT_RULES } from '../../../src/rules/text/index.ts';
import { xinjiang } from '../../helpers/fixtures.ts';

describe('text rules on the Xinjiang 2023 document', () => {
  const report = checkDisclosure(xinjiang(), {
    rules: TEXT_RULES,
    catalog: loadCatalog('/nonexistent-gongkai-data'),
  });

  it('finds exactly the printed defects', () => {
    assert.deepEqual(report.findings, [
      // 2783 `六、项目支出：支出预算的组成部分，是各为完成其特` — 是各部门（单位）为完成… lost its noun.
      {
        rule: 'text.unit-wording',
        severity: 'warning',
        category: 'text',
        message: '“各为”之间缺少“部门”或“单位”：“出预算的组成部分，是各为完成其特定的行政任务”。',
        locations: [
          {
            part: 'P4',
            field: '项目支出',
            excerpt: '出预算的组成部分，是各为完成其特定的行政任务',
            line: 2783,
          },
        ],
      },
      // 2803 `八、机关运行经费：指各的公用经费，包括办公及印刷` — 指各部门的公用经费.
      {
        rule: 'text.unit-wording',
        severity: 'warning',
        category: 'text',
        message: '“各的”之间缺少“部门”或“单位”：“指各的公用经费，包括办公及”。',
        locations: [{ part: 'P4', field: '机关运行经费', excerpt: '指各的公用经费，包括办公及', line: 2803 }],
      },
      // 95 `昌吉回族自治州工业和信息化局无下属预算单位` but 1431 `…工业和信息化局及下属各预算单位占用使用国有资产`:
      // a sentence of the template for departments with subordinate units, left unchanged.
      {
        rule: 'text.subordinate-wording',
        severity: 'warning',
        category: 'text',
        message:
          '第一部分称“无下属预算单位”，此处却写“下属各预算单位”：“吉州工业和信息化局及下属各预算单位占用使用国有资产总体”。',
        locations: [
          {
            part: 'P3',
            section: '十一（三）',
            excerpt: '吉州工业和信息化局及下属各预算单位占用使用国有资产总体',
            line: 1431,
          },
        ],
      },
      // 1341 `完成网络安全测试，完成标准标准体系建设，完成等保 2.0` (第三部分 七, project 2's policy basis).
      // The location is the printed line of the match (sections keep where each of their lines starts).
      {
        rule: 'text.repeated-text',
        severity: 'info',
        category: 'text',
        message: '词语“标准”重复：“成网络安全测试，完成标准标准体系建设，完成等保2”。',
        locations: [
          {
            part: 'P3',
            section: '七',
            excerpt: '成网络安全测试，完成标准标准体系建设，完成等保2',
            line: 1341,
          },
        ],
      },
      // 1489–1497: the goal of table 1 prints `加快葡萄酒产业高质量发展，…制定《天山北麓精品葡萄酒庄建设标准》。`
      // a second time right after the first sentence ends with the same words (1493 `…建设标准》。加快葡萄酒产业高质量发展，顺利推`).
      {
        rule: 'text.repeated-text',
        severity: 'info',
        category: 'text',
        message:
          '同一段落中句子重复出现：“加快葡萄酒产业高质量发展，顺利推进昌吉州精品酒庄建设工作，完成酒庄建设补助，制定…”。',
        locations: [{ part: 'PERF', project: '昌吉州2023年葡萄酒发展专项', field: '项目总体目标' }],
      },
      // 1669 `…完成网络安全测试，完成标准标准体系建设，完成等保 2.0` (goal of table 2, same text as 1341).
      {
        rule: 'text.repeated-text',
        severity: 'info',
        category: 'text',
        message: '词语“标准”重复：“成网络安全测试，完成标准标准体系建设，完成等保2”。',
        locations: [
          { part: 'PERF', project: '昌吉州大数据运营管理平台政府购买服务项目', field: '项目总体目标' },
        ],
      },
      // 2250–2252 `…提升民爆企业` / `企业重大安全风险管控能力…` (goal of table 6).
      {
        rule: 'text.repeated-text',
        severity: 'info',
        category: 'text',
        message: '词语“企业”重复：“产检查指导，提升民爆企业企业重大安全风险管控能力”。',
        locations: [
          { part: 'PERF', project: '民爆行业及重点工业企业安全生产检查指导项目', field: '项目总体目标' },
        ],
      },
    ]);
  });

  it('checks every rule', () => {
    assert.deepEqual(
      report.obligations.map((o) => [o.rule, o.status]),
      [
        // every change in 二, 三, 五, 十, 十一 states a reason (CLAIMS-NOTES); the reasonless 三公 total
        // at 1387 `比上年预算增加 0 万元` is a zero change
        ['text.empty-reason', 'passed'],
        ['text.placeholder', 'passed'],
        ['text.unit-wording', 'failed'],
        ['text.subordinate-wording', 'failed'],
        ['text.doubled-punctuation', 'passed'],
        ['text.unbalanced-brackets', 'passed'],
        ['text.repeated-text', 'failed'],
      ],
    );
  });
});
