/**
 * The Disclosure model: one faithful record of a published department budget disclosure.
 * It holds what was printed (raw text, values as printed, where they were printed), never a
 * corrected value. Zod gives both the TypeScript types and the published JSON Schema.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = '1';

/** Where something was printed: a line of a text document, or a page and position of a PDF. */
export const Source = z
  .object({
    line: z.number().int().positive().optional().describe('1-based line of a text document'),
    endLine: z.number().int().positive().optional(),
    page: z.number().int().positive().optional().describe('1-based page of a PDF'),
    x: z.number().optional(),
    y: z.number().optional(),
    sheet: z.string().optional(),
    cell: z.string().optional(),
  })
  .describe('Provenance of a printed value');
export type Source = z.infer<typeof Source>;

export const MoneyUnit = z.enum(['元', '万元', '亿元']);

/** How a cell's column was decided. */
export const Placement = z
  .enum(['position', 'identity', 'identity-nearest', 'unresolved'])
  .describe(
    'position: the printed order fixes the column; identity: the only assignment satisfying the most declared identities; identity-nearest: no assignment satisfies them, this one comes closest; unresolved: several columns fit equally, the column is unknown',
  );

export const Cell = z.object({
  column: z.string().nullable().describe('column id; null when unresolved'),
  value: z.string().describe('the number as printed, canonical decimal (no separators)'),
  raw: z.string().describe('the printed text, fragments joined by a space when split'),
  fen: z.number().int().nullable().describe('exact amount in fen, null for non-money values'),
  unit: MoneyUnit.nullable(),
  placement: Placement,
  candidates: z.array(z.string()).optional().describe('columns that fit equally, for unresolved cells'),
  residual: z.string().optional().describe('for identity-nearest: the smallest total difference left'),
  source: Source,
});
export type Cell = z.infer<typeof Cell>;

export const RowKind = z.enum(['code', 'line', 'project', 'total']);

export const Row = z.object({
  key: z
    .string()
    .describe('functional/economic code without spaces, fixed-line id, project name, or total id'),
  kind: RowKind,
  block: z
    .string()
    .optional()
    .describe('for tables printed in two blocks side by side (income | expenditure)'),
  code: z.string().optional().describe('the classification code as printed, without spaces'),
  level: z.enum(['类', '款', '项']).optional(),
  subject: z.string().optional().describe('for project rows: the printed name of the subject code'),
  label: z.string().describe('printed row name, line breaks joined'),
  raw: z.string().describe('the printed text of the row'),
  cells: z.array(Cell).describe('printed cells; a column without a cell was printed blank'),
  source: Source,
});
export type Row = z.infer<typeof Row>;

export const Column = z.object({
  id: z.string(),
  header: z.string().describe('printed header text'),
  block: z.string().optional(),
});
export type Column = z.infer<typeof Column>;

export const Table = z.object({
  id: z.string().describe('template table id (T1…)'),
  number: z.string().optional().describe('printed table number, e.g. 表 1'),
  title: z.string(),
  unitName: z.string().optional().describe('编制单位 as printed'),
  unit: MoneyUnit.nullable().describe('unit of amounts printed with the table'),
  columns: z.array(Column),
  rows: z.array(Row),
  statement: z.string().optional().describe('sentence printed with the table, e.g. that it is empty'),
  noise: z
    .array(z.object({ raw: z.string(), source: Source }))
    .describe('printed fragments that belong to no cell (garbled extraction), kept verbatim'),
  source: Source,
});
export type Table = z.infer<typeof Table>;

export const Quantity = z.object({
  raw: z.string(),
  value: z.string().describe('canonical decimal as printed'),
  unit: z.string().describe('万元, 元, 个, 辆, 平方米, 台（套）, % …'),
  fen: z.number().int().optional().describe('exact amount in fen when the unit is money'),
});
export type Quantity = z.infer<typeof Quantity>;

export const ClaimKind = z.enum([
  'total',
  'income',
  'expenditure',
  'class',
  'item',
  'basic',
  'project',
  'sangong',
  'operating',
  'procurement',
  'asset',
  'performance',
]);
export type ClaimKind = z.infer<typeof ClaimKind>;

