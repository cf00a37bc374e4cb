/** `gongkai serve`: the main job — open (and migrate) the store, load the examples and demo units, serve the portal. */
import { serve } from '@hono/node-server';
import { Command, InvalidArgumentError } from 'commander';
import { openStore } from '../store/db.ts';
import { createApp } from '../web/app.tsx';
import { loadDemo } from '../web/demo.ts';

const int = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number');
  return n;
};

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the portal on the store (SQLite under ./data, or DATABASE_URL)')
    .option('--port <port>', 'port', int, Number(process.env.PORT ?? 8080))
    .option('--examples <dir>', 'import this folder first', 'examples')
    .option('--demo-units <n>', 'generated units to load for each demo year (0: none)', int, 30)
    .option('--no-load', 'serve what the store holds, import nothing')
    .action(async (o: { port: number; examples: string; demoUnits: number; load: boolean }) => {
      const store = await openStore();
      process.stderr.write(`store: ${store.engine} ${store.location}\n`);
      if (o.load) {
        const t = performance.now();
        const r = await loadDemo(store, {
          examples: o.examples,
          units: o.demoUnits,
          years: o.demoUnits > 0 ? [2022, 2023] : [],
          seed: 2023,
          // every fifth generated department has two units of its own (an organisation tree)
          tree: { every: 5, under: 2 },
          corrected: true,
          log: (l) => process.stderr.write(`${l}\n`),
        });
        const failed = r.examples.filter((x) => !x.ok);
        for (const f of failed) if (!f.ok) process.stderr.write(`not imported: ${f.path}: ${f.error}\n`);
        process.stderr.write(
          `examples: ${r.examples.length - failed.length} of ${r.examples.length} stored; ${r.generated} generated disclosures added (${((performance.now() - t) / 1000).toFixed(1)} s)\n`,
        );
      }
      serve({ fetch: createApp({ store }).fetch, port: o.port }, (info) => {
        process.stdout.write(`Gongkai portal: http://localhost:${info.port}/\n`);
      });
    });
}
