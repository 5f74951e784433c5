import type { FeeCalculation } from '../../../contracts/fees';

/**
 * A fee of `base` VND (one per-dossier line, or a per-person line for `persons` people at 20,000)
 * with an exemption of `status` (or none): the shape `calculateFee` stores, built by hand.
 */
export function feeOf(
  base: number,
  status: 'pending' | 'granted' | 'rejected' | null,
  opts: { persons?: number; channel?: FeeCalculation['channel'] } = {},
): FeeCalculation {
  const perPerson = opts.persons !== undefined;
  const exempted = status && status !== 'rejected' ? (perPerson ? 20_000 : base) : 0;
  return {
    procedureCode: '1.004194',
    versionId: 'v',
    asOf: '2026-03-02',
    channel: opts.channel ?? 'online',
    rate: opts.channel === 'paper' ? 'direct' : 'online',
    persons: opts.persons ?? 1,
    variant: 'standard',
    claim: status ? 'disability' : null,
    lines: [
      {
        code: 'standard',
        labelVi: 'Lệ phí',
        labelEn: 'Fee',
        basis: perPerson ? 'per_person' : 'per_dossier',
        unit: perPerson ? 20_000 : base,
        quantity: opts.persons ?? 1,
        amount: base,
      },
    ],
    base,
    exempted,
    amount: base - exempted,
    exemption: status
      ? {
          code: 'disability',
          labelVi: 'Người khuyết tật',
          labelEn: 'Person with a disability',
          legalBasis: 'Thông tư 75/2022/TT-BTC',
          check: 'proof',
          status,
          reasonVi: 'Chờ cán bộ kiểm tra',
          reasonEn: 'Waiting for the officer',
          proofVi: 'Giấy xác nhận khuyết tật',
          proofEn: 'Disability certificate',
          provisional: false,
        }
      : null,
    explanationVi: ['Lệ phí'],
    explanationEn: ['Fee'],
  };
}
