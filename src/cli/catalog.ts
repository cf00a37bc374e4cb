/** `gongkai catalog import|show`. */
import { Command, Option } from 'commander';
import { type CatalogKind, loadCatalog } from '../catalog/catalog.ts';
import { importCatalog } from '../catalog/import.ts';
import { InputError } from '../ingest/errors.ts';

export function catalogCommand(): Command {
  const cmd = new Command('catalog').description('classification catalogs (功能分类, 经济分类)');
  cmd
    .command('import')
    .argument('<file>', 'an official catalog as CSV or XLSX (columns 科目编码/code and 科目名称/name)')
    .addOption(
      new Option('--kind <kind>', 'which classification')
        .choices(['functional', 'economic'])
        .default('functional'),
    )
    .option('--year <year>', 'the year the catalog is for (when the file has no year column)')
    .action(async (file: string, opts: { kind: CatalogKind; year?: string }) => {
      const year = opts.year ? Number(opts.year) : undefined;
      if (opts.year && !Number.isInteger(year))
        throw new InputError(`--year must be a year, got "${opts.year}"`, 'unreadable');
      const r = await importCatalog(file, opts.kind, year);
      process.stdout.write(`imported ${r.count} ${opts.kind} codes into ${r.path}\n`);
    });
  cmd
    .command('show')
    .argument('<code>', 'a code: 2011301, 201 13 01, 30217')
    .option('--year <year>', 'budget year', String(new Date().getFullYear()))
    .addOption(new Option('--kind <kind>', 'which classification').choices(['functional', 'economic']))
    .action((raw: string, opts: { year: string; kind?: CatalogKind }) => {
      const code = raw.replace(/\s+/g, '');
      const catalog = loadCatalog();
      const kinds: CatalogKind[] = opts.kind
        ? [opts.kind]
        : code.startsWith('3') || code.startsWith('5')
          ? ['economic', 'functional']
          : ['functional', 'economic'];
      for (const kind of kinds) {
        const hit = catalog.lookup(kind, code, Number(opts.year));
        if (!hit) continue;
        const e = hit.entry;
        const lines = [
          `${e.code} ${e.name} (${kind === 'functional' ? '功能分类' : '经济分类'} ${e.level})`,
          `evidence: ${e.from === e.to ? e.from : `${e.from}–${e.to}`} · ${e.source}${hit.exactYear ? '' : ` (not verified for ${opts.year})`}`,
          ...hit.otherNames.map(
            (o) => `also: ${o.name} (${o.from === o.to ? o.from : `${o.from}–${o.to}`}, ${o.source})`,
          ),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
        return;
      }
      throw new InputError(
        `${code} is not in the catalog (shipped lists are partial; import the official catalog with "gongkai catalog import")`,
        'unreadable',
      );
    });
  return cmd;
}
