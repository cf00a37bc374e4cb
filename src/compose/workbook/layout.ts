/**
 * The facts workbook's layout, declared as data: its sheets (Chinese names, in order), the columns of
 * each (header, the field of Facts it holds, the kind of cell, width, validation) and the lists a
 * cell may be chosen from. ./write.ts lays the workbook out from this and ./read.ts reads it back by
 * it; ./map.ts says which part of Facts each sheet holds.
 */
import { SANGONG_FUNDS, SANGONG_ITEMS } from '../facts.ts';
import { FUND_IDS } from '../funds.ts';

/**
 * How a cell is written and read. text: a text cell (numFmt '@'); code: digits as text (leading zeros
 * kept); amount: a number in 万元 shown '0.00', read exactly to at most two decimals; integer: a whole
 * number; decimal: a number printed as entered (area, weight), its decimals kept by its number format;
 * choice: one label of a list, stored as the list's value.
 */
export type CellKind = 'text' | 'code' | 'amount' | 'integer' | 'decimal' | 'choice';

/** Lists of codes from the catalog, for the template's year. */
export type CodeList = 'functional' | 'economic' | 'economicClass';

export interface ColumnSpec {
  header: string;
  /** the field of the Facts item (list sheets) or the Facts path (field sheets) the cell holds */
  key: string;
  kind: CellKind;
  required?: boolean;
  /** digits of a code */
  digits?: number;
  /** validated against a code list of the hidden 代码表 sheet (a warning: the catalog is partial) */
  codes?: CodeList;
  /** one of a list (refused otherwise) */
  choices?: ChoiceId;
  /** suggested from a list of the template (a warning otherwise: the template's words are not a rule) */
  suggest?: SuggestId;
  width?: number;
  /** what to enter: the input prompt of the cell and a line of the 说明 sheet */
  note?: string;
}

export interface SheetSpec {
  name: string;
  /** what the sheet holds, for the 说明 sheet */
  about: string;
  /** list: a header row and one item a row; fields: one field a row (label | value | note) */
  form: 'list' | 'fields';
  columns: ColumnSpec[];
  /** a field sheet left all blank stands for none (null), unless this list sheet has rows */
  optional?: { unless?: string };
}

/** A choice list: stored value and the label a preparer picks. */
export type Choice = readonly [value: string, label: string];

/** Last year's values and reasons are entered by subject: the Facts key each subject stands for. */
export interface Subject {
  label: string;
  /** the key in facts.reasons (a prefix when the subject needs an object) */
  reason: string;
  /** the field of facts.prior, null when last year's value of it is not a fact */
  prior: string | null;
  /** what the 对象 column holds for it: nothing, or a required or optional object */
  object: 'none' | 'required' | 'optional';
}

export const SUBJECTS: Subject[] = [
  { label: '收入', reason: 'income/', prior: 'income', object: 'required' },
  { label: '基本支出', reason: 'spending/basic', prior: 'basic', object: 'none' },
  { label: '项目支出', reason: 'spending/project', prior: 'project', object: 'none' },
  { label: '一般公共预算基本支出', reason: 'general/basic', prior: 'generalBasic', object: 'none' },
  { label: '一般公共预算项目支出', reason: 'general/project', prior: 'generalProject', object: 'none' },
  { label: '功能分类科目', reason: 'item/', prior: 'items', object: 'required' },
  { label: '三公经费', reason: 'sangong', prior: 'sangong', object: 'optional' },
  { label: '机关运行经费', reason: 'operating', prior: 'operating', object: 'none' },
  { label: '其他', reason: '', prior: null, object: 'required' },
];

