import { describe, expect, it } from 'vitest';
import { IndicatorVersionBody, type Indicator } from '../../../../contracts/kpi';
import { vi } from '../../../shell/dictionary.vi';
import { NAV_GROUPS, navItemFor } from '../../../shell/navigation';
import { enKpiIndicators } from './messages.en';
import { viKpiIndicators } from './messages.vi';
import { bodyFrom, bodyOf, dayAfter, formatThreshold, formField, latestStart, proposedStart } from './indicator-labels';

const RESIDENCE: Indicator = {
  id: '7f0c1c1e-0000-4000-8000-000000000001',
  code: 'T4.RESIDENCE',
  target: 4,
  nameVi: 'TTHC thường trú, tạm trú, tạm vắng được tiếp nhận, giải quyết trực tuyến',
  nameEn: 'Permanent, temporary residence and absence procedures received and settled online',
  numeratorVi: 'Hồ sơ thường trú, tạm trú, tạm vắng nộp trực tuyến',
  numeratorEn: 'Residence dossiers filed online',
  denominatorVi: 'Hồ sơ thường trú, tạm trú, tạm vắng tiếp nhận trong kỳ',
  denominatorEn: 'Residence dossiers received in the period',
  comparison: '>',
  threshold: 60,
  unitLevels: ['province', 'commune'],
  periodType: 'quarter',
  method: 'computed',
  source: 'dossiers.residence_online',
  validFrom: '2023-01-01',
  validTo: null,
  sourceAvailable: true,
  listAvailable: false,
  listAction: null,
};

describe('formatThreshold', () => {
  it('writes the comparison as a sign and the threshold with the language’s decimal mark', () => {
    expect(formatThreshold('>=', 60, 'vi')).toBe('≥ 60 %');
    expect(formatThreshold('<=', 5, 'en')).toBe('≤ 5 %');
    expect(formatThreshold('>', 62.5, 'vi')).toBe('> 62,5 %');
    expect(formatThreshold('>', 62.5, 'en')).toBe('> 62.5 %');
    expect(formatThreshold('=', 99.99, 'vi')).toBe('= 99,99 %');
  });
});

describe('start days', () => {
  it('counts the day after across months and leap years', () => {
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
    expect(dayAfter('2027-02-28')).toBe('2027-03-01');
  });

  it('finds the latest start whatever the order', () => {
    expect(latestStart([{ validFrom: '2023-01-01' }, { validFrom: '2026-07-01' }, { validFrom: '2025-01-01' }])).toBe(
      '2026-07-01',
    );
    expect(latestStart([])).toBeUndefined();
  });

  it('proposes tomorrow, or the day after the latest start when that is later', () => {
    expect(proposedStart([{ validFrom: '2023-01-01' }], '2026-12-07')).toBe('2026-12-08');
    expect(proposedStart([{ validFrom: '2028-01-01' }, { validFrom: '2023-01-01' }], '2026-12-07')).toBe('2028-01-02');
    expect(proposedStart([], '2026-12-07')).toBe('2026-12-08');
  });
});

describe('bodyFrom', () => {
  it('copies the definition and leaves out what only the server knows, so the strict body accepts it', () => {
    const body = bodyFrom(RESIDENCE, '2028-01-01');
    for (const key of ['id', 'validTo', 'sourceAvailable', 'listAvailable', 'listAction'])
      expect(body).not.toHaveProperty(key);
    expect(body).toMatchObject({ code: 'T4.RESIDENCE', threshold: 60, comparison: '>', validFrom: '2028-01-01' });
    expect(IndicatorVersionBody.safeParse(body).success).toBe(true);
    // With the indicator's own fields the contract refuses it (the reason they are left out).
    expect(IndicatorVersionBody.safeParse({ ...RESIDENCE, validFrom: '2028-01-01' }).success).toBe(false);
  });

  it('copies the unit levels rather than sharing the array', () => {
    const body = bodyFrom(RESIDENCE, '2028-01-01');
    body.unitLevels.push('district');
    expect(RESIDENCE.unitLevels).toEqual(['province', 'commune']);
  });

  it('sends no source for a reported indicator', () => {
    expect(bodyFrom({ ...RESIDENCE, method: 'reported', source: 'x.y' }, '2028-01-01').source).toBeNull();
  });
});

describe('bodyOf', () => {
  it('trims the text, drops the source of a reported indicator and sends an empty target as none', () => {
    const values = { ...bodyFrom(RESIDENCE, '2028-01-01'), nameVi: '  Tên mới  ' };
    expect(bodyOf(values).nameVi).toBe('Tên mới');
    expect(bodyOf({ ...values, method: 'reported' }).source).toBeNull();
    expect(bodyOf({ ...values, source: '  ' }).source).toBeNull();
    expect(bodyOf({ ...values, target: undefined as unknown as null }).target).toBeNull();
  });
});

describe('formField', () => {
  it('names the form field of an error path', () => {
    expect(formField('unitLevels.1')).toBe('unitLevels');
    expect(formField('threshold')).toBe('threshold');
  });
});

describe("the page's text and menu entry", () => {
  const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  it('has the same placeholders in English as in Vietnamese, for every key', () => {
    for (const key of Object.keys(viKpiIndicators) as Array<keyof typeof viKpiIndicators>)
      expect([key, names(enKpiIndicators[key])]).toEqual([key, names(viKpiIndicators[key])]);
  });

  it("shares no key with the shell's dictionary", () => {
    expect(Object.keys(viKpiIndicators).filter((key) => key in vi)).toEqual([]);
  });

  it('is in the menu for those who manage the indicators, apart from the dashboard', () => {
    const items = NAV_GROUPS.flatMap((g) => g.items);
    expect(items.find((i) => i.path === '/chi-tieu/chi-so')?.requires).toEqual(['kpi.indicators.manage']);
    expect(navItemFor('/chi-tieu/chi-so')?.label).toBe('nav.kpiIndicators');
    expect(navItemFor('/chi-tieu')?.label).toBe('nav.kpi');
  });
});
