/** docs/rules.md, generated from the rules' metadata (`npm run docs`). */
import { RULES } from './registry.ts';

export function rulesMarkdown(): string {
  const lines = [
    '# Rules',
    '',
    'Generated from the rules’ metadata by `npm run docs`; do not edit by hand.',
    '',
    'Severity: **error** a real contradiction; **warning** very likely wrong or against the rules of the genre; **info** rounding-level differences, zero-base growth, unknown codes. Each rule reports the severity of a real failure; rounding-level differences are reported as info.',
    '',
    '| id | 名称 | title | category | severity | applies to |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of RULES) {
    const m = r.meta;
    const applies =
      [m.templates?.join(', '), m.years ? `${m.years[0]}–${m.years[1]}` : ''].filter(Boolean).join('; ') ||
      'all';
    lines.push(
      `| \`${m.id}\` | ${m.title.zh} | ${m.title.en} | ${m.category} | ${m.severity} | ${applies} |`,
    );
  }
  lines.push('');
  for (const r of RULES) lines.push(`## \`${r.meta.id}\` ${r.meta.title.zh}`, '', r.meta.description, '');
  return `${lines.join('\n')}`;
}
