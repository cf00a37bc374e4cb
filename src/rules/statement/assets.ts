/** statement.assets: a part of an asset class is never larger than the whole, in count and in value. */
import { re } from '../../ingest/regex.ts';
import type { Claim } from '../../model/schema.ts';
import { claimLocation, claims } from '../narrative/claims.ts';
import { defineRule, type Finding } from '../types.ts';
import { amountFen } from './sums.ts';

export default defineRule({
  meta: {
    id: 'statement.assets',
    title: { zh: '国有资产占用情况', en: 'Assets: parts within the whole' },
    category: 'statement',
    severity: 'error',
    description:
      '资产分项（如一般公务用车、执法执勤用车、其他车辆）的数量之和与价值之和均不超过总数（车辆总数与总价值）。',
  },
  check(ctx) {
    const assets = claims(ctx).filter((c) => c.kind === 'asset' && c.amount);
    if (assets.length === 0) return { notApplicable: 'no asset statement' };
    const findings: Finding[] = [];
    let checked = 0;
    for (const spec of ctx.template.narrative.statements.assets) {
      for (const unitKind of ['count', 'value'] as const) {
        const isValue = (c: Claim) => ['万元', '元'].includes(c.amount!.unit);
        const pick = (rx: string) =>
          assets.find((c) => re(rx).test(c.subject) && isValue(c) === (unitKind === 'value'));
        const whole = pick(spec.whole);
        const parts = spec.parts.map(pick).filter((c): c is Claim => c !== undefined);
        if (!whole || parts.length === 0) continue;
        checked++;
        const w = amountFen(whole)!;
        const sum = parts.reduce((a, p) => a + (amountFen(p) ?? 0), 0);
        const over = parts.filter((p) => (amountFen(p) ?? 0) > w);
        if (sum > w) {
          const unit = whole.amount!.unit;
          findings.push({
            rule: 'statement.assets',
            severity: 'error',
            category: 'statement',
            message: `「${whole.subject}」${whole.amount!.value}${unit}，其中${parts.map((p) => `「${p.subject}」${p.amount!.value}${unit}`).join('、')}，分项${over.length ? '大于' : '之和大于'}总数。`,
            locations: [claimLocation(whole), ...parts.map(claimLocation)],
            stated: parts.map((p) => p.amount!.value).join(' + '),
            expected: `<= ${whole.amount!.value}`,
          });
        }
      }
    }
    if (checked === 0) return { notApplicable: 'no asset class with its parts stated' };
    return { findings, checked };
  },
});
