import { describe, expect, it } from 'vitest';
import type { FeeExemption } from '../../../contracts/procedures';
import { calculateFee, decideExemption } from './index';
import {
  version,
  BORDER,
  lookup,
  input,
  calc,
  expectError,
  useReferenceVersions,
  type Version,
} from './calculation.test-support';

useReferenceVersions();

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
