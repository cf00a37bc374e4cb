/** Recognising a template's table titles (as printed, with or without number, year and unit name) and part headings. */
import type { Template } from '../templates/schema.ts';
import { memoByObject } from './memo.ts';
import { squash } from './normalize.ts';

/** Table titles end with 表, or with a bracketed note after it (`（功能科目）`). */
export const TITLE_END = /[表）)]\s*$/;

/**
 * A title printed with a prefix: its number, the year, the unit's name (`一、2018 年度江苏省高级人民法院收支预算总表`,
 * `2025年部门财务收支预算总表`). The longest template title the line ends with wins.
 */
const NUMBER = '(?:[一二三四五六七八九十]+、|\\d+[.．、]|表\\d+[：:]?|公开\\d+表[：:]?)';

/** A table's printed number in front of its title (`一、`, `1.`, `表1：`, `公开01表`). */
export const NUMBER_PREFIX = new RegExp(`^${NUMBER}`);

const TITLE_PREFIX = new RegExp(`^${NUMBER}?(?:\\d{4}年度?)?[\\u4e00-\\u9fff（）()“”]{0,30}$`);

/** A table's printed number on a line of its own: `表1`, `公开01表` (spaces squashed). */
export const TABLE_NUMBER = /^(?:表\d+|公开\d+表)$/;

export function titleWithPrefix(line: string, byTitle: Map<string, string>): string | undefined {
  let best: string | undefined;
  let len = 0;
  for (const [title, id] of byTitle) {
    if (title.length > len && line.length > title.length && line.endsWith(title)) {
      if (TITLE_PREFIX.test(line.slice(0, line.length - title.length))) {
        best = id;
        len = title.length;
      }
    }
  }
  return best;
}

/** The template table id a short printed line is the title of, if any. */
export function titleId(line: string, byTitle: Map<string, string>): string | undefined {
  return byTitle.get(line) ?? titleWithPrefix(line, byTitle);
}

/**
 * The character a heading pattern is anchored on (`^第一部分` → 第), or -1: lines starting with another
 * character need not be tested.
 */
export function literalFirst(pattern: string): number {
  return /^\^[^\\[\](){}.*+?|^$]/.test(pattern) ? pattern.charCodeAt(1) : -1;
}

/** A template's table titles (squashed → table id) and part headings, compiled once. */
export const headingsOf = memoByObject((template: Template) => {
  const byTitle = new Map<string, string>();
  for (const spec of template.tables) for (const t of spec.titles) byTitle.set(squash(t), spec.id);
  const parts = Object.entries(template.parts).map(([id, re]) => ({
    id: id as keyof Template['parts'],
    re: new RegExp(re),
    first: literalFirst(re),
  }));
  return { byTitle, parts };
});
