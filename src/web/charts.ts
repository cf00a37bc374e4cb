/**
 * Charts of a disclosure, drawn on the server as SVG with ECharts (no script in the page): spending
 * by 类, basic against project spending, the economic structure of basic spending, income by source,
 * and a series over years. Each chart is derived from the template's column meanings, so it works for
 * every template; a chart without data is absent, never drawn empty. Amounts are exact fen turned into
 * 万元 only for drawing.
 */

import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Disclosure, Row, Table } from '../model/schema.ts';
import { getTemplate } from '../templates/index.ts';
import type { BlockSpec, ColumnSpec } from '../templates/schema.ts';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

export interface Datum {
  name: string;
  fen: number;
}

export interface ChartData {
  id: 'by-class' | 'basic-project' | 'economic' | 'income';
  title: { zh: string; en: string };
  kind: 'bar' | 'pie';
  data: Datum[];
}

function specOf(doc: Disclosure, table: Table): BlockSpec[] {
  try {
    return getTemplate(doc.template).tables.find((t) => t.id === table.id)?.blocks ?? [];
  } catch {
    return [];
  }
}

const fenOf = (row: Row | undefined, column: string): number | null =>
  row?.cells.find((c) => c.column === column)?.fen ?? null;

/** The total column of a block: the one marked total, or its only amount column. */
function totalColumn(block: BlockSpec): ColumnSpec | undefined {
  const amounts = block.columns.filter((c) => c.meaning.measure === 'amount');
  return amounts.find((c) => c.meaning.total) ?? (amounts.length === 1 ? amounts[0] : undefined);
}

/** The first table with a block of these rows and a total column (and, if asked, some columns). */
function findBlock(
  doc: Disclosure,
  rows: BlockSpec['rows'],
  wants: (b: BlockSpec) => boolean = () => true,
): { table: Table; block: BlockSpec; total: ColumnSpec } | null {
  for (const table of doc.tables) {
    for (const block of specOf(doc, table)) {
      const total = totalColumn(block);
      if (block.rows === rows && total && wants(block)) {
        const present = table.rows.some((r) => (r.block ?? 'main') === block.id || !r.block);
        if (present) return { table, block, total };
      }
    }
  }
  return null;
}

function classRows(table: Table, block: BlockSpec): Row[] {
  return table.rows.filter(
    (r) => r.kind === 'code' && r.code?.length === 3 && (r.block === undefined || r.block === block.id),
  );
}

const nonzero = (data: Datum[]) => data.filter((d) => d.fen !== 0);

export function chartData(doc: Disclosure): ChartData[] {
  const out: ChartData[] = [];
  const spending = findBlock(doc, 'functional', (b) => b.columns.some((c) => c.meaning.spending === 'basic'));
  const functional = spending ?? findBlock(doc, 'functional');
  if (functional) {
    const data = nonzero(
      classRows(functional.table, functional.block).map((r) => ({
        name: r.label.replace(/^[一二三四五六七八九十]+、/, ''),
        fen: fenOf(r, functional.total.id) ?? 0,
      })),
    );
    if (data.length > 0)
      out.push({
        id: 'by-class',
        title: { zh: '支出按功能分类（类）', en: 'Spending by function (类)' },
        kind: 'bar',
        data,
      });
  }
  if (spending) {
    const total = spending.table.rows.find((r) => r.kind === 'total');
    const basic = spending.block.columns.find((c) => c.meaning.spending === 'basic');
    const project = spending.block.columns.find((c) => c.meaning.spending === 'project');
    if (total && basic && project) {
      const data = nonzero([
        { name: '基本支出', fen: fenOf(total, basic.id) ?? 0 },
        { name: '项目支出', fen: fenOf(total, project.id) ?? 0 },
      ]);
      if (data.length > 0)
        out.push({
          id: 'basic-project',
          title: { zh: '基本支出与项目支出', en: 'Basic and project spending' },
          kind: 'pie',
          data,
        });
    }
  }
  const economic = findBlock(doc, 'economic');
  if (economic) {
    const data = nonzero(
      classRows(economic.table, economic.block).map((r) => ({
        name: r.label,
        fen: fenOf(r, economic.total.id) ?? 0,
      })),
    );
    if (data.length > 0)
      out.push({
        id: 'economic',
        title: { zh: '基本支出经济分类（类）', en: 'Basic spending by economic class' },
        kind: 'pie',
        data,
      });
  }
  const income = incomeLines(doc);
  if (income.length > 0)
    out.push({ id: 'income', title: { zh: '收入来源', en: 'Income by source' }, kind: 'pie', data: income });
  return out;
}

