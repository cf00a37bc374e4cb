/** The public pages over the store: home, region, unit, disclosure (with downloads and charts), search, totals. */
import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
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
  storeGeneration,
} from '../../store/read.ts';
import { getTemplate } from '../../templates/index.ts';
import { Lru } from '../cache.ts';
import { type ChartData, chartData, chartSvg, keyFigures, seriesSvg } from '../charts.ts';
import { markedDocument } from '../document.ts';
import type { Env } from '../env.ts';
import { newPageCache, type PageCache, servePage } from '../http-cache.ts';
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

export interface PageRoutesOptions {
  /** the whole-page cache (default: a new one of PAGE_CACHE_BYTES) */
  pages?: PageCache;
}

/**
 * Pages are cached whole (see http-cache.ts). Every page that lists versions or names the latest —
 * home, region, unit, totals, and the disclosure page itself (it links the latest version and lists
 * the others to compare with) — is keyed by the store's generation, bumped by every import, so an
 * import shows at once. A comparison of two versions depends on them alone.
 */
export function pageRoutes(app: Hono<Env>, store: Store, options: PageRoutesOptions = {}): void {
  const { db } = store;
  const pages = options.pages ?? newPageCache();
  const shas = new Lru<number, string | null>(10_000);
  const shaOf = (n: number) =>
    shas.get(n, async () => {
      const r = await db.selectFrom('disclosures').select('sha256').where('id', '=', n).executeTakeFirst();
      return r?.sha256 ?? null;
    });
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
    const gen = await storeGeneration(db);
    return servePage(c, pages, { key: `home|${gen}`, tag: [`g${gen}`], maxAge: 0, render: () => home(c) });
  });
  const home = async (c: Context<Env>) => {
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
    return html(
      <HomePage lang={lang} path="/" regions={regions} years={years} disclosures={shown} quality={quality} />,
    );
  };

  app.get('/r/:region', async (c) => {
    const code = c.req.param('region');
    const gen = await storeGeneration(db);
    return servePage(c, pages, {
      key: `region|${code}|${gen}`,
      tag: [`r${hashKey(code)}`, `g${gen}`],
      maxAge: 0,
      render: async () => {
        const lang = c.get('lang');
        const region = (await listRegions(db)).find((r) => r.code === code);
        if (!region) return null;
        const disclosures = await listDisclosures(db, { region: code });
        const units = await listUnits(db, { region: code });
        const quality = await qualityOf(
          db,
          disclosures.map((d) => d.id),
        );
        return html(
          <RegionPage
            lang={lang}
            path={`/r/${encodeURIComponent(code)}`}
            region={region}
            disclosures={disclosures}
            units={units}
            quality={quality}
          />,
        );
      },
    });
  });

  app.get('/u/:id', async (c) => {
    const unitId = id(c.req.param('id'));
    if (unitId === null) return c.notFound();
    const gen = await storeGeneration(db);
    return servePage(c, pages, {
      key: `unit|${unitId}|${gen}`,
      tag: [`u${unitId}`, `g${gen}`],
      maxAge: 0,
      render: async () => {
        const unit = await getUnit(db, unitId);
        if (!unit) return null;
        const years = await unitYears(record, unit.disclosures);
        return html(<UnitPage lang={c.get('lang')} path={`/u/${unitId}`} unit={unit} years={years} />);
      },
    });
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
    const n = id(c.req.param('id'));
    const sha = n === null ? null : await shaOf(n);
    if (n === null || sha === null) return c.notFound();
    const gen = await storeGeneration(db);
    return servePage(c, pages, {
      key: `d|${n}|${gen}`,
      tag: [sha.slice(0, 16), `g${gen}`],
      maxAge: 0,
      render: () => disclosurePage(c, n),
    });
  });
  const disclosurePage = async (c: Context<Env>, n: number) => {
    const lang = c.get('lang');
    const kept = await record(n);
    if (!kept) return null;
    // the record is kept by id, but which version is the latest changes with imports: read it now
    const doc = await db
      .selectFrom('documents')
      .select('latest_id')
      .where('id', '=', kept.documentId)
      .executeTakeFirst();
    const d = { ...kept, latestId: doc?.latest_id ?? kept.latestId };
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
    return html(
      <DisclosurePage
        others={others}
        lang={lang}
        path={`/d/${n}`}
        d={d}
        charts={charts}
        document={marked.html}
        anchors={marked.anchors}
        downloads={downloads}
      />,
    );
  };

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
    const [sa, sb] = [a === null ? null : await shaOf(a), b === null ? null : await shaOf(b)];
    if (a === null || b === null || sa === null || sb === null) return c.notFound();
    // two published versions: the page depends on them alone
    return servePage(c, pages, {
      key: `compare|${a}|${b}`,
      tag: [sa.slice(0, 16), sb.slice(0, 16)],
      maxAge: 3600,
      render: () => comparePage(c, a, b),
    });
  });
  const comparePage = async (c: Context<Env>, a: number, b: number) => {
    const [da, db2] = [await record(a), await record(b)];
    if (!da || !db2) return null;
    const side = (d: NonNullable<typeof da>) => ({
      d,
      figures: keyFigures(d.model),
      byClass: chartData(d.model).find((x) => x.id === 'by-class'),
    });
    return html(
      <ComparePage lang={c.get('lang')} path={`/compare?a=${a}&b=${b}`} a={side(da)} b={side(db2)} />,
    );
  };

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
    const q = ['year', 'table', 'by', 'level', 'prefix'].map((k) => (c.req.query(k) ?? '').slice(0, 40));
    const gen = await storeGeneration(db);
    const key = `totals|${code}|${q.join('|')}`;
    return servePage(c, pages, {
      key: `${key}|${gen}`,
      tag: [`t${hashKey(key)}`, `g${gen}`],
      maxAge: 0,
      render: () => totalsPage(c, code),
    });
  });
  const totalsPage = async (c: Context<Env>, code: string) => {
    const region = (await listRegions(db)).find((r) => r.code === code);
    if (!region) return null;
    const all = await listDisclosures(db, { region: code });
    if (all.length === 0) return null;
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
    const query = new URLSearchParams({ year: String(year), table, by, level, prefix });
    return html(
      <TotalsPage
        lang={c.get('lang')}
        path={`/r/${encodeURIComponent(code)}/totals?${query}`}
        region={region}
        v={{ year, years, table, tables, by, level, prefix, names, totals }}
      />,
    );
  };
}

/** A short hash of a cache key, for an ETag (which must not carry arbitrary text). */
function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
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
