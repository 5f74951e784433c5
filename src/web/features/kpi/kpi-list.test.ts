import { describe, expect, it } from 'vitest';
import { EXPORT_MAX_ROWS, exportState, formatCell, listRefusal, mayDrill } from './kpi-list';

describe('which figures open the list behind them', () => {
  const computed = { method: 'computed', sourceAvailable: true } as const;
  const commune = { status: 'ok', unitLevel: 'commune' } as const;

  it("opens a commune's figure of a computed indicator on today's communes", () => {
    expect(mayDrill(computed, commune, 'current')).toBe(true);
    expect(mayDrill({ ...computed, listAvailable: true }, commune, 'current')).toBe(true);
  });

  it("opens the province's figure of an indicator followed at the province alone (T14: every pilot model)", () => {
    const province = { status: 'ok', unitLevel: 'province' } as const;
    expect(mayDrill({ ...computed, listAvailable: true, unitLevels: ['province'] }, province, 'current')).toBe(true);
    expect(mayDrill({ ...computed, unitLevels: ['province', 'commune'] }, province, 'current')).toBe(false);
    expect(mayDrill({ ...computed, unitLevels: ['province'] }, province, 'former')).toBe(false);
  });

  it.each([
    ['a reported indicator', { method: 'reported', sourceAvailable: false } as const, commune, 'current'],
    ['a source not in service', { method: 'computed', sourceAvailable: false } as const, commune, 'current'],
    [
      'a source without a list',
      { method: 'computed', sourceAvailable: true, listAvailable: false } as const,
      commune,
      'current',
    ],
    ['the former structure', computed, commune, 'former'],
    ['the province', computed, { status: 'ok', unitLevel: 'province' } as const, 'current'],
    ['nothing counted', computed, { status: 'no_denominator', unitLevel: 'commune' } as const, 'current'],
    ['no value', computed, undefined, 'current'],
  ] as const)('does not open %s', (_, indicator, value, structure) => {
    expect(mayDrill(indicator, value, structure)).toBe(false);
  });
});

describe("what the server's refusal means", () => {
  it('tells a list the source does not give from a permission refused and from anything else', () => {
    expect(listRefusal({ status: 404, code: 'KPI.LIST_NOT_FOUND' })).toBe('no_list');
    expect(listRefusal({ status: 403, code: 'KPI.LIST_FORBIDDEN' })).toBe('forbidden');
    expect(listRefusal({ status: 403, code: 'AUTH.FORBIDDEN' })).toBe('forbidden');
    expect(listRefusal({ status: 404, code: 'KPI.INDICATOR_NOT_FOUND' })).toBe('other');
    expect(listRefusal({ status: 400, code: 'AUDIT.PURPOSE_INVALID' })).toBe('other');
  });
});

describe('exporting a list', () => {
  it.each([
    [0, 'empty'],
    [1, 'ok'],
    [EXPORT_MAX_ROWS, 'ok'],
    [EXPORT_MAX_ROWS + 1, 'too_large'],
  ] as const)('%i rows: %s', (total, state) => {
    expect(exportState(total)).toBe(state);
  });
});

describe('a cell of the list', () => {
  it.each([
    ['1990-05-03', 'vi', '03/05/1990'],
    ['cccd_chip (đến 2031-05-01)', 'vi', 'cccd_chip (đến 01/05/2031)'],
    ['1990', 'vi', '1990'],
    ['012345678901', 'vi', '012345678901'],
    ['G12.35-250701-0001', 'vi', 'G12.35-250701-0001'],
    [null, 'vi', '—'],
    [undefined, 'vi', '—'],
    ['', 'vi', '—'],
    [2, 'vi', '2'],
    [12345, 'vi', '12.345'],
    [12345, 'en', '12,345'],
    [true, 'vi', 'Có'],
    [false, 'en', 'No'],
  ] as const)('%s in %s is "%s"', (cell, lang, text) => {
    expect(formatCell(cell, lang)).toBe(text);
  });
});
