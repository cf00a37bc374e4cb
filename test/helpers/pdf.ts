/**
 * Writing small PDFs for tests: pages of Helvetica text at given positions, optionally with an
 * /Encrypt dictionary whose password is not empty. Byte offsets in the cross-reference table are
 * exact, so pdf.js reads them without repair.
 */
export interface PdfSpec {
  /** each page: text runs at (x, y) in points from the bottom left */
  pages: { x: number; y: number; text: string }[][];
  encrypted?: boolean;
}

export function makePdf(spec: PdfSpec): Uint8Array {
  const objects: string[] = [];
  const n = spec.pages.length;
  const pageIds = spec.pages.map((_, i) => 3 + i * 2);
  const font = 3 + n * 2;
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${n} >>`;
  spec.pages.forEach((runs, i) => {
    const id = pageIds[i]!;
    const stream = runs
      .map((r) => `BT /F1 10 Tf ${r.x} ${r.y} Td (${r.text.replace(/[()\\]/g, '\\$&')}) Tj ET`)
      .join('\n');
    objects[id] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${id + 1} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`;
    objects[id + 1] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });
  objects[font] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  let encrypt = '';
  if (spec.encrypted) {
    const id = font + 1;
    const hex = (c: string) => c.repeat(64);
    objects[id] = `<< /Filter /Standard /V 1 /R 2 /O <${hex('a')}> /U <${hex('b')}> /P -44 >>`;
    encrypt = ` /Encrypt ${id} 0 R /ID [<${'c'.repeat(32)}> <${'c'.repeat(32)}>]`;
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
