/**
 * A template describes one family of disclosures as data: its tables (titles, row keys, columns and
 * their meaning, unit), the identities that hold within and across them, the narrative sections and
 * their wording, the performance-table layout and the glossary. Readers, rules and the composer all
 * read the same template; adding a region means adding a template file.
 */
import { z } from 'zod';

/** A fixed printed line (T1 income lines, T10 rows). */
export const LineSpec = z.object({
  id: z.string(),
  labels: z.array(z.string()).describe('printed variants, spaces ignored, numbering prefixes stripped'),
  parent: z.string().optional(),
});
export type LineSpec = z.infer<typeof LineSpec>;

export const ColumnSpec = z.object({
  id: z.string(),
  header: z.string().describe('printed header'),
  variants: z.array(z.string()).optional().describe('other printed forms of the header'),
  meaning: z
    .object({
      measure: z.enum(['amount', 'text']).default('amount'),
      fund: z.string().optional().describe('fund source: 财政拨款, 一般公共预算, 政府性基金预算 …'),
      spending: z.enum(['basic', 'project', 'personnel', 'operating']).optional(),
      economic: z.string().optional().describe('economic 类 code of the column'),
      total: z.boolean().optional(),
    })
    .default({ measure: 'amount' }),
});
export type ColumnSpec = z.infer<typeof ColumnSpec>;

export const BlockSpec = z.object({
  id: z.string(),
  rows: z.enum(['lines', 'functional', 'economic', 'projects', 'paths']),
  paths: z
    .array(z.string())
    .optional()
    .describe('rows "paths": the printed headers of the text columns that name a row, outermost first'),
  pathGroups: z
    .number()
    .int()
    .optional()
    .describe('how many leading path columns are groups carried down to the rows below (default: all)'),
  levels: z.array(z.enum(['类', '款', '项'])).optional(),
  lines: z.array(LineSpec).optional(),
  total: LineSpec.optional().describe('the total row of the block'),
  ignore: z
    .array(z.string())
    .optional()
    .describe('labels printed beside the rows that are not rows themselves (group names in a merged cell)'),
  columns: z.array(ColumnSpec),
});
export type BlockSpec = z.infer<typeof BlockSpec>;

export const TableSpec = z.object({
  id: z.string(),
  number: z.string().optional().describe('printed number, e.g. 表 1'),
  titles: z.array(z.string()).describe('title as printed, with variants'),
  unit: z.enum(['元', '万元', '亿元']),
  layout: z.enum(['grid', 'two-block']),
  blocks: z.array(BlockSpec).min(1),
  emptyStatement: z.string().optional().describe('regex of the sentence saying the table is empty'),
});
export type TableSpec = z.infer<typeof TableSpec>;

/** A reference to cells: one row, or every row of a level (类/款/项), or every project row. */
export const CellRef = z.object({
  table: z.string(),
  block: z.string().optional(),
  row: z.string().optional().describe('row key'),
  rows: z.enum(['类', '款', '项', 'projects', 'all']).optional(),
  column: z.string(),
  columns: z.array(z.string()).optional().describe('several columns summed (overrides column)'),
});
export type CellRef = z.infer<typeof CellRef>;

