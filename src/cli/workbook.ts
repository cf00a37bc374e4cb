/** `gongkai workbook`: the facts workbook a preparer fills in, empty or from a document or facts JSON. */
import { readFile, writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { ZodError } from 'zod';
import { Facts, type FactsInput } from '../compose/facts.ts';
import { documentFacts } from '../compose/workbook/document.ts';
import { readFactsWorkbook } from '../compose/workbook/read.ts';
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

/**
 * The facts a file holds itself: facts JSON (a text that starts with `{`) or a workbook with the facts
 * sheets (a facts workbook, or extract's workbook whose facts a preparer edited); null for a document.
 */
async function factsOf(file: string): Promise<FactsInput | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as Error).message}`, 'unreadable');
  }
  const kind = sniff(bytes.subarray(0, 8));
  if (kind === 'xlsx' || kind === 'xls') {
    try {
      return await readFactsWorkbook(bytes);
    } catch (e) {
      // a workbook of tables only is read as a document
      if (e instanceof InputError && e.code === 'not-disclosure') return null;
      throw e;
    }
  }
  if (kind !== 'text' || !/^\s*\{/.test(bytes.subarray(0, 64).toString('utf8'))) return null;
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
    .option(
      '--from <file>',
      'what to fill it from: a published document (text, PDF, workbook of tables), facts JSON, or a workbook with facts sheets',
    )
    .action(async (opts: { out: string; template?: string; from?: string }) => {
      if (opts.template) checkTemplate(opts.template);
      let body: Buffer;
      if (!opts.from) {
        if (!opts.template)
          throw new InputError('an empty workbook needs its template: give --template ID', 'unsupported');
        body = await writeFactsWorkbook(null, opts.template);
      } else {
        const own = await factsOf(opts.from);
        if (own) body = await writeFactsWorkbook(own, opts.template ?? own.template);
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
