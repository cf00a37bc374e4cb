/**
 * Every rule of the catalogue has tests of its own: a test file under test/rules/<category>/ that
 * names the rule (its id, or its module) — where its passing and failing fixtures live. A rule added
 * without them fails here.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../src/rules/registry.ts';
import { ROOT } from '../helpers/fixtures.ts';

function testTexts(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
  } catch {
    return [];
  }
}

describe('the rule catalogue', () => {
  it('has at least 40 rules, each with a test file in its category that names it', () => {
    assert.ok(RULES.length >= 40, `${RULES.length} rules`);
    const missing: string[] = [];
    for (const rule of RULES) {
      const [category, name] = rule.meta.id.split('.') as [string, string];
      const texts = testTexts(join(ROOT, 'test', 'rules', category));
      const named = texts.some(
        (t) => t.includes(`'${rule.meta.id}'`) || t.includes(`/src/rules/${category}/${name}.ts'`),
      );
      if (!named) missing.push(rule.meta.id);
    }
    assert.deepEqual(missing, [], `rules without a test file naming them: ${missing.join(', ')}`);
  });

  it('gives every rule a unique id, a Chinese and an English title and a category matching its id', () => {
    const ids = RULES.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of RULES) {
      assert.match(r.meta.title.zh, /[\u4e00-\u9fff]/, r.meta.id);
      assert.match(r.meta.title.en, /[A-Za-z]/, r.meta.id);
      assert.equal(r.meta.id.split('.')[0], r.meta.category, r.meta.id);
    }
  });
});
