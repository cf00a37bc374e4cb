/** Check reports as JSON, terminal text, CSV and one self-contained HTML page. */
import { RULES } from '../rules/registry.ts';
import type { Finding, Location, Report } from '../rules/types.ts';
import type { Place } from '../rules/where.ts';
import { csvLine } from './csv.ts';

export interface ReportEntry {
  report?: Report;
  source: string;
  error?: string;
}

export function reportJson(entries: ReportEntry[]): string {
  const documents = entries.map((e) =>
    e.report
      ? {
          source: e.source,
          unit: e.report.unit,
          year: e.report.year,
          template: e.report.template,
          findings: e.report.findings.map((f) => ({
            rule: f.rule,
            severity: f.severity,
            category: f.category,
            message: f.message,
            locations: f.locations,
            stated: f.stated ?? null,
            expected: f.expected ?? null,
            difference: f.difference ?? null,
            ...(f.tolerance ? { tolerance: f.tolerance } : {}),
          })),
          obligations: e.report.obligations.map((o) => ({
            rule: o.rule,
            status: o.status,
            reason: o.reason ?? (o.count !== undefined ? `${o.count} finding(s)` : null),
          })),
        }
      : { source: e.source, error: e.error },
  );
  return `${JSON.stringify({ documents }, null, 2)}\n`;
}

/** A workbook location by its sheet and cell, a PDF's by its page, a text document's by its line. */
function where(l: Place): string {
  if (l.sheet) return ` (${l.sheet}${l.cell ? `!${l.cell}` : ''})`;
  return l.page ? ` (第${l.page}页)` : l.line ? ` (第${l.line}行)` : '';
}

export function locationText(l: Location): string {
  if ('table' in l) return [l.table, l.row, l.column].filter(Boolean).join(' ') + where(l);
  if (l.part === 'P3') return `说明 ${l.section}${l.item ? ` 第${l.item}项` : ''}${where(l)}`;
  if (l.part === 'PERF')
    return `绩效目标表「${l.project}」${l.indicator ? ` ${l.indicator}` : ''}${where(l)}`;
  return `${l.part === 'P1' ? '概况' : '名词解释'}${l.field ? ` ${l.field}` : ''}${where(l)}`;
}

/** The places of a finding, at most six named, the rest counted. */
export function locationsText(ls: Location[]): string {
  const shown = ls.slice(0, 6).map(locationText).join('；');
  return ls.length > 6 ? `${shown} 等 ${ls.length} 处` : shown;
}

function partOf(f: Finding): string {
  const l = f.locations[0];
  if (!l) return '其他';
  if ('table' in l) return `表格 ${l.table}`;
  return { P3: '第三部分 说明', PERF: '项目支出绩效目标表', P1: '第一部分 概况', P4: '第四部分 名词解释' }[
    l.part
  ];
}

const SEV = { error: '错误', warning: '警告', info: '提示' } as const;
const RANK = { error: 0, warning: 1, info: 2 } as const;

function grouped(findings: Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(partOf(f), [...(groups.get(partOf(f)) ?? []), f]);
  // Parts in the document's own order: tables, explanation, performance tables, Part 1, glossary.
  const order = (k: string) =>
    k.startsWith('表格')
      ? `0${k}`
      : k.startsWith('第三部分')
        ? '1'
        : k.startsWith('项目支出')
          ? '2'
          : `3${k}`;
  return [...groups.entries()]
    .map(([k, fs]) => [k, [...fs].sort((a, b) => RANK[a.severity] - RANK[b.severity])] as [string, Finding[]])
    .sort((a, b) => order(a[0]).localeCompare(order(b[0]), 'en', { numeric: true }));
}

