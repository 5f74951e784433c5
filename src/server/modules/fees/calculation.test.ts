import { beforeAll, describe, expect, it } from 'vitest';
import type { FeeExemption, ProcedureVersion } from '../../../contracts/procedures';
import { AppError } from '../../platform/errors';
import { loadReferenceProcedures } from '../procedures';
import {
  ageOn,
  calculateFee,
  decideExemption,
  type ApplicantFacts,
  type FeeInput,
  type ListHit,
  type ListLookup,
} from './index';

type Version = Pick<ProcedureVersion, 'id' | 'code' | 'fees'>;
let versions: Map<string, Version>;
const version = (code: string): Version => versions.get(code)!;

beforeAll(async () => {
  versions = new Map(
    (await loadReferenceProcedures()).map((p) => [p.code, { id: `v-${p.code}`, code: p.code, fees: p.fees }]),
  );
});

const BORDER = '03451'; // Xã Mù Cả
const DIFFICULT = '03517'; // Xã Nậm Tăm
const TOWN = '03388'; // Phường Đoàn Kết: in no list
const POOR_HOUSEHOLD = '11111111-1111-4111-8111-111111111111';

const entry = (listNameVi: string, provisional = false): ListHit => ({
  listNameVi,
  listNameEn: listNameVi,
  validFrom: '2025-07-01',
  validTo: null,
  source: 'Quyết định thử nghiệm số 1',
  provisional,
});

/** A lookup holding one border commune, one extremely difficult commune and one poor household. */
function lookup(overrides: { provisional?: boolean; lists?: string[] } = {}): ListLookup {
  const known = overrides.lists ?? ['border_communes', 'extremely_difficult_communes', 'poor_households'];
  const units: Record<string, Record<string, ListHit>> = {
    border_communes: { [BORDER]: entry('Xã biên giới', overrides.provisional) },
    extremely_difficult_communes: {
      [DIFFICULT]: entry('Xã đặc biệt khó khăn', overrides.provisional),
      [BORDER]: entry('Xã đặc biệt khó khăn'),
    },
  };
  return {
    list: (code) => (known.includes(code) ? { nameVi: code, nameEn: code } : undefined),
    unit: (list, unit) => (known.includes(list) ? units[list]?.[unit] : undefined),
    household: (list, id) =>
      known.includes(list) && list === 'poor_households' && id === POOR_HOUSEHOLD ? entry('Hộ nghèo') : undefined,
    unitName: (code) => ({ [BORDER]: 'Xã Mù Cả', [DIFFICULT]: 'Xã Nậm Tăm', [TOWN]: 'Phường Đoàn Kết' })[code] ?? code,
  };
}

/** A Kinh adult with permanent residence in a ward on no list: nothing applies. */
const plain: ApplicantFacts = {
  personId: 'p1',
  birthDate: '1985-06-15',
  ethnicityCode: '01',
  residenceUnitCode: TOWN,
  householdId: '22222222-2222-4222-8222-222222222222',
};
const input = (changes: Partial<FeeInput> = {}, facts: Partial<ApplicantFacts> = {}): FeeInput => ({
  channel: 'online',
  persons: 1,
  claim: null,
  asOf: '2026-03-10',
  ...changes,
  applicant: { ...plain, ...facts },
});
const calc = (code: string, changes: Partial<FeeInput> = {}, facts: Partial<ApplicantFacts> = {}, lists = lookup()) =>
  calculateFee(version(code), input(changes, facts), lists);

function expectError(work: () => unknown, code: string, field?: string): void {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(e.code).toBe(code);
    if (field) {
      expect(e.fields?.map((f) => f.field)).toEqual([field]);
      expect(e.fields![0]!.messageVi).toMatch(/[À-ỹ]/);
      expect(e.fields![0]!.messageEn).not.toBe(e.fields![0]!.messageVi);
    }
    return;
  }
  throw new Error(`expected ${code}`);
}

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

  it('waives only the applicant’s own share of a per-person fee', () => {
    const fee = calc('1.004194', { persons: 3, variant: 'list' }, { residenceUnitCode: BORDER });
    expect(fee).toMatchObject({ base: 15_000, exempted: 5_000, amount: 10_000 });
    expect(fee.explanationVi.at(-1)).toBe('Số tiền phải nộp: 10.000 đồng (đã trừ 5.000 đồng được miễn cho người nộp).');
  });
});

