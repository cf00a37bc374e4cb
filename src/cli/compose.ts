/** `gongkai compose`: facts (JSON) → the document in each requested format. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Command } from 'commander';
import { ZodError } from 'zod';
import { compose } from '../compose/compose.ts';
import { readFactsWorkbook } from '../compose/workbook/read.ts';
import { sniff } from '../ingest/detect.ts';
import { InputError } from '../ingest/errors.ts';
import type { Disclosure } from '../model/schema.ts';
import { RENDERERS as DOCUMENT_RENDERERS } from '../render/index.ts';
import { renderText } from '../render/text.ts';
import { checkDisclosure } from '../rules/engine.ts';

/** Renderers by format: file extension and a function of the composed model (the document renderers too). */
export const RENDERERS: Record<
  string,
  { ext: string; render: (d: Disclosure) => string | Uint8Array | Promise<Uint8Array> }
> = {
  txt: { ext: 'txt', render: renderText },
  json: { ext: 'json', render: (d) => `${JSON.stringify(d, null, 2)}\n` },
  ...Object.fromEntries(
    Object.entries(DOCUMENT_RENDERERS).map(([k, r]) => [k, { ext: r.extension, render: r.render }]),
  ),
};

/** Facts from a file: a facts workbook (by its bytes, whatever its name) or JSON. */
async function readFacts(input: string): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = await readFile(input);
  } catch (e) {
    throw new InputError(`cannot read ${input}: ${(e as Error).message}`, 'unreadable');
  }
  const kind = sniff(bytes.subarray(0, 8));
  if (kind === 'xlsx' || kind === 'xls') return readFactsWorkbook(bytes);
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new InputError(
      `cannot read ${input} as JSON or as a facts workbook: ${(e as Error).message}`,
      'unreadable',
    );
  }
}

export function composeCommand(): Command {
  return new Command('compose')
    .description(
      'compose a disclosure from structured facts (JSON or a facts workbook) and write it in the given formats',
    )
    .argument('<input>', 'facts: JSON (see src/compose/facts.ts) or a facts workbook (gongkai workbook)')
    .requiredOption('--out <dir>', 'output directory')
    .option('--format <formats>', `comma-separated: ${Object.keys(RENDERERS).join(', ')}`, 'txt,json')
    .action(async (input: string, opts: { out: string; format: string }) => {
      const formats = opts.format
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean);
      const unknown = formats.filter((f) => !RENDERERS[f]);
      if (unknown.length) throw new InputError(`unknown format: ${unknown.join(', ')}`, 'unsupported');
      const raw = await readFacts(input);
      let composed: ReturnType<typeof compose>;
      try {
        composed = compose(raw as never);
      } catch (e) {
        if (e instanceof ZodError) {
          const issues = e.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
          throw new InputError(`the facts are not valid:\n  ${issues.join('\n  ')}`, 'unreadable');
        }
        throw e;
      }
      await mkdir(opts.out, { recursive: true });
      const stem = basename(input).replace(/\.(json|xlsx|xls)$/i, '');
      for (const f of formats) {
        const r = RENDERERS[f]!;
        const file = join(opts.out, `${stem}.${r.ext}`);
        await writeFile(file, await r.render(composed.disclosure));
        process.stdout.write(`${file}\n`);
      }
      for (const f of composed.findings) process.stderr.write(`[${f.severity}] ${f.message}\n`);
      // the composed document is checked like any other: facts that do not add up show here
      const report = checkDisclosure(composed.disclosure);
      for (const f of report.findings.filter((x) => x.severity !== 'info'))
        process.stderr.write(`[check ${f.severity}] ${f.rule}: ${f.message}\n`);
      const errors = [...composed.findings, ...report.findings].some((f) => f.severity === 'error');
      if (errors) process.exitCode = 1;
    });
}
