/**
 * The template registry. Each template is a JSON file beside this one (data, no code); adding a
 * region means adding its file and one line here. Validated on first use.
 */

import jiangsu2017 from './jiangsu-2017.json' with { type: 'json' };
import { Template } from './schema.ts';
import shanghai2025Dept from './shanghai-2025-dept.json' with { type: 'json' };
import shanghai2025Unit from './shanghai-2025-unit.json' with { type: 'json' };
import xinjiang2023 from './xinjiang-2023.json' with { type: 'json' };

export type { Template } from './schema.ts';

const FILES: Record<string, unknown> = {
  'xinjiang-2023.json': xinjiang2023,
  'shanghai-2025-dept.json': shanghai2025Dept,
  'shanghai-2025-unit.json': shanghai2025Unit,
  'jiangsu-2017.json': jiangsu2017,
};

let cache: Map<string, Template> | null = null;

function load(): Map<string, Template> {
  if (cache) return cache;
  const map = new Map<string, Template>();
  for (const [file, data] of Object.entries(FILES)) {
    const parsed = Template.safeParse(data);
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
