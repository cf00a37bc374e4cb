/**
 * A published disclosure turned back into facts, so that it can be composed again (and compared).
 * The lowest-level lines come from the income table (T2: 项 × fund column), split into basic and
 * project by the general-budget table (T5) and the expenditure table (T3); running costs by economic
 * 款 from T6, projects from T7 with their description from Part 3, last year's values from the
 * narrative's changes (amount − change), reasons as printed. Nothing is corrected: where the document
 * does not say which way something goes, the choice made is listed in `notes`.
 */
import type { Claim, Disclosure, Row, Section, Table } from '../model/schema.ts';
import { fenToDecimal, formatDecimal, type MoneyUnit, parseNumber, toFen } from '../money/index.ts';
import { getTemplate } from '../templates/index.ts';
import { type FactsInput, SANGONG_FUNDS, SANGONG_ITEMS } from './facts.ts';
import { FUND_IDS, FUNDS, type FundId, INCOME_SUBJECTS } from './funds.ts';

export interface FromDisclosure {
  facts: FactsInput;
  /** choices made where the document is silent or contradicts itself */
  notes: string[];
}

const GENERAL_COLUMNS = ['一般公共预算', '上级一般公共预算安排的转移支付'];

function fenOfCell(r: Row | undefined, column: string): number {
  return r?.cells.find((c) => c.column === column)?.fen ?? 0;
}

