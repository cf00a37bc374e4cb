/**
 * The open-data API, `/api/v1/`: JSON (and CSV) for regions, units, disclosures, tables, cells, an
 * aggregate endpoint (cut by classification, drill-down by prefix), a Fiscal Data Package for a
 * region and year, and the OpenAPI document describing all of it. Read-only; amounts are integer fen
 * (`fen`) with the printed value beside them, never floats.
 */
import type { Context, Hono } from 'hono';
import { csvLine } from '../../render/csv.ts';
import type { Store } from '../../store/db.ts';
import { listDisclosures, listRegions, listUnits, queryCells, regionTotals } from '../../store/queries.ts';
import { getDisclosure } from '../../store/read.ts';
import type { Env } from '../env.ts';
import { OPENAPI } from './openapi.ts';

const LEVELS = ['类', '款', '项'] as const;

function problem(c: Context<Env>, status: 400 | 404, detail: string) {
  return c.json({ error: { status, detail } }, status);
}

function intParam(v: string | undefined): number | null | undefined {
  if (v === undefined || v === '') return undefined;
  return /^\d{1,9}$/.test(v) ? Number(v) : null;
}

function toCsv(rows: Record<string, unknown>[], columns: string[]): string {
  const field = (v: unknown) => (typeof v === 'number' || typeof v === 'string' ? v : null);
  return `${[csvLine(columns), ...rows.map((r) => csvLine(columns.map((k) => field(r[k]))))].join('\n')}\n`;
}

const CELL_COLUMNS = [
  'disclosureId',
  'unit',
  'year',
  'table',
  'rowKey',
  'label',
  'code',
  'level',
  'column',
  'value',
  'fen',
  'moneyUnit',
];

