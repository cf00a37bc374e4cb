/** The files an import is given: files as named, folders walked (hidden entries skipped), in sorted order. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface Listed {
  path: string;
  /** why the path cannot be imported, when it cannot */
  error?: string;
}

/** At most this many files in one import, so a mistaken root folder fails fast. */
export const MAX_FILES = 100_000;

async function walk(dir: string, out: Listed[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) await walk(path, out);
    else if (e.isFile()) out.push({ path });
    if (out.length > MAX_FILES) throw new Error(`more than ${MAX_FILES} files under ${dir}`);
  }
}

export async function listInputs(paths: string[]): Promise<Listed[]> {
  const out: Listed[] = [];
  for (const p of paths) {
    let s: Awaited<ReturnType<typeof stat>>;
    try {
      s = await stat(p);
    } catch (e) {
      out.push({
        path: p,
        error: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      });
      continue;
    }
    if (s.isDirectory()) await walk(p, out);
    else out.push({ path: p });
  }
  return out;
}