/** An exact amount of fen as a decimal string in the unit. */
function amount(fen: number, unit: MoneyUnit): string {
  return formatDecimal(fenToDecimal(fen, unit))
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

function quantityFen(q: { value: string; unit: string; fen?: number } | null): number {
  if (!q) return 0;
  if (q.fen !== undefined) return q.fen;
  const n = parseNumber(q.value);
  return n ? toFen(n.value, '万元') : 0;
}

/** A claim's last-year value: amount − signed change (null without both). */
function priorOf(c: Claim | undefined, current?: number): number | null {
  if (!c?.change || c.change.fen === undefined) return null;
  const now = current ?? c.amount?.fen;
  if (now === undefined) return null;
  const down = /减少|下降|降低/.test(c.change.word);
  return now - (down ? -c.change.fen : c.change.fen);
}

/** Similarity of two names: the share of the longer one covered by their longest common prefix or containment. */
function similar(a: string, b: string): number {
  if (a === b) return 1;
  if (a.includes(b) || b.includes(a)) return Math.min(a.length, b.length) / Math.max(a.length, b.length);
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k / Math.max(a.length, b.length);
}

/** The printed lines of a section (cut at its recorded line starts). */
function linesOf(s: Section): string[] {
  const starts = (s.lineStarts ?? []).map(([at]) => at);
  if (starts.length === 0) return [s.text];
  return starts.map((at, k) => s.text.slice(at, starts[k + 1] ?? s.text.length));
}

const PROJECT_LABELS: [keyof Desc, RegExp][] = [
  ['name', /^\d+[.．]项目名称[：:]/],
  ['basis', /^设立的政策依据[：:]/],
  ['size', /^预算安排规模[：:]/],
  ['owner', /^项目承担单位[：:]/],
  ['allocation', /^\S{0,6}?资金分配情况[：:]/],
  ['period', /^资金执行时间[：:]/],
];
interface Desc {
  name: string;
  basis: string;
  size: string;
  owner: string;
  allocation: string;
  period: string;
}

/** The project descriptions of the project section, label by label (each label starts a printed line). */
function projectDescriptions(s: Section | undefined): Partial<Desc>[] {
  if (!s) return [];
  const out: Partial<Desc>[] = [];
  let field: keyof Desc | null = null;
  for (const line of linesOf(s)) {
    const hit = PROJECT_LABELS.find(([, re]) => re.test(line));
    if (hit) {
      field = hit[0];
      if (field === 'name') out.push({});
      const cur = out.at(-1);
      if (cur) cur[field] = line.replace(hit[1], '');
    } else if (field && out.at(-1)) out.at(-1)![field] = (out.at(-1)![field] ?? '') + line;
  }
  return out;
}

export function factsFromDisclosure(d: Disclosure): FromDisclosure {
  const notes: string[] = [];
  const template = getTemplate(d.template);
  const table = (id: string): Table | undefined => d.tables.find((t) => t.id === id);
  const unit: MoneyUnit = (table('T2')?.unit ?? '万元') as MoneyUnit;
  if (unit !== '万元') throw new Error(`only documents in 万元 can be turned into facts (T2 is in ${unit})`);
  const a = (fen: number) => amount(fen, unit);
  const year = d.year ?? 0;
  const rowsOf = (id: string, level?: string) =>
    (table(id)?.rows ?? []).filter((r) => r.kind === 'code' && (!level || r.level === level));
  const rowOf = (id: string, key: string, block?: string) =>
    table(id)?.rows.find((r) => r.key === key && (!block || r.block === block));

  // names as printed
  const names: Record<string, string> = {};
  for (const id of ['T2', 'T3', 'T5', 'T1', 'T4', 'T6', 'T7'])
    for (const r of rowsOf(id)) if (r.code && r.label && !names[r.code]) names[r.code] = r.label;

  // which detail fund a T2 column stands for, from the T1 lines that are not zero
  const t1 = (line: string) => fenOfCell(rowOf('T1', line, 'income'), '预算数');
  const fundOfColumn = (column: string): FundId => {
    const ids = FUND_IDS.filter((f) => FUNDS[f].t2 === column);
    if (ids.length === 1) return ids[0]!;
    const used = ids.filter((f) => t1(FUNDS[f].t1) !== 0);
    if (used.length !== 1)
      notes.push(
        `T2 ${column}: T1 does not say which of ${ids.join('、')} it is; taken as ${used[0] ?? ids.at(-1)}`,
      );
    return used[0] ?? ids.at(-1)!;
  };
  const t2 = table('T2');
  const detailColumns =
    (
      template.identities.find((i) => i.id === 'T2.row.fiscal' && i.kind === 'row') as
        | { parts: string[] }
        | undefined
    )?.parts ?? [];
  const allDetail = [
    ...detailColumns,
    '财政专户（教育收费）',
    '单位资金',
    '财政拨款结转',
    '非财政拨款结转结余',
  ];
  const lines: FactsInput['lines'] = [];
  for (const r of rowsOf('T2', '项')) {
    const code = r.code!;
    const general = GENERAL_COLUMNS.reduce((s, c) => s + fenOfCell(r, c), 0);
    const t5 = rowOf('T5', code);
    const t3 = rowOf('T3', code);
    const b5 = fenOfCell(t5, '基本支出');
    const p5 = fenOfCell(t5, '项目支出');
    if (t5 && b5 + p5 !== general)
      notes.push(
        `${code}: T5 基本 ${a(b5)} + 项目 ${a(p5)} ≠ T2 一般公共预算 ${a(general)}; 基本 taken from T5, the rest as 项目`,
      );
    let generalBasic = Math.min(b5, general);
    let remaining = Math.max(0, fenOfCell(t3, '基本支出') - generalBasic);
    for (const column of allDetail) {
      const fen = fenOfCell(r, column);
      if (fen === 0) continue;
      const fund = fundOfColumn(column);
      let basic: number;
      if (GENERAL_COLUMNS.includes(column)) {
        basic = Math.min(fen, generalBasic);
        generalBasic -= basic;
      } else {
        basic = Math.min(fen, remaining);
        remaining -= basic;
      }
      if (basic) lines.push({ code, fund, spending: 'basic', amount: a(basic) });
      if (fen - basic) lines.push({ code, fund, spending: 'project', amount: a(fen - basic) });
    }
  }
  if (!t2) notes.push('no T2: no lines');

  // running costs by economic 款
  const basic: FactsInput['basic'] = [];
  for (const r of rowsOf('T6', '款')) {
    const p = fenOfCell(r, '人员经费');
    const o = fenOfCell(r, '公用经费');
    if (p) basic.push({ code: r.code!, kind: 'personnel', amount: a(p) });
    if (o) basic.push({ code: r.code!, kind: 'operating', amount: a(o) });
    if (!p && !o && fenOfCell(r, '合计')) {
      notes.push(`T6 ${r.code}: 合计 without 人员经费/公用经费; taken as 人员经费`);
      basic.push({ code: r.code!, kind: 'personnel', amount: a(fenOfCell(r, '合计')) });
    }
  }

  // projects
  const narrative = (re: RegExp) => d.narrative.find((s) => re.test(s.title));
  const descs = projectDescriptions(narrative(/项目支出情况/));
  const t7spec = template.tables.find((t) => t.id === 'T7')!;
  const econColumns = t7spec.blocks[0]!.columns.filter((c) => c.meaning.economic);
  const projectRows = (table('T7')?.rows ?? []).filter((r) => r.kind === 'project');
  const projects: FactsInput['projects'] = projectRows.map((r, k) => {
    const amounts: Record<string, string> = {};
    for (const c of econColumns) {
      const fen = fenOfCell(r, c.id);
      if (fen) amounts[c.meaning.economic!] = a(fen);
    }
    const desc = descs.find((x) => x.name === r.label) ?? descs[k] ?? {};
    const total = fenOfCell(r, t7spec.blocks[0]!.columns[0]!.id);
    const split = Object.values(amounts).reduce((s, x) => s + toFen(parseNumber(x)!.value, unit), 0);
    if (split !== total) {
      const open = r.cells
        .filter((c) => c.column === null)
        .map((c) => `${c.raw} (${(c.candidates ?? []).join('/')})`);
      notes.push(
        `T7 ${r.label}: economic split ${a(split)} ≠ 项目支出合计 ${a(total)}; unplaced: ${open.join(', ') || 'none'}`,
      );
    }
    return {
      name: r.label,
      code: r.code!,
      amounts,
      ...(split !== total ? { total: a(total) } : {}),
      ...(desc.basis ? { basis: desc.basis } : {}),
      ...(desc.owner ? { owner: desc.owner } : {}),
      ...(desc.allocation ? { allocation: desc.allocation } : {}),
      ...(desc.period ? { period: desc.period } : {}),
    };
  });

  // 三公
  const sangong: FactsInput['sangong'] = [];
  for (const item of SANGONG_ITEMS)
    for (const fund of SANGONG_FUNDS) {
      const fen = fenOfCell(rowOf('T10', item), fund);
      if (fen) sangong.push({ item, fund, amount: a(fen) });
    }

  // last year and reasons, from the narrative's claims
  const claims = (re: RegExp) => narrative(re)?.claims ?? [];
  const reasons: Record<string, string> = {};
  const take = (key: string, c: Claim | undefined, current?: number): string | undefined => {
    if (c?.reason) reasons[key] = c.reason;
    const p = priorOf(c, current);
    return p === null ? undefined : a(p);
  };
  const income: Record<string, string> = {};
  for (const s of INCOME_SUBJECTS) {
    const c = claims(/收入预算情况/).find(
      (x) => x.subject === s.subject || x.subject === s.subject.replace(/资金$/, ''),
    );
    const p = take(`income/${s.subject}`, c);
    if (p !== undefined) income[s.subject] = p;
  }
  const spendingClaims = claims(/支出预算情况/);
  const scaleClaims = claims(/规模变化/);
  const priorBasic = take(
    'spending/basic',
    spendingClaims.find((c) => c.subject === '基本支出'),
  );
  const priorProject = take(
    'spending/project',
    spendingClaims.find((c) => c.subject === '项目支出'),
  );
  const priorGB = take(
    'general/basic',
    scaleClaims.find((c) => c.subject === '基本支出'),
  );
  const priorGP = take(
    'general/project',
    scaleClaims.find((c) => c.subject === '项目支出'),
  );
  const items: Record<string, string> = {};
  const t5Items = rowsOf('T5', '项');
  const free = new Set(t5Items.map((r) => r.code!));
  for (const c of claims(/具体使用情况/)) {
    const name = /([^（）]+)（项）$/.exec(c.subject)?.[1] ?? c.subject;
    let best: { code: string; score: number } | null = null;
    for (const r of t5Items) {
      if (!free.has(r.code!)) continue;
      const score = similar(name, r.label);
      if (!best || score > best.score) best = { code: r.code!, score };
    }
    if (!best || best.score < 0.5) {
      notes.push(`五（三） item ${c.item}「${c.subject}」names no T5 项 row`);
      continue;
    }
    if (best.score < 1)
      notes.push(`五（三） item ${c.item}「${c.subject}」read as ${best.code} ${names[best.code]}`);
    free.delete(best.code);
    const p = take(`item/${best.code}`, c);
    if (p !== undefined) items[best.code] = p;
  }
  const sangongPrior: Partial<Record<(typeof SANGONG_ITEMS)[number], string>> = {};
  const sgClaims = claims(/三公/).filter((c) => c.change);
  for (const item of SANGONG_ITEMS) {
    const p = take(
      `sangong/${item}`,
      sgClaims.find((c) => c.subject === item),
      fenOfCell(rowOf('T10', item), '合计'),
    );
    if (p !== undefined) sangongPrior[item] = p;
  }
  take(
    'sangong',
    sgClaims.find((c) => /“三公”经费$/.test(c.subject)),
    fenOfCell(rowOf('T10', '合计'), '合计'),
  );
  const operatingClaim = claims(/机关运行经费/).find((c) => c.change);
  const priorOperating = take('operating', operatingClaim);
  const need = (v: string | undefined, what: string) => {
    if (v === undefined) notes.push(`no prior value stated for ${what}`);
    return v ?? a(0);
  };

  // uses of each class (section 四: `X支出 N 万元，主要用于 …`)
  const uses: Record<string, string> = {};
  const fiscal = narrative(/财政拨款收支预算情况/);
  for (const m of (fiscal?.text ?? '').matchAll(/([^；：，。]+?)\d+(?:\.\d+)?万元，主要用于([^；。]+)/g)) {
    const r = rowsOf('T4').find((x) => x.label === m[1]);
    if (r) uses[r.code!] = m[2]!;
    else notes.push(`四: 「${m[1]}」 names no T4 class; its use is left out`);
  }

  // procurement and assets
  const pc = claims(/政府采购/);
  const pAmount = (re: RegExp) => pc.find((c) => re.test(c.subject) && c.amount)?.amount?.fen;
  const goods = pAmount(/货物/);
  const procurement =
    goods === undefined
      ? null
      : {
          goods: a(goods),
          works: a(pAmount(/工程/) ?? 0),
          services: a(pAmount(/服务/) ?? 0),
          reservedSme: a(pAmount(/中小企业预留/) ?? 0),
          reservedSmall: a(pAmount(/小微企业预留/) ?? 0),
        };
  const asset = narrative(/国有资产/);
  const ac = asset?.claims ?? [];
  const ofUnit = (subject: RegExp, u: string) =>
    ac.find((c) => subject.test(c.subject) && c.amount?.unit === u)?.amount;
  const money = (subject: RegExp) => a(quantityFen(ofUnit(subject, '万元') ?? null));
  const assets = asset
    ? {
        asOf: Number(/截至(\d{4})年/.exec(asset.text)?.[1] ?? year - 1),
        buildingArea: ofUnit(/^房屋$/, '平方米')?.value ?? '0',
        buildingValue: money(/^房屋$/),
        vehicles: (['一般公务用车', '执法执勤用车', '其他车辆'] as const).map((kind) => ({
          kind,
          count: Number(ofUnit(new RegExp(`^${kind}$`), '辆')?.value ?? 0),
          value: money(new RegExp(`^${kind}$`)),
        })),
        furniture: money(/办公家具/),
        other: money(/^其他资产/),
        equipment50: Number(ofUnit(/50万元以上/, '台（套）')?.value ?? 0),
        equipment100: Number(ofUnit(/100万元以上/, '台（套）')?.value ?? 0),
      }
    : null;

  // performance targets as printed
  const performance: FactsInput['performance'] = d.performance.map((p) => ({
    project: p.project,
    owner: p.owner,
    unitName: p.unitName,
    total: a(quantityFen(p.funds.total)),
    fiscal: a(quantityFen(p.funds.fiscal)),
    other: a(quantityFen(p.funds.other)),
    goal: p.goal,
    indicators: p.indicators.map((i) => ({
      level1: i.level1,
      level2: i.level2,
      level3: i.level3,
      value: i.value,
      basis: i.basis,
      prior: i.prior,
      weight: i.weight,
      scoring: i.scoring,
      evidence: i.evidence,
    })),
  }));

  const p1 = d.part1;
  const staffing = p1?.staffing;
  const facts: FactsInput = {
    template: d.template,
    year,
    unit,
    unitName: d.unitName ?? '',
    date: d.signature?.date ?? `${year}-01-01`,
    functions: (p1?.functions ?? []).map((f) => f.text),
    organization: {
      subordinate: p1?.organization.subordinateUnits ?? null,
      divisions: p1?.organization.divisions ?? [],
    },
    staffing: {
      authorized: Number(staffing?.authorized?.value ?? 0),
      groups: (staffing?.groups ?? []).map((g) => {
        const count = Number(g.count.value);
        const delta = g.change ? Number(g.change.value) * (g.change.word === '减少' ? -1 : 1) : 0;
        return { name: g.name as '在职' | '退休' | '离休', count, prior: count - delta };
      }),
    },
    names,
    lines,
    basic,
    projects,
    sangong,
    prior: {
      income,
      basic: need(priorBasic, '基本支出'),
      project: need(priorProject, '项目支出'),
      generalBasic: need(priorGB, '一般公共预算基本支出'),
      generalProject: need(priorGP, '一般公共预算项目支出'),
      items,
      sangong: sangongPrior,
      operating: need(priorOperating, '机关运行经费'),
    },
    reasons,
    uses,
    procurement,
    assets,
    performance,
    otherMatters: narrative(/其他需说明/)?.text ?? null,
    glossary: d.glossary.map((g) => ({ term: g.term, definition: g.definition })),
  };
  if (!d.signature) notes.push('no signature date: the first of January taken');
  return { facts, notes };
}
