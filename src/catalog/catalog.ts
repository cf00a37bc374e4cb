/**
 * Classification catalogs: functional (支出功能分类) and economic (部门预算支出经济分类) codes, keyed by
 * year, each entry with the evidence it comes from. No complete official catalog is public; we ship
 * what is verified (codes printed in real documents, partial reference lists) and let users import
 * the official list.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv.ts';

export type CatalogKind = 'functional' | 'economic';

export interface CatalogEntry {
  kind: CatalogKind;
  code: string;
  name: string;
  level: '类' | '款' | '项' | '';
  parent: string;
  /** years the entry is evidenced for (inclusive) */
  from: number;
  to: number;
  source: string;
}

export interface Lookup {
  entry: CatalogEntry;
  /** the entry's evidence covers the year asked for */
  exactYear: boolean;
  /** other names the code is known by, with their years */
  otherNames: { name: string; from: number; to: number; source: string }[];
}

const DATA = join(dirname(fileURLToPath(import.meta.url)), 'data');

export function dataDir(): string {
  return process.env.GONGKAI_DATA ?? join(process.cwd(), 'data');
}

export function entriesFromCsv(
  text: string,
  kind: CatalogKind,
  fallbackSource: string,
  year?: number,
): CatalogEntry[] {
  const rows = parseCsv(text);
  const header = (rows.shift() ?? []).map((h) => h.trim().toLowerCase());
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const iCode = col('code', '科目编码', '编码', '代码');
  const iName = col('name', '科目名称', '名称');
  if (iCode < 0 || iName < 0)
    throw new Error('the catalog needs a code column (code/科目编码) and a name column (name/科目名称)');
  const iLevel = col('level', '级次', '层级');
  const iParent = col('parent', '上级编码');
  const iFrom = col('from', 'year', '年度');
  const iTo = col('to');
  const iSource = col('source', 'evidence');
  return rows.map((r) => {
    const code = (r[iCode] ?? '').replace(/\s+/g, '');
    const levelText = iLevel >= 0 ? (r[iLevel] ?? '') : '';
    const level = (
      ['类', '款', '项'].includes(levelText)
        ? levelText
        : (({ 3: '类', 5: '款', 7: '项' } as Record<number, string>)[code.length] ?? '')
    ) as CatalogEntry['level'];
    const from = iFrom >= 0 && r[iFrom] ? Number(r[iFrom]) : (year ?? 0);
    const to = iTo >= 0 && r[iTo] ? Number(r[iTo]) : from;
    return {
      kind,
      code,
      name: (r[iName] ?? '').trim(),
      level,
      parent: iParent >= 0 ? (r[iParent] ?? '') : code.length > 3 ? code.slice(0, -2) : '',
      from,
      to,
      source: iSource >= 0 && r[iSource] ? r[iSource]! : fallbackSource,
    };
  });
}

export class Catalog {
  private readonly byCode = new Map<string, CatalogEntry[]>();

  constructor(entries: CatalogEntry[]) {
    for (const e of entries) {
      const key = `${e.kind}:${e.code}`;
      const list = this.byCode.get(key) ?? [];
      list.push(e);
      this.byCode.set(key, list);
    }
  }

  get size(): number {
    let n = 0;
    for (const l of this.byCode.values()) n += l.length;
    return n;
  }

  /** The entry for a code in a year: one whose evidence covers the year, else the nearest in time. */
  lookup(kind: CatalogKind, code: string, year: number): Lookup | null {
    const list = this.byCode.get(`${kind}:${code}`);
    if (!list || list.length === 0) return null;
    const distance = (e: CatalogEntry) => (year < e.from ? e.from - year : year > e.to ? year - e.to : 0);
    // the nearest in time, the latest among equals, the first listed among those
    let entry = list[0]!;
    for (const e of list) {
      const d = distance(e) - distance(entry);
      if (d < 0 || (d === 0 && e.to > entry.to)) entry = e;
    }
    const otherNames = list
      .filter((e) => e.name !== entry.name)
      .map((e) => ({ name: e.name, from: e.from, to: e.to, source: e.source }));
    return { entry, exactYear: distance(entry) === 0, otherNames };
  }

  /** Entries whose name is exactly the given one (names repeat across 款: 行政运行). */
  byName(kind: CatalogKind, name: string): CatalogEntry[] {
    const out: CatalogEntry[] = [];
    for (const list of this.byCode.values())
      for (const e of list) if (e.kind === kind && e.name === name) out.push(e);
    return out;
  }

  entries(): CatalogEntry[] {
    return [...this.byCode.values()].flat();
  }

  /**
   * The catalog without the entries whose evidence is a given document: a document must not be
   * checked against codes and names read from itself.
   */
  excluding(documentName: string): Catalog {
    let c = this.without.get(documentName);
    if (!c) {
      c = new Catalog(this.entries().filter((e) => !e.source.includes(documentName)));
      this.without.set(documentName, c);
    }
    return c;
  }

  private readonly without = new Map<string, Catalog>();
}

/** The shipped catalog plus every catalog imported into the data directory. */
export function loadCatalog(dir: string = dataDir()): Catalog {
  const entries: CatalogEntry[] = [];
  for (const kind of ['functional', 'economic'] as const) {
    entries.push(...entriesFromCsv(readFileSync(join(DATA, `${kind}.csv`), 'utf8'), kind, 'shipped'));
  }
  const imported = join(dir, 'catalogs');
  if (existsSync(imported)) {
    for (const f of readdirSync(imported)
      .filter((x) => x.endsWith('.json'))
      .sort()) {
      entries.push(...(JSON.parse(readFileSync(join(imported, f), 'utf8')) as CatalogEntry[]));
    }
  }
  return new Catalog(entries);
}