export function reportText(entries: ReportEntry[]): string {
  const out: string[] = [];
  for (const e of entries) {
    out.push(`== ${e.source}`);
    if (!e.report) {
      out.push(`   无法读取：${e.error}`, '');
      continue;
    }
    const r = e.report;
    const count = (s: keyof typeof SEV) => r.findings.filter((f) => f.severity === s).length;
    out.push(
      `   ${r.unit ?? '?'} · ${r.year ?? '?'} 年 · 模板 ${r.template} · 错误 ${count('error')} · 警告 ${count('warning')} · 提示 ${count('info')}`,
    );
    for (const [part, fs] of grouped(r.findings)) {
      out.push('', `-- ${part}`);
      for (const f of fs) {
        out.push(`   [${SEV[f.severity]}] ${f.message}`);
        out.push(`          ${f.rule} · ${locationsText(f.locations)}`);
      }
    }
    const by = (s: string) => r.obligations.filter((o) => o.status === s);
    out.push(
      '',
      `   规则：通过 ${by('passed').length} · 未通过 ${by('failed').length} · 不适用 ${by('not-applicable').length} · 数据不足 ${by('insufficient-data').length}`,
    );
    for (const o of [...by('not-applicable'), ...by('insufficient-data')])
      out.push(`          ${o.rule}：${o.status}（${o.reason}）`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

export function reportCsv(entries: ReportEntry[]): string {
  const out = [
    csvLine([
      'source',
      'rule',
      'severity',
      'category',
      'message',
      'location',
      'stated',
      'expected',
      'difference',
    ]),
  ];
  for (const e of entries) {
    for (const f of e.report?.findings ?? []) {
      out.push(
        csvLine([
          e.source,
          f.rule,
          f.severity,
          f.category,
          f.message,
          f.locations.map(locationText).join('; '),
          f.stated,
          f.expected,
          f.difference,
        ]),
      );
    }
  }
  return `${out.join('\n')}\n`;
}

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

export function reportHtml(entries: ReportEntry[]): string {
  const title = (id: string) => RULES.find((r) => r.meta.id === id)?.meta.title.zh ?? id;
  const body = entries
    .map((e) => {
      if (!e.report)
        return `<section><h2>${escapeHtml(e.source)}</h2><p class="unreadable">无法读取：${escapeHtml(e.error ?? '')}</p></section>`;
      const r = e.report;
      const groups = grouped(r.findings)
        .map(
          ([part, fs]) =>
            `<h3>${escapeHtml(part)}</h3><table><thead><tr><th scope="col">级别</th><th scope="col">问题</th><th scope="col">位置</th><th scope="col">所述</th><th scope="col">应为</th><th scope="col">差额</th><th scope="col">规则</th></tr></thead><tbody>${fs
              .map(
                (f) =>
                  `<tr class="${f.severity}"><td>${SEV[f.severity]}</td><td>${escapeHtml(f.message)}</td><td>${escapeHtml(locationsText(f.locations))}</td><td class="n">${escapeHtml(f.stated ?? '')}</td><td class="n">${escapeHtml(f.expected ?? '')}</td><td class="n">${escapeHtml(f.difference ?? '')}</td><td><code>${escapeHtml(f.rule)}</code><br>${escapeHtml(title(f.rule))}</td></tr>`,
              )
              .join('')}</tbody></table>`,
        )
        .join('');
      const obligations = `<details><summary>全部规则（${r.obligations.length}）</summary><table><thead><tr><th scope="col">规则</th><th scope="col">状态</th><th scope="col">说明</th></tr></thead><tbody>${r.obligations
        .map(
          (o) =>
            `<tr><td><code>${escapeHtml(o.rule)}</code> ${escapeHtml(title(o.rule))}</td><td>${escapeHtml(o.status)}</td><td>${escapeHtml(o.reason ?? (o.count !== undefined ? `${o.count} 项` : ''))}</td></tr>`,
        )
        .join('')}</tbody></table></details>`;
      return `<section><h2>${escapeHtml(r.unit ?? e.source)} · ${r.year ?? ''} 年</h2><p>${escapeHtml(e.source)} · 模板 ${escapeHtml(r.template)}</p>${groups || '<p>未发现问题。</p>'}${obligations}</section>`;
    })
    .join('');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>公开 Gongkai 审核报告</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.35rem .5rem;vertical-align:top;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}tr.error td:first-child{color:#b00020;font-weight:600}
tr.warning td:first-child{color:#8a5a00;font-weight:600}tr.info td:first-child{color:#555}td:first-child{white-space:nowrap}
.unreadable{color:#b00020}code{font-size:.85em}
</style></head><body><h1>审核报告</h1>${body}</body></html>
`;
}
