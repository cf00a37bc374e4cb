/** The public pages over the store: home, region, unit, disclosure (with downloads and charts), search, totals. */
import type { Hono } from 'hono';
import { loadCatalog } from '../../catalog/catalog.ts';
import { cellsCsv } from '../../render/csv.ts';
import { RENDERERS } from '../../render/index.ts';
import { shapeOf } from '../../rules/classification/codes.ts';
import type { Store } from '../../store/db.ts';
import { listDisclosures, listRegions, listUnits, regionTotals } from '../../store/queries.ts';
import {
  type DisclosureRecord,
  getOriginal,
  getUnit,
  qualityOf,
  getDisclosure as readDisclosure,
  regionYears,
  searchRows,
} from '../../store/read.ts';
import { getTemplate } from '../../templates/index.ts';
import { Lru } from '../cache.ts';
import { type ChartData, chartData, chartSvg, keyFigures, seriesSvg } from '../charts.ts';
import { markedDocument } from '../document.ts';
import type { Env } from '../env.ts';
import { t } from '../i18n.ts';
import { html } from '../layout.tsx';
import { ComparePage } from '../pages/compare.tsx';
import { DisclosurePage, type Download } from '../pages/disclosure.tsx';
import { HomePage } from '../pages/home.tsx';
import { RegionPage } from '../pages/region.tsx';
import { type IndicatorHit, SearchPage } from '../pages/search.tsx';
import { TotalsPage } from '../pages/totals.tsx';
import { UnitPage } from '../pages/unit.tsx';
import { searchIndicators } from '../search.ts';

const ORIGINAL_MIME: Record<string, string> = {
  pdf: 'application/pdf',
  text: 'text/plain; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
};

const id = (s: string | undefined) => (s && /^\d{1,12}$/.test(s) ? Number(s) : null);

/** A file name for downloads: the unit and year, nothing a header could be confused by. */
function fileName(unit: string, year: number, ext: string): string {
  return `${unit.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 60)}-${year}.${ext}`;
}

