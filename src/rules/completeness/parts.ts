/** completeness.parts: every part and table of the template is in the document. */
import { defineRule } from '../types.ts';

const NAMES: Record<string, string> = {
  P1: '第一部分（概况）',
  P2: '第二部分（表格）',
  P3: '第三部分（说明）',
  P4: '第四部分（名词解释）',
  PERF: '项目支出绩效目标表',
};

export default defineRule({
  meta: {
    id: 'completeness.parts',
    title: { zh: '内容完整', en: 'All parts present' },
    category: 'completeness',
    severity: 'error',
    description: '模板要求的各部分、各张表和绩效目标表都应公开；缺少的逐一列出。',
  },
  check(ctx) {
    return {
      findings: ctx.doc.missing.map((m) => ({
        rule: 'completeness.parts',
        severity: 'error' as const,
        category: 'completeness' as const,
        message: `缺少${NAMES[m] ?? `表${m.replace(/^T/, '')}（${ctx.template.tables.find((t) => t.id === m)?.titles[0] ?? m}）`}。`,
        locations: m.startsWith('T') ? [{ table: m }] : [{ part: 'P4' as const, field: m }],
      })),
      checked: ctx.template.tables.length + 5,
    };
  },
});
