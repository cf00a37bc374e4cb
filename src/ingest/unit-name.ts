/**
 * The disclosing unit's name, from the first place that prints it: the Part 1 heading
 * (`第一部分 上海市普陀区财政局概况`), a table's 编制单位, a table title printed with the unit's name
 * (`一、2018年度江苏省高级人民法院收支预算总表`), or the cover (`2018 年度江苏省高级` / `人民法院预算公开`).
 * Words that name no unit (`部门概况` gives 部门) are never taken for a name.
 */
import type { Template } from '../templates/schema.ts';
import { squash } from './normalize.ts';
import { NUMBER_PREFIX } from './titles.ts';

export const GENERIC_UNIT_NAMES = new Set([
  '部门',
  '单位',
  '本部门',
  '本单位',
  '预算单位',
  '部门名称',
  '单位名称',
]);

const named = (s: string | null | undefined): string | null => {
  const t = squash(s ?? '');
  return t && !GENERIC_UNIT_NAMES.has(t) && t.length <= 40 ? t : null;
};

/** What a printed table title says besides the template's title: number and year stripped. */
export function unitInTitle(printed: string, id: string, template: Template): string | null {
  const line = squash(printed);
  const spec = template.tables.find((x) => x.id === id);
  if (!spec) return null;
  // the longest of the table's own titles the line ends with
  for (const title of [...spec.titles].sort((a, b) => squash(b).length - squash(a).length)) {
    {
      const t = squash(title);
      if (line.length <= t.length || !line.endsWith(t)) continue;
      const rest = line
        .slice(0, line.length - t.length)
        .replace(NUMBER_PREFIX, '')
        .replace(/^\d{4}年度?/, '')
        .replace(/\d{4}年度?$/, '');
      const n = named(rest);
      if (n) return n;
    }
  }
  return null;
}

/** The unit named on the cover: the lines before 目录, year, date and the document's kind stripped. */
export function unitOnCover(lines: string[]): string | null {
  const cover: string[] = [];
  for (const l of lines.slice(0, 12)) {
    const s = squash(l);
    if (/^目录/.test(s)) break;
    if (/^\d{4}年\d{1,2}月\d{1,2}日$/.test(s) || s === '') continue;
    cover.push(s);
  }
  const text = cover
    .join('')
    .replace(/\d{4}年度?/g, '')
    .replace(/(?:部门|单位)?(?:预算|决算)(?:信息)?(?:公开)?(?:说明)?$/, '');
  return /(?:局|委员会|委|办公室|办公厅|厅|院|会|署|部|处|中心|所|站|馆|队|社|政府)$/.test(text)
    ? named(text)
    : null;
}

export function unitNameOf(
  part1Name: string | null | undefined,
  tables: { id: string; unitName?: string | undefined; title: string }[],
  template: Template,
  lines: string[],
): string | null {
  const fromPart1 = named(part1Name);
  if (fromPart1) return part1Name!.trim();
  for (const t of tables) if (named(t.unitName)) return t.unitName!.trim();
  for (const t of tables) {
    const n = unitInTitle(t.title, t.id, template);
    if (n) return n;
  }
  return unitOnCover(lines);
}
