/**
 * Fund sources of a budget line and where each is printed: the T1 income line it adds to, the T2
 * column, and which fiscal appropriation it belongs to (T4/T5/T8/T9). The ids are the composer's; the
 * line and column ids are the template's (Xinjiang 2023 and templates that share its T1/T2 layout).
 */
export const FUND_IDS = [
  '一般公共预算',
  '上级一般公共预算转移支付',
  '政府性基金预算',
  '上级政府性基金转移支付',
  '国有资本经营预算',
  '上级国有资本经营预算转移支付',
  '财政专户',
  '事业收入',
  '上级补助收入',
  '附属单位上缴收入',
  '事业单位经营收入',
  '其他收入',
  '财政拨款结转/一般公共预算',
  '财政拨款结转/政府性基金预算',
  '财政拨款结转/国有资本经营预算',
  '非财政拨款结转结余/财政专户',
  '非财政拨款结转结余/单位资金',
] as const;
export type FundId = (typeof FUND_IDS)[number];

/** Fiscal appropriations (财政拨款) of this year, by budget. */
export type Fiscal = 'general' | 'fund' | 'capital';

export interface FundPlace {
  /** the T1 income line this fund adds to */
  t1: string;
  /** the T2 column */
  t2: string;
  fiscal: Fiscal | null;
}

export const FUNDS: Record<FundId, FundPlace> = {
  一般公共预算: { t1: '一般财力', t2: '一般公共预算', fiscal: 'general' },
  上级一般公共预算转移支付: {
    t1: '上级一般公共预算安排转移支付',
    t2: '上级一般公共预算安排的转移支付',
    fiscal: 'general',
  },
  政府性基金预算: { t1: '政府性基金收入', t2: '政府性基金预算', fiscal: 'fund' },
  上级政府性基金转移支付: {
    t1: '上级政府性基金安排转移支付',
    t2: '上级政府性基金安排的转移支付',
    fiscal: 'fund',
  },
  国有资本经营预算: { t1: '国有资本经营收入', t2: '国有资本经营预算', fiscal: 'capital' },
  上级国有资本经营预算转移支付: {
    t1: '上级国有资本经营预算安排转移支付',
    t2: '上级国有资本经营预算安排的转移支付',
    fiscal: 'capital',
  },
  财政专户: { t1: '财政专户核拨', t2: '财政专户（教育收费）', fiscal: null },
  事业收入: { t1: '事业收入', t2: '单位资金', fiscal: null },
  上级补助收入: { t1: '上级补助收入', t2: '单位资金', fiscal: null },
  附属单位上缴收入: { t1: '附属单位上缴收入', t2: '单位资金', fiscal: null },
  事业单位经营收入: { t1: '事业单位经营收入', t2: '单位资金', fiscal: null },
  其他收入: { t1: '其他收入', t2: '单位资金', fiscal: null },
  '财政拨款结转/一般公共预算': { t1: '财政拨款结转/一般公共预算拨款', t2: '财政拨款结转', fiscal: null },
  '财政拨款结转/政府性基金预算': { t1: '财政拨款结转/基金预算拨款', t2: '财政拨款结转', fiscal: null },
  '财政拨款结转/国有资本经营预算': {
    t1: '财政拨款结转/国有资本经营预算拨款',
    t2: '财政拨款结转',
    fiscal: null,
  },
  '非财政拨款结转结余/财政专户': {
    t1: '非财政拨款结转结余/财政专户核拨',
    t2: '非财政拨款结转结余',
    fiscal: null,
  },
  '非财政拨款结转结余/单位资金': {
    t1: '非财政拨款结转结余/单位资金',
    t2: '非财政拨款结转结余',
    fiscal: null,
  },
};

/** The table of expenditure from one fiscal appropriation (by functional code, basic/project). */
export const FISCAL_TABLE: Record<Fiscal, string> = { general: 'T5', fund: 'T8', capital: 'T9' };
/** The T4 expenditure column of each fiscal appropriation, and its T4 income line. */
export const FISCAL_T4: Record<Fiscal, { column: string; line: string }> = {
  general: { column: '一般公共预算', line: '收入/一般公共预算' },
  fund: { column: '政府性基金预算', line: '收入/政府性基金预算' },
  capital: { column: '国有资本经营预算', line: '收入/国有资本经营预算' },
};

/**
 * The income subjects of the narrative's income section, in printed order, with the T1 line each
 * names (the template's narrative refs) and the key of its prior value and reason.
 */
export const INCOME_SUBJECTS: { subject: string; line: string }[] = [
  { subject: '一般公共预算', line: '一般公共预算拨款' },
  { subject: '上级一般公共预算安排的转移支付资金', line: '上级一般公共预算安排转移支付' },
  { subject: '政府性基金预算', line: '基金预算拨款' },
  { subject: '上级政府性基金安排的转移支付资金', line: '上级政府性基金安排转移支付' },
  { subject: '国有资本经营预算', line: '国有资本经营预算拨款' },
  { subject: '上级国有资本经营预算安排的转移支付资金', line: '上级国有资本经营预算安排转移支付' },
  { subject: '单位资金', line: '单位资金' },
  { subject: '财政拨款结转', line: '财政拨款结转' },
  { subject: '非财政拨款结转结余', line: '非财政拨款结转结余' },
];
