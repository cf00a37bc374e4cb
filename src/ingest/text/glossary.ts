/** Part 4 (名词解释) and the signature that closes the document. */
import type { Disclosure } from '../../model/schema.ts';
import { joinLines, lineOf } from './join.ts';
import type { Line } from './lines.ts';

const ENTRY_RE = /([一二三四五六七八九十]+)、([^：:]{1,20})[：:]/g;
const DATE_RE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

function signatureStart(lines: Line[]): number {
  const i = lines.findIndex((l) => DATE_RE.test(l.text.trim()));
  if (i < 0) return lines.length;
  for (let j = i - 1; j > 0; j--) if (lines[j]!.text.trim()) return j;
  return i;
}

export function readGlossary(lines: Line[]): Disclosure['glossary'] {
  const body = lines.slice(1, signatureStart(lines));
  const j = joinLines(body);
  const marks = [...j.text.matchAll(ENTRY_RE)].filter(
    (m) => m.index === 0 || /[。；]$/.test(j.text.slice(0, m.index)),
  );
  return marks.map((m, k) => ({
    number: m[1]!,
    term: m[2]!,
    definition: j.text.slice(m.index! + m[0].length, marks[k + 1]?.index ?? j.text.length).trim(),
    source: { line: lineOf(j, m.index!) },
  }));
}

export function readSignature(lines: Line[]): Disclosure['signature'] {
  const i = lines.findIndex((l) => DATE_RE.test(l.text.trim()));
  if (i < 0) return null;
  const m = DATE_RE.exec(lines[i]!.text.trim())!;
  const s = signatureStart(lines);
  const unitName = s < i ? lines[s]!.text.trim() : '';
  return {
    unitName,
    date: `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`,
    source: { line: lines[s]?.no ?? lines[i]!.no, endLine: lines[i]!.no },
  };
}
