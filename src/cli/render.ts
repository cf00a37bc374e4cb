/** `gongkai render`: read a disclosure and write it as HTML, PDF and/or DOCX. */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { Command } from 'commander';
import { InputError } from '../ingest/errors.ts';
import { extractFile } from '../ingest/index.ts';
import { parseFormats, RENDERERS } from '../render/index.ts';

export function renderCommand(): Command {
  return new Command('render')
    .description('read a disclosure (text or PDF) and write it as a document: HTML, PDF, DOCX')
    .argument('<file>', 'the document to read')
    .option('--format <formats>', 'comma-separated formats: html, pdf, docx', 'html,pdf,docx')
    .option('--out <dir>', 'directory to write into (created if missing)', '.')
    .option('--template <id>', 'template id (default: detected)')
    .action(async (file: string, opts: { format: string; out: string; template?: string }) => {
      let formats: ReturnType<typeof parseFormats>;
      try {
        formats = parseFormats(opts.format);
      } catch (e) {
        throw new InputError((e as Error).message, 'unsupported');
      }
      const d = await extractFile(file, opts.template ? { template: opts.template } : {});
      await mkdir(opts.out, { recursive: true });
      const stem = basename(file, extname(file));
      for (const f of formats) {
        const r = RENDERERS[f];
        const path = join(opts.out, `${stem}.${r.extension}`);
        await writeFile(path, await r.render(d));
        process.stdout.write(`${path}\n`);
      }
      if (d.missing.length > 0) {
        process.stderr.write(
          `gongkai: the document is incomplete: ${d.missing.join(', ')} not found (rendered what was found)\n`,
        );
      }
    });
}
