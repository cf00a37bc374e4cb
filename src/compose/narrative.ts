/**
 * Part 3 (说明) written from the facts and the derived tables, in the Xinjiang 2023 wording. Each
 * section is a title and its printed lines; one line is one paragraph (or one labelled value). The
 * claims of the model are read back from these lines by the text reader's own claim reader, so the
 * composed model says exactly what its text says.
 */
import type { MoneyUnit } from '../money/index.ts';
import { fenOf as toFen } from './cells.ts';
import type { Facts } from './facts.ts';
import { SANGONG_ITEMS } from './facts.ts';
import { INCOME_SUBJECTS } from './funds.ts';
import type { Names } from './names.ts';
import { type Phrases, REASON_PLACEHOLDER } from './phrases.ts';
import type { Derived } from './tables.ts';

export interface WrittenSection {
  /** the heading line as printed: `一、关于…说明` or `（一）…` */
  heading: string;
  lines: string[];
  /** performance tables are printed after this section's lines */
  performanceAfter?: boolean;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

export function writeNarrative(facts: Facts, d: Derived, names: Names, ph: Phrases): WrittenSection[] {
  const U = facts.unitName;
  const Y = facts.year;
  const unit: MoneyUnit = facts.unit;
  const fen = (s: string | undefined) => (s === undefined ? null : toFen(s, unit));
  const a = (f: number) => ph.amount(f);
  const join = (...parts: string[]) => parts.filter(Boolean).join('，');
  const out: WrittenSection[] = [];
  const sec = (n: number, title: string, lines: string[]) =>
    out.push({ heading: `${NUMERALS[n]}、${title}`, lines });
  const sub = (n: number, title: string, lines: string[]) =>
    out.push({ heading: `（${NUMERALS[n]}）${title}`, lines });

  // 一 overall
  const total = d.get('T1', '收入总计', '预算数');
  const incomeNames = INCOME_SUBJECTS.filter((s) => d.get('T1', s.line, '预算数') !== 0).map((s) =>
    s.subject.replace(/转移支付资金$/, '转移支付'),
  );
  const classRows = d.tables
    .find((t) => t.id === 'T1')!
    .rows.filter((r) => r.block === 'expenditure' && r.kind === 'code');
  sec(0, `关于${U}${Y}年收支预算情况的总体说明`, [
    `按照全口径预算的原则，${U}${Y}年所有收入和支出均纳入预算管理。收支总预算${a(total)}。`,
    ...(incomeNames.length ? [`收入预算包括：${incomeNames.join('、')}。`] : []),
    ...(classRows.length ? [`支出预算包括：${classRows.map((r) => r.label).join('、')}。`] : []),
  ]);

  // 二 income
  const incomeLines: string[] = [`${U}收入预算${a(total)}，其中：`];
  const items = INCOME_SUBJECTS.map((s) => ({
    ...s,
    cur: d.get('T1', s.line, '预算数'),
    prior: fen(facts.prior.income[s.subject]),
  }));
  const shown = items.filter((x) => x.cur !== 0 || (x.prior ?? 0) !== 0);
  shown.forEach((x, k) => {
    const end = k === shown.length - 1 ? '。' : '；';
    incomeLines.push(
      `${join(`${x.subject}${a(x.cur)}`, ph.share(x.cur, total), ph.change(x.cur, x.prior ?? null, `income/${x.subject}`, x.subject))}${end}`,
    );
  });
  sec(1, `关于${U}${Y}年收入预算情况说明`, incomeLines);

  // 三 expenditure
  const basic = d.get('T3', '合计', '基本支出');
  const project = d.get('T3', '合计', '项目支出');
  const spend = d.get('T3', '合计', '合计');
  sec(2, `关于${U}${Y}年支出预算情况说明`, [
    `${U}${Y}年支出预算${a(spend)}，其中：`,
    `${join(`基本支出${a(basic)}`, ph.share(basic, spend), ph.change(basic, fen(facts.prior.basic), 'spending/basic', '基本支出'))}；`,
    `${join(`项目支出${a(project)}`, ph.share(project, spend), ph.change(project, fen(facts.prior.project), 'spending/project', '项目支出'))}。`,
  ]);

  // 四 fiscal appropriations
  const fiscalTotal = d.get('T4', '收入/收入总计', '合计');
  const general = d.get('T4', '收入/一般公共预算', '合计');
  const t4 = d.tables.find((t) => t.id === 'T4')!;
  const t4Classes = t4.rows.filter((r) => r.block === 'expenditure' && r.kind === 'code');
  const generalClasses = t4Classes.filter((r) => d.get('T4', r.key, '一般公共预算') !== 0);
  const fiscalLines = [`${Y}年财政拨款收支总预算${a(fiscalTotal)}。`];
  const fundIncome = d.get('T4', '收入/政府性基金预算', '合计');
  const capitalIncome = d.get('T4', '收入/国有资本经营预算', '合计');
  if (fundIncome === 0 && capitalIncome === 0)
    fiscalLines.push('收入全部为一般公共预算拨款，无政府性基金预算拨款和国有资本经营预算拨款。');
  const incomeParts = [
    `一般公共预算拨款${a(general)}`,
    ...(fundIncome ? [`政府性基金预算拨款${a(fundIncome)}`] : []),
    ...(capitalIncome ? [`国有资本经营预算拨款${a(capitalIncome)}`] : []),
  ];
  fiscalLines.push(`收入预算包括：${incomeParts.join('、')}。`);
  if (generalClasses.length > 0) {
    const parts = generalClasses.map((r) => {
      const use = facts.uses[r.key];
      return `${r.label}${a(d.get('T4', r.key, '一般公共预算'))}${use ? `，主要用于${use.replace(/[。；，]/g, '、')}` : ''}`;
    });
    fiscalLines.push(`一般公共预算支出包括：${parts.join('；')}。`);
  }
  sec(3, `关于${U}${Y}年财政拨款收支预算情况的总体说明`, fiscalLines);

  // 五 general budget
  const gTotal = d.get('T5', '合计', '合计');
  const gBasic = d.get('T5', '合计', '基本支出');
  const gProject = d.get('T5', '合计', '项目支出');
  sec(4, `关于${U}${Y}年一般公共预算当年拨款情况说明`, []);
  sub(0, '一般公共预算当年拨款规模变化情况', [
    `${U}${Y}年一般公共预算拨款合计${a(gTotal)}，其中：${join(`基本支出${a(gBasic)}`, ph.change(gBasic, fen(facts.prior.generalBasic), 'general/basic', '一般公共预算基本支出'))}；${join(`项目支出${a(gProject)}`, ph.change(gProject, fen(facts.prior.generalProject), 'general/project', '一般公共预算项目支出'))}。`,
  ]);
  const t5 = d.tables.find((t) => t.id === 'T5')!;
  const t5Classes = t5.rows.filter((r) => r.kind === 'code' && r.level === '类');
  sub(
    1,
    '一般公共预算当年拨款结构情况',
    t5Classes.map(
      (r, k) =>
        `${k + 1}.${r.label}（类）${join(a(d.get('T5', r.key, '合计')), ph.share(d.get('T5', r.key, '合计'), gTotal))}。`,
    ),
  );
  const t5Items = t5.rows.filter((r) => r.kind === 'code' && r.level === '项');
  sub(
    2,
    '一般公共预算当年拨款具体使用情况',
    t5Items.map((r, k) => {
      const code = r.key;
      const path = `${names.of('functional', code.slice(0, 3))}（类）${names.of('functional', code.slice(0, 5))}（款）${r.label}（项）`;
      const cur = d.get('T5', code, '合计');
      return `${k + 1}.${path}：${join(`${Y}年预算数为${a(cur)}`, ph.change(cur, fen(facts.prior.items[code]), `item/${code}`, path))}。`;
    }),
  );

  // 六 basic expenditure
  const t6 = d.tables.find((t) => t.id === 'T6')!;
  const econ = (kind: 'personnel' | 'operating') => {
    const codes = new Set(facts.basic.filter((b) => b.kind === kind).map((b) => b.code));
    return t6.rows.filter((r) => r.level === '款' && codes.has(r.key)).map((r) => r.label);
  };
  const personnel = d.get('T6', '合计', '人员经费');
  const operating = d.get('T6', '合计', '公用经费');
  const list = (xs: string[]) => (xs.length ? `，主要包括：${xs.join('、')}` : '');
  sec(5, `关于${U}${Y}年一般公共预算基本支出情况说明`, [
    `${U}${Y}年一般公共预算基本支出${a(d.get('T6', '合计', '合计'))}，其中：`,
    `人员经费${a(personnel)}${list(econ('personnel'))}。`,
    `公用经费${a(operating)}${list(econ('operating'))}。`,
  ]);

  // 七 projects: one description per project, its scale the sum of its T7 rows (a project paid from
  // several functional 项 is printed on one T7 row per 项)
  const t7 = d.tables.find((t) => t.id === 'T7')!;
  const projectLines: string[] = [];
  const projectRows = t7.rows.filter((r) => r.kind === 'project');
  const projectNames = [...new Set(projectRows.map((r) => r.label))];
  if (projectNames.length === 0) projectLines.push(`${U}${Y}年没有安排一般公共预算项目支出。`);
  projectNames.forEach((name, k) => {
    const entries = facts.projects.filter((x) => x.name === name);
    const scale = projectRows
      .filter((r) => r.label === name)
      .reduce((s, r) => s + d.get('T7', r.key, '项目支出合计'), 0);
    const need = (field: 'basis' | 'owner' | 'allocation' | 'period', what: string) => {
      const v = entries.find((x) => x[field]?.trim())?.[field];
      if (v?.trim()) return v.trim().replace(/[：:]/g, '，');
      ph.findings.push({
        severity: 'warning',
        message: `项目「${name}」：未提供${what}，已印占位文字`,
        where: `projects/${name}`,
      });
      return REASON_PLACEHOLDER;
    };
    projectLines.push(
      `${k + 1}.项目名称：${name}`,
      `设立的政策依据：${need('basis', '设立的政策依据')}`,
      `预算安排规模：${a(scale)}`,
      `项目承担单位：${need('owner', '项目承担单位')}`,
      `资金分配情况：${need('allocation', '资金分配情况')}`,
      `资金执行时间：${need('period', '资金执行时间')}`,
    );
  });
  sec(6, `关于${U}${Y}年一般公共预算项目支出情况说明`, projectLines);

  // 八 九 government funds, state capital
  for (const [n, id, what] of [
    [7, 'T8', '政府性基金预算拨款'],
    [8, 'T9', '国有资本经营预算拨款'],
  ] as const) {
    const t = d.tables.find((x) => x.id === id)!;
    const amount = d.get(id, '合计', '合计');
    const lines = t.statement ? [t.statement] : [`${U}${Y}年${what}支出${a(amount)}。`];
    sec(n, `关于${U}${Y}年${what}情况说明`, lines);
  }

  // 十 三公
  const sg = (item: string) => d.get('T10', item, '合计');
  const sgTotal = d.get('T10', '合计', '合计');
  const priorSg = (item: (typeof SANGONG_ITEMS)[number]) => fen(facts.prior.sangong[item]);
  const priorParts = SANGONG_ITEMS.map(priorSg);
  const priorTotal = priorParts.some((p) => p === null)
    ? null
    : priorParts.reduce<number>((s, p) => s + (p ?? 0), 0);
  const order = ['因公出国（境）费', '公务用车购置费', '公务用车运行费', '公务接待费'] as const;
  const changes = order.map(
    (item) => `${item}${ph.change(sg(item), priorSg(item), `sangong/${item}`, item)}`,
  );
  sec(9, `关于${U}${Y}年财政拨款“三公”经费预算情况说明`, [
    `${U}${Y}年财政拨款“三公”经费预算数为${a(sgTotal)}，其中：${order.map((i) => `${i}${a(sg(i))}`).join('，')}。`,
    `${Y}年财政拨款“三公”经费${ph.change(sgTotal, priorTotal, 'sangong', '“三公”经费')}；其中：${changes.join('；')}。`,
  ]);

  // 十一 other matters
  sec(10, '其他重要事项的情况说明', []);
  const operatingPrior = fen(facts.prior.operating);
  sub(0, '机关运行经费情况', [
    `${Y}年${U}机关运行经费财政拨款预算${join(a(operating), ph.change(operating, operatingPrior, 'operating', '机关运行经费'))}。`,
  ]);
  const pr = facts.procurement;
  if (pr) {
    const [g, w, s, r, rs] = [pr.goods, pr.works, pr.services, pr.reservedSme, pr.reservedSmall].map((x) =>
      toFen(x, unit),
    );
    sub(1, '政府采购情况', [
      `${Y}年${U}政府采购预算${a(g! + w! + s!)}，其中：政府采购货物预算${a(g!)}，政府采购工程预算${a(w!)}，政府采购服务预算${a(s!)}。`,
      `${Y}年度面向中小企业预留政府采购项目预算金额${a(r!)}，其中：面向小微企业预留政府采购项目预算金额${a(rs!)}。`,
    ]);
  } else sub(1, '政府采购情况', [`${Y}年${U}未安排政府采购预算。`]);
  const as = facts.assets;
  if (as) {
    const vf = as.vehicles.map((v) => ({ ...v, fen: toFen(v.value, unit) }));
    const count = vf.reduce((s, v) => s + v.count, 0);
    const value = vf.reduce((s, v) => s + v.fen, 0);
    sub(2, '国有资产占用使用情况', [
      `截至${as.asOf ?? Y - 1}年底，${U}占用使用国有资产总体情况为：`,
      `1.房屋${as.buildingArea}平方米，价值${a(toFen(as.buildingValue, unit))}。`,
      `2.车辆${count}辆，价值${a(value)}${vf.length ? `；其中：${vf.map((v) => `${v.kind}${v.count}辆，价值${a(v.fen)}`).join('；')}` : ''}。`,
      `3.办公家具价值${a(toFen(as.furniture, unit))}。`,
      `4.其他资产价值${a(toFen(as.other, unit))}。`,
      `单位价值50万元以上大型设备${as.equipment50}台（套），单位价值100万元以上大型设备${as.equipment100}台（套）。`,
    ]);
  } else sub(2, '国有资产占用使用情况', [`截至${Y - 1}年底，${U}未占用使用国有资产。`]);
  const perf = facts.performance.map((p) => ({
    fiscal: toFen(p.fiscal, unit),
    total: toFen(p.total, unit),
  }));
  const fiscalP = perf.filter((p) => p.fiscal > 0);
  const otherP = perf.filter((p) => p.fiscal === 0);
  const sum = (xs: { total: number }[]) => xs.reduce((s, x) => s + x.total, 0);
  out.push({
    heading: `（${NUMERALS[3]}）预算绩效情况`,
    lines: [
      perf.length
        ? `${Y}年，本年度预算绩效管理的财政拨款项目${fiscalP.length}个，涉及预算金额${a(sum(fiscalP))}；非财政拨款项目${otherP.length}个，涉及预算金额${a(sum(otherP))}。具体情况见下表（按项目分别填报）：`
        : `${Y}年，${U}没有纳入预算绩效管理的项目。`,
    ],
    performanceAfter: true,
  });
  sub(4, '其他需说明的事项', [facts.otherMatters?.trim() || '无其他需要说明的事项。']);
  return out;
}
