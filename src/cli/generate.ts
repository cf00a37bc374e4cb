/** `gongkai generate`: seeded synthetic facts for fictional units. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { generate } from '../generate/generate.ts';

function int(name: string, min: number, max: number) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`--${name} must be an integer from ${min} to ${max}`);
    return n;
  };
}

export function generateCommand(): Command {
  return new Command('generate')
    .description('write internally consistent facts for fictional units (deterministic for a seed)')
    .option('--units <n>', 'how many units', int('units', 1, 10000), 1)
    .option('--year <year>', 'budget year', int('year', 2000, 2100), 2023)
    .option('--seed <seed>', 'random seed', int('seed', 0, 2 ** 32 - 1), 1)
    .option('--out <dir>', 'write one facts file per unit here (default: a JSON array on standard output)')
    .action(async (opts: { units: number; year: number; seed: number; out?: string }) => {
      const all = generate({ units: opts.units, year: opts.year, seed: opts.seed });
      if (!opts.out) {
        process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
        return;
      }
      await mkdir(opts.out, { recursive: true });
      for (const [i, f] of all.entries()) {
        const file = join(opts.out, `unit-${String(i + 1).padStart(3, '0')}.json`);
        await writeFile(file, `${JSON.stringify(f, null, 2)}\n`);
      }
      process.stdout.write(`${all.length} units written to ${opts.out}\n`);
    });
}
