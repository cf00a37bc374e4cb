/**
 * `gongkai import` on both engines: a folder with three disclosures and a bad file imports the three,
 * reports the bad one and exits 1; importing again changes nothing.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { listDisclosures } from '../../src/store/index.ts';
import { gongkai } from '../helpers/cli.ts';
import { ROOT, XINJIANG } from '../helpers/fixtures.ts';
import { ENGINES, engineHarness } from '../helpers/store.ts';

const CORPUS = `${ROOT}../shared/corpus/`;

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-'));
  mkdirSync(join(dir, 'shanghai'));
  copyFileSync(XINJIANG, join(dir, 'changji.txt'));
  copyFileSync(`${CORPUS}shanghai/2025-putuo-commerce-dept.pdf`, join(dir, 'shanghai', 'dept.pdf'));
  copyFileSync(`${CORPUS}shanghai/2025-putuo-govoffice-unit.pdf`, join(dir, 'shanghai', 'unit.pdf'));
  writeFileSync(join(dir, 'bad.txt'), 'hello\nthis is not a disclosure\n');
  writeFileSync(join(dir, '.hidden'), 'skipped: hidden files are not imported\n');
  return dir;
}

for (const engine of ENGINES) {
  describe(`gongkai import on ${engine}`, () => {
    const fresh = engineHarness(engine);

    test('imports a folder, reports the bad file and goes on; again, nothing changes', async () => {
      const f = await fresh();
      const dir = folder();
      try {
        let r = gongkai(['import', dir], f.env);
        assert.equal(r.status, 1, r.stderr);
        assert.match(r.stderr, new RegExp(`^gongkai import: ${engine} `, 'm'));
        assert.match(r.stderr, /^\[1\/4\] \S+bad\.txt: 失败: not a budget disclosure/m);
        assert.match(r.stderr, /^\[2\/4\] \S+changji\.txt: 已导入 昌吉州工业和信息化局 2023 v1$/m);
        assert.match(r.stderr, /^\[3\/4\] \S+dept\.pdf: 已导入 上海市普陀区商务委员会 2025 v1$/m);
        assert.match(r.stderr, /^\[4\/4\] \S+unit\.pdf: 已导入 上海市普陀区人民政府办公室 2025 v1$/m);
        assert.doesNotMatch(r.stderr + r.stdout, /hidden/);
        assert.match(r.stdout, /已导入 3，未变 0，失败 1，共 4 个文件/);
        assert.doesNotMatch(r.stdout, new RegExp(String.fromCharCode(27)), 'no colours when not a terminal');

        const check = await f.reopen();
        const first = await listDisclosures(check.db, { allVersions: true });
        await check.close();
        assert.deepEqual(
          first.map((d) => [d.region, d.unit, d.version]),
          [
            ['shanghai', '上海市普陀区人民政府办公室', 1],
            ['shanghai', '上海市普陀区商务委员会', 1],
            ['xinjiang', '昌吉州工业和信息化局', 1],
          ],
        );

        r = gongkai(['import', dir], f.env);
        assert.equal(r.status, 1);
        assert.match(r.stdout, /已导入 0，未变 3，失败 1，共 4 个文件/);
        r = gongkai(['import', join(dir, 'changji.txt'), join(dir, 'shanghai')], f.env);
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stdout, /已导入 0，未变 3，失败 0，共 3 个文件/);

        const again = await f.reopen();
        assert.deepEqual(await listDisclosures(again.db, { allVersions: true }), first);
        await again.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await f.done();
      }
    });

    test('--region files the disclosures under the region given', async () => {
      const f = await fresh();
      try {
        const r = gongkai(['import', XINJIANG, '--region', 'changji'], f.env);
        assert.equal(r.status, 0, r.stderr);
        const listed = await listDisclosures(f.store.db, { region: 'changji' });
        assert.deepEqual(
          listed.map((d) => [d.unit, d.year, d.template]),
          [['昌吉州工业和信息化局', 2023, 'xinjiang-2023']],
        );
      } finally {
        await f.done();
      }
    });
  });
}
