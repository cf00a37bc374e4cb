#!/usr/bin/env node
import { writeFile } from 'node:fs/promises';
/** The `gongkai` command line: a thin face over the library. */
import { Command, Option } from 'commander';
import { writeDocumentWorkbook } from '../compose/workbook/document.ts';
import { InputError } from '../ingest/errors.ts';
import { extractFile } from '../ingest/index.ts';
import { cellsCsv } from '../render/csv.ts';
import { catalogCommand } from './catalog.ts';
import { checkCommand, rulesCommand } from './check.ts';
import { composeCommand } from './compose.ts';
import { generateCommand } from './generate.ts';
import { importCommand } from './import.ts';
import { renderCommand } from './render.ts';
import { serveCommand } from './serve.ts';
import { workbookCommand } from './workbook.ts';

// A closed pipe (`gongkai extract … | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const program = new Command();
program
  .name('gongkai')
  .description('公开 Gongkai: read, check, compose and publish department budget disclosures (部门预算公开)')
  .showHelpAfterError();

program
  .command('extract')
  .description(
    'read a disclosure into the structured model (JSON), its cells (CSV) or a workbook (XLSX) of its tables and of the facts to compose it again',
  )
  .argument('<file>', 'the document: text, PDF, or a workbook (.xlsx, .xls)')
  .addOption(
    new Option('--format <format>', 'output format').choices(['json', 'csv', 'xlsx']).default('json'),
  )
  .option('--template <id>', 'template id (default: detected)')
  .option('--out <file>', 'write to a file instead of standard output (required for xlsx)')
  .action(
    async (file: string, opts: { format: 'json' | 'csv' | 'xlsx'; template?: string; out?: string }) => {
      if (opts.format === 'xlsx' && !opts.out) {
        throw new InputError(
          '--format xlsx writes a workbook: give the file with --out FILE.xlsx',
          'unsupported',
        );
      }
      const d = await extractFile(file, opts.template ? { template: opts.template } : {});
      const body =
        opts.format === 'xlsx'
          ? await writeDocumentWorkbook(d)
          : opts.format === 'csv'
            ? cellsCsv(d)
            : `${JSON.stringify(d, null, 2)}\n`;
      if (opts.out) await writeFile(opts.out, body);
      else process.stdout.write(body);
      if (d.missing.length > 0) {
        throw new InputError(
          `the document is incomplete: ${d.missing.join(', ')} not found (what was found is in the output)`,
          'incomplete',
        );
      }
    },
  );

program.addCommand(checkCommand());
program.addCommand(rulesCommand());
program.addCommand(catalogCommand());
program.addCommand(importCommand());
program.addCommand(renderCommand());
program.addCommand(composeCommand());
program.addCommand(workbookCommand());
program.addCommand(generateCommand());
program.addCommand(serveCommand());

// Exit codes are set, not forced, so that a large output still drains into a pipe.
program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof InputError) {
    process.stderr.write(`gongkai: ${e.message}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`gongkai: internal error: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(70);
});