export const CHOICES = {
  unit: [['万元', '万元']],
  fund: FUND_IDS.map((f) => [f, f] as const),
  spending: [
    ['basic', '基本支出'],
    ['project', '项目支出'],
  ],
  economicKind: [
    ['personnel', '人员经费'],
    ['operating', '公用经费'],
  ],
  staffGroup: (['在职', '退休', '离休'] as const).map((g) => [g, g] as const),
  sangongItem: SANGONG_ITEMS.map((i) => [i, i] as const),
  sangongFund: SANGONG_FUNDS.map((f) => [f, f] as const),
  vehicle: (['一般公务用车', '执法执勤用车', '其他车辆'] as const).map((k) => [k, k] as const),
  priorSubject: SUBJECTS.filter((s) => s.prior).map((s) => [s.label, s.label] as const),
  reasonSubject: SUBJECTS.map((s) => [s.label, s.label] as const),
} satisfies Record<string, readonly Choice[]>;
export type ChoiceId = keyof typeof CHOICES;

/** Lists of the template that a cell is suggested from: the indicator levels of its performance table. */
export type SuggestId = 'level1' | 'level2';

/** The sheet of instructions, first; the hidden sheet of codes and lists, last. */
export const README = '说明';
/** The instructions' name in a workbook that also holds a document's tables (their readme is 说明). */
export const README_BESIDE_TABLES = '填报说明';
export const CODES = '代码表';
/** The header row of a field sheet: the field, its value, what to enter. */
export const FIELD_HEADERS = ['项目', '内容', '说明'] as const;

/** Rows a list sheet validates (its header, then this many item rows). */
export const VALIDATED_ROWS = 1000;

const amount = (header: string, key: string, note?: string, required = true): ColumnSpec => ({
  header,
  key,
  kind: 'amount',
  required,
  width: 14,
  ...(note ? { note } : {}),
});
const text = (header: string, key: string, width: number, note?: string, required = true): ColumnSpec => ({
  header,
  key,
  kind: 'text',
  required,
  width,
  ...(note ? { note } : {}),
});

