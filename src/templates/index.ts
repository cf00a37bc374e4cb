/** The template registry: every `*.json` beside this file, validated on first use. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Template } from './schema.ts';

export type { Template } from './schema.ts';

const DIR = dirname(fileURLToPath(import.meta.url));
let cache: Map<string, Template> | null = null;

function load(): Map<string, Template> {
  if (cache) return cache;
  const map = new Map<string, Template>();
  for (const file of readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const parsed = Template.safeParse(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
    if (!parsed.success) throw new Error(`template ${file} is invalid: ${parsed.error.message}`);
    map.set(parsed.data.id, parsed.data);
  }
  cache = map;
  return map;
}

export function templates(): Template[] {
  return [...load().values()];
}

export function getTemplate(id: string): Template {
  const t = load().get(id);
  if (!t) throw new Error(`unknown template "${id}"; known: ${[...load().keys()].join(', ')}`);
  return t;
}
