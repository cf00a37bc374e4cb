/**
 * Which part of Facts each sheet of the facts workbook holds: Facts → the rows of each sheet (for the
 * writer) and the rows of each sheet → Facts (for the reader), one the inverse of the other. A row is
 * the values of its cells by column key; a field sheet is one row. Amounts are decimal strings in
 * 万元, integers numbers, choices their stored values.
 */
import type { FactsInput } from '../facts.ts';
import { SUBJECTS, type Subject } from './layout.ts';

export type Value = string | number;
export type SheetRow = Record<string, Value | undefined>;
export type SheetRows = Map<string, SheetRow[]>;

/** Where a value of Facts came from: the sheet, the cell (or row) and its text, by Facts path. */
export interface Place {
  sheet: string;
  cell: string;
  raw: string;
}

/** What the reader knows of each row: its place, and the place of each of its cells by column key. */
export interface RowPlace {
  row: Place;
  cells: Record<string, Place>;
}

const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));

/** The reason key of a subject and its object (inverse of subjectOfReason). */
function reasonKey(s: Subject, object: string | undefined): string {
  if (s.object === 'none') return s.reason;
  if (s.reason === '') return object ?? '';
  if (s.object === 'optional' && !object) return s.reason;
  return s.reason.endsWith('/') ? `${s.reason}${object ?? ''}` : `${s.reason}/${object ?? ''}`;
}

function subjectOfReason(key: string): { subject: string; object?: string } {
  for (const s of SUBJECTS) {
    if (s.reason === '') continue;
    if (s.object !== 'required' && key === s.reason) return { subject: s.label };
    const prefix = s.reason.endsWith('/') ? s.reason : `${s.reason}/`;
    if (s.object !== 'none' && key.startsWith(prefix) && key.length > prefix.length)
      return { subject: s.label, object: key.slice(prefix.length) };
  }
  return { subject: '其他', object: key };
}

const subject = (label: string) => SUBJECTS.find((s) => s.label === label)!;

/** The rows of every sheet for the given facts (null: an empty workbook, with the rows to fill in). */
export function sheetRows(f: FactsInput | null): SheetRows {
  const m: SheetRows = new Map();
  if (!f) {
    m.set(
      '上年数',
      SUBJECTS.filter((s) => s.prior && s.object === 'none').map((s) => ({ subject: s.label })),
    );
    return m;
  }
  m.set('基本信息', [
    {
      template: f.template ?? 'xinjiang-2023',
      year: f.year,
      unit: f.unit ?? '万元',
      unitName: f.unitName,
      date: f.date,
      'staffing.authorized': f.staffing.authorized,
      'organization.subordinate': str(f.organization.subordinate),
      otherMatters: str(f.otherMatters),
    },
  ]);
  m.set(
    '职能',
    f.functions.map((text) => ({ text })),
  );
  m.set(
    '内设机构',
    f.organization.divisions.map((text) => ({ text })),
  );
  m.set(
    '人员编制',
    f.staffing.groups.map((g) => ({ ...g })),
  );
  m.set(
    '收支明细',
    f.lines.map((l) => ({ ...l, amount: str(l.amount) })),
  );
  m.set(
    '基本支出经济分类',
    f.basic.map((b) => ({ ...b, amount: str(b.amount) })),
  );
  m.set(
    '项目',
    f.projects.map((p) => {
      const row: SheetRow = {
        name: p.name,
        code: p.code,
        total: str(p.total),
        basis: p.basis,
        owner: p.owner,
        allocation: p.allocation,
        period: p.period,
      };
      for (const [c, a] of Object.entries(p.amounts)) row[`amounts.${c}`] = str(a);
      return row;
    }),
  );
  const prior: SheetRow[] = [];
  for (const s of SUBJECTS) {
    if (!s.prior) continue;
    const v = (f.prior as Record<string, unknown>)[s.prior];
    if (s.object === 'none') prior.push({ subject: s.label, amount: str(v) });
    else
      for (const [object, amount] of Object.entries((v ?? {}) as Record<string, unknown>))
        prior.push({ subject: s.label, object, amount: str(amount) });
  }
  m.set('上年数', prior);
  m.set(
    '原因说明',
    Object.entries(f.reasons ?? {}).map(([key, text]) => ({ ...subjectOfReason(key), text })),
  );
  m.set(
    '科目用途',
    Object.entries(f.uses ?? {}).map(([code, text]) => ({ code, text })),
  );
  m.set(
    '三公经费',
    f.sangong.map((s) => ({ ...s, amount: str(s.amount) })),
  );
  if (f.procurement) {
    const p = f.procurement;
    m.set('政府采购', [
      {
        goods: str(p.goods),
        works: str(p.works),
        services: str(p.services),
        reservedSme: str(p.reservedSme),
        reservedSmall: str(p.reservedSmall),
      },
    ]);
  }
  if (f.assets) {
    const a = f.assets;
    m.set('国有资产', [
      {
        asOf: a.asOf,
        buildingArea: str(a.buildingArea),
        buildingValue: str(a.buildingValue),
        furniture: str(a.furniture),
        other: str(a.other),
        equipment50: a.equipment50,
        equipment100: a.equipment100,
      },
    ]);
    m.set(
      '公务用车',
      a.vehicles.map((v) => ({ ...v, value: str(v.value) })),
    );
  }
  m.set(
    '绩效项目',
    f.performance.map((p, i) => ({
      no: i + 1,
      project: p.project,
      owner: p.owner,
      unitName: p.unitName,
      total: str(p.total),
      fiscal: str(p.fiscal),
      other: str(p.other),
      goal: p.goal,
    })),
  );
  m.set(
    '绩效指标',
    f.performance.flatMap((p, i) => p.indicators.map((x) => ({ no: i + 1, ...x }))),
  );
  if (f.glossary)
    m.set(
      '名词解释',
      f.glossary.map((g) => ({ ...g })),
    );
  m.set(
    '名称覆盖',
    Object.entries(f.names ?? {}).map(([code, name]) => ({ code, name })),
  );
  return m;
}

