/**
 * The code lists of the facts workbook's hidden 代码表 sheet: functional 项, economic 款 and economic
 * 类 codes of the catalog for the workbook's years (the nearest years the catalog has evidence for
 * when it has none for them), each with its name; and the economic 类 columns of the 项目 sheet.
 */
import type { Catalog, CatalogEntry, CatalogKind } from '../../catalog/catalog.ts';
import type { Template } from '../../templates/schema.ts';
import type { CodeList } from './layout.ts';

export interface CodeName {
  code: string;
  name: string;
}

const LISTS: Record<CodeList, { kind: CatalogKind; digits: number }> = {
  functional: { kind: 'functional', digits: 7 },
  economic: { kind: 'economic', digits: 5 },
  economicClass: { kind: 'economic', digits: 3 },
};

/** Years outside an entry's evidence (0 when it covers one of them). */
function distance(e: CatalogEntry, [from, to]: [number, number]): number {
  if (e.to < from) return from - e.to;
  if (e.from > to) return e.from - to;
  return 0;
}

export function codeList(catalog: Catalog, list: CodeList, years: [number, number]): CodeName[] {
  const { kind, digits } = LISTS[list];
  const entries = catalog.entries().filter((e) => e.kind === kind && e.code.length === digits);
  if (entries.length === 0) return [];
  const nearest = Math.min(...entries.map((e) => distance(e, years)));
  const byCode = new Map<string, string>();
  for (const e of entries)
    if (distance(e, years) === nearest && !byCode.has(e.code))
      byCode.set(e.code, catalog.lookup(kind, e.code, years[0])?.entry.name ?? e.name);
  return [...byCode.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([code, name]) => ({ code, name }));
}

/**
 * The economic 类 columns of the 项目 sheet: those of the template's project table (T7), else the
 * catalog's, and any class the facts use besides.
 */
export function projectClasses(
  template: Template,
  catalog: Catalog,
  years: [number, number],
  used: string[],
): CodeName[] {
  const fromTemplate = template.tables
    .flatMap((t) => t.blocks.filter((b) => b.rows === 'projects').flatMap((b) => b.columns))
    .filter((c) => c.meaning.economic)
    .map((c) => ({ code: c.meaning.economic!, name: c.header }));
  const base = fromTemplate.length ? fromTemplate : codeList(catalog, 'economicClass', years);
  const out = [...base];
  for (const code of [...new Set(used)].sort())
    if (!out.some((c) => c.code === code))
      out.push({ code, name: catalog.lookup('economic', code, years[0])?.entry.name ?? '' });
  return out;
}

/** The header of an economic class column, and the class a header names. */
export const classHeader = (c: CodeName) => (c.name ? `${c.code} ${c.name}` : c.code);
export const CLASS_HEADER = /^(\d{3})(?!\d)/;
