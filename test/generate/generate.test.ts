/** Synthetic units: deterministic for a seed; 50 of them compose, check clean and read back the same. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonical } from '../../src/compose/canonical.ts';
import { compose } from '../../src/compose/compose.ts';
import { Facts } from '../../src/compose/facts.ts';
import { generate } from '../../src/generate/generate.ts';
import { extractText } from '../../src/ingest/index.ts';
import { renderText } from '../../src/render/text.ts';
import { checkDisclosure } from '../../src/rules/engine.ts';

test('the same seed gives the same bytes; another seed another budget', () => {
  const a = JSON.stringify(generate({ units: 5, year: 2023, seed: 42 }));
  const b = JSON.stringify(generate({ units: 5, year: 2023, seed: 42 }));
  const c = JSON.stringify(generate({ units: 5, year: 2023, seed: 43 }));
  assert.equal(a, b);
  assert.notEqual(a, c);
});

test('50 generated units compose, check with no error or warning, and round-trip through text', () => {
  const units = generate({ units: 50, year: 2023, seed: 2023 });
  const names = new Set<string>();
  let claims = 0;
  let withFunds = 0;
  let fromZero = 0;
  for (const f of units) {
    assert.equal(Facts.safeParse(f).success, true);
    names.add(f.unitName);
    const { disclosure: d, findings } = compose(f);
    assert.deepEqual(findings, [], f.unitName);
    const bad = checkDisclosure(d).findings.filter((x) => x.severity !== 'info');
    assert.deepEqual(
      bad.map((x) => `${x.rule}: ${x.message}`),
      [],
      f.unitName,
    );
    const back = extractText(renderText(d));
    assert.deepEqual(back.problems, [], f.unitName);
    assert.deepEqual(canonical(back), canonical(d), f.unitName);
    claims += d.narrative.reduce((n, s) => n + s.claims.length, 0);
    if (d.tables.find((t) => t.id === 'T8')!.rows.some((r) => r.cells.some((c) => c.fen))) withFunds++;
    if (
      d.narrative.some((s) =>
        s.claims.some((c) => c.growth?.percent === '100' && c.change?.fen === c.amount?.fen),
      )
    )
      fromZero++;
  }
  // the sample exercises a non-empty government-fund table and growth from a zero base
  assert.ok(withFunds > 0 && withFunds < 50, `units with government funds: ${withFunds}`);
  assert.ok(fromZero > 0, 'no growth from a zero base');
  assert.equal(names.size, 50, 'every unit has its own name');
  assert.ok(claims > 50 * 40);
});

test('generated codes are real: every name comes from the catalog or the department data', () => {
  for (const f of generate({ units: 8, year: 2023, seed: 1 })) {
    const { disclosure: d } = compose(f);
    for (const t of d.tables) for (const r of t.rows) assert.doesNotMatch(r.label, /待补充/);
  }
});
