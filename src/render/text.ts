/**
 * Plain-text rendering of a Disclosure in the layout the text reader reads (the Xinjiang 2023 text
 * layout): part headings, one line per table row (code, name, every cell in column order), the two
 * side-by-side blocks of 收支总表 on shared lines, Part 3 sections line by line with the performance
 * tables after the performance subsection, then the glossary and the signature.
 */
import type { Disclosure, PerformanceTable, Row, Section, Table } from '../model/schema.ts';
import { getTemplate } from '../templates/index.ts';

function cellsOf(t: Table, r: Row, block?: string): string[] {
  const columns = t.columns.filter((c) => (c.block ?? undefined) === block);
  return columns.map((c) => r.cells.find((x) => x.column === c.id)?.value ?? '');
}

/** A row as printed: code, name (for a project: its subject's name and its own), every cell. */
export function rowLine(t: Table, r: Row, block?: string): string {
  const nums = cellsOf(t, r, block).filter((v) => v !== '');
  if (r.kind === 'total' || r.kind === 'line') return [r.label, ...nums].join(' ');
  const name = r.kind === 'project' ? [r.subject ?? '', r.label].filter(Boolean).join(' ') : r.label;
  return [r.code ?? r.key, name, ...nums].join(' ');
}

function tableLines(t: Table): string[] {
  const out: string[] = [];
  if (t.number) out.push(t.number);
  out.push(t.title, `编制单位：${t.unitName ?? ''} 单位：${t.unit ?? ''}`);
  const blocks = [...new Set(t.columns.map((c) => c.block))];
  if (blocks.length > 1) {
    const [left, right] = blocks as [string, string];
    out.push(t.columns.map((c) => c.header).join(' '));
    const rows = (b: string) => t.rows.filter((r) => r.block === b && r.kind !== 'total');
    const totals = (b: string) => t.rows.filter((r) => r.block === b && r.kind === 'total');
    const l = rows(left);
    const r = rows(right);
    for (let i = 0; i < Math.max(l.length, r.length); i++) {
      out.push(
        [l[i] ? rowLine(t, l[i]!, left) : '', r[i] ? rowLine(t, r[i]!, right) : ''].filter(Boolean).join(' '),
      );
    }
    const lt = totals(left)[0];
    const rt = totals(right)[0];
    out.push([lt ? rowLine(t, lt, left) : '', rt ? rowLine(t, rt, right) : ''].filter(Boolean).join(' '));
  } else {
    const codes = t.rows.some((r) => r.kind === 'code' || r.kind === 'project');
    const lines = t.rows.some((r) => r.kind === 'line');
    const head = lines ? ['项目'] : codes || t.statement ? ['科目编码', '科目名称'] : [];
    if (t.rows.some((r) => r.kind === 'project')) head.push('项目名称');
    out.push([...head, ...t.columns.map((c) => c.header)].join(' '));
    for (const r of t.rows) out.push(rowLine(t, r));
  }
  if (t.statement) out.push(t.statement);
  out.push('');
  return out;
}

/** A section's printed lines: its text cut at the recorded line starts (one line when none). */
function sectionLines(s: Section): string[] {
  const starts = (s.lineStarts ?? []).map(([at]) => at);
  if (starts.length === 0) return s.text ? [s.text] : [];
  return starts.map((at, k) => s.text.slice(at, starts[k + 1] ?? s.text.length).trim());
}

function heading(s: Section): string {
  const sub = /^(.+)（(.+)）$/.exec(s.id);
  return sub ? `（${sub[2]}）${s.title}` : `${s.id}、${s.title}`;
}

function performanceLines(p: PerformanceTable, title: string, fields: string[]): string[] {
  const f = p.funds;
  const out = [
    title,
    `(${p.year ?? ''}年)`,
    `预算单位 ${p.unitName}`,
    `项目名称 ${p.project} 项目负责人 ${p.owner}`,
    `项目资金（${f.total?.unit ?? '万元'}） 年度预算总额：${f.total?.value ?? ''} 其中：财政拨款 ${f.fiscal?.value ?? ''} 其他资金：${f.other?.value ?? ''}`,
    `项目总体目标 ${p.goal}`,
    fields.join(' '),
  ];
  let l1 = '';
  let l2 = '';
  for (const i of p.indicators) {
    const labels: string[] = [];
    if (i.level1 !== l1) labels.push(i.level1, i.level2);
    else if (i.level2 !== l2) labels.push(i.level2);
    l1 = i.level1;
    l2 = i.level2;
    out.push([...labels, i.level3, i.value, i.basis, i.prior, i.weight, i.scoring, i.evidence].join(' '));
  }
  out.push('');
  return out;
}

export function renderText(d: Disclosure): string {
  const template = getTemplate(d.template);
  const out: string[] = [];
  const p1 = d.part1;
  if (p1) {
    out.push(`第一部分 ${d.unitName ?? ''}概况`, '', '一、主要职能');
    for (const f of p1.functions) out.push(`（${f.number}）${f.text}`);
    out.push('二、机构设置及人员情况', p1.organization.text, '');
  }
  out.push(`第二部分 ${d.year ?? ''}年预算公开表`, '');
  for (const t of d.tables) out.push(...tableLines(t));
  out.push(`第三部分 ${d.year ?? ''}年预算情况说明`, '');
  const perfMatch = template.narrative.subsections.find((s) => s.kind === 'performance')?.match;
  const perfAfter = perfMatch ? d.narrative.findIndex((s) => new RegExp(perfMatch).test(s.title)) : -1;
  const perf = () => {
    for (const p of d.performance)
      out.push(...performanceLines(p, template.performance.title, template.performance.fields));
  };
  d.narrative.forEach((s, k) => {
    out.push(heading(s), ...sectionLines(s));
    if (k === perfAfter) perf();
  });
  if (perfAfter < 0) perf();
  out.push('', '第四部分 名词解释');
  for (const g of d.glossary) out.push(`${g.number}、${g.term}：${g.definition}`);
  if (d.signature) {
    const [y, m, day] = d.signature.date.split('-');
    out.push('', d.signature.unitName, `${y}年${Number(m)}月${Number(day)}日`);
  }
  return `${out.join('\n')}\n`;
}
