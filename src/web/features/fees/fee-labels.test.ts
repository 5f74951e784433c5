import { describe, expect, it } from 'vitest';
import { en, vi } from '../../shell/dictionary';
import type { Translate } from '../../shell/i18n';
import { NAV_GROUPS } from '../../shell/navigation';
import { lineDetail, memberText, periodText, rateKey, statusKey, statusTone } from './fee-labels';

/** The Vietnamese dictionary as the app fills it. */
const t: Translate = (key, params) =>
  params ? vi[key].replace(/\{(\w+)\}/g, (m, n: string) => (n in params ? String(params[n]) : m)) : vi[key];

describe('fee labels', () => {
  it('writes a line as the rate times the quantity, in Vietnamese money format', () => {
    expect(
      lineDetail(t, 'vi', {
        code: 'list',
        labelVi: '',
        labelEn: '',
        basis: 'per_person',
        unit: 5000,
        quantity: 3,
        amount: 15000,
      }),
    ).toBe('5.000 đồng × 3 người');
    expect(
      lineDetail(t, 'vi', {
        code: 'standard',
        labelVi: '',
        labelEn: '',
        basis: 'per_dossier',
        unit: 20000,
        quantity: 1,
        amount: 20000,
      }),
    ).toBe('20.000 đồng × 1 hồ sơ');
  });

  it('names the rate: a counter device pays the online rate', () => {
    expect(t(rateKey({ channel: 'assisted', rate: 'online' }))).toContain('trực tuyến');
    expect(t(rateKey({ channel: 'paper', rate: 'direct' }))).toContain('trực tiếp');
  });

  it('labels and colours each exemption state', () => {
    expect(['granted', 'pending', 'confirmed', 'rejected'].map((s) => t(statusKey(s as never)))).toEqual([
      'Được miễn',
      'Chờ cán bộ xét',
      'Đã xác nhận miễn',
      'Không được miễn',
    ]);
    expect(statusTone('rejected')).toBe('danger');
    expect(statusTone('pending')).toBe('warn');
    expect(statusTone('granted')).toBe('ok');
  });

  it('writes periods and members as officers read them', () => {
    expect(periodText(t, { validFrom: '2025-07-01', validTo: null })).toBe('Từ 01/07/2025');
    expect(periodText(t, { validFrom: '2026-01-01', validTo: '2026-06-30' })).toBe('Từ 01/01/2026 đến 30/06/2026');
    expect(memberText(t, { unitCode: '03451', unitName: 'Xã Mù Cả', householdId: null })).toBe('Xã Mù Cả (03451)');
    expect(memberText(t, { unitCode: null, unitName: null, householdId: 'abc' })).toBe('Hộ abc');
  });
});

describe('the fee-lists page in the menu', () => {
  it('is shown to whoever may read the lists (fees.lists.read), with its name in both languages', () => {
    const item = NAV_GROUPS.flatMap((g) => g.items).find((i) => i.path === '/admin/fee-lists');
    expect(item?.requires).toEqual(['fees.lists.read']);
    expect(en['nav.feeLists']).not.toBe(vi['nav.feeLists']);
  });
});
