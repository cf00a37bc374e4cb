/** Running the real `gongkai` command in a child process. */
import { spawnSync } from 'node:child_process';
import { ROOT } from './fixtures.ts';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function gongkai(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [`${ROOT}bin/gongkai.js`, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
