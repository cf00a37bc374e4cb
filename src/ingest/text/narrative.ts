/**
 * Part 3 (说明): sections, their text, and the claims in it. A claim is one subject with the numbers
 * stated about it: amount, share (占 x%), change against last year (比上年预算增加 x 万元), growth rate
 * (增长 x%), and the reason given. The wording (labels, units, subject phrasing) comes from the template.
 */

import type { Claim, ClaimKind, Problem, Section } from '../../model/schema.ts';
import type { MoneyUnit } from '../../money/index.ts';
import { parseNumber, toFen } from '../../money/index.ts';
import type { Template } from '../../templates/schema.ts';
import { memoByObject } from '../memo.ts';
import { squash, squashedHead } from '../normalize.ts';
import { type Joined, joinLines, lineOf as lineAtPos } from './join.ts';
import type { Line } from './lines.ts';

const SECTION_RE = /^([一二三四五六七八九十]+)、(.*)$/;
const SUBSECTION_RE = /^（([一二三四五六七八九十]+)）(.*)$/;
/** The first characters of SECTION_RE and SUBSECTION_RE: tested before them. */
const NUMERALS = new Set([...'一二三四五六七八九十'].map((c) => c.charCodeAt(0)));
const OPEN_PAREN = 0xff08; // （
const ITEM_RE = /^(\d+)[.．](?!\d)/;
const PERCENT = 0x25;
const YUAN = 0x5143; // 元
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

interface Block {
  id: string;
  title: string;
  kind: string;
  shareBase: string | null;
  lines: Line[];
  line: number;
}

function headingEnds(title: string): boolean {
  return /说明$/.test(title);
}

/** A short line without punctuation or numbering: the rest of a wrapped heading. */
function isContinuation(next: string): boolean {
  return (
    !!next &&
    next.length <= 14 &&
    !/[，。；：]/.test(next) &&
    !SECTION_RE.test(next) &&
    !SUBSECTION_RE.test(next)
  );
}

/**
 * Split a narrative part into sections and subsections; cut out the performance tables. Text before
 * the first numbered heading is a section of its own, titled by the part's heading and numbered
 * `lead` (Part 3: `P3`); the numbers of the sections of a part printed after the tables are prefixed
 * with its lead number (`P3.1:一（二）`), so that they stay unique.
 */
function blocks(
  lines: Line[],
  template: Template,
  lead: string,
): { blocks: Block[]; performanceLines: Line[] } {
  const out: Block[] = [];
  const perf: Line[] = [];
  const perfTitle = squash(template.performance.title);
  const perfHead = perfTitle ? perfTitle.charCodeAt(0) : -1;
  const patterns = patternsOf(template);
  let section: { id: string; title: string; kind: string; shareBase: string | null } | null = null;
  let current: Block | null = null;
  let inPerf = false;
  const prefix = lead === 'P3' ? '' : `${lead}:`;
  // The part heading may wrap like a section heading (第三部分…2018 / 年度预算情况说明).
  let partTitle = squash(lines[0]?.text ?? '');
  let first = 1;
  while (!headingEnds(partTitle) && first < lines.length && isContinuation(lines[first]!.text.trim())) {
    partTitle += squash(lines[first]!.text);
    first++;
  }
  for (let i = first; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text.trim();
    if (!t) continue;
    const sec = NUMERALS.has(t.charCodeAt(0)) ? SECTION_RE.exec(t) : null;
    const sub = t.charCodeAt(0) === OPEN_PAREN ? SUBSECTION_RE.exec(t) : null;
    const isHeading = (sec || sub) && t.length < 60 && !/[，；]/.test(t.slice(0, 30));
    if (inPerf && !isHeading) {
      perf.push(line);
      continue;
    }
    if (squashedHead(t) === perfHead && squash(t) === perfTitle) {
      inPerf = true;
      perf.push(line);
      continue;
    }
    if (sec && isHeading) {
      inPerf = false;
      let title = sec[2]!.trim();
      // Headings wrap: join short continuation lines until the heading reads as a complete title.
      let j = i + 1;
      while (!headingEnds(title) && j < lines.length) {
        const next = lines[j]!.text.trim();
        if (!next) {
          j++;
          continue;
        }
        if (!isContinuation(next)) break;
        title += next;
        i = j;
        j++;
      }
      title = title.replace(/\s+/g, '');
      const spec = patterns.sections.find((s) => s.match.test(title))?.spec;
      section = {
        id: `${prefix}${sec[1]!}`,
        title,
        kind: spec?.kind ?? 'total',
        shareBase: spec?.shareBase ?? null,
      };
      current = { ...section, lines: [], line: line.no };
      out.push(current);
      continue;
    }
    if (sub && isHeading && section) {
      inPerf = false;
      const title = sub[2]!.replace(/\s+/g, '');
      const spec = patterns.subsections.find((s) => s.match.test(title))?.spec;
      current = {
        id: `${section.id}（${sub[1]}）`,
        title,
        kind: spec?.kind ?? section.kind,
        shareBase: spec?.shareBase ?? section.shareBase,
        lines: [],
        line: line.no,
      };
      out.push(current);
      continue;
    }
    if (!current && !section) {
      const title = partTitle;
      const spec = patterns.sections.find((s) => s.match.test(title))?.spec;
      current = {
        id: lead,
        title,
        kind: spec?.kind ?? 'total',
        shareBase: spec?.shareBase ?? null,
        lines: [],
        line: lines[0]!.no,
      };
      out.push(current);
    }
    current?.lines.push(line);
  }
  return { blocks: out, performanceLines: perf };
}

