/**
 * The classification rules on the real Xinjiang document (examples/changji-miit-2023-budget.txt):
 * the complete list of findings, each justified by the printed text (line numbers of the example).
 *
 * The shipped catalog's 2023 entries were read from this very document; the engine leaves them out
 * when checking it (a document is no evidence about itself), so codes are checked against the other
 * lists (mostly 2024 reference lists): gaps are information, never errors.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCatalog } from '../../../src/catalog/catalog.ts';
import { CLASSIFICATION_RULES } from '../../../src/rules/classification/index.ts';
import { checkDisclosure } from '../../../src/rules/engine.ts';
import { xinjiang } from '../../helpers/fixtures.ts';

describe('classification rules on the Xinjiang 2023 document', () => {
  const report = checkDisclosure(xinjiang(), {
    rules: CLASSIFICATION_RULES,
    catalog: loadCatalog('/nonexistent-gongkai-data'),
  });

  it('finds exactly the printed defects', () => {
    const view = report.findings.map((f) => [f.rule, f.severity, f.message, f.locations.length]);
    assert.deepEqual(view, [
      // 699 `201 11 公务员医疗补助缴费 1.74 1.74`, between 697 `301 10 城镇职工基本医疗保险缴费` and 701
      // `301 12 其他社会保障缴费` in table 6 (economic): a functional-shaped code on the economic 款 30111.
      [
        'classification.code-kind',
        'error',
        '表 6（经济分类表）印有功能分类编码 201 11“公务员医疗补助缴费”，而“公务员医疗补助缴费”是经济分类 30111 的名称，编码应为 30111。',
        1,
      ],
      // 181 `234 抗疫特别国债安排的支出` in table 1 but 598 `234 抗疫特别国债还本支出` in table 4.
      [
        'classification.name-consistent',
        'warning',
        '功能分类 234 在各表中名称不一：“抗疫特别国债安排的支出”（表1），“抗疫特别国债还本支出”（表4）。',
        2,
      ],
      // 151 `215 资源勘探工业信息等支出` (T1): the catalog knows 215 only by its 2018–2019 name 资源勘探信息等支出
      // (printed by the Jiangsu documents); the class was renamed since, so information.
      [
        'classification.name-matches',
        'info',
        '功能分类 215 印为“资源勘探工业信息等支出”，与目录2018–2019年的名称“资源勘探信息等支出”不符（目录未核实2023年的名称）。',
        5,
      ],
      // 340/467/634 `208 05 02 行政单位离退休`: in the later catalog (domain.md §4, the 2024 list) 2080502 is
      // 事业单位离退休 and 行政单位离退休 is 2080501. Not verified for 2023, so information.
      [
        'classification.name-matches',
        'info',
        '功能分类 208 05 02 印为“行政单位离退休”，与目录2024年的名称“事业单位离退休”不符（目录未核实2023年的名称）。',
        3,
      ],
      // 697 `301 10 城镇职工基本医疗保险缴费`; the 2024 list names 30110 职工基本医疗保险缴费.
      [
        'classification.name-matches',
        'info',
        '经济分类 301 10 印为“城镇职工基本医疗保险缴费”，与目录2024年的名称“职工基本医疗保险缴费”不符（目录未核实2023年的名称）。',
        1,
      ],
      // The partial catalog: 28 codes absent from every shipped list, 50 known only from other years' lists.
      [
        'classification.code-known',
        'info',
        '28 个科目编码未在目录中（目录不完整），无法核对2023年是否存在：202“外交支出”、203“国防支出”、209“社会保险基金支出”、211“节能环保支出”、213“农林水支出”、214“交通运输支出”、216“商业服务业等支出”、217“金融支出”、219“援助其他地区支出”、222“粮油物资储备支出”、223“国有资本经营预算支出”、227“预备费” 等。',
        68,
      ],
      [
        'classification.code-known',
        'info',
        '50 个科目编码在目录中只有其他年度的记录，未能核实2023年：201“一般公共服务支出”、204“公共安全支出”、205“教育支出”、206“科学技术支出”、207“文化旅游体育与传媒支出”、208“社会保障和就业支出”、210“卫生健康支出”、212“城乡社区支出”、215“资源勘探工业信息等支出”、220“自然资源海洋气象等支出”、221“住房保障支出”、224“灾害防治及应急管理支出” 等。',
        96,
      ],
    ]);
  });

  it('checks every rule', () => {
    assert.deepEqual(report.obligations, [
      { rule: 'classification.code-kind', status: 'failed', count: 1 },
      { rule: 'classification.name-consistent', status: 'failed', count: 1 },
      { rule: 'classification.name-matches', status: 'failed', count: 3 },
      { rule: 'classification.code-known', status: 'failed', count: 2 },
    ]);
  });
});
