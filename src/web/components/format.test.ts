import { describe, expect, it } from 'vitest';
import { formatVnd as contractFormatVnd } from '../../contracts/fees';
import { formatVnd } from './format';

describe('formatVnd of the web app', () => {
  it("writes an amount as the contract's formatVnd does, in both languages", () => {
    for (const amount of [0, 7_000, 1_234_567, -15_000, 999.9])
      for (const lang of ['vi', 'en'] as const) expect(formatVnd(amount, lang)).toBe(contractFormatVnd(amount, lang));
  });
});
