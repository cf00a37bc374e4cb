/**
 * The facts a disclosure is composed from: the minimal structured data a budget unit holds (lines at
 * the lowest level by fund source and basic/project, the economic breakdown of basic expenditure,
 * projects, last year's values, reasons, Part 1, 三公, procurement, assets, performance targets).
 * Every table, total, share and change of the document is derived from these; nothing else is input.
 * Amounts are decimal strings (or JSON numbers) in `unit`, read exactly into fen.
 */
import { z } from 'zod';
import { FUND_IDS } from './funds.ts';

/** An amount as written: `459.01`, `162`, or a JSON number; at most the precision of a fen. */
export const Amount = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((s) => /^-?\d+(\.\d+)?$/.test(s), { message: 'an amount is a plain decimal number' });

const FunctionalItem = z.string().regex(/^\d{7}$/, 'a functional 项 code has 7 digits');
const EconomicSection = z.string().regex(/^\d{5}$/, 'an economic 款 code has 5 digits');
const EconomicClass = z.string().regex(/^\d{3}$/, 'an economic 类 code has 3 digits');

export const SANGONG_ITEMS = ['因公出国（境）费', '公务接待费', '公务用车购置费', '公务用车运行费'] as const;
export const SANGONG_FUNDS = ['一般公共预算', '政府性基金', '国有资本经营预算'] as const;

export const Indicator = z.object({
  level1: z.string(),
  level2: z.string(),
  level3: z.string(),
  value: z.string(),
  basis: z.string(),
  prior: z
    .string()
    .regex(/^(?:|\s*[0-9０-９].*|[-—/]+)$/, '上年完成值 starts with a digit, or is blank or a dash')
    .default(''),
  weight: z.string().regex(/^\d+(\.\d+)?$/, '权重 is a number'),
  scoring: z.string(),
  evidence: z.string(),
});

export const PerformanceFacts = z.object({
  project: z.string().min(1),
  owner: z.string(),
  unitName: z.string().optional().describe('预算单位 as printed in the table (default: the unit name)'),
  total: Amount,
  fiscal: Amount,
  other: Amount,
  goal: z.string(),
  indicators: z.array(Indicator).min(1),
});
export type PerformanceFacts = z.infer<typeof PerformanceFacts>;

export const Facts = z.object({
  template: z.string().default('xinjiang-2023'),
  year: z.number().int().min(2000).max(2100),
  unit: z.enum(['万元']).default('万元'),
  unitName: z.string().min(1).regex(/^\S+$/, 'the unit name is printed without spaces'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD'),
  functions: z.array(z.string().min(1)),
  organization: z.object({
    subordinate: z.string().nullable().describe('下属预算单位 statement, e.g. 无下属预算单位'),
    divisions: z.array(
      z.string().regex(/^[^、。，；：\s]+$/, 'a division name without punctuation or spaces'),
    ),
  }),
  staffing: z.object({
    authorized: z.number().int().min(0),
    groups: z.array(
      z.object({
        name: z.enum(['在职', '退休', '离休']),
        count: z.number().int().min(0),
        prior: z.number().int().min(0),
      }),
    ),
  }),
  names: z
    .record(z.string(), z.string())
    .default({})
    .describe('classification names by code, overriding the catalog'),
  lines: z
    .array(
      z.object({
        code: FunctionalItem,
        fund: z.enum(FUND_IDS),
        spending: z.enum(['basic', 'project']),
        amount: Amount,
      }),
    )
    .describe('every amount of the budget at the lowest level: functional 项 × fund source × basic/project'),
  basic: z
    .array(z.object({ code: EconomicSection, kind: z.enum(['personnel', 'operating']), amount: Amount }))
    .describe('general-budget basic expenditure by economic 款, 人员经费 or 公用经费'),
  projects: z
    .array(
      z.object({
        name: z.string().regex(/^\S+$/, 'a project name is printed without spaces'),
        code: FunctionalItem,
        amounts: z.record(EconomicClass, Amount).describe('general-budget amount by economic 类'),
        total: Amount.optional().describe(
          '项目支出合计 when the amounts by economic 类 do not add up to it (a published table whose split is not known)',
        ),
        basis: z.string().optional(),
        owner: z.string().optional(),
        allocation: z.string().optional(),
        period: z.string().optional(),
      }),
    )
    .describe(
      'general-budget projects (表7) and their description; a project paid from several functional 项 is listed once per 项 under the same name (its description on any one of them)',
    ),
  sangong: z.array(z.object({ item: z.enum(SANGONG_ITEMS), fund: z.enum(SANGONG_FUNDS), amount: Amount })),
  prior: z.object({
    income: z.record(z.string(), Amount).default({}).describe('last year by income subject of section 二'),
    basic: Amount,
    project: Amount,
    generalBasic: Amount,
    generalProject: Amount,
    items: z.record(FunctionalItem, Amount).default({}).describe('last year’s general budget by 项'),
    sangong: z.partialRecord(z.enum(SANGONG_ITEMS), Amount).default({}),
    operating: Amount,
  }),
  reasons: z.record(z.string(), z.string()).default({}),
  uses: z.record(z.string(), z.string()).default({}).describe('what a functional 类 is mainly used for'),
  procurement: z
    .object({ goods: Amount, works: Amount, services: Amount, reservedSme: Amount, reservedSmall: Amount })
    .nullable(),
  assets: z
    .object({
      asOf: z.number().int().optional(),
      buildingArea: Amount,
      buildingValue: Amount,
      vehicles: z.array(
        z.object({
          kind: z.enum(['一般公务用车', '执法执勤用车', '其他车辆']),
          count: z.number().int().min(0),
          value: Amount,
        }),
      ),
      furniture: Amount,
      other: Amount,
      equipment50: z.number().int().min(0),
      equipment100: z.number().int().min(0),
    })
    .nullable(),
  performance: z.array(PerformanceFacts),
  otherMatters: z.string().nullable().default(null),
  glossary: z.array(z.object({ term: z.string(), definition: z.string() })).optional(),
});
export type Facts = z.infer<typeof Facts>;
export type FactsInput = z.input<typeof Facts>;
