/** `gongkai check` and `gongkai rules`. */

import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { InputError } from '../ingest/errors.ts';
import { extractFile } from '../ingest/index.ts';
import { type ReportEntry, reportCsv, reportHtml, reportJson, reportText } from '../render/report.ts';
import { rulesMarkdown } from '../rules/docs.ts';
import { checkDisclosure } from '../rules/engine.ts';
import { RULES } from '../rules/registry.ts';

type Format = 'text' | 'json' | 'html' | 'csv';

export function checkCommand(): Command {
  return new Command('check')
    .description('check disclosures: every identity, every narrative claim, every performance table')
    .argument('<files...>', 'documents to check')
    .addOption(
      new Option('--format <format>', 'report format')
        .choices(['text', 'json', 'html', 'csv'])
        .default('text'),
    )
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at least this severe')
        .choices(['error', 'warning', 'never'])
        .default('error'),
    )
    .option('--template <id>', 'template id (default: detected)')
    .option('--out <file>', 'write the report to a file')
    .action(
      async (
        files: string[],
        opts: { format: Format; failOn: 'error' | 'warning' | 'never'; template?: string; out?: string },
      ) => {
        const entries: ReportEntry[] = [];
        let unreadable = false;
        for (const file of files) {
          try {
            const doc = await extractFile(file, opts.template ? { template: opts.template } : {});
            entries.push({ source: file, report: checkDisclosure(doc) });
          } catch (e) {
            if (!(e instanceof InputError)) throw e;
            unreadable = true;
            entries.push({ source: file, error: e.message });
            process.stderr.write(`gongkai: ${file}: ${e.message}\n`);
          }
        }
        const render = { text: reportText, json: reportJson, html: reportHtml, csv: reportCsv }[opts.format];
        const body = render(entries);
        if (opts.out) await writeFile(opts.out, body);
        else process.stdout.write(body);
        const severities =
          opts.failOn === 'never' ? [] : opts.failOn === 'warning' ? ['error', 'warning'] : ['error'];
        const failing = entries.some((e) => e.report?.findings.some((f) => severities.includes(f.severity)));
        process.exitCode = unreadable ? 2 : failing ? 1 : 0;
      },
    );
}

export function rulesCommand(): Command {
  return new Command('rules')
    .description('list the rule catalogue')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'),
    )
    .action((opts: { format: 'text' | 'markdown' | 'json' }) => {
      if (opts.format === 'markdown') process.stdout.write(rulesMarkdown());
      else if (opts.format === 'json')
        process.stdout.write(
          `${JSON.stringify(
            RULES.map((r) => r.meta),
            null,
            2,
          )}\n`,
        );
      else {
        for (const r of RULES) {
          process.stdout.write(
            `${r.meta.id.padEnd(36)} ${r.meta.severity.padEnd(8)} ${r.meta.category.padEnd(15)} ${r.meta.title.zh}\n`,
          );
        }
      }
    });
}
