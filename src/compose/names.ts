/** Classification names for the codes a composed document prints: the facts' own, else the catalog's. */
import type { Catalog, CatalogKind } from '../catalog/catalog.ts';

export const NAME_PLACEHOLDER = '（科目名称待补充）';

export class Names {
  /** codes without a name anywhere: printed with a placeholder and reported */
  readonly missing = new Set<string>();

  constructor(
    private readonly own: Record<string, string>,
    private readonly catalog: Catalog,
    private readonly year: number,
  ) {}

  of(kind: CatalogKind, code: string): string {
    const own = this.own[code];
    if (own) return own;
    const hit = this.catalog.lookup(kind, code, this.year);
    if (hit) return hit.entry.name;
    this.missing.add(`${kind}:${code}`);
    return NAME_PLACEHOLDER;
  }
}
