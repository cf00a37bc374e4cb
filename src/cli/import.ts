/**
 * `gongkai import PATH...`: files and folders into the store (SQLite under ./data, or PostgreSQL
 * from DATABASE_URL). A progress bar on a terminal, one line per file otherwise; a summary table at
 * the end. Exit code 0 when every file was imported or already there, 1 when any file failed (the
 * others are imported all the same).
 */
import { SingleBar } from 'cli-progress';
import Table from 'cli-table3';
import { Command } from 'commander';
import { openStore } from '../store/db.ts';
import { type FileOutcome, importPaths } from '../store/importer.ts';

const STATUS = { imported: '已导入', unchanged: '未变（已有）', failed: '失败' } as const;

function statusOf(o: FileOutcome): string {
  return o.ok ? STATUS[o.status] : STATUS.failed;
}

function line(o: FileOutcome): string {
  return o.ok
    ? `${o.path}: ${statusOf(o)} ${o.unit} ${o.year} v${o.version}`
    : `${o.path}: ${STATUS.failed}: ${o.error}`;
}

export function summaryTable(outcomes: FileOutcome[], tty: boolean): string {
  const table = new Table({
    head: ['文件', '结果', '单位', '年度', '模板', '版本', '单元格', '问题'],
    ...(tty ? {} : { style: { head: [], border: [] } }),
  });
  for (const o of outcomes) {
    table.push(
      o.ok
        ? [
            o.path,
            statusOf(o),
            o.unit,
            String(o.year),
            o.template,
            `v${o.version}`,
            String(o.cells),
            String(o.findings),
          ]
        : [o.path, STATUS.failed, { colSpan: 6, content: o.error }],
    );
  }
  const count = (f: (o: FileOutcome) => boolean) => outcomes.filter(f).length;
  const totals = `已导入 ${count((o) => o.ok && o.status === 'imported')}，未变 ${count(
    (o) => o.ok && o.status === 'unchanged',
  )}，失败 ${count((o) => !o.ok)}，共 ${outcomes.length} 个文件`;
  return `${table.toString()}\n${totals}\n`;
}

export function importCommand(): Command {
  return new Command('import')
    .description('import disclosures (files or folders) into the store; idempotent by content hash')
    .argument('<paths...>', 'files or folders')
    .option('--region <code>', 'region code (default: the template family: xinjiang, jiangsu, shanghai)')
    .option('--unit <name>', 'the unit, when the document does not name it (one file only)')
    .option('--template <id>', 'template id (default: detected)')
    .option(
      '--parent <name>',
      "the units' department (主管部门) in the same region, for 单位预算 of its units",
    )
    .action(
      async (
        paths: string[],
        opts: { region?: string; unit?: string; template?: string; parent?: string },
      ) => {
        const tty = Boolean(process.stderr.isTTY);
        const store = await openStore();
        let bar: SingleBar | null = null;
        try {
          process.stderr.write(`gongkai import: ${store.engine} ${store.location}\n`);
          const outcomes = await importPaths(store, paths, {
            ...opts,
            onStart(total) {
              if (!tty) return;
              bar = new SingleBar({ format: '导入 [{bar}] {value}/{total} {file}', stream: process.stderr });
              bar.start(total, 0, { file: '' });
            },
            onFile(o, i, total) {
              if (bar) {
                bar.update(i + 1, { file: o.path });
                if (!o.ok) process.stderr.write(`\n${line(o)}\n`);
              } else process.stderr.write(`[${i + 1}/${total}] ${line(o)}\n`);
            },
          });
          (bar as SingleBar | null)?.stop();
          process.stdout.write(summaryTable(outcomes, Boolean(process.stdout.isTTY)));
          process.exitCode = outcomes.some((o) => !o.ok) ? 1 : 0;
        } finally {
          (bar as SingleBar | null)?.stop();
          await store.close();
        }
      },
    );
}