interface Piece {
  text: string;
  start: number;
  delim: string;
}

/** A short label opening a printed line (`项目承担单位：`, `2.项目名称：`). */
export const LABEL_AHEAD = /^(?:\d+[.．])?[^，。；：、\d]{1,12}：/;

/**
 * Split text at punctuation. Inside a labelled value (`预算安排规模：200 万元`), a line that starts with
 * another short label also starts a piece: such lines are printed without closing punctuation.
 */
function pieces(j: Joined): Piece[] {
  const { text, starts } = j;
  const out: Piece[] = [];
  let start = 0;
  let inValue = false;
  let nextLine = 0; // index into starts of the first line start ≥ i
  for (let i = 0; i <= text.length; i++) {
    const delim = i === text.length ? '' : delimiterOf(text.charCodeAt(i));
    if (delim !== null) {
      out.push({ text: text.slice(start, i), start, delim });
      start = i + 1;
      if (delim === '：') inValue = true;
      else if (delim === '。' || delim === '；') inValue = false;
    } else if (inValue && i > start) {
      while (nextLine < starts.length && starts[nextLine]! < i) nextLine++;
      if (starts[nextLine] === i && LABEL_AHEAD.test(text.slice(i, i + 16))) {
        out.push({ text: text.slice(start, i), start, delim: '\n' });
        start = i;
      }
    }
  }
  return out;
}

/**
 * The line starts (offsets into `text`) at which a label ends the value before it (`预算安排规模：200万元`
 * then `项目承担单位：…`): only the line break tells where such a value ends, so a renderer must print a
 * line break there for the text to read back the same.
 */
export function labelLineStarts(text: string, starts: number[]): number[] {
  const list = pieces({ text, starts, lines: [] });
  return list.filter((_, k) => k > 0 && list[k - 1]!.delim === '\n').map((p) => p.start);
}

/** The punctuation that ends a piece, or null. */
function delimiterOf(code: number): string | null {
  switch (code) {
    case 0xff0c:
      return '，';
    case 0xff1b:
      return '；';
    case 0x3002:
      return '。';
    case 0xff1a:
      return '：';
    case 0x3001:
      return '、';
    default:
      return null;
  }
}

/** A printed number, thousands separated or not (`3,121.42`, `3121.42`); values keep no separator. */
const NUM = '(-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|-?\\d+(?:\\.\\d+)?)';
const plain = (n: string) => n.replaceAll(',', '');
/** Where a claim's sentence ends (global: set lastIndex before use). */
const SENTENCE_END = /[；。]/g;

