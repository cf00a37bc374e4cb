/** `gongkai render`: the three formats written to a directory; unknown formats refused. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gongkai } from '../helpers/cli.ts';
import { XINJIANG } from '../helpers/fixtures.ts';

describe('gongkai render', () => {
  it('writes HTML, PDF and DOCX of a text disclosure', () => {
    const out = mkdtempSync(join(tmpdir(), 'gongkai-render-'));
    const r = gongkai(['render', XINJIANG, '--format', 'html,pdf,docx', '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    const stem = join(out, 'changji-miit-2023-budget');
    assert.deepEqual(r.stdout.trim().split('\n'), [`${stem}.html`, `${stem}.pdf`, `${stem}.docx`]);
    assert.ok(readFileSync(`${stem}.html`, 'utf8').startsWith('<!DOCTYPE html>'));
    assert.equal(readFileSync(`${stem}.pdf`).subarray(0, 5).toString(), '%PDF-');
    assert.equal(readFileSync(`${stem}.docx`).subarray(0, 2).toString(), 'PK');
  });

  it('refuses an unknown format with exit code 2', () => {
    const r = gongkai(['render', XINJIANG, '--format', 'html,xls', '--out', tmpdir()]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown format xls; known: html, pdf, docx/);
  });
});