describe('reasons that need a proof, and the officer’s decision', () => {
  it('leaves a claimed disability pending with nothing due until an officer decides', () => {
    const fee = calc('1.004222', { claim: 'disability', channel: 'paper' });
    expect(fee.exemption).toMatchObject({
      code: 'disability',
      check: 'proof',
      status: 'pending',
      proofVi: 'Giấy xác nhận khuyết tật',
    });
    expect(fee.amount).toBe(0);
  });

  it('prefers a registry reason that holds over a claimed proof reason', () => {
    const fee = calc('1.004222', { claim: 'merit' }, { residenceUnitCode: BORDER });
    expect(fee.exemption).toMatchObject({ code: 'border_commune', status: 'granted' });
    expect(fee.explanationVi.join(' ')).toContain('không cần xét');
  });

  it('keeps the fee waived when the officer confirms, and makes it due when the officer rejects', () => {
    const pending = calc('1.004222', { claim: 'disability', channel: 'paper' });
    const confirmed = decideExemption(
      pending,
      'confirmed',
      'Đã kiểm tra giấy xác nhận khuyết tật số 12/XN',
      '2026-03-11',
    );
    expect(confirmed.exemption).toMatchObject({ status: 'confirmed' });
    expect(confirmed.exemption!.reasonVi).toBe(
      'Cán bộ xác nhận ngày 11/03/2026: Đã kiểm tra giấy xác nhận khuyết tật số 12/XN',
    );
    expect(confirmed.amount).toBe(0);
    const rejected = decideExemption(pending, 'rejected', 'Giấy xác nhận đã hết hạn');
    expect(rejected).toMatchObject({ amount: 20_000, exempted: 0, exemption: { status: 'rejected' } });
    expect(rejected.explanationVi.at(-1)).toBe('Số tiền phải nộp: 20.000 đồng.');
    expect(rejected.explanationVi).toContain(
      'Không được miễn lệ phí theo lý do "Người khuyết tật": Cán bộ không chấp nhận: Giấy xác nhận đã hết hạn.',
    );
    expect(pending.exemption!.status).toBe('pending'); // pure: the input is unchanged
  });

  it('refuses to decide an exemption that is not pending, or without a reason', () => {
    const granted = calc('1.004222', {}, { residenceUnitCode: BORDER });
    expectError(() => decideExemption(granted, 'rejected', 'Không đúng'), 'FEE.DECISION_CONFLICT');
    expectError(() => decideExemption(calc('1.004222'), 'confirmed', 'Có giấy'), 'FEE.DECISION_CONFLICT');
    const pending = calc('1.004222', { claim: 'disability' });
    expectError(
      () => decideExemption(decideExemption(pending, 'confirmed', 'Có giấy'), 'rejected', 'Đổi ý'),
      'FEE.DECISION_CONFLICT',
    );
    expectError(() => decideExemption(pending, 'confirmed', '  '), 'FEE.DECISION_INVALID', 'reason');
  });

  it('checks a registry precondition of a proof reason (an orphan must be under 18)', () => {
    const orphan = version('1.004222').fees.exemptions.find((e) => e.code === 'orphan_16_18')!;
    const withAge: FeeExemption = { ...orphan, criterion: { kind: 'age_below', years: 18 } };
    const v: Version = { ...version('1.004222'), fees: { ...version('1.004222').fees, exemptions: [withAge] } };
    const adult = calculateFee(v, input({ claim: 'orphan_16_18' }), lookup());
    expect(adult.exemption).toMatchObject({ status: 'rejected', check: 'proof' });
    expect(adult.amount).toBe(10_000);
    const minor = calculateFee(v, input({ claim: 'orphan_16_18' }, { birthDate: '2009-01-01' }), lookup());
    expect(minor.exemption).toMatchObject({ status: 'pending' });
    expect(minor.exemption!.reasonVi).toContain('17 tuổi');
  });
});

describe('bad input is refused naming the field', () => {
  it.each([
    [{ persons: 0 }, 'persons'],
    [{ persons: 51 }, 'persons'],
    [{ persons: 1.5 }, 'persons'],
    [{ channel: 'fax' as never }, 'channel'],
    [{ asOf: '2026-02-30' }, 'asOf'],
    [{ variant: 'group' }, 'variant'],
  ])('%o → FEE.INPUT_INVALID on %s', (changes, field) => {
    expectError(() => calc('1.004222', changes), 'FEE.INPUT_INVALID', field);
  });

  it('refuses a claim the procedure does not know', () => {
    expectError(() => calc('1.004222', { claim: 'student' }), 'FEE.CLAIM_INVALID', 'claim');
  });
});
