/**
 * The genre's phrases for amounts, shares and changes (Xinjiang 2023 wording): `X 万元，占 Y%`,
 * `比上年预算增加 C 万元，增长 G%，主要原因是 R`, `与上年预算持平`, growth from a zero base printed
 * `增长100%` by convention. A reason not given prints a visible placeholder and is reported.
 */
import { formatDecimal, growthRate, type MoneyUnit, percent } from '../money/index.ts';
import { money } from './cells.ts';

export const REASON_PLACEHOLDER = '（待补充）';

export interface ComposeFinding {
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** the facts key or section concerned */
  where: string;
}

export class Phrases {
  readonly findings: ComposeFinding[] = [];

  constructor(
    private readonly unit: MoneyUnit,
    private readonly reasons: Record<string, string>,
  ) {}

  amount(fen: number): string {
    return `${money(fen, this.unit)}${this.unit}`;
  }

  /** `占 x%` of a whole, or '' when the whole is zero. */
  share(part: number, whole: number): string {
    const p = percent(part, whole, 2);
    return p ? `占${formatDecimal(p)}%` : '';
  }

  /**
   * The change against last year with its reason: `比上年预算增加…，增长…%，主要原因是…`, or
   * `与上年预算持平`. `prior` null: last year's value is not known, nothing is said (and reported).
   */
  change(current: number, prior: number | null, reasonKey: string, what: string): string {
    if (prior === null) {
      this.findings.push({
        severity: 'warning',
        message: `${what}：未提供上年预算数，未写增减变化`,
        where: reasonKey,
      });
      return '';
    }
    const diff = current - prior;
    if (diff === 0) return '与上年预算持平';
    const rate = prior === 0 ? '100' : formatDecimal(growthRate(current, prior, 2)!).replace(/^-/, '');
    const up = diff > 0;
    const head = `比上年预算${up ? '增加' : '减少'}${money(Math.abs(diff), this.unit)}${this.unit}，${up ? '增长' : '下降'}${rate}%`;
    return `${head}，主要原因是${this.reason(reasonKey, what)}`;
  }

  /** A reason from the facts, or the visible placeholder (reported). */
  reason(key: string, what: string): string {
    const r = this.reasons[key]?.trim();
    // a reason runs to the end of its sentence: inner sentence ends would cut it short
    if (r) return r.replace(/[。；]+$/, '').replace(/[。；]/g, '，');
    this.findings.push({
      severity: 'warning',
      message: `${what}：未提供变动原因（facts.reasons["${key}"]），已印占位文字“${REASON_PLACEHOLDER}”`,
      where: key,
    });
    return REASON_PLACEHOLDER;
  }
}
