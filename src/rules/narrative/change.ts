/** Reading a claim's change: signed amount in fen, prior value, the amount it applies to. */
import type { Claim } from '../../model/schema.ts';
import { fenOf } from '../cells.ts';
import { perCheck } from '../derived.ts';
import type { RuleContext } from '../types.ts';
import { claimsAbout } from './claims.ts';

export interface ChangeFacts {
  amountFen: number;
  changeFen: number;
  priorFen: number;
  sign: -1 | 0 | 1;
}

const DECREASE = /减少|下降|降低/;
const INCREASE = /增加|增长|上升|提高/;

/** A direction word that says less: the usual ones and the template's (降幅 in Jiangsu). */
export function isDecrease(ctx: RuleContext, word: string): boolean {
  return DECREASE.test(word) || ctx.template.narrative.words.decrease.includes(word);
}

/** A direction word that says more: the usual ones and the template's (增幅 in Jiangsu). */
export function isIncrease(ctx: RuleContext, word: string): boolean {
  return INCREASE.test(word) || ctx.template.narrative.words.increase.includes(word);
}

/** Change facts by claim (kept for the check: several rules ask). */
const factsByClaim = perCheck(() => new Map<Claim, ChangeFacts | null>());

export function changeFacts(ctx: RuleContext, c: Claim): ChangeFacts | null {
  const known = factsByClaim(ctx);
  if (known.has(c)) return known.get(c)!;
  const facts = readChange(ctx, c);
  known.set(c, facts);
  return facts;
}

function readChange(ctx: RuleContext, c: Claim): ChangeFacts | null {
  if (!c.change) return null;
  const amount =
    c.amount ?? claimsAbout(ctx, c.subject).find((x) => x.section === c.section && x.amount)?.amount ?? null;
  if (!amount) return null;
  const amountFen = fenOf(amount.value, amount.unit as '万元');
  const abs = fenOf(c.change.value, c.change.unit as '万元');
  if (amountFen === null || abs === null) return null;
  const changeFen = isDecrease(ctx, c.change.word) ? -abs : abs;
  return {
    amountFen,
    changeFen,
    priorFen: amountFen - changeFen,
    sign: changeFen > 0 ? 1 : changeFen < 0 ? -1 : 0,
  };
}