function attachment(name: string): string {
  return `attachment; filename="download.${name.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function pageRoutes(app: Hono<Env>, store: Store): void {
  const { db } = store;
  // published versions never change: their records and rendered parts are kept by id
  const records = new Lru<number, DisclosureRecord | null>(64);
  const rendered = new Lru<number, { marked: ReturnType<typeof markedDocument>; charts: ChartData[] }>(64);
  const record = (n: number) => records.get(n, () => readDisclosure(db, n));
  const renderedOf = (d: DisclosureRecord) =>
    rendered.get(d.id, async () => ({
      marked: markedDocument(d.model, d.report.findings),
      charts: chartData(d.model),
    }));

  app.get('/', async (c) => {
    const lang = c.get('lang');
    // a bounded page: the first 30 disclosures of each region, and its years
    const regions = await listRegions(db);
    const shown: Awaited<ReturnType<typeof listDisclosures>> = [];
    const years = new Map<string, number[]>();
    for (const r of regions) {
      shown.push(...(await listDisclosures(db, { region: r.code, limit: 31 })));
      years.set(r.code, await regionYears(db, r.code));
    }
    shown.sort((a, b) => b.year - a.year || a.unit.localeCompare(b.unit, 'zh'));
    const quality = await qualityOf(
      db,
      shown.map((d) => d.id),
    );
    return c.html(
      html(
        <HomePage
          lang={lang}
          path={c.req.url}
          regions={regions}
          years={years}
          disclosures={shown}
          quality={quality}
        />,
      ),
    );
  });

  app.get('/r/:region', async (c) => {
    const lang = c.get('lang');
    const code = c.req.param('region');
    const region = (await listRegions(db)).find((r) => r.code === code);
    if (!region) return c.notFound();
    const disclosures = await listDisclosures(db, { region: code });
    const units = await listUnits(db, code);
    const quality = await qualityOf(
      db,
      disclosures.map((d) => d.id),
    );
    return c.html(
      html(
        <RegionPage
          lang={lang}
          path={c.req.url}
          region={region}
          disclosures={disclosures}
          unitIds={new Map(units.map((u) => [u.name, u.id]))}
          quality={quality}
        />,
      ),
    );
  });

  app.get('/u/:id', async (c) => {
    const unitId = id(c.req.param('id'));
    const unit = unitId === null ? null : await getUnit(db, unitId);
    if (!unit) return c.notFound();
    const years = await unitYears(record, unit.disclosures);
    return c.html(html(<UnitPage lang={c.get('lang')} path={c.req.url} unit={unit} years={years} />));
  });

  app.get('/u/:id/sangong.svg', async (c) => {
    const unitId = id(c.req.param('id'));
    const unit = unitId === null ? null : await getUnit(db, unitId);
    if (!unit) return c.notFound();
    const years = await unitYears(record, unit.disclosures);
    const points = years.flatMap((y) => {
      const f = y.figures.find((x) => x.id === 'sangong')?.fen;
      return f === null || f === undefined ? [] : [{ year: y.year, fen: f }];
    });
    const lang = c.get('lang');
    return c.body(seriesSvg(`${t(lang, 'sangong')}（${lang === 'zh' ? '万元' : '10k yuan'}）`, points), 200, {
      'Content-Type': 'image/svg+xml',
    });
  });

  app.get('/d/:id', async (c) => {
    const lang = c.get('lang');
    const n = id(c.req.param('id'));
    const d = n === null ? null : await record(n);
    if (!d) return c.notFound();
    const { marked, charts } = await renderedOf(d);
    const downloads: Download[] = [
      { format: 'original', label: `${t(lang, 'original')} (${d.format})` },
      ...Object.keys(RENDERERS).map((f) => ({ format: f, label: f.toUpperCase() })),
      { format: 'csv', label: 'CSV' },
      { format: 'json', label: 'JSON' },
    ];
    // the unit's other years first, then others of the region (a bounded list: regions hold thousands)
    const mine = await listDisclosures(db, { region: d.region, unit: d.unit });
    const near = await listDisclosures(db, { region: d.region, limit: 300 });
    const seen = new Set<number>([d.id]);
    const others = [...mine.sort((x, y) => y.year - x.year), ...near]
      .filter((x) => !seen.has(x.id) && seen.add(x.id))
      .slice(0, 300)
      .map((x) => ({ id: x.id, label: `${x.unit} ${x.year}` }));
    return c.html(
      html(
        <DisclosurePage
          others={others}
          lang={lang}
          path={c.req.url}
          d={d}
          charts={charts}
          document={marked.html}
          anchors={marked.anchors}
          downloads={downloads}
        />,
      ),
    );
  });

  app.get('/d/:id/charts/:chart{[a-z-]+\\.svg}', async (c) => {
    const n = id(c.req.param('id'));
    const d = n === null ? null : await record(n);
    const chart = d && (await renderedOf(d)).charts.find((x) => `${x.id}.svg` === c.req.param('chart'));
    if (!chart) return c.notFound();
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(chartSvg(chart, c.get('lang')), 200, { 'Content-Type': 'image/svg+xml' });
  });

  app.get('/d/:id/download/:format', async (c) => {
    const n = id(c.req.param('id'));
    const d = n === null ? null : await record(n);
    if (!d) return c.notFound();
    const format = c.req.param('format');
    const send = (bytes: Uint8Array | string, mime: string, ext: string) =>
      c.body(typeof bytes === 'string' ? bytes : new Uint8Array(bytes), 200, {
        'Content-Type': mime,
        'Content-Disposition': attachment(fileName(d.unit, d.year, ext)),
      });
    if (format === 'original') {
      const f = await getOriginal(db, d.sha256);
      if (!f) return c.notFound();
      return send(
        f.content,
        ORIGINAL_MIME[f.format] ?? 'application/octet-stream',
        f.format === 'text' ? 'txt' : f.format,
      );
    }
    if (format === 'csv') return send(cellsCsv(d.model), 'text/csv; charset=utf-8', 'csv');
    if (format === 'json') return send(`${JSON.stringify(d.model, null, 2)}\n`, 'application/json', 'json');
    const r = RENDERERS[format as keyof typeof RENDERERS];
    if (!r) return c.notFound();
    return send(await r.render(d.model), r.mime, r.extension);
  });

  app.get('/compare', async (c) => {
    const [a, b] = [id(c.req.query('a')), id(c.req.query('b'))];
    const [da, db2] = [a === null ? null : await record(a), b === null ? null : await record(b)];
    if (!da || !db2) return c.notFound();
    const side = (d: NonNullable<typeof da>) => ({
      d,
      figures: keyFigures(d.model),
      byClass: chartData(d.model).find((x) => x.id === 'by-class'),
    });
    return c.html(html(<ComparePage lang={c.get('lang')} path={c.req.url} a={side(da)} b={side(db2)} />));
  });

  app.get('/search', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 100);
    const rows = q ? await searchRows(db, q) : [];
    const indicators: IndicatorHit[] = q && !/^\d+$/.test(q) ? await searchIndicators(store, q) : [];
    return c.html(
      html(<SearchPage lang={c.get('lang')} path={c.req.url} q={q} rows={rows} indicators={indicators} />),
    );
  });

  app.get('/r/:region/totals', async (c) => {
    const code = c.req.param('region');
    const region = (await listRegions(db)).find((r) => r.code === code);
    if (!region) return c.notFound();
    const all = await listDisclosures(db, { region: code });
    if (all.length === 0) return c.notFound();
    const years = [...new Set(all.map((d) => d.year))].sort((a, b) => b - a);
    const year = Number(c.req.query('year')) || years[0]!;
    const templateId =
      mostCommon(all.filter((d) => d.year === year).map((d) => d.template)) ?? all[0]!.template;
    const template = getTemplate(templateId);
    const tables = template.tables
      .filter((x) =>
        x.blocks.some((b) => b.rows === 'functional' || b.rows === 'economic' || b.rows === 'projects'),
      )
      .map((x) => ({ id: x.id, title: x.titles[0]! }));
    const table = tables.find((x) => x.id === c.req.query('table'))?.id ?? tables[0]?.id ?? 'T1';
    const by = c.req.query('by') === 'economic' ? 'economic' : 'code';
    const level = (['类', '款', '项'] as const).find((l) => l === c.req.query('level')) ?? '类';
    const prefix = (c.req.query('prefix') ?? '').replace(/\D/g, '').slice(0, 7);
    const totals = (
      await regionTotals(db, { region: code, year, table, by, level, template: templateId })
    ).filter((x) => x.key.startsWith(prefix));
    const catalog = loadCatalog();
    const names = new Map<string, string>();
    for (const k of [...totals.map((x) => x.key), prefix].filter(Boolean)) {
      const kind = shapeOf(k);
      const e = kind ? catalog.lookup(kind, k, year) : null;
      if (e) names.set(k, e.entry.name);
    }
    return c.html(
      html(
        <TotalsPage
          lang={c.get('lang')}
          path={c.req.url}
          region={region}
          v={{ year, years, table, tables, by, level, prefix, names, totals }}
        />,
      ),
    );
  });
}

function mostCommon(list: string[]): string | undefined {
  const n = new Map<string, number>();
  for (const x of list) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Key figures of the latest version of each year, oldest first. */
async function unitYears(
  record: (id: number) => Promise<DisclosureRecord | null>,
  list: { id: number; year: number; latest: boolean }[],
) {
  const out = [];
  for (const d of list.filter((x) => x.latest).sort((a, b) => a.year - b.year)) {
    const r = await record(d.id);
    if (r) out.push({ year: d.year, id: d.id, figures: keyFigures(r.model) });
  }
  return out;
}
