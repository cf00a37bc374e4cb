/**
 * The store's tables as Kysely types. One file per published version of a disclosure (by content
 * hash), tidy cells for queries and totals, and what the rule engine found.
 *
 * Organisation: regions hold units; a unit's `parent_id` names its department (主管部门) when the
 * import says so (a 单位预算 of a unit under a department), and is null at the top of the tree. A document is one unit's disclosure of
 * one kind for one year in one template family; each imported file of it is an immutable version,
 * and `documents.latest_id` points to the newest.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface RegionTable {
  id: Generated<number>;
  /** template family (xinjiang, jiangsu, shanghai) or the code given with --region */
  code: string;
  name: string;
}

export interface UnitTable {
  id: Generated<number>;
  region_id: number;
  /** the organisation tree: the department (主管部门) of a unit, in the same region; null at the top */
  parent_id: number | null;
  name: string;
}

/** An original file, stored once by the sha256 of its bytes. */
export interface FileTable {
  sha256: string;
  content: Buffer;
  size: number;
  format: string;
  stored_at: string;
}

/** One unit's disclosure for a year, kind and template; its versions are disclosures. */
export interface DocumentTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  kind: string;
  template: string;
  latest_id: number | null;
}

/** A published version: never updated or deleted (triggers refuse it). */
export interface DisclosureTable {
  id: Generated<number>;
  document_id: number;
  version: number;
  sha256: string;
  file_name: string | null;
  imported_at: string;
  /** the disclosing unit as printed */
  unit_name: string;
  schema_version: string;
  /** the whole Disclosure model as JSON */
  model: string;
}

/** One printed cell as a tidy fact, with its unit, region and year repeated for fast queries. */
export interface CellTable {
  disclosure_id: number;
  region_id: number;
  unit_id: number;
  year: number;
  /** printed order within the disclosure */
  ord: number;
  table_id: string;
  block: string | null;
  row_key: string;
  row_kind: string;
  label: string;
  /** functional or economic classification code of the row, when it has one */
  code: string | null;
  level: string | null;
  /** which classification `code` belongs to: functional, economic, or null (lines, paths) */
  classification: string | null;
  /** economic 类/款 of the cell: the row's economic code, or the column's economic class */
  economic: string | null;
  /** level of the economic class: 类 or 款 (a column's economic class is a 类) */
  economic_level: string | null;
  /** null when the reader could not decide the column (placement unresolved) */
  column_id: string | null;
  fund: string | null;
  spending: string | null;
  /** 1 when the column is a total column */
  total_column: number;
  value: string;
  /** exact amount in fen; null for non-money values */
  fen: number | null;
  unit: string | null;
  placement: string;
  line: number | null;
  page: number | null;
}

export interface FindingTable {
  disclosure_id: number;
  ord: number;
  rule: string;
  severity: string;
  category: string;
  message: string;
  /** JSON array of locations */
  locations: string;
  stated: string | null;
  expected: string | null;
  difference: string | null;
  tolerance: string | null;
}

export interface ObligationTable {
  disclosure_id: number;
  rule: string;
  status: string;
  count: number | null;
  reason: string | null;
}

/** One performance indicator of a stored version, for search (written on save). */
export interface IndicatorTable {
  disclosure_id: number;
  /** printed order within the disclosure */
  ord: number;
  /** 1-based: the performance table, and the indicator within it (the page's anchor) */
  project_ord: number;
  indicator_ord: number;
  project: string;
  level1: string;
  level2: string;
  level3: string;
  value: string;
}

/** One row (id 1): the generation, bumped by every saved version. */
export interface StoreStateTable {
  id: number;
  generation: number;
}

export interface Database {
  regions: RegionTable;
  units: UnitTable;
  files: FileTable;
  documents: DocumentTable;
  disclosures: DisclosureTable;
  cells: CellTable;
  findings: FindingTable;
  obligations: ObligationTable;
  indicators: IndicatorTable;
  store_state: StoreStateTable;
}

export type NewCell = Insertable<CellTable>;
export type NewIndicator = Insertable<IndicatorTable>;
export type DisclosureRow = Selectable<DisclosureTable>;
