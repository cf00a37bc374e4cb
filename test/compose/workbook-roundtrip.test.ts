/**
 * Facts → facts workbook → facts is the same facts (amounts compared as the decimals they are: the
 * workbook holds numbers, so `100.00` comes back as `100`), and composing from the workbook prints
 * the same document as composing from the JSON.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { compose } from '../../src/compose/compose.ts';
import { Facts } from '../../src/compose/facts.ts';
import { factsFromDisclosure } from '../../src/compose/from-disclosure.ts';
import { readFactsWorkbook } from '../../src/compose/workbook/read.ts';
import { writeFactsWorkbook } from '../../src/compose/workbook/write.ts';
import { generate } from '../../src/generate/generate.ts';
import { renderText } from '../../src/render/text.ts';
import { xinjiang } from '../helpers/fixtures.ts';

/** An amount as its shortest decimal: 100.00 → 100, 8.50 → 8.5 (the test's own, not the reader's). */
function dec(a: string): string {
  const s = a.trim();
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
const decs = (r: Record<string, string>) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, dec(v)]));

/** The facts with every amount written as its shortest decimal. */
function canonicalAmounts(f: Facts): Facts {
  return {
    ...f,
    lines: f.lines.map((l) => ({ ...l, amount: dec(l.amount) })),
    basic: f.basic.map((b) => ({ ...b, amount: dec(b.amount) })),
    projects: f.projects.map((p) => ({
      ...p,
      amounts: decs(p.amounts),
      ...(p.total === undefined ? {} : { total: dec(p.total) }),
    })),
    sangong: f.sangong.map((s) => ({ ...s, amount: dec(s.amount) })),
    prior: {
      ...f.prior,
      income: decs(f.prior.income),
      basic: dec(f.prior.basic),
      project: dec(f.prior.project),
      generalBasic: dec(f.prior.generalBasic),
      generalProject: dec(f.prior.generalProject),
      items: decs(f.prior.items),
      sangong: decs(f.prior.sangong as Record<string, string>),
      operating: dec(f.prior.operating),
    },
    procurement: f.procurement && (decs(f.procurement) as Facts['procurement']),
    assets: f.assets && {
      ...f.assets,
      buildingValue: dec(f.assets.buildingValue),
      furniture: dec(f.assets.furniture),
      other: dec(f.assets.other),
      vehicles: f.assets.vehicles.map((v) => ({ ...v, value: dec(v.value) })),
    },
    performance: f.performance.map((p) => ({
      ...p,
      total: dec(p.total),
      fiscal: dec(p.fiscal),
      other: dec(p.other),
    })),
  };
}

async function roundTrip(input: unknown): Promise<{ original: Facts; back: Facts }> {
  const original = Facts.parse(input);
  const back = await readFactsWorkbook(await writeFactsWorkbook(original));
  return { original, back };
}

const small = JSON.parse(readFileSync(new URL('./fixtures/small-unit.json', import.meta.url), 'utf8'));

describe('facts workbook round trip', () => {
  it('the small unit: the same facts, and the same composed text', async () => {
    const { original, back } = await roundTrip(small);
    assert.deepEqual(back, canonicalAmounts(original));
    // the fixture writes 100.00: the test would not notice a reader that kept the text
    assert.equal(original.lines[0]!.amount, '100.00');
    assert.equal(back.lines[0]!.amount, '100');
    assert.equal(renderText(compose(back).disclosure), renderText(compose(small).disclosure));
  });

  it('the Xinjiang example turned into facts', async () => {
    const input = factsFromDisclosure(xinjiang()).facts;
    const { original, back } = await roundTrip(input);
    assert.deepEqual(back, canonicalAmounts(original));
    assert.ok(back.lines.length > 10 && back.performance.length > 0 && back.glossary!.length > 0);
    assert.equal(renderText(compose(back).disclosure), renderText(compose(input).disclosure));
  });

  it('generated units of two years', async () => {
    const units = [
      ...generate({ units: 3, year: 2023, seed: 5 }),
      ...generate({ units: 2, year: 2024, seed: 6 }),
    ];
    for (const unit of units) {
      const { original, back } = await roundTrip(unit);
      assert.deepEqual(back, canonicalAmounts(original), original.unitName);
      assert.equal(renderText(compose(back).disclosure), renderText(compose(unit).disclosure));
    }
  });
});
