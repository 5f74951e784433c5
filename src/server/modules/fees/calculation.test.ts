import { describe, expect, it } from 'vitest';
import { ageOn } from './index';
import {
  BORDER,
  DIFFICULT,
  TOWN,
  POOR_HOUSEHOLD,
  lookup,
  calc,
  useReferenceVersions,
} from './calculation.test-support';

useReferenceVersions();

describe('rates by channel and persons (Circular 75/2022/TT-BTC)', () => {
  it.each([
    ['1.004222', 'online', 1, undefined, 10_000],
    ['1.004222', 'assisted', 1, undefined, 10_000], // a counter device pays the online rate
    ['1.004222', 'paper', 1, undefined, 20_000],
    ['1.004222', 'paper', 4, undefined, 20_000], // per dossier: the household's members do not multiply it
    ['1.010038', 'online', 2, undefined, 5_000],
    ['1.004194', 'online', 1, undefined, 7_000],
    ['1.004194', 'paper', 3, undefined, 15_000],
    ['1.004194', 'online', 3, 'list', 15_000], // by list: 5,000 per person
    ['1.004194', 'paper', 3, 'list', 30_000],
    ['1.002755', 'assisted', 2, 'list', 10_000],
  ] as const)('%s %s for %i person(s), variant %s: %i VND due', (code, channel, persons, variant, amount) => {
    const fee = calc(code, { channel, persons, variant });
    expect(fee).toMatchObject({
      base: amount,
      amount,
      exempted: 0,
      exemption: null,
      rate: channel === 'paper' ? 'direct' : 'online',
      variant: variant ?? 'standard',
    });
    expect(fee.lines.reduce((s, l) => s + l.amount, 0)).toBe(amount);
    expect(fee.lines[0]!.unit * fee.lines[0]!.quantity).toBe(amount);
  });

  it('explains the lines, the rate and the amount due in Vietnamese and English', () => {
    const fee = calc('1.004194', { channel: 'assisted', persons: 3, variant: 'list' });
    expect(fee.explanationVi[0]).toBe(
      'Đăng ký tạm trú theo danh sách (mỗi người): 5.000 đồng × 3 người = 15.000 đồng.',
    );
    expect(fee.explanationVi[1]).toContain('được tính như nộp trực tuyến');
    expect(fee.explanationVi.at(-1)).toBe('Số tiền phải nộp: 15.000 đồng.');
    expect(fee.explanationEn.at(-1)).toBe('Amount due: 15,000 VND.');
    expect(fee.explanationVi.some((l) => l.startsWith('Không có lý do miễn lệ phí nào áp dụng'))).toBe(true);
  });

  it('charges nothing for a free procedure and ignores a claimed reason there', () => {
    const fee = calc('1.003197', { channel: 'paper', claim: 'disability' });
    expect(fee).toMatchObject({ base: 0, amount: 0, lines: [], exemption: null });
    expect(fee.explanationVi[0]).toBe('Thủ tục này không thu lệ phí.');
  });
});

describe('age on the filing date (children under 16, elderly from 60)', () => {
  it.each([
    ['2010-03-10', '2026-03-09', 15],
    ['2010-03-10', '2026-03-10', 16], // the birthday itself counts
    ['2008-02-29', '2025-02-28', 16], // born on 29/2: a year older on 1/3 in a common year
    ['2008-02-29', '2025-03-01', 17],
    ['2008-02-29', '2028-02-29', 20],
  ])('someone born %s is %i on %s', (birth, asOf, age) => {
    expect(ageOn(birth, asOf)).toBe(age);
  });

  it.each([
    ['2010-03-11', 'child', 0], // 15 on 10/3/2026: exempt
    ['2010-03-10', null, 10_000], // turns 16 on the filing day: pays
    ['1966-03-10', 'elderly', 0], // turns 60 on the filing day: exempt
    ['1966-03-11', null, 10_000], // still 59: pays
  ])('born %s, filing on 10/03/2026: exemption %s, %i VND due', (birthDate, code, amount) => {
    const fee = calc('1.004222', {}, { birthDate });
    expect(fee.exemption?.code ?? null).toBe(code);
    expect(fee.amount).toBe(amount);
    if (code) expect(fee.exemption).toMatchObject({ check: 'registry', status: 'granted' });
  });

  it('cannot check an age the registry lacks: no automatic exemption, a claim waits for an officer', () => {
    expect(calc('1.004222', {}, { birthDate: null }).exemption).toBeNull();
    const claimed = calc('1.004222', { claim: 'elderly' }, { birthDate: null });
    expect(claimed.exemption).toMatchObject({ code: 'elderly', check: 'registry', status: 'pending' });
    expect(claimed.exemption!.reasonVi).toContain('chưa có ngày sinh');
    expect(claimed.amount).toBe(0);
  });
});