/** The patterns of a template's narrative wording, compiled once. */
const patternsOf = memoByObject((template: Template) => {
  const n = template.narrative;
  const w = n.words;
  const units = n.units.map((u) => u.replace(/[（）()]/g, '\\$&')).join('|');
  const cmp = w.comparison.join('|');
  const dir = [...w.increase, ...w.decrease].filter((x) => !/长|降/.test(x)).join('|');
  return {
    sections: n.sections.map((spec) => ({ match: new RegExp(spec.match), spec })),
    subsections: n.subsections.map((spec) => ({ match: new RegExp(spec.match), spec })),
    amountRe: new RegExp(`^(.*?)${NUM}(${units})$`),
    /** the last characters of the units (null when a unit is empty and any text may end one) */
    unitEnds: n.units.every(Boolean) ? new Set(n.units.map((u) => u.charCodeAt(u.length - 1))) : null,
    changeRe: new RegExp(`^(.*?)(${cmp})?(${dir})${NUM}(万元|元|亿元)$`),
    /** a piece that opens with the comparison alone (与上年相比，…增加 x 万元) */
    comparisonHead: new RegExp(`^(${cmp})`),
    growthRe: new RegExp(`^(${[...w.increase, ...w.decrease].join('|')})${NUM}%$`),
    shareRe: new RegExp(`^占${NUM}%$`),
    reasonRe: new RegExp(`^(${w.reason.map((r) => r.replace(/[：:]$/, '')).join('|')})[：:]?`),
    subjectPrefixes: n.subjectPrefixes.map((p) => new RegExp(p)),
    subjectSuffixes: n.subjectSuffixes.map((p) => new RegExp(p)),
    subjectKinds: n.subjectKinds.map((r) => ({
      section: r.section ? new RegExp(r.section) : null,
      subject: new RegExp(r.subject),
      kind: r.kind as ClaimKind,
    })),
  };
});

class ClaimReader {
  private readonly unitRes: RegExp[];
  private readonly patterns: ReturnType<typeof patternsOf>;

  constructor(
    private readonly template: Template,
    unitNames: string[],
  ) {
    this.patterns = patternsOf(template);
    const names = [...new Set(unitNames.filter(Boolean))].sort((a, b) => b.length - a.length);
    const place = names[0]?.slice(0, 2);
    this.unitRes = [
      ...names.map((n) => new RegExp(`^${n.replace(/[（）()]/g, '\\$&')}`)),
      ...(place ? [new RegExp(`^${place}[^，。；]{0,15}?(局|委员会|办公室|办公厅|厅|院)`)] : []),
    ];
  }

  cleanSubject(raw: string): string {
    let s = raw.replace(/^\d+[.．](?!\d)/, '').replace(/^其中/, '');
    for (let k = 0; k < 3; k++) {
      s = s.replace(/^[^，。；]{0,20}?\d{4}年度?/, '');
      for (const re of this.unitRes) s = s.replace(re, '');
      s = s.replace(/^(?:的|及下属各预算单位)/, '');
    }
    for (const p of this.patterns.subjectPrefixes) s = s.replace(p, '');
    for (const p of this.patterns.subjectSuffixes) {
      const next = s.replace(p, '');
      if (next !== s) {
        s = next;
        break;
      }
    }
    // A subject printed wholly in quotes (“一般公共服务支出（类）…（项）”) is the name inside them.
    return s.trim().replace(/^“([^“”]+)”$/, '$1');
  }

  kindOf(subject: string, block: Block): ClaimKind {
    for (const r of this.patterns.subjectKinds) {
      if (r.section && !r.section.test(block.title)) continue;
      if (r.subject.test(subject)) return r.kind;
    }
    return block.kind as ClaimKind;
  }

