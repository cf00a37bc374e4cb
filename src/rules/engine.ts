/** Running the rule catalogue on a disclosure: findings plus an obligation for every rule. */
import { type Catalog, loadCatalog } from '../catalog/catalog.ts';
import type { RowShape, TableShape } from '../identities/instances.ts';
import type { Disclosure } from '../model/schema.ts';
import { getTemplate } from '../templates/index.ts';
import { CellIndex } from './cells.ts';
import { pageOfLine } from './pages.ts';
import { RULES } from './registry.ts';
import type { Finding, Obligation, Report, Rule, RuleContext, Severity } from './types.ts';

/** Findings in severity order, errors first, in rule order within a severity (a stable sort). */
function bySeverity(findings: Finding[]): Finding[] {
  const groups: Record<Severity, Finding[]> = { error: [], warning: [], info: [] };
  for (const f of findings) groups[f.severity].push(f);
  return [...groups.error, ...groups.warning, ...groups.info];
}

export function shapesOfDoc(doc: Disclosure): Map<string, TableShape> {
  const map = new Map<string, TableShape>();
  for (const t of doc.tables) {
    const columns = new Map<string, string[]>();
    for (const c of t.columns) {
      const b = c.block ?? 'main';
      const list = columns.get(b);
      if (list) list.push(c.id);
      else columns.set(b, [c.id]);
    }
    const rows: RowShape[] = [];
    for (const r of t.rows) {
      const shape: RowShape = { key: r.key, kind: r.kind, block: r.block ?? 'main' };
      if (r.code) shape.code = r.code;
      if (r.level) shape.level = r.level;
      rows.push(shape);
    }
    map.set(t.id, { id: t.id, rows, columns });
  }
  return map;
}

/** Codes and names read from this very document are no evidence about it. */
function withoutSelf(catalog: Catalog, doc: Disclosure): Catalog {
  const name = doc.source.file?.split(/[\\/]/).pop();
  return name ? catalog.excluding(name) : catalog;
}

function applies(rule: Rule, doc: Disclosure): string | null {
  const m = rule.meta;
  if (m.templates && !m.templates.includes(doc.template))
    return `only for templates ${m.templates.join(', ')}`;
  if (m.years && doc.year !== null && (doc.year < m.years[0] || doc.year > m.years[1])) {
    return `only for budget years ${m.years[0]}–${m.years[1]}`;
  }
  return null;
}

export interface CheckOptions {
  catalog?: Catalog;
  rules?: Rule[];
}

export function checkDisclosure(doc: Disclosure, options: CheckOptions = {}): Report {
  const template = getTemplate(doc.template);
  const ctx: RuleContext = {
    doc,
    template,
    catalog: withoutSelf(options.catalog ?? loadCatalog(), doc),
    shapes: shapesOfDoc(doc),
    cells: new CellIndex(doc),
    derived: new Map(),
  };
  const findings: Finding[] = [];
  const obligations: Obligation[] = [];
  for (const rule of options.rules ?? RULES) {
    const skip = applies(rule, doc);
    if (skip) {
      obligations.push({ rule: rule.meta.id, status: 'not-applicable', reason: skip });
      continue;
    }
    const out = rule.check(ctx);
    if ('notApplicable' in out)
      obligations.push({ rule: rule.meta.id, status: 'not-applicable', reason: out.notApplicable });
    else if ('insufficient' in out)
      obligations.push({ rule: rule.meta.id, status: 'insufficient-data', reason: out.insufficient });
    else {
      findings.push(...out.findings);
      const failed = out.findings.length;
      obligations.push(
        failed > 0
          ? { rule: rule.meta.id, status: 'failed', count: failed }
          : {
              rule: rule.meta.id,
              status: 'passed',
              ...(out.checked !== undefined ? { reason: `${out.checked} checked` } : {}),
            },
      );
    }
  }
  addPages(findings, doc.source.pageStarts);
  return {
    source: doc.source.file,
    unit: doc.unitName,
    year: doc.year,
    template: doc.template,
    findings: bySeverity(findings),
    obligations,
  };
}

/** A PDF's findings point to pages: every location with a line gets its page. */
function addPages(findings: Finding[], starts: number[] | undefined): void {
  if (!starts) return;
  for (const f of findings) {
    for (const l of f.locations) {
      if (l.line !== undefined && (l as { page?: number }).page === undefined) {
        const page = pageOfLine(starts, l.line);
        if (page) (l as { page?: number }).page = page;
      }
    }
  }
}