export function apiRoutes(app: Hono<Env>, store: Store): void {
  const { db } = store;
  const api = '/api/v1';

  app.get(`${api}/openapi.json`, (c) => c.json(OPENAPI));

  app.get(`${api}/regions`, async (c) => c.json({ regions: await listRegions(db) }));

  app.get(`${api}/units`, async (c) => {
    const parent = intParam(c.req.query('parent'));
    if (parent === null) return problem(c, 400, 'parent must be a unit id (a whole number)');
    const region = c.req.query('region') || undefined;
    return c.json({
      units: await listUnits(db, {
        ...(region ? { region } : {}),
        ...(parent !== undefined ? { parent } : {}),
      }),
    });
  });

  app.get(`${api}/disclosures`, async (c) => {
    const year = intParam(c.req.query('year'));
    if (year === null) return problem(c, 400, 'year must be a whole number');
    const list = await listDisclosures(db, {
      ...(c.req.query('region') ? { region: c.req.query('region') } : {}),
      ...(c.req.query('unit') ? { unit: c.req.query('unit') } : {}),
      ...(year !== undefined ? { year } : {}),
      allVersions: c.req.query('versions') === 'all',
    });
    return c.json({ disclosures: list });
  });

  app.get(`${api}/disclosures/:id`, async (c) => {
    const id = intParam(c.req.param('id'));
    const d = id ? await getDisclosure(db, id) : null;
    if (!d) return problem(c, 404, 'no such disclosure');
    const { model, report, ...meta } = d;
    return c.json({ ...meta, findings: report.findings, obligations: report.obligations, model });
  });

  app.get(`${api}/disclosures/:id/tables`, async (c) => {
    const id = intParam(c.req.param('id'));
    const d = id ? await getDisclosure(db, id) : null;
    if (!d) return problem(c, 404, 'no such disclosure');
    return c.json({
      tables: d.model.tables.map((t) => ({
        id: t.id,
        number: t.number ?? null,
        title: t.title,
        unit: t.unit,
        rows: t.rows.length,
      })),
    });
  });

  app.get(`${api}/disclosures/:id/tables/:table`, async (c) => {
    const id = intParam(c.req.param('id'));
    const d = id ? await getDisclosure(db, id) : null;
    const t = d?.model.tables.find((x) => x.id === c.req.param('table'));
    if (!t) return problem(c, 404, 'no such disclosure or table');
    return c.json({ table: t });
  });

  app.get(`${api}/cells`, async (c) => {
    const q = c.req.query();
    const year = intParam(q.year);
    const disclosure = intParam(q.disclosure);
    if (year === null || disclosure === null)
      return problem(c, 400, 'year and disclosure must be whole numbers');
    if (!q.unit && !q.region && disclosure === undefined) {
      return problem(c, 400, 'give at least one of unit, region or disclosure');
    }
    const cells = await queryCells(db, {
      ...(q.unit ? { unit: q.unit } : {}),
      ...(q.region ? { region: q.region } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(q.table ? { table: q.table } : {}),
      ...(q.code ? { code: q.code } : {}),
      ...(q.column ? { column: q.column } : {}),
      ...(disclosure !== undefined ? { disclosureId: disclosure } : {}),
    });
    if (q.format === 'csv') {
      return c.body(toCsv(cells as unknown as Record<string, unknown>[], CELL_COLUMNS), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="cells.csv"',
      });
    }
    return c.json({ cells });
  });

  app.get(`${api}/aggregate`, async (c) => {
    const q = c.req.query();
    const year = intParam(q.year);
    if (!q.region || !year || !q.table) return problem(c, 400, 'region, year and table are required');
    const by = q.by === 'economic' ? 'economic' : 'code';
    const level = LEVELS.find((l) => l === q.level);
    if (q.level && !level) return problem(c, 400, 'level must be 类, 款 or 项');
    const prefix = q.prefix ?? '';
    if (!/^\d{0,7}$/.test(prefix)) return problem(c, 400, 'prefix must be digits');
    const totals = (
      await regionTotals(db, {
        region: q.region,
        year,
        table: q.table,
        by,
        ...(level ? { level } : {}),
        ...(q.column ? { column: q.column } : {}),
        ...(q.template ? { template: q.template } : {}),
      })
    ).filter((x) => x.key.startsWith(prefix));
    const total = totals.reduce((a, x) => a + x.fen, 0);
    if (q.format === 'csv') {
      return c.body(
        toCsv(totals as unknown as Record<string, unknown>[], ['key', 'fen', 'disclosures']),
        200,
        {
          'Content-Type': 'text/csv; charset=utf-8',
        },
      );
    }
    return c.json({
      region: q.region,
      year,
      table: q.table,
      by,
      level: level ?? null,
      prefix,
      total,
      cells: totals,
    });
  });

  /** A Fiscal Data Package: a descriptor and one CSV resource of the region's cells for a year. */
  app.get(`${api}/fdp/:region/:year{[0-9]{4}}/datapackage.json`, async (c) => {
    const { region, year } = c.req.param();
    const r = (await listRegions(db)).find((x) => x.code === region);
    if (!r) return problem(c, 404, 'no such region');
    const base = `${api}/cells?region=${encodeURIComponent(region)}&year=${year}&format=csv`;
    return c.json({
      profile: 'fiscal-data-package',
      name: `gongkai-${region}-${year}`.toLowerCase().replace(/[^a-z0-9-]/g, '-'),
      title: `${r.name} ${year} 部门预算公开`,
      resources: [
        {
          name: 'cells',
          path: base,
          format: 'csv',
          mediatype: 'text/csv',
          encoding: 'utf-8',
          schema: {
            fields: [
              { name: 'disclosureId', type: 'integer' },
              { name: 'unit', type: 'string' },
              { name: 'year', type: 'year' },
              { name: 'table', type: 'string' },
              { name: 'rowKey', type: 'string' },
              { name: 'label', type: 'string' },
              { name: 'code', type: 'string' },
              { name: 'level', type: 'string' },
              { name: 'column', type: 'string' },
              { name: 'value', type: 'string' },
              { name: 'fen', type: 'integer', description: 'amount in fen (0.01 yuan)' },
              { name: 'moneyUnit', type: 'string' },
            ],
            primaryKey: ['disclosureId', 'table', 'rowKey', 'column'],
          },
        },
      ],
      model: {
        measures: { amount: { source: 'fen', currency: 'CNY', factor: 0.01 } },
        dimensions: {
          organisation: {
            attributes: { unit: { source: 'unit' } },
            primaryKey: 'unit',
            dimensionType: 'entity',
          },
          date: { attributes: { year: { source: 'year' } }, primaryKey: 'year', dimensionType: 'datetime' },
          functional: {
            attributes: { code: { source: 'code' }, label: { source: 'label', labelfor: 'code' } },
            primaryKey: 'code',
            dimensionType: 'classification',
            classificationType: 'functional',
          },
          table: {
            attributes: { table: { source: 'table' }, column: { source: 'column' } },
            primaryKey: ['table', 'column'],
            dimensionType: 'other',
          },
        },
      },
    });
  });

  app.all(`${api}/*`, (c) => problem(c, 404, 'no such endpoint; see /api/v1/openapi.json'));
}