describe('lists: extremely difficult communes, border communes, poor households', () => {
  it('exempts an ethnic minority resident of an extremely difficult commune', () => {
    const fee = calc('1.004222', { channel: 'paper' }, { ethnicityCode: '08', residenceUnitCode: DIFFICULT });
    expect(fee.exemption).toMatchObject({ code: 'ethnic_minority_difficult_commune', status: 'granted' });
    expect(fee.amount).toBe(0);
    expect(fee.exemption!.reasonVi).toContain('Xã Nậm Tăm');
    expect(fee.exemption!.reasonVi).toContain('Quyết định thử nghiệm số 1');
  });

  it('does not exempt a Kinh resident of the same commune', () => {
    const fee = calc('1.004222', { channel: 'paper' }, { ethnicityCode: '01', residenceUnitCode: DIFFICULT });
    expect(fee.exemption).toBeNull();
    expect(fee.amount).toBe(20_000);
    expect(fee.explanationVi.join(' ')).toContain('Người dân tộc Kinh không thuộc diện này');
  });

  it('rejects a Kinh resident who claims it, with the reason', () => {
    const fee = calc(
      '1.004222',
      { claim: 'ethnic_minority_difficult_commune' },
      { ethnicityCode: '01', residenceUnitCode: DIFFICULT },
    );
    expect(fee.exemption).toMatchObject({ status: 'rejected', check: 'registry' });
    expect(fee.amount).toBe(10_000);
  });

  it('does not exempt an ethnic minority resident of a commune on no list', () => {
    expect(calc('1.004222', {}, { ethnicityCode: '03', residenceUnitCode: TOWN }).exemption).toBeNull();
  });

  it('exempts a resident of a border commune without being asked, whatever their ethnicity', () => {
    const fee = calc('1.004194', { channel: 'paper' }, { ethnicityCode: '01', residenceUnitCode: BORDER });
    expect(fee.exemption).toMatchObject({ code: 'border_commune', status: 'granted', provisional: false });
    expect(fee).toMatchObject({ base: 15_000, exempted: 15_000, amount: 0 });
    expect(fee.explanationVi.at(-1)).toBe('Số tiền phải nộp: 0 đồng.');
  });

  it('says so when the list that granted the exemption is provisional', () => {
    const fee = calc('1.004222', {}, { residenceUnitCode: BORDER }, lookup({ provisional: true }));
    expect(fee.exemption!.provisional).toBe(true);
    expect(fee.explanationVi.join(' ')).toContain('danh sách tạm');
  });

  it('exempts a member of a poor household', () => {
    expect(calc('1.010038', {}, { householdId: POOR_HOUSEHOLD }).exemption).toMatchObject({
      code: 'poor_household',
      status: 'granted',
    });
    expect(calc('1.010038', {}, {}).exemption).toBeNull();
  });

  it('treats a list nobody created as empty', () => {
    const fee = calc('1.004222', {}, { residenceUnitCode: BORDER }, lookup({ lists: ['poor_households'] }));
    expect(fee.exemption).toBeNull();
    expect(fee.amount).toBe(10_000);
  });

  it('grants the first reason that holds, in the order of the procedure version', () => {
    const fee = calc('1.004222', {}, { birthDate: '2015-01-01', ethnicityCode: '08', residenceUnitCode: BORDER });
    expect(fee.exemption!.code).toBe('child');
  });

  it('waives only the registered person’s own share of a per-person fee', () => {
    const fee = calc('1.004194', { persons: 3, variant: 'list' }, { residenceUnitCode: BORDER });
    expect(fee).toMatchObject({ base: 15_000, exempted: 5_000, amount: 10_000 });
    expect(fee.explanationVi.at(-1)).toBe(
      'Số tiền phải nộp: 10.000 đồng (đã trừ 5.000 đồng được miễn cho người được đăng ký).',
    );
  });
});