export const SHEETS: SheetSpec[] = [
  {
    name: '基本信息',
    about: '年度、单位名称、公开日期、模板、编制数、下属单位和其他重要事项：每行一项，在「内容」列填写',
    form: 'fields',
    columns: [
      text('模板', 'template', 0, '模板编号，如 xinjiang-2023（决定表格和文字的样式）'),
      { header: '年度', key: 'year', kind: 'integer', required: true, note: '预算年度，如 2023' },
      { header: '金额单位', key: 'unit', kind: 'choice', choices: 'unit', required: true, note: '万元' },
      text('单位名称', 'unitName', 0, '单位全称，不含空格'),
      text('公开日期', 'date', 0, '落款日期，写作 2023-01-31'),
      { header: '编制数', key: 'staffing.authorized', kind: 'integer', required: true, note: '核定编制人数' },
      text('下属单位情况', 'organization.subordinate', 0, '如「无下属预算单位」；可留空', false),
      text('其他需说明的事项', 'otherMatters', 0, '留空则印「无其他需要说明的事项。」', false),
    ],
  },
  {
    name: '职能',
    about: '主要职能，每行一条，按印出的顺序',
    form: 'list',
    columns: [text('主要职能', 'text', 80)],
  },
  {
    name: '内设机构',
    about: '内设科室，每行一个，按印出的顺序',
    form: 'list',
    columns: [text('机构名称', 'text', 30, '不含标点和空格')],
  },
  {
    name: '人员编制',
    about: '实有人数，按在职、退休、离休各一行（编制数在「基本信息」）',
    form: 'list',
    columns: [
      { header: '人员类别', key: 'name', kind: 'choice', choices: 'staffGroup', required: true, width: 12 },
      { header: '实有人数', key: 'count', kind: 'integer', required: true, width: 12 },
      { header: '上年人数', key: 'prior', kind: 'integer', required: true, width: 12 },
    ],
  },
  {
    name: '收支明细',
    about:
      '全部预算金额的最细一级：功能分类「项」× 资金来源 × 基本/项目支出，每个组合一行。收入、支出、财政拨款各表及其合计都由此推算，不要填合计行',
    form: 'list',
    columns: [
      {
        header: '功能分类科目编码',
        key: 'code',
        kind: 'code',
        digits: 7,
        codes: 'functional',
        required: true,
        width: 18,
        note: '7 位「项」级编码，如 2011301',
      },
      { header: '资金来源', key: 'fund', kind: 'choice', choices: 'fund', required: true, width: 30 },
      { header: '支出类型', key: 'spending', kind: 'choice', choices: 'spending', required: true, width: 12 },
      amount('金额', 'amount'),
    ],
  },
  {
    name: '基本支出经济分类',
    about: '一般公共预算基本支出按经济分类「款」，注明人员经费或公用经费',
    form: 'list',
    columns: [
      {
        header: '经济分类科目编码',
        key: 'code',
        kind: 'code',
        digits: 5,
        codes: 'economic',
        required: true,
        width: 18,
        note: '5 位「款」级编码，如 30101',
      },
      { header: '经费类型', key: 'kind', kind: 'choice', choices: 'economicKind', required: true, width: 12 },
      amount('金额', 'amount'),
    ],
  },
  {
    name: '项目',
    about:
      '一般公共预算项目支出，每个项目一行：功能分类科目，按经济分类「类」的金额（每类一列，列名以 3 位类编码开头），以及项目说明',
    form: 'list',
    columns: [
      text('项目名称', 'name', 30, '不含空格'),
      {
        header: '功能分类科目编码',
        key: 'code',
        kind: 'code',
        digits: 7,
        codes: 'functional',
        required: true,
        width: 18,
      },
      amount('项目支出合计', 'total', '仅当按经济分类的金额不全、加总不等于合计时填写；否则留空', false),
      text('设立的政策依据', 'basis', 30, undefined, false),
      text('项目承担单位', 'owner', 20, undefined, false),
      text('资金分配情况', 'allocation', 30, undefined, false),
      text('资金执行时间', 'period', 24, undefined, false),
    ],
  },
  {
    name: '上年数',
    about:
      '上年预算数，按说明对象各一行：收入（对象为收入科目，如 一般公共预算、单位资金）、基本支出、项目支出、一般公共预算基本支出、一般公共预算项目支出、机关运行经费（无对象）、功能分类科目（对象为 7 位编码）、三公经费（对象为三公经费项目）',
    form: 'list',
    columns: [
      { header: '类别', key: 'subject', kind: 'choice', choices: 'priorSubject', required: true, width: 22 },
      text('对象', 'object', 30, undefined, false),
      amount('上年数', 'amount'),
    ],
  },
  {
    name: '原因说明',
    about:
      '与上年相比增减变动的原因，类别和对象同「上年数」；三公经费不填对象时是三公经费合计的原因；「其他」的对象写完整的键',
    form: 'list',
    columns: [
      { header: '类别', key: 'subject', kind: 'choice', choices: 'reasonSubject', required: true, width: 22 },
      text('对象', 'object', 30, undefined, false),
      text('原因', 'text', 60),
    ],
  },
  {
    name: '科目用途',
    about: '功能分类「类」的主要用途，印在财政拨款收支说明中（可不填）',
    form: 'list',
    columns: [
      {
        header: '功能分类科目编码',
        key: 'code',
        kind: 'code',
        required: true,
        width: 18,
        note: '3 位「类」级编码，如 201',
      },
      text('主要用于', 'text', 60),
    ],
  },
  {
    name: '三公经费',
    about: '财政拨款“三公”经费，按项目和资金来源各一行',
    form: 'list',
    columns: [
      { header: '项目', key: 'item', kind: 'choice', choices: 'sangongItem', required: true, width: 20 },
      { header: '资金来源', key: 'fund', kind: 'choice', choices: 'sangongFund', required: true, width: 18 },
      amount('金额', 'amount'),
    ],
  },
  {
    name: '政府采购',
    about: '政府采购预算；未安排政府采购时全部留空',
    form: 'fields',
    optional: {},
    columns: [
      amount('政府采购货物预算', 'goods'),
      amount('政府采购工程预算', 'works'),
      amount('政府采购服务预算', 'services'),
      amount('面向中小企业预留', 'reservedSme'),
      amount('其中：面向小微企业预留', 'reservedSmall'),
    ],
  },
  {
    name: '国有资产',
    about: '国有资产占用使用情况（车辆在「公务用车」）；未占用国有资产时全部留空',
    form: 'fields',
    optional: { unless: '公务用车' },
    columns: [
      { header: '截至年度', key: 'asOf', kind: 'integer', note: '留空为预算年度的上一年' },
      {
        header: '房屋面积（平方米）',
        key: 'buildingArea',
        kind: 'decimal',
        required: true,
        note: '按填写的位数印出',
      },
      amount('房屋价值', 'buildingValue'),
      amount('办公家具价值', 'furniture'),
      amount('其他资产价值', 'other'),
      { header: '单价50万元以上大型设备（台套）', key: 'equipment50', kind: 'integer', required: true },
      { header: '单价100万元以上大型设备（台套）', key: 'equipment100', kind: 'integer', required: true },
    ],
  },
  {
    name: '公务用车',
    about: '车辆，按车辆类型各一行（属于国有资产）',
    form: 'list',
    columns: [
      { header: '车辆类型', key: 'kind', kind: 'choice', choices: 'vehicle', required: true, width: 16 },
      { header: '数量（辆）', key: 'count', kind: 'integer', required: true, width: 12 },
      amount('价值', 'value'),
    ],
  },
  {
    name: '绩效项目',
    about: '项目支出绩效目标表的表头，每个项目一行；项目序号把「绩效指标」的行连到项目',
    form: 'list',
    columns: [
      { header: '项目序号', key: 'no', kind: 'integer', required: true, width: 10, note: '1、2、3……' },
      text('项目名称', 'project', 30),
      text('项目负责人', 'owner', 14, undefined, false),
      text('预算单位', 'unitName', 24, '留空为本单位', false),
      amount('年度预算总额', 'total'),
      amount('财政拨款', 'fiscal'),
      amount('其他资金', 'other'),
      text('项目总体目标', 'goal', 60, undefined, false),
    ],
  },
  {
    name: '绩效指标',
    about: '绩效指标，每个指标一行，按印出的顺序；项目序号同「绩效项目」',
    form: 'list',
    columns: [
      { header: '项目序号', key: 'no', kind: 'integer', required: true, width: 10 },
      { ...text('一级指标', 'level1', 14), suggest: 'level1' },
      { ...text('二级指标', 'level2', 16), suggest: 'level2' },
      text('三级指标', 'level3', 24),
      text('指标值', 'value', 14, undefined, false),
      text('指标值设置依据', 'basis', 16, undefined, false),
      text('上年完成值', 'prior', 12, '以数字开头，或留空、写「—」', false),
      { header: '权重', key: 'weight', kind: 'decimal', required: true, width: 8, note: '按填写的位数印出' },
      text('赋分规则', 'scoring', 16, undefined, false),
      text('佐证资料', 'evidence', 16, undefined, false),
    ],
  },
  {
    name: '名词解释',
    about: '名词解释，每行一条；整张表留空则用模板的名词解释',
    form: 'list',
    columns: [text('名词', 'term', 20), text('释义', 'definition', 80, undefined, false)],
  },
  {
    name: '名称覆盖',
    about: '科目名称与目录不同或目录中没有时，在此写出印出的名称（可不填）',
    form: 'list',
    columns: [
      { header: '科目编码', key: 'code', kind: 'code', required: true, width: 14 },
      text('科目名称', 'name', 40),
    ],
  },
];

export function sheetSpec(name: string): SheetSpec {
  const s = SHEETS.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name} in the facts workbook layout`);
  return s;
}
