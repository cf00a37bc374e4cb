import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../../src/ingest/errors.ts';
import { layoutLines } from '../../../src/ingest/pdf/layout.ts';
import { loadPdf, PDF_LIMITS } from '../../../src/ingest/pdf/load.ts';
import { makePdf } from '../../helpers/pdf.ts';

const refused = async (p: Promise<unknown>, code: InputError['code'], message: RegExp) => {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof InputError, `expected an InputError, got ${String(e)}`);
    assert.equal(e.code, code);
    assert.match(e.message, message);
    return true;
  });
};

describe('loading PDFs', () => {
  it('reads text runs with their positions, lines top to bottom', async () => {
    const pdf = makePdf({
      pages: [
        [
          { x: 72, y: 700, text: 'Total' },
          { x: 300, y: 700, text: '1,234.50' },
          { x: 72, y: 680, text: 'Next line' },
        ],
      ],
    });
    const pages = await loadPdf(pdf);
    assert.equal(pages.length, 1);
    const lines = layoutLines(pages);
    assert.deepEqual(
      lines.map((l) => l.spans.map((s) => s.text)),
      [['Total', '1,234.50'], ['Next line']],
    );
    assert.equal(lines[0]!.page, 1);
    assert.ok(Math.abs(lines[0]!.spans[1]!.x0 - 300) < 0.5);
    assert.ok(Math.abs(lines[0]!.y - (842 - 700)) < 0.5, 'y is measured from the top of the page');
  });

  it('refuses an encrypted PDF', async () => {
    await refused(
      loadPdf(makePdf({ pages: [[{ x: 72, y: 700, text: 'x' }]], encrypted: true })),
      'encrypted',
      /encrypted/,
    );
  });

  it('refuses a PDF without a text layer and says it needs OCR', async () => {
    await refused(loadPdf(makePdf({ pages: [[], []] })), 'no-text', /needs OCR/);
  });

  it('refuses bytes that are not a PDF structure', async () => {
    await refused(
      loadPdf(new TextEncoder().encode('%PDF-1.7\nnothing here')),
      'unreadable',
      /not a valid PDF/,
    );
  });

  it('refuses more pages than the limit, and stops when time runs out', async () => {
    const pdf = makePdf({ pages: Array.from({ length: 5 }, () => [{ x: 72, y: 700, text: 'page' }]) });
    await refused(loadPdf(pdf, { ...PDF_LIMITS, maxPages: 3 }), 'too-large', /5 pages; limit 3/);
    await refused(loadPdf(pdf, { ...PDF_LIMITS, maxMs: -1 }), 'too-large', /took longer/);
  });

  it('refuses a page holding more text runs than any disclosure page', async () => {
    const runs = Array.from({ length: 200 }, (_, i) => ({
      x: 10 + (i % 20) * 25,
      y: 800 - Math.floor(i / 20) * 12,
      text: 'x',
    }));
    await refused(
      loadPdf(makePdf({ pages: [runs] }), { ...PDF_LIMITS, maxItemsPerPage: 100 }),
      'too-large',
      /text runs \(limit 100\)/,
    );
  });

  it('a PDF cut short anywhere is read or refused with a reason, never crashes', async () => {
    const pdf = makePdf({ pages: [[{ x: 72, y: 700, text: 'kept' }]] });
    for (const cut of [20, 60, 120, 200, 300, pdf.length - 40, pdf.length - 10]) {
      try {
        const pages = await loadPdf(pdf.subarray(0, cut));
        assert.equal(layoutLines(pages)[0]!.text, 'kept', `cut at ${cut}`);
      } catch (e) {
        assert.ok(e instanceof InputError, `cut at ${cut}: ${String(e)}`);
        assert.match(e.message, /PDF/);
      }
    }
  });
});
