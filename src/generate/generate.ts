/**
 * Synthetic budgets: internally consistent facts for fictional units, deterministic for a seed.
 * Amounts are integers of 0.01 万元 (the printed precision), so every sum is exact. Running costs are
 * built by economic 款 and charged to the functional 项 their kind goes to (pension insurance to
 * 2080505, medical insurance to 2101101 …); projects are charged to the department's project 项;
 * 三公 equals the matching basic lines; last year's values and reasons complete the narrative.
 */
import { type Catalog, loadCatalog } from '../catalog/catalog.ts';
import type { FactsInput } from '../compose/facts.ts';
import { DEPARTMENTS, type Department, OWNERS, PLACES, REASONS, USES } from './data.ts';
import { Random } from './random.ts';

/** 0.01 万元 units as a decimal string. */
const wan = (n: number) => `${Math.trunc(n / 100)}.${String(Math.abs(n) % 100).padStart(2, '0')}`;

/** Economic 款 of personnel costs and the functional 项 each is charged to (null: the running-cost 项). */
const PERSONNEL: [string, string | null, number, number][] = [
  ['30101', null, 3000, 20000],
  ['30102', null, 2000, 15000],
  ['30103', null, 500, 5000],
  ['30107', null, 500, 4000],
  ['30108', '2080505', 800, 6000],
  ['30109', '2080506', 400, 3000],
  ['30110', '2101101', 400, 3000],
  ['30113', '2210201', 600, 4000],
  ['30302', '2080502', 300, 3000],
];
const OPERATING: [string, number, number][] = [
  ['30201', 200, 1500],
  ['30202', 50, 400],
  ['30211', 100, 800],
  ['30217', 20, 150],
  ['30228', 100, 600],
  ['30229', 100, 600],
  ['30231', 300, 1500],
  ['30299', 100, 1000],
];

export interface GenerateOptions {
  units: number;
  year: number;
  seed: number;
  catalog?: Catalog;
}

function named(catalog: Catalog, year: number, code: string, own: Record<string, string> = {}): boolean {
  return [code.slice(0, 3), code.slice(0, 5), code].every(
    (c) => own[c] !== undefined || catalog.lookup('functional', c, year),
  );
}

function reason(r: Random, cur: number, prior: number): string {
  return prior === 0 ? r.pick(REASONS.new) : r.pick(cur > prior ? REASONS.up : REASONS.down);
}

/** A prior value near the current one (sometimes equal, sometimes zero when allowed). */
function priorOf(r: Random, cur: number, canBeNew: boolean): number {
  if (canBeNew && r.chance(0.15)) return 0;
  if (r.chance(0.1)) return cur;
  return Math.max(0, Math.round(cur * (0.8 + r.next() * 0.35)));
}

/** Who a generated unit is when it is not the index's department: a unit under it (see tree.ts). */
export interface UnitIdentity {
  name: string;
  /** the 下属预算单位 statement */
  subordinate: string;
}

