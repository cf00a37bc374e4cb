/** The model as CSV: one printed cell per line (tables T1…, performance tables as PERF). */
import type { Disclosure } from '../model/schema.ts';

export const CELLS_HEADER = ['table', 'row', 'label', 'column', 'value', 'unit', 'source'] as const;

export function csvField(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',');
}

const PERF_FIELDS = [
  ['一级指标', 'level1'],
  ['二级指标', 'level2'],
  ['指标值', 'value'],
  ['指标值设置依据', 'basis'],
  ['上年完成值', 'prior'],
  ['权重', 'weight'],
  ['赋分规则', 'scoring'],
  ['佐证资料', 'evidence'],
] as const;

/** Every printed cell as a CSV row. Blank cells are not printed; unresolved cells have no column. */
export function cellsCsv(d: Disclosure): string {
  const out: string[] = [CELLS_HEADER.join(',')];
  for (const t of d.tables) {
    for (const r of t.rows) {
      for (const c of r.cells) {
        const header =
          c.column === null ? '' : (t.columns.find((x) => x.id === c.column)?.header ?? c.column);
        out.push(csvLine([t.id, r.key, r.label, header, c.value, c.unit ?? '', c.source.line ?? '']));
      }
    }
  }
  for (const p of d.performance) {
    for (const i of p.indicators) {
      for (const [field, key] of PERF_FIELDS) {
        const value = i[key];
        if (value === '') continue;
        out.push(csvLine(['PERF', p.project, i.level3, field, value, '', i.source.line ?? '']));
      }
    }
  }
  return `${out.join('\n')}\n`;
}