  read(block: Block, j: Joined): Claim[] {
    const claims: Claim[] = [];
    const n = this.template.narrative;
    let current: Claim | null = null;
    let item: number | null = null;
    let label: { text: string; start: number } | null = null;
    let mode: 'normal' | 'skip' | 'reason' | 'use' = 'normal';
    let lastEnd = '';
    /** a comparison printed ahead of the change in the same sentence (与上年相比，X增加 …) */
    let pendingComparison: string | null = null;
    /** an item's name cut at 、 (3．公诉、审判、侦查、执行等检察监督支出（项）1,895万元): its first parts */
    let namePrefix: string | null = null;
    const list = pieces(j);
    /** where each claim's excerpt starts in j.text */
    const excerptStarts: number[] = [];
    const lineOf = (pos: number): number => (j.starts.length ? lineAtPos(j, pos) : block.line);
    const make = (subject: string, at: number, excerptStart: number): Claim => {
      const claim: Claim = {
        kind: this.kindOf(subject, block),
        section: block.id,
        item,
        subject,
        amount: null,
        share: null,
        change: null,
        growth: null,
        comparison: null,
        reason: null,
        excerpt: '',
        source: { line: lineOf(at) },
      };
      claims.push(claim);
      excerptStarts.push(excerptStart);
      return claim;
    };
    for (let k = 0; k < list.length; k++) {
      const p = list[k]!;
      if (k > 0 && list[k - 1]!.delim !== '、') namePrefix = null;
      let text = p.text.trim();
      const offset = p.start + (p.text.length - p.text.trimStart().length);
      const endsSentence = p.delim === '。' || p.delim === '；';
      if (mode === 'reason' && current) {
        current.reason = `${current.reason ?? ''}${text}${endsSentence || p.delim === '' ? '' : p.delim}`;
        if (endsSentence) mode = 'normal';
        continue;
      }
      if (mode === 'use') {
        if (endsSentence) mode = 'normal';
        continue;
      }
      if (lastEnd === '。' || lastEnd === '；') pendingComparison = null;
      if (lastEnd === '。' && mode === 'normal' && p.delim !== '：') item = null;
      lastEnd = p.delim;
      const itemMatch = isDigit(text.charCodeAt(0)) ? ITEM_RE.exec(text) : null;
      if (itemMatch) {
        item = Number(itemMatch[1]);
        text = text.slice(itemMatch[0].length);
      }
      const reason = this.patterns.reasonRe.exec(text);
      if (reason) {
        if (current) {
          current.reason = text.slice(reason[0].length);
          if (!endsSentence) {
            if (p.delim !== '：' && p.delim !== '') current.reason += p.delim;
            mode = 'reason';
          }
        }
        continue;
      }
      if (n.useMarkers.some((m) => text.startsWith(m))) {
        if (!endsSentence) mode = 'use';
        continue;
      }
      if (p.delim === '：') {
        if (/^其中$/.test(text)) continue;
        mode = n.skipLabels.some((l) => text === l || text.endsWith(l)) ? 'skip' : 'normal';
        label = { text, start: offset + (itemMatch?.[0].length ?? 0) };
        if (mode === 'skip') lastEnd = '';
        continue;
      }
      if (mode === 'skip') continue;
      // the patterns below end with a percent sign, 元 or a unit: tested only on pieces that do
      const last = text.charCodeAt(text.length - 1);
      const share = last === PERCENT ? this.patterns.shareRe.exec(text) : null;
      if (share && current) {
        current.share = { raw: text, percent: plain(share[1]!), base: block.shareBase };
        continue;
      }
      const growth = last === PERCENT ? this.patterns.growthRe.exec(text) : null;
      if (growth && current) {
        current.growth = { raw: text, percent: plain(growth[2]!), word: growth[1]! };
        continue;
      }
      const change = last === YUAN ? this.patterns.changeRe.exec(text) : null;
      if (change) {
        const subject = this.cleanSubject(change[1]!);
        // After a leading comparison, the change is the current amount's, however it is named again.
        const continues = pendingComparison !== null && !!current?.amount && !current.change;
        if (!current || (subject && !continues)) {
          const at = subject ? offset + text.indexOf(subject) : offset;
          current = make(subject || label?.text || '', at, offset);
        }
        const unit = change[5]!;
        const parsed = parseNumber(plain(change[4]!));
        current.change = {
          raw: text.slice(change[1]!.length),
          value: plain(change[4]!),
          word: change[3]!,
          unit,
          ...(parsed ? { fen: toFen(parsed.value, unit as MoneyUnit) } : {}),
        };
        current.comparison = change[2]
          ? change[2].replace(/^[比较]/, '')
          : continues
            ? pendingComparison!.replace(/^[比较]/, '')
            : null;
        pendingComparison = null;
        continue;
      }
      const { unitEnds } = this.patterns;
      const amount = !unitEnds || unitEnds.has(last) ? this.patterns.amountRe.exec(text) : null;
      if (
        amount &&
        !/以上|以下|以内/.test(j.text.slice(p.start + p.text.length, p.start + p.text.length + 2))
      ) {
        const prefix = amount[1]!;
        let subject = this.cleanSubject(namePrefix && prefix ? namePrefix + prefix : prefix);
        namePrefix = null;
        let at = offset + (subject ? text.indexOf(subject, itemMatch ? 0 : 0) : 0);
        const inherit = n.inheritSubject.includes(prefix.replace(/^\d+[.．]/, ''));
        if (inherit && current) {
          subject = current.subject;
          at = -1;
        } else if (!subject && label) {
          subject = this.cleanSubject(label.text) || label.text;
          at = label.start;
          label = null;
        } else if (!subject && current) {
          subject = current.subject;
          at = -1;
        }
        const line = at >= 0 ? lineOf(at) : current!.source.line;
        const claim = make(subject, 0, offset);
        claim.source = { line };
        const unit = amount[3]!;
        const parsed = parseNumber(plain(amount[2]!));
        claim.amount = {
          raw: text.slice(prefix.length),
          value: plain(amount[2]!),
          unit,
          ...(parsed && ['万元', '元', '亿元'].includes(unit)
            ? { fen: toFen(parsed.value, unit as MoneyUnit) }
            : {}),
        };
        current = claim;
        continue;
      }
      const head = this.patterns.comparisonHead.exec(text);
      if (head) pendingComparison = head[1]!;
      else if (p.delim === '、' && text && !/\d/.test(text) && (itemMatch || namePrefix !== null))
        namePrefix = `${namePrefix ?? ''}${text}、`;
    }
    // Excerpts: from the start of a claim's first piece to the end of its sentence.
    claims.forEach((c, k) => {
      const from = excerptStarts[k]!;
      SENTENCE_END.lastIndex = from;
      const end = SENTENCE_END.exec(j.text);
      c.excerpt = j.text.slice(from, end ? end.index + 1 : undefined);
      if (c.reason !== null) c.reason = c.reason.trim();
    });
    return withoutRepeatedItems(claims);
  }
}

