/** Loading the hand-checked fixtures of the Xinjiang document. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../src/catalog/csv.ts';
import { extractText } from '../../src/ingest/index.ts';
import type { Disclosure } from '../../src/model/schema.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const XINJIANG = `${ROOT}examples/changji-miit-2023-budget.txt`;
const FIX = `${ROOT}test/fixtures/xinjiang-2023/`;

export function fixtureCsv(name: string): Record<string, string>[] {
  const rows = parseCsv(readFileSync(FIX + name, 'utf8'));
  const header = rows.shift()!;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

export function fixtureJsonl(name: string): Record<string, unknown>[] {
  return readFileSync(FIX + name, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

let cached: Disclosure | null = null;
/** The example document read once per test process. */
export function xinjiang(): Disclosure {
  cached ??= extractText(readFileSync(XINJIANG, 'utf8'), { file: 'examples/changji-miit-2023-budget.txt' });
  return cached;
}
