import type { Comparison } from '../../../contracts/kpi';

/*
 * A figure against its threshold, in exact arithmetic: numerator / denominator × 100 compared with
 * the threshold (two decimals) without floating point, so "= 100 %" is met exactly when every one
 * counted is (999,999 of 1,000,000 is not 100 %, whatever a rounded percentage shows).
 */

/** Whether numerator/denominator (as a percentage) meets `comparison threshold`; denominator > 0. */
export function meets(numerator: number, denominator: number, comparison: Comparison, threshold: number): boolean {
  const left = BigInt(numerator) * 10_000n; // percent × 100
  const right = BigInt(Math.round(threshold * 100)) * BigInt(denominator);
  switch (comparison) {
    case '=':
      return left === right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
  }
}

/**
 * The percentage stored and shown (three decimals), never rounded onto 0 % or 100 % when it is not
 * exactly that (999,999 of 1,000,000 is 99.999 %, not a "100 %" beside "not met").
 */
export function percent(numerator: number, denominator: number): number {
  const p = Math.round((numerator / denominator) * 100_000) / 1000;
  if (p === 100 && numerator < denominator) return 99.999;
  if (p === 0 && numerator > 0) return 0.001;
  return p;
}