/**
 * A numbered item printed again word for word after the list (a PDF's text layer may carry clipped
 * copies of lines that the page does not show) states nothing new: the copy is dropped.
 */
function withoutRepeatedItems(claims: Claim[]): Claim[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    if (c.item === null) return true;
    const key = `${c.item}\n${c.subject}\n${c.excerpt}\n${c.amount?.raw ?? ''}\n${c.change?.raw ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The sections and claims of Part 3 (`lines`, its heading first) and of the narrative parts printed
 * after the tables (`continued`, each its heading first).
 */
export function readNarrative(
  lines: Line[],
  template: Template,
  _problems: Problem[],
  unitNames: string[] = [],
  continued: Line[][] = [],
): { sections: Section[]; performanceLines: Line[] } {
  const main = blocks(lines, template, 'P3');
  const bs = [
    ...main.blocks,
    ...continued.flatMap((part, k) => blocks(part, template, `P3.${k + 1}`).blocks),
  ];
  const { performanceLines } = main;
  const reader = new ClaimReader(template, unitNames);
  const sections = bs.map((b) => {
    const j = joinLines(b.lines);
    return {
      id: b.id,
      title: b.title,
      text: j.text,
      lineStarts: j.starts.map((at, k): [number, number] => [at, j.lines[k]!]),
      claims: reader.read(b, j),
      source: { line: b.line, ...(b.lines.length ? { endLine: b.lines[b.lines.length - 1]!.no } : {}) },
    };
  });
  return { sections, performanceLines };
}
