/** `gongkai generate` and `gongkai compose`: files written, the composed text checks clean, bad input exits 2. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gongkai } from '../helpers/cli.ts';

describe('gongkai generate → compose → check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-compose-'));

  it('generates facts files, the same for the same seed', () => {
    const r = gongkai([
      'generate',
      '--units',
      '2',
      '--year',
      '2023',
      '--seed',
      '9',
      '--out',
      join(dir, 'facts'),
    ]);
    assert.equal(r.status, 0, r.stderr);
    const once = readFileSync(join(dir, 'facts', 'unit-002.json'), 'utf8');
    const again = gongkai(['generate', '--units', '2', '--year', '2023', '--seed', '9']);
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(JSON.parse(again.stdout)[1], JSON.parse(once));
  });

  it('composes text and JSON that check clean', () => {
    const r = gongkai(['compose', join(dir, 'facts', 'unit-001.json'), '--out', join(dir, 'doc')]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.ok(existsSync(join(dir, 'doc', 'unit-001.json')));
    const c = gongkai(['check', join(dir, 'doc', 'unit-001.txt'), '--fail-on', 'warning']);
    assert.equal(c.status, 0, c.stdout);
  });

  it('refuses an unknown format and invalid facts with exit code 2', () => {
    const f = gongkai(['compose', join(dir, 'facts', 'unit-001.json'), '--out', dir, '--format', 'odt']);
    assert.equal(f.status, 2);
    assert.match(f.stderr, /unknown format: odt/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ year: 2023 }));
    const b = gongkai(['compose', bad, '--out', dir]);
    assert.equal(b.status, 2);
    assert.match(b.stderr, /the facts are not valid/);
    assert.match(b.stderr, /unitName/);
  });
});
