import { describe, expect, it } from 'vitest';
import { vi } from '../../shell/dictionary.vi';
import { enKpi } from './messages.en';
import { viKpi } from './messages.vi';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the dashboard's own text", () => {
  it('has the same placeholders in English as in Vietnamese, for every key', () => {
    for (const key of Object.keys(viKpi) as Array<keyof typeof viKpi>)
      expect([key, placeholders(enKpi[key])]).toEqual([key, placeholders(viKpi[key])]);
  });

  it("shares no key with the shell's dictionary (read apart, a key there would not be this text)", () => {
    expect(Object.keys(viKpi).filter((key) => key in vi)).toEqual([]);
  });
});
