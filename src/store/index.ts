/** The store: disclosures, their cells as tidy facts, findings and obligations, on SQLite or PostgreSQL. */
export {
  defaultSqliteFile,
  type Engine,
  exactInteger,
  type OpenOptions,
  openStore,
  type Store,
} from './db.ts';
export { migrateToLatest, migrations } from './migrations.ts';
export * from './queries.ts';
export {
  findBySha256,
  regionOfTemplate,
  type SaveInput,
  type SaveResult,
  StoreInputError,
  saveDisclosure,
  sha256Hex,
  unitNameOf,
} from './save.ts';
export type { Database } from './schema.ts';
export { tidyCells } from './tidy.ts';