export function generateUnit(
  r: Random,
  index: number,
  year: number,
  catalog: Catalog,
  as?: UnitIdentity,
): FactsInput {
  const dept: Department = DEPARTMENTS[index % DEPARTMENTS.length]!;
  const place = PLACES[Math.floor(index / DEPARTMENTS.length) % PLACES.length]!;
  const suffix =
    index >= PLACES.length * DEPARTMENTS.length
      ? String(Math.floor(index / (PLACES.length * DEPARTMENTS.length)) + 1)
      : '';
  const unitName = as?.name ?? `${place}${dept.name}${suffix}`;
  const running = `${dept.section}01`;
  const lines: FactsInput['lines'] = [];
  const basic: FactsInput['basic'] = [];
  const byItem = new Map<string, { basic: number; project: number }>();
  const charge = (code: string, kind: 'basic' | 'project', n: number) => {
    const v = byItem.get(code) ?? { basic: 0, project: 0 };
    v[kind] += n;
    byItem.set(code, v);
  };
  let personnel = 0;
  let operating = 0;
  const econ = new Map<string, number>();
  for (const [code, item, lo, hi] of PERSONNEL) {
    if (!r.chance(code === '30302' ? 0.6 : 0.9)) continue;
    const item7 = item ?? running;
    if (!named(catalog, year, item7, dept.names)) continue;
    const n = r.int(lo, hi);
    basic.push({ code, kind: 'personnel', amount: wan(n) });
    charge(item7, 'basic', n);
    personnel += n;
  }
  for (const [code, lo, hi] of OPERATING) {
    // every unit budgets some reception costs, so that its 三公 table is never empty
    if (code !== '30217' && !r.chance(0.85)) continue;
    const n = r.int(lo, hi);
    basic.push({ code, kind: 'operating', amount: wan(n) });
    econ.set(code, n);
    charge(running, 'basic', n);
    operating += n;
  }
  // projects: general budget, by economic class
  const projectCodes = dept.projects.filter((c) => named(catalog, year, c, dept.names));
  const names = r.sample(dept.projectNames, r.int(1, Math.min(3, dept.projectNames.length)));
  const projects: FactsInput['projects'] = names.map((name) => {
    const code = r.pick(projectCodes);
    const goods = r.int(500, 30000);
    const capital = r.chance(0.3) ? r.int(200, 5000) : 0;
    charge(code, 'project', goods + capital);
    const amounts: Record<string, string> = { '302': wan(goods) };
    if (capital) amounts['310'] = wan(capital);
    return {
      name,
      code,
      amounts,
      basis: `根据《${place}${name}实施方案》和本单位年度工作安排设立`,
      owner: unitName,
      allocation: `由${unitName}按项目实施进度统筹安排使用`,
      period: `${year}年1月-${year}年12月`,
    };
  });
  for (const [code, v] of [...byItem.entries()].sort()) {
    if (v.basic) lines.push({ code, fund: '一般公共预算', spending: 'basic', amount: wan(v.basic) });
    if (v.project) lines.push({ code, fund: '一般公共预算', spending: 'project', amount: wan(v.project) });
  }
  // other funds: own income and carry-over, charged to a project item
  const own = r.chance(0.4) ? r.int(500, 8000) : 0;
  const carry = r.chance(0.3) ? r.int(500, 10000) : 0;
  const otherCode = r.pick(projectCodes);
  if (own) lines.push({ code: otherCode, fund: '其他收入', spending: 'project', amount: wan(own) });
  if (carry)
    lines.push({
      code: otherCode,
      fund: '财政拨款结转/一般公共预算',
      spending: 'project',
      amount: wan(carry),
    });

  // government funds: land-transfer income spent on urban construction (the housing departments)
  const fundCode = '2120803';
  const fund =
    dept.section === '21201' && named(catalog, year, fundCode) && r.chance(0.5) ? r.int(1000, 20000) : 0;
  if (fund) lines.push({ code: fundCode, fund: '政府性基金预算', spending: 'project', amount: wan(fund) });

  // last year
  const items: Record<string, string> = {};
  const reasons: Record<string, string> = {};
  let priorBasic = 0;
  let priorProject = 0;
  for (const [code, v] of [...byItem.entries()].sort()) {
    const cur = v.basic + v.project;
    const p = priorOf(r, cur, v.project > 0);
    items[code] = wan(p);
    if (v.project > 0) priorProject += p;
    else priorBasic += p;
    if (p !== cur) reasons[`item/${code}`] = reason(r, cur, p);
  }
  const gBasic = personnel + operating;
  const gProject = [...byItem.values()].reduce((s, v) => s + v.project, 0);
  const priorOwn = own ? priorOf(r, own, true) : r.chance(0.2) ? r.int(100, 2000) : 0;
  const priorCarry = carry ? priorOf(r, carry, true) : 0;
  const priorFund = fund ? priorOf(r, fund, true) : 0;
  const income: Record<string, string> = {
    一般公共预算: wan(priorBasic + priorProject),
    政府性基金预算: wan(priorFund),
    单位资金: wan(priorOwn),
    财政拨款结转: wan(priorCarry),
  };
  const change = (key: string, cur: number, prior: number) => {
    if (cur !== prior) reasons[key] = reason(r, cur, prior);
  };
  change('income/一般公共预算', gBasic + gProject, priorBasic + priorProject);
  change('income/单位资金', own, priorOwn);
  change('income/财政拨款结转', carry, priorCarry);
  change('income/政府性基金预算', fund, priorFund);
  change('general/basic', gBasic, priorBasic);
  change('general/project', gProject, priorProject);
  change('spending/basic', gBasic, priorBasic);
  change('spending/project', gProject + own + carry + fund, priorProject + priorOwn + priorCarry + priorFund);
  // 三公: reception and vehicle running costs as budgeted in basic expenditure
  const reception = econ.get('30217') ?? 0;
  const vehicle = econ.get('30231') ?? 0;
  const sangong: FactsInput['sangong'] = [];
  if (reception) sangong.push({ item: '公务接待费', fund: '一般公共预算', amount: wan(reception) });
  if (vehicle) sangong.push({ item: '公务用车运行费', fund: '一般公共预算', amount: wan(vehicle) });
  const priorReception = reception ? priorOf(r, reception, false) : 0;
  const priorVehicle = vehicle ? priorOf(r, vehicle, false) : 0;
  change('sangong/公务接待费', reception, priorReception);
  change('sangong/公务用车运行费', vehicle, priorVehicle);
  change('sangong', reception + vehicle, priorReception + priorVehicle);
  const priorOperating = priorOf(r, operating, false);
  change('operating', operating, priorOperating);
  // procurement, assets
  const goods = r.int(0, 3000);
  const services = r.int(0, 5000);
  const reserved = Math.round((goods + services) * (0.5 + r.next() * 0.5));
  const vehicles = r.int(0, 4);
  // performance targets: one per project, weights 90
  const owners = r.sample(OWNERS, 3);
  const performance: FactsInput['performance'] = projects.map((p, k) => {
    const amount = Object.values(p.amounts).reduce<number>(
      (s, a) => s + Number(String(a).replace('.', '')),
      0,
    );
    return {
      project: p.name,
      owner: owners[k % owners.length]!,
      total: wan(amount),
      fiscal: wan(amount),
      other: '0.00',
      goal: `按期完成${p.name}各项工作任务，提升工作质量和服务水平。`,
      indicators: [
        {
          level1: '产出指标',
          level2: '数量指标',
          level3: '完成工作任务数',
          value: `≥${r.int(2, 12)}项`,
          basis: '计划标准',
          prior: String(r.int(1, 10)),
          weight: '20',
          scoring: '按照正常比例赋分',
          evidence: '工作资料',
        },
        {
          level1: '产出指标',
          level2: '质量指标',
          level3: '任务验收合格率',
          value: '=100%',
          basis: '计划标准',
          prior: '100%',
          weight: '10',
          scoring: '按照正常比例赋分',
          evidence: '工作资料',
        },
        {
          level1: '产出指标',
          level2: '时效指标',
          level3: '项目完成及时率',
          value: '≥95%',
          basis: '计划标准',
          prior: '95%',
          weight: '10',
          scoring: '直接赋分',
          evidence: '工作资料',
        },
        {
          level1: '成本指标',
          level2: '经济成本指标',
          level3: '项目经费',
          value: `<=${wan(amount)}万元`,
          basis: '预算支出标准',
          prior: '0',
          weight: '20',
          scoring: '直接赋分',
          evidence: '原始凭证',
        },
        {
          level1: '效益指标',
          level2: '社会效益指标',
          level3: '工作效能',
          value: '提升',
          basis: '计划标准',
          prior: '0',
          weight: '20',
          scoring: '按评判等级赋分',
          evidence: '工作资料',
        },
        {
          level1: '满意度指标',
          level2: '满意度指标',
          level3: '服务对象满意度',
          value: '>=90%',
          basis: '计划标准',
          prior: '90%',
          weight: '10',
          scoring: '满意度赋分',
          evidence: '满意度调查',
        },
      ],
    };
  });
  const staffCount = r.int(10, 60);
  const classes = [...new Set([...byItem.keys()].map((c) => c.slice(0, 3)))];
  return {
    template: 'xinjiang-2023',
    year,
    unit: '万元',
    unitName,
    date: `${year}-01-${String(r.int(10, 31)).padStart(2, '0')}`,
    functions: dept.functions,
    organization: {
      subordinate: as?.subordinate ?? '无下属预算单位',
      divisions: r.sample(dept.divisions, r.int(3, dept.divisions.length)),
    },
    staffing: {
      authorized: staffCount + r.int(0, 8),
      groups: [
        { name: '在职', count: staffCount, prior: staffCount + r.int(-2, 2) },
        { name: '退休', count: r.int(0, 30), prior: r.int(0, 30) },
      ],
    },
    names: { ...dept.names },
    lines,
    basic,
    projects,
    sangong,
    prior: {
      income,
      basic: wan(priorBasic),
      project: wan(priorProject + priorOwn + priorCarry + priorFund),
      generalBasic: wan(priorBasic),
      generalProject: wan(priorProject),
      items,
      sangong: {
        '因公出国（境）费': '0',
        公务接待费: wan(priorReception),
        公务用车购置费: '0',
        公务用车运行费: wan(priorVehicle),
      },
      operating: wan(priorOperating),
    },
    reasons,
    uses: Object.fromEntries(classes.filter((c) => USES[c]).map((c) => [c, USES[c]!])),
    procurement: {
      goods: wan(goods),
      works: '0',
      services: wan(services),
      reservedSme: wan(reserved),
      reservedSmall: wan(Math.round(reserved * 0.6)),
    },
    assets: {
      buildingArea: String(r.int(200, 3000)),
      buildingValue: wan(r.int(5000, 80000)),
      vehicles: vehicles
        ? [{ kind: '一般公务用车', count: vehicles, value: wan(vehicles * r.int(1000, 2500)) }]
        : [],
      furniture: wan(r.int(100, 5000)),
      other: wan(r.int(100, 8000)),
      equipment50: 0,
      equipment100: 0,
    },
    performance,
    otherMatters: null,
  };
}

/** Facts for `units` fictional units of a year, the same for the same seed. */
export function generate(options: GenerateOptions): FactsInput[] {
  const catalog = options.catalog ?? loadCatalog();
  const r = new Random(options.seed);
  return Array.from({ length: options.units }, (_, i) => generateUnit(r, i, options.year, catalog));
}