/** A sheet's rows as the reader found them, with their places. */
export interface ReadRows {
  rows: SheetRow[];
  places: RowPlace[];
}

/**
 * Facts from the rows of each sheet, not yet validated (the Zod schema does that). Each value's
 * place is recorded under its Facts path (`lines.3.amount`), so that a schema issue names its cell;
 * a problem the schema cannot see (a duplicate key, a project number without a project) is added to
 * `problems` with its place.
 */
export function factsOf(
  sheets: Map<string, ReadRows>,
  where: Map<string, Place>,
  problems: { place: Place; message: string }[],
): unknown {
  const read = (name: string) => sheets.get(name) ?? { rows: [], places: [] };
  /** Items of a list sheet, each placed under `path.i` and its fields under `path.i.key`. */
  const items = <T>(name: string, path: string, build: (r: SheetRow, p: RowPlace, i: number) => T): T[] => {
    const { rows, places } = read(name);
    return rows.map((r, i) => {
      const p = places[i]!;
      where.set(`${path}.${i}`, p.row);
      for (const [k, place] of Object.entries(p.cells)) where.set(`${path}.${i}.${k}`, place);
      return build(r, p, i);
    });
  };
  /** A record from a list sheet, refusing a key given twice. */
  const record = (name: string, path: string, key: string, value: string, rows = read(name)) => {
    const out: Record<string, Value | undefined> = {};
    rows.rows.forEach((r, i) => {
      const k = String(r[key] ?? '');
      const p = rows.places[i]!;
      if (Object.hasOwn(out, k)) {
        problems.push({ place: p.cells[key] ?? p.row, message: `「${k}」 is given twice` });
        return;
      }
      out[k] = r[value];
      where.set(`${path}.${k}`, p.cells[value] ?? p.row);
    });
    return out;
  };
  const fields = (name: string, path: string) => {
    const { rows, places } = read(name);
    const r = rows[0] ?? {};
    for (const [k, place] of Object.entries(places[0]?.cells ?? {})) where.set(`${path}${k}`, place);
    return r;
  };
  const allBlank = (r: SheetRow) => Object.values(r).every((v) => v === undefined);
  const defined = <T extends Record<string, unknown>>(o: T): T =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

  const info = fields('基本信息', '');
  const projects = items('项目', 'projects', (r, p, i) => {
    const amounts: Record<string, Value | undefined> = {};
    for (const [k, v] of Object.entries(r))
      if (k.startsWith('amounts.') && v !== undefined) {
        const c = k.slice('amounts.'.length);
        amounts[c] = v;
        where.set(`projects.${i}.amounts.${c}`, p.cells[k]!);
      }
    return defined({
      name: r.name,
      code: r.code,
      amounts,
      total: r.total,
      basis: r.basis,
      owner: r.owner,
      allocation: r.allocation,
      period: r.period,
    });
  });

  // last year by subject
  const prior: Record<string, unknown> = {};
  const priorRows = read('上年数');
  for (const s of SUBJECTS) {
    if (!s.prior) continue;
    const mine = priorRows.rows.flatMap((r, i) => (r.subject === s.label ? [i] : []));
    const sub = { rows: mine.map((i) => priorRows.rows[i]!), places: mine.map((i) => priorRows.places[i]!) };
    sub.rows.forEach((r, k) => {
      const p = sub.places[k]!;
      if (s.object === 'none' && r.object !== undefined)
        problems.push({ place: p.cells.object!, message: `${s.label} has no 对象: leave it empty` });
      if (s.object !== 'none' && r.object === undefined)
        problems.push({ place: p.row, message: `${s.label} needs its 对象 (what last year's amount is of)` });
    });
    if (s.object === 'none') {
      if (sub.rows.length > 1)
        problems.push({ place: sub.places[1]!.row, message: `${s.label} is given twice` });
      prior[s.prior] = sub.rows[0]?.amount;
      if (sub.places[0]) where.set(`prior.${s.prior}`, sub.places[0].cells.amount ?? sub.places[0].row);
      else
        problems.push({
          place: { sheet: '上年数', cell: 'A', raw: '' },
          message: `no row for ${s.label} (last year's ${s.label} is required)`,
        });
    } else prior[s.prior] = record('上年数', `prior.${s.prior}`, 'object', 'amount', sub);
  }

  // reasons by subject and object
  const reasons: Record<string, string> = {};
  items('原因说明', 'reasons-rows', (r, p) => {
    const s = subject(String(r.subject));
    if (s.object === 'none' && r.object !== undefined) {
      problems.push({ place: p.cells.object!, message: `${s.label} has no 对象: leave it empty` });
      return;
    }
    if (s.object === 'required' && r.object === undefined) {
      problems.push({ place: p.row, message: `${s.label} needs its 对象 (what the reason is for)` });
      return;
    }
    const key = reasonKey(s, str(r.object));
    if (Object.hasOwn(reasons, key)) {
      problems.push({ place: p.row, message: `the reason for ${key} is given twice` });
      return;
    }
    reasons[key] = String(r.text ?? '');
    where.set(`reasons.${key}`, p.cells.text ?? p.row);
  });

  // procurement and assets: all blank is none
  const proc = fields('政府采购', 'procurement.');
  const assetFields = fields('国有资产', 'assets.');
  const vehicles = items('公务用车', 'assets.vehicles', (r) => ({
    kind: r.kind,
    count: r.count,
    value: r.value,
  }));
  const hasAssets = !allBlank(assetFields) || vehicles.length > 0;

  // performance: projects, and their indicators by project number
  const perfRows = read('绩效项目');
  const byNo = new Map<number, number>();
  const performance = items('绩效项目', 'performance', (r, p, i) => {
    const no = Number(r.no);
    if (byNo.has(no)) problems.push({ place: p.cells.no ?? p.row, message: `项目序号 ${no} is given twice` });
    else byNo.set(no, i);
    return {
      ...defined({ project: r.project, owner: r.owner ?? '', unitName: r.unitName }),
      total: r.total,
      fiscal: r.fiscal,
      other: r.other,
      goal: r.goal ?? '',
      indicators: [] as unknown[],
    };
  });
  const indicatorRows = read('绩效指标');
  indicatorRows.rows.forEach((r, k) => {
    const p = indicatorRows.places[k]!;
    const i = byNo.get(Number(r.no));
    if (i === undefined) {
      problems.push({
        place: p.cells.no ?? p.row,
        message: `项目序号 ${r.no ?? ''} is not a project of 绩效项目${perfRows.rows.length ? '' : ' (it has none)'}`,
      });
      return;
    }
    const list = performance[i]!.indicators;
    const path = `performance.${i}.indicators.${list.length}`;
    where.set(path, p.row);
    for (const [key, place] of Object.entries(p.cells)) where.set(`${path}.${key}`, place);
    const text = (k: string) => (r[k] === undefined ? '' : String(r[k]));
    list.push({
      level1: text('level1'),
      level2: text('level2'),
      level3: text('level3'),
      value: text('value'),
      basis: text('basis'),
      prior: text('prior'),
      weight: r.weight === undefined ? undefined : String(r.weight),
      scoring: text('scoring'),
      evidence: text('evidence'),
    });
  });

  const glossary = items('名词解释', 'glossary', (r) => ({
    term: r.term,
    definition: r.definition ?? '',
  }));
  return defined({
    template: info.template,
    year: info.year,
    unit: info.unit,
    unitName: info.unitName,
    date: info.date,
    functions: items('职能', 'functions', (r) => r.text),
    organization: {
      subordinate: info['organization.subordinate'] ?? null,
      divisions: items('内设机构', 'organization.divisions', (r) => r.text),
    },
    staffing: {
      authorized: info['staffing.authorized'],
      groups: items('人员编制', 'staffing.groups', (r) => ({ name: r.name, count: r.count, prior: r.prior })),
    },
    names: record('名称覆盖', 'names', 'code', 'name'),
    lines: items('收支明细', 'lines', (r) => ({
      code: r.code,
      fund: r.fund,
      spending: r.spending,
      amount: r.amount,
    })),
    basic: items('基本支出经济分类', 'basic', (r) => ({ code: r.code, kind: r.kind, amount: r.amount })),
    projects,
    sangong: items('三公经费', 'sangong', (r) => ({ item: r.item, fund: r.fund, amount: r.amount })),
    prior,
    reasons,
    uses: record('科目用途', 'uses', 'code', 'text'),
    procurement: allBlank(proc) ? null : proc,
    assets: hasAssets ? defined({ ...assetFields, vehicles }) : null,
    performance,
    otherMatters: info.otherMatters ?? null,
    glossary: glossary.length ? glossary : undefined,
  });
}