export const Claim = z.object({
  kind: ClaimKind,
  section: z.string().describe('section number as printed: 二, 五（三）, 十一（二）'),
  item: z.number().int().nullable().describe('printed item number within a numbered list'),
  subject: z.string(),
  amount: Quantity.nullable(),
  share: z
    .object({ raw: z.string(), percent: z.string(), base: z.string().nullable() })
    .nullable()
    .describe('占 x%: the percentage and the subject of the total it is a share of'),
  change: z
    .object({
      raw: z.string(),
      value: z.string(),
      word: z.string(),
      unit: z.string(),
      fen: z.number().int().optional(),
    })
    .nullable()
    .describe('比上年…增加/减少 x: the unsigned printed value and its direction word'),
  growth: z.object({ raw: z.string(), percent: z.string(), word: z.string() }).nullable(),
  comparison: z.string().nullable().describe('what the change compares with, as printed (上年预算, 2022年)'),
  reason: z.string().nullable().describe('text after 主要原因是; empty string when printed empty'),
  excerpt: z.string(),
  source: Source,
});
export type Claim = z.infer<typeof Claim>;

export const Section = z.object({
  id: z.string().describe('printed number: 一, 二 … or 十一（一）'),
  title: z.string(),
  text: z.string().describe('the section text with line breaks of the layout removed'),
  lineStarts: z
    .array(z.tuple([z.number().int(), z.number().int()]))
    .optional()
    .describe('[offset in text, line number] where each printed line of the text starts'),
  claims: z.array(Claim),
  source: Source,
});
export type Section = z.infer<typeof Section>;

export const Staffing = z.object({
  authorized: Quantity.nullable().describe('编制数'),
  actual: Quantity.nullable().describe('实有人数'),
  groups: z
    .array(
      z.object({
        name: z.string().describe('在职, 退休, 离休 …'),
        count: Quantity,
        change: z.object({ word: z.string(), value: z.string() }).nullable(),
      }),
    )
    .describe('实有人数 by group with the change against last year'),
  source: Source,
});

export const Part1 = z.object({
  functions: z.array(z.object({ number: z.string(), text: z.string(), source: Source })),
  organization: z.object({
    text: z.string(),
    subordinateUnits: z.string().nullable().describe('下属预算单位 statement as printed'),
    divisionCount: z.number().int().nullable(),
    divisions: z.array(z.string()),
    source: Source,
  }),
  staffing: Staffing.nullable(),
});

export const Indicator = z.object({
  level1: z.string().describe('一级指标'),
  level2: z.string().describe('二级指标'),
  level3: z.string().describe('三级指标'),
  value: z.string().describe('指标值 as printed'),
  basis: z.string().describe('指标值设置依据'),
  prior: z.string().describe('上年完成值'),
  weight: z.string().describe('权重 (指标分值)'),
  scoring: z.string().describe('赋分规则'),
  evidence: z.string().describe('佐证资料'),
  placement: z
    .array(z.object({ field: z.string(), how: z.string() }))
    .describe('fields whose position was ambiguous and how they were decided'),
  source: Source,
});
export type Indicator = z.infer<typeof Indicator>;

export const PerformanceTable = z.object({
  year: z.string().nullable(),
  unitName: z.string().describe('预算单位'),
  project: z.string().describe('项目名称'),
  owner: z.string().describe('项目负责人'),
  funds: z.object({ total: Quantity.nullable(), fiscal: Quantity.nullable(), other: Quantity.nullable() }),
  goal: z.string().describe('项目总体目标'),
  indicators: z.array(Indicator),
  source: Source,
});
export type PerformanceTable = z.infer<typeof PerformanceTable>;

export const GlossaryEntry = z.object({
  number: z.string(),
  term: z.string(),
  definition: z.string(),
  source: Source,
});

export const Problem = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  raw: z.string().optional(),
  source: Source.optional(),
});
export type Problem = z.infer<typeof Problem>;

export const Disclosure = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    source: z.object({
      file: z.string().nullable(),
      sha256: z.string(),
      format: z.enum(['text', 'pdf', 'xlsx', 'xls', 'json']),
      bytes: z.number().int(),
      lines: z.number().int().optional(),
      pages: z.number().int().optional(),
      pageStarts: z
        .array(z.number().int())
        .optional()
        .describe('PDF: the first layout line of each page, so that any line number gives its page'),
    }),
    template: z.string(),
    kind: z.enum(['budget', 'final']),
    year: z.number().int().nullable(),
    unitName: z.string().nullable().describe('the disclosing unit as printed'),
    part1: Part1.nullable(),
    tables: z.array(Table),
    narrative: z.array(Section),
    performance: z.array(PerformanceTable),
    glossary: z.array(GlossaryEntry),
    signature: z.object({ unitName: z.string(), date: z.string(), source: Source }).nullable(),
    missing: z.array(z.string()).describe('parts and tables of the template not found in the document'),
    problems: z.array(Problem).describe('what could not be read exactly, with raw text and location'),
  })
  .describe('A department budget disclosure (部门预算公开) as printed');
export type Disclosure = z.infer<typeof Disclosure>;