export const Identity = z.discriminatedUnion('kind', [
  z.object({
    id: z.string(),
    kind: z.literal('row'),
    description: z.string(),
    table: z.string(),
    block: z.string().optional(),
    total: z.string().describe('column that is the sum'),
    parts: z.array(z.string()),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('tree'),
    description: z.string(),
    table: z.string(),
    block: z.string().optional(),
    total: z.string().optional().describe('total row key, the sum of the top-level rows'),
    columns: z.array(z.string()).optional().describe('columns it holds for (default: all)'),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('path-tree'),
    description: z.string(),
    table: z.string(),
    total: z.string().optional().describe('total row key, the sum of the outermost rows'),
    column: z.string(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('lines'),
    description: z.string(),
    table: z.string(),
    block: z.string().optional(),
    column: z.string(),
    total: z.string(),
    parts: z.array(z.string()),
  }),
  z.object({
    id: z.string(),
    kind: z.enum(['equal', 'le']),
    description: z.string(),
    left: z.array(CellRef).describe('summed'),
    right: z.array(CellRef).describe('summed'),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('match'),
    description: z
      .string()
      .describe('code by code: every code of the left rows equals the same code on the right'),
    op: z.enum(['equal', 'le']).default('equal'),
    codes: z
      .enum(['both', 'left'])
      .default('both')
      .describe('which codes are compared: all printed on either side, or those of the left side only'),
    left: CellRef,
    right: CellRef,
  }),
  z.object({
    id: z.string(),
    kind: z.literal('sum-by-code'),
    description: z
      .string()
      .describe('project rows summed per functional code equal the code rows of another table'),
    left: CellRef,
    right: CellRef,
  }),
]);
export type Identity = z.infer<typeof Identity>;

export const NarrativeSpec = z.object({
  continued: z
    .array(z.string())
    .default([])
    .describe(
      'regexes of part headings printed after the tables that continue the narrative (其他相关情况说明)',
    ),
  sections: z.array(
    z.object({
      match: z.string().describe('regex on the section title'),
      kind: z.string().describe('claim kind for the section'),
      shareBase: z.string().optional().describe('subject of the total that shares in this section refer to'),
    }),
  ),
  subsections: z.array(z.object({ match: z.string(), kind: z.string(), shareBase: z.string().optional() })),
  subjectKinds: z
    .array(z.object({ section: z.string().optional(), subject: z.string(), kind: z.string() }))
    .describe('claim kind by subject (regex), first match wins; otherwise the section kind'),
  skipLabels: z.array(z.string()).describe('labels (X：) whose text states no claims, e.g. a policy basis'),
  subjectPrefixes: z.array(z.string()).describe('regexes stripped from the start of a subject'),
  subjectSuffixes: z.array(z.string()).describe('regexes stripped from the end of a subject'),
  inheritSubject: z.array(z.string()).describe('phrases that continue the previous subject (价值 X 万元)'),
  useMarkers: z.array(z.string()).describe('phrases introducing a use, not a reason (主要用于)'),
  units: z
    .array(z.string())
    .describe('units an amount or count is written with, longest first where they overlap'),
  refs: z
    .array(
      z.object({
        section: z.string().describe('regex on the section or subsection title'),
        subject: z.string().describe('regex on the claim subject'),
        table: z.string(),
        column: z.string(),
        row: z.string().optional(),
        byName: z.enum(['类', '款', '项', 'project']).optional().describe('find the row by the subject name'),
      }),
    )
    .describe('which cell a narrative claim names'),
  reasonRequired: z
    .array(z.string())
    .describe('sections (printed numbers) whose sentence pattern states a reason for every change'),
  projectLabel: z.string().describe('label introducing a project name in the project section (项目名称)'),
  itemsSum: z
    .array(
      z.object({
        section: z.string(),
        total: z.object({ table: z.string(), row: z.string(), column: z.string() }),
        priorTotal: z
          .string()
          .optional()
          .describe('section whose claims state last year’s total (their amounts minus changes)'),
      }),
    )
    .describe('item lists that must add up to a total, this year and last'),
  statements: z
    .object({
      sangong: z.object({ total: z.string(), parts: z.array(z.string()) }),
      procurement: z.object({
        total: z.string(),
        parts: z.array(z.string()),
        reserved: z.string(),
        reservedSmall: z.string(),
      }),
      assets: z.array(z.object({ whole: z.string(), parts: z.array(z.string()) })),
    })
    .describe('subjects (regexes) of the statements of Part 3 that add up: 三公 items, procurement, assets'),
  words: z.object({
    increase: z.array(z.string()),
    decrease: z.array(z.string()),
    flat: z.array(z.string()),
    comparison: z.array(z.string()),
    reason: z.array(z.string()),
  }),
});

export const PerformanceSpec = z.object({
  inDocument: z
    .boolean()
    .default(true)
    .describe('whether the documents print the performance tables (else they are published elsewhere)'),
  title: z.string(),
  weightTotal: z.number(),
  fields: z.array(z.string()).describe('indicator row fields, printed order'),
  headerFields: z.array(z.string()),
  level1: z.array(z.string()),
  level2: z.record(z.string(), z.array(z.string())),
});

export const Template = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  kind: z.enum(['budget', 'final']),
  years: z.tuple([z.number().int(), z.number().int()]),
  parts: z.object({
    P1: z.string(),
    P2: z.string(),
    P3: z.string(),
    P4: z.string(),
  }),
  tables: z.array(TableSpec),
  identities: z.array(Identity),
  narrative: NarrativeSpec,
  performance: PerformanceSpec,
  glossary: z.array(z.string()).describe('terms the glossary defines'),
});
export type Template = z.infer<typeof Template>;