/** The income block of the first table that has one: its top lines (not totals, not sub-lines). */
function incomeLines(doc: Disclosure): Datum[] {
  for (const table of doc.tables) {
    const block = specOf(doc, table).find((b) => b.id === 'income' && b.rows === 'lines');
    if (!block) continue;
    const column = block.columns.find((c) => c.meaning.measure === 'amount');
    const top = new Set((block.lines ?? []).filter((l) => !l.parent).map((l) => l.id));
    if (!column) continue;
    return nonzero(
      table.rows
        .filter((r) => r.block === 'income' && r.kind === 'line' && top.has(r.key))
        .map((r) => ({
          name: r.label.replace(/^[一二三四五六七八九十]+、/, ''),
          fen: fenOf(r, column.id) ?? 0,
        })),
    );
  }
  return [];
}

/** 万元 with two decimals, for drawing only. */
const wan = (fen: number) => Math.round(fen / 100) / 10000;

const FONT = "'Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif";

/** One chart as an SVG document. */
export function chartSvg(chart: ChartData, lang: 'zh' | 'en', width = 640, height = 360): string {
  const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const title = {
    text: `${chart.title[lang]}（${lang === 'zh' ? '万元' : '10k yuan'}）`,
    left: 'center',
    textStyle: { fontSize: 14, fontFamily: FONT },
  };
  if (chart.kind === 'pie') {
    c.setOption({
      animation: false,
      title,
      legend: { bottom: 0, textStyle: { fontFamily: FONT } },
      series: [
        {
          type: 'pie',
          radius: ['35%', '62%'],
          center: ['50%', '50%'],
          label: { formatter: '{b}\n{c}（{d}%）', fontFamily: FONT },
          data: chart.data.map((d) => ({ name: d.name, value: wan(d.fen) })),
        },
      ],
    });
  } else {
    c.setOption({
      animation: false,
      title,
      grid: { left: 200, right: 60, top: 40, bottom: 20 },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: chart.data.map((d) => d.name),
        axisLabel: { fontFamily: FONT, width: 190, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: chart.data.map((d) => wan(d.fen)),
          label: { show: true, position: 'right', fontFamily: FONT },
        },
      ],
    });
  }
  const svg = c.renderToSVGString();
  c.dispose();
  return svg;
}

/** A line over years (e.g. 三公 of one unit). */
export function seriesSvg(
  title: string,
  points: { year: number; fen: number }[],
  width = 640,
  height = 300,
): string {
  const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  c.setOption({
    animation: false,
    title: { text: title, left: 'center', textStyle: { fontSize: 14, fontFamily: FONT } },
    grid: { left: 70, right: 30, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: points.map((p) => String(p.year)) },
    yAxis: { type: 'value' },
    series: [{ type: 'line', data: points.map((p) => wan(p.fen)), label: { show: true }, symbolSize: 8 }],
  });
  const svg = c.renderToSVGString();
  c.dispose();
  return svg;
}

/** The 三公 total of a disclosure: the total row of the table titled with 三公, in its total column. */
export function sangongTotal(doc: Disclosure): number | null {
  for (const table of doc.tables) {
    if (!table.title.includes('三公')) continue;
    const block = specOf(doc, table)[0];
    const total = block && totalColumn(block);
    if (!total) continue;
    const row = table.rows.find((r) => r.kind === 'total') ?? table.rows[0];
    return fenOf(row, total.id);
  }
  return null;
}

export interface KeyFigure {
  id: 'spending' | 'basic' | 'project' | 'sangong';
  title: { zh: string; en: string };
  fen: number | null;
}

/** The figures a reader compares first: total spending, basic and project spending, 三公. */
export function keyFigures(doc: Disclosure): KeyFigure[] {
  const spending = findBlock(doc, 'functional', (b) => b.columns.some((c) => c.meaning.spending === 'basic'));
  const total = spending?.table.rows.find((r) => r.kind === 'total');
  const col = (s: 'basic' | 'project') => spending?.block.columns.find((c) => c.meaning.spending === s)?.id;
  const basic = col('basic');
  const project = col('project');
  return [
    {
      id: 'spending',
      title: { zh: '支出合计', en: 'Total spending' },
      fen: spending ? fenOf(total, spending.total.id) : null,
    },
    { id: 'basic', title: { zh: '基本支出', en: 'Basic spending' }, fen: basic ? fenOf(total, basic) : null },
    {
      id: 'project',
      title: { zh: '项目支出', en: 'Project spending' },
      fen: project ? fenOf(total, project) : null,
    },
    { id: 'sangong', title: { zh: '“三公”经费', en: '“Three public” expenses' }, fen: sangongTotal(doc) },
  ];
}
