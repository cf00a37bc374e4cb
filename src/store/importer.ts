/** Importing files into the store: read, check, save; one bad file is reported and the batch goes on. */
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../ingest/errors.ts';
import { extractFile } from '../ingest/index.ts';
import { MAX_PDF_BYTES } from '../ingest/pdf/load.ts';
import { checkDisclosure } from '../rules/engine.ts';
import type { Store } from './db.ts';
import { listInputs } from './files.ts';
import { findBySha256, type SaveResult, StoreInputError, saveDisclosure, sha256Hex } from './save.ts';

export interface ImportOptions {
  region?: string;
  unit?: string;
  template?: string;
  /** the department (主管部门) of the files' units, by name in the same region */
  parent?: string;
  /** called after each file */
  onFile?: (outcome: FileOutcome, index: number, total: number) => void;
  /** called once the inputs are listed */
  onStart?: (total: number) => void;
}

export type FileOutcome =
  | ({ path: string; ok: true } & SaveResult)
  | { path: string; ok: false; error: string };

async function importOne(store: Store, path: string, options: ImportOptions): Promise<SaveResult> {
  const s = await stat(path);
  if (s.size > MAX_PDF_BYTES) {
    throw new InputError(`the file is too large (${(s.size / 1048576).toFixed(1)} MB)`, 'too-large');
  }
  const original = await readFile(path);
  const known = await findBySha256(store.db, sha256Hex(original));
  if (known) return known;
  const model = await extractFile(path, options.template ? { template: options.template } : {});
  const report = checkDisclosure(model);
  return saveDisclosure(store.db, {
    model,
    original,
    findings: report.findings,
    obligations: report.obligations,
    ...(options.region ? { region: options.region } : {}),
    ...(options.unit ? { unit: options.unit } : {}),
    ...(options.parent ? { parent: options.parent } : {}),
  });
}

/** Import files and folders. Every file gets an outcome; none stops the others. */
export async function importPaths(
  store: Store,
  paths: string[],
  options: ImportOptions = {},
): Promise<FileOutcome[]> {
  const inputs = await listInputs(paths);
  if (options.unit && inputs.length > 1) {
    throw new InputError(`--unit names one unit, but ${inputs.length} files were given`, 'unsupported');
  }
  options.onStart?.(inputs.length);
  const outcomes: FileOutcome[] = [];
  for (const [i, input] of inputs.entries()) {
    let outcome: FileOutcome;
    if (input.error) outcome = { path: input.path, ok: false, error: input.error };
    else {
      try {
        outcome = { path: input.path, ok: true, ...(await importOne(store, input.path, options)) };
      } catch (e) {
        const expected = e instanceof InputError || e instanceof StoreInputError;
        const message = (e as Error).message ?? String(e);
        outcome = { path: input.path, ok: false, error: expected ? message : `internal error: ${message}` };
      }
    }
    outcomes.push(outcome);
    options.onFile?.(outcome, i, inputs.length);
  }
  return outcomes;
}
