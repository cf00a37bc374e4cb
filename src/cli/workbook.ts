/** `gongkai workbook`: the facts workbook a preparer fills in, empty or from a document or facts JSON. */
import { readFile, writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { ZodError } from 'zod';
import { Facts, type FactsInput } from '../compose/facts.ts';
import { documentFacts } from '../compose/workbook/document.ts';
import { writeFactsWorkbook } from '../compose/workbook/write.ts';
import { sniff } from '../ingest/detect.ts';
import { InputError } from '../ingest/errors.ts';
import { extractFile } from '../ingest/index.ts';
import { getTemplate, templates } from '../templates/index.ts';

function checkTemplate(id: string): void {
  try {
    getTemplate(id);
  } catch {
    throw new InputError(
      `unknown template: ${id} (known: ${templates()
        .map((t) => t.id)
        .join(', ')})`,
      'unsupported',
    );
  }
}

/** Facts JSON (a file that starts with `{`), or null for anything else. */
async function factsJson(file: string): Promise<FactsInput | null> {
  const bytes = await readFile(file);
  if (sniff(bytes.subarray(0, 8)) !== 'text' || !/^\s*\{/.test(bytes.subarray(0, 64).toString('utf8')))
    return null;
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new InputError(`cannot read ${file} as JSON: ${(e as Error).message}`, 'unreadable');
  }
  try {
    return Facts.parse(raw);
  } catch (e) {
    if (!(e instanceof ZodError)) throw e;
    const issues = e.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new InputError(`the facts are not valid:\n  ${issues.join('\n  ')}`, 'unreadable');
  }
}

export function workbookCommand(): Command {
  return new Command('workbook')
    .description(
      'write the facts workbook (XLSX) that compose reads: empty, with instructions, lists and validations, or filled from a published document or facts JSON',
    )
    .requiredOption('--out <file>', 'the workbook to write (.xlsx)')
    .option('--template <id>', 'template id (required without --from)')
    .option('--from <file>', 'a published document (text, PDF, workbook) or facts JSON to fill it from')
    .action(async (opts: { out: string; template?: string; from?: string }) => {
      if (opts.template) checkTemplate(opts.template);
      let body: Buffer;
      if (!opts.from) {
        if (!opts.template)
          throw new InputError('an empty workbook needs its template: give --template ID', 'unsupported');
        body = await writeFactsWorkbook(null, opts.template);
      } else {
        const json = await factsJson(opts.from);
        if (json) body = await writeFactsWorkbook(json, opts.template ?? json.template);
        else {
          const d = await extractFile(opts.from, opts.template ? { template: opts.template } : {});
          const derived = documentFacts(d);
          if ('why' in derived)
            throw new InputError(`cannot turn ${opts.from} into facts: ${derived.why}`, 'unsupported');
          body = await writeFactsWorkbook(derived.facts, d.template, { notes: derived.notes });
          for (const n of derived.notes) process.stderr.write(`[note] ${n}\n`);
        }
      }
      await writeFile(opts.out, body);
      process.stdout.write(`${opts.out}\n`);
    });
}
