/** Part 1 (概况): main functions, organisation, staffing. */

import type { Disclosure, Quantity } from '../../model/schema.ts';
import { parseNumber } from '../../money/index.ts';
import { joinLines, lineOf } from './join.ts';
import type { Line } from './lines.ts';

type Part1 = NonNullable<Disclosure['part1']>;

function count(raw: string, unit: string): Quantity | null {
  const n = parseNumber(raw);
  return n ? { raw: `${raw}${unit}`, value: n.text, unit } : null;
}

const FUNCTION_RE = /（([一二三四五六七八九十]+)）/g;

export function readPart1(lines: Line[]): { part1: Part1; unitName: string | null } {
  const heading = lines[0]?.text.trim() ?? '';
  const unitName = /^第一部分\s*(.+?)概况$/.exec(heading)?.[1]?.trim() ?? null;
  const fnStart = lines.findIndex((l) => /^一、主要职能/.test(l.text.trim()));
  const orgStart = lines.findIndex((l) => /^二、机构设置/.test(l.text.trim()));
  const functions: Part1['functions'] = [];
  if (fnStart >= 0) {
    const j = joinLines(lines.slice(fnStart + 1, orgStart >= 0 ? orgStart : lines.length));
    const marks = [...j.text.matchAll(FUNCTION_RE)].filter(
      (m) => m.index === 0 || /[。；]$/.test(j.text.slice(0, m.index)),
    );
    marks.forEach((m, k) => {
      const start = m.index!;
      const end = marks[k + 1]?.index ?? j.text.length;
      functions.push({
        number: m[1]!,
        text: j.text.slice(start + m[0].length, end).trim(),
        source: { line: lineOf(j, start) },
      });
    });
  }
  const org = joinLines(orgStart >= 0 ? lines.slice(orgStart + 1) : []);
  const text = org.text;
  const divisionsMatch = /下设(\d+)个(?:科室|处室|内设机构|部门)[^：:]*[：:](.+?)。/.exec(text);
  const divisions = divisionsMatch
    ? divisionsMatch[2]!
        .split('、')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
  const subordinate = /(无下属预算单位|下属预算单位[^，。]*)/.exec(text)?.[1] ?? null;
  const authorized = /编制数(\d+)名/.exec(text);
  const actual = /实有人数(\d+)人/.exec(text);
  const groups: NonNullable<Part1['staffing']>['groups'] = [];
  for (const m of text.matchAll(/(在职|退休|离休)(\d+)人(?:，(增加|减少|持平)(\d+)人)?/g)) {
    groups.push({
      name: m[1]!,
      count: count(m[2]!, '人')!,
      change: m[3] ? { word: m[3], value: m[4]! } : null,
    });
  }
  const staffLine = authorized ? lineOf(org, authorized.index!) : undefined;
  return {
    unitName,
    part1: {
      functions,
      organization: {
        text,
        subordinateUnits: subordinate,
        divisionCount: divisionsMatch ? Number(divisionsMatch[1]) : null,
        divisions,
        source: { line: lines[Math.max(orgStart, 0)]?.no ?? 1 },
      },
      staffing:
        authorized || actual
          ? {
              authorized: authorized ? count(authorized[1]!, '名') : null,
              actual: actual ? count(actual[1]!, '人') : null,
              groups,
              source: { line: staffLine ?? lines[0]?.no ?? 1 },
            }
          : null,
    },
  };
}
