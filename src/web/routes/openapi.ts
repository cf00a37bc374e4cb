/** The OpenAPI 3.1 document of the open-data API (served at /api/v1/openapi.json). */
const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const q = (name: string, description: string, schema: object = str, required = false) => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});
const path = (name: string, description: string, schema: object = int) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
});
const json = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object' } } },
});
const errors = { '400': json('bad parameters'), '404': json('not found') };

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Gongkai open data API',
    version: '1',
    description:
      'Department budget disclosures (部门预算公开) as data. Amounts are integer fen (`fen`, 0.01 yuan) beside the value as printed (`value`) and its unit; latest published versions unless asked.',
  },
  servers: [{ url: '/api/v1' }],
  paths: {
    '/regions': {
      get: { summary: 'Regions with their number of units', responses: { '200': json('regions') } },
    },
    '/units': {
      get: {
        summary: 'Units (each with parentId: its department, or null at the top of the tree)',
        parameters: [q('region', 'region code'), q('parent', 'only the units under this unit id', int)],
        responses: { '200': json('units'), ...errors },
      },
    },
    '/disclosures': {
      get: {
        summary: 'Disclosures (latest versions; versions=all for every version)',
        parameters: [
          q('region', 'region code'),
          q('unit', 'unit name'),
          q('year', 'budget year', int),
          q('versions', 'all'),
        ],
        responses: { '200': json('disclosures'), ...errors },
      },
    },
    '/disclosures/{id}': {
      get: {
        summary: 'One disclosure: metadata, findings, obligations and the whole model',
        parameters: [path('id', 'disclosure id')],
        responses: { '200': json('disclosure'), ...errors },
      },
    },
    '/disclosures/{id}/tables': {
      get: {
        summary: 'The tables of a disclosure',
        parameters: [path('id', 'disclosure id')],
        responses: { '200': json('tables'), ...errors },
      },
    },
    '/disclosures/{id}/tables/{table}': {
      get: {
        summary: 'One table with its rows and cells',
        parameters: [path('id', 'disclosure id'), path('table', 'table id (T1…)', str)],
        responses: { '200': json('table'), ...errors },
      },
    },
    '/cells': {
      get: {
        summary: 'Printed cells as tidy facts (filters; at least one of unit, region, disclosure)',
        parameters: [
          q('unit', 'unit name'),
          q('region', 'region code'),
          q('disclosure', 'one version by id', int),
          q('year', 'budget year', int),
          q('table', 'table id'),
          q('code', 'classification code'),
          q('column', 'column id'),
          q('format', 'json (default) or csv'),
        ],
        responses: { '200': json('cells'), ...errors },
      },
    },
    '/aggregate': {
      get: {
        summary:
          'Region totals of one table by classification code (at a level) or economic class, with drill-down by prefix',
        parameters: [
          q('region', 'region code', str, true),
          q('year', 'budget year', int, true),
          q('table', 'table id', str, true),
          q('by', 'code (default) or economic'),
          q('level', '类, 款 or 项'),
          q('prefix', 'only codes starting with these digits'),
          q('column', 'column id (default: the total column)'),
          q('template', 'only documents of this template'),
          q('format', 'json (default) or csv'),
        ],
        responses: { '200': json('totals'), ...errors },
      },
    },
    '/fdp/{region}/{year}/datapackage.json': {
      get: {
        summary: 'Fiscal Data Package descriptor of a region and year (its resource is the cells CSV)',
        parameters: [path('region', 'region code', str), path('year', 'budget year')],
        responses: { '200': json('data package'), ...errors },
      },
    },
  },
} as const;
