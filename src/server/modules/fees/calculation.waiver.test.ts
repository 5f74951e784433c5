import { afterEach, describe, expect, it } from 'vitest';
import {
  appliedFeeWaivers,
  calculateFee,
  checkWaiver,
  feeSubjectRule,
  referenceFeeRules,
  setFeeWaiversNotApplied,
  subjectFromDeclared,
} from './index';
import {
  BORDER,
  calc,
  input,
  interlinkedBirthGroup,
  lookup,
  useReferenceVersions,
  version,
} from './calculation.test-support';

useReferenceVersions();

const PERMANENT = '1.004222'; // 20,000 direct / 10,000 online
const TEMPORARY = '1.004194';
const WAIVER = 'online_eid_level2_2026';

describe('the reference waiver of Circular 117/2026/TT-BTC Art. 1(3) (public copies, unconfirmed)', () => {
  it('is dated 15/8/2026–28/2/2027, online with a level-2 e-ID, for the fees of Circular 75/2022, marked unconfirmed with its source', () => {
    const waiver = referenceFeeRules().waivers.find((w) => w.code === WAIVER);
    expect(waiver).toMatchObject({
      legalBasis: 'Thông tư 117/2026/TT-BTC, Điều 1 khoản 3',
      validFrom: '2026-08-15',
      validTo: '2027-02-28',
      minEidLevel: 2,
      coversFeeLegalBasis: '75/2022/TT-BTC',
      confirmed: false,
    });
    expect(waiver!.channels).not.toContain('paper');
    expect(waiver!.source).toMatch(/117\/2026\/TT-BTC/);
  });
});

describe('Circular 117/2026/TT-BTC Art. 1(3) (unconfirmed): residence fee waived online with a level-2 e-ID, 15/8/2026–28/2/2027', () => {
  it.each([
    // [filing day, channel, e-ID level, due, waived]
    ['2026-08-14', 'online', 2, 10_000, false], // the day before: the online rate
    ['2026-08-15', 'online', 2, 0, true], // first day
    ['2027-02-28', 'online', 2, 0, true], // last day
    ['2027-03-01', 'online', 2, 10_000, false], // ends by itself
    ['2026-08-15', 'online', 1, 10_000, false], // level-1 e-ID: not covered
    ['2027-02-28', 'online', null, 10_000, false], // level unknown: not covered
    ['2026-08-15', 'paper', null, 20_000, false], // direct (paper) filing: not covered
    ['2027-02-28', 'paper', 2, 20_000, false], // paper even with a level-2 e-ID
    ['2026-11-24', 'assisted', 2, 0, true], // the citizen's own e-ID on a counter device is an online filing
  ] as const)(
    'Circular 117/2026 Art. 1(3): filed %s %s, e-ID level %s → %i VND due',
    (asOf, channel, eidLevel, due, waived) => {
      const fee = calc(PERMANENT, { asOf, channel, eidLevel });
      expect(fee.amount).toBe(due);
      expect(fee.exemption).toBeNull();
      expect(fee.waived).toBe(waived ? fee.base : 0);
      if (waived) {
        expect(fee.waiver).toMatchObject({
          code: WAIVER,
          legalBasis: 'Thông tư 117/2026/TT-BTC, Điều 1 khoản 3',
          validFrom: '2026-08-15',
          validTo: '2027-02-28',
          confirmed: false,
        });
        expect(fee.explanationVi.join(' ')).toContain('Thông tư 117/2026/TT-BTC');
        expect(fee.explanationVi.join(' ')).toContain('chưa đối chiếu văn bản chính thức');
        expect(fee.explanationVi.at(-1)).toBe('Số tiền phải nộp: 0 đồng (đã trừ 10.000 đồng được miễn tạm thời).');
        expect(fee.explanationEn.at(-1)).toBe('Amount due: 0 VND (10,000 VND waived for a limited time).');
      } else {
        expect(fee.waiver ?? null).toBeNull();
      }
      const inWindow = asOf >= '2026-08-15' && asOf <= '2027-02-28';
      // In the period but not covered, the citizen is told why (and how it would be waived).
      expect(fee.explanationVi.some((l) => l.includes('không áp dụng cho hồ sơ này'))).toBe(inWindow && !waived);
    },
  );

  it('Circular 117/2026 Art. 1(3): covers every fee whose legal basis is Circular 75/2022 — per-person lists and the interlinked birth group too', () => {
    const list = calc(TEMPORARY, { asOf: '2026-09-01', eidLevel: 2, persons: 3, variant: 'list' });
    expect(list).toMatchObject({ base: 15_000, waived: 15_000, amount: 0 });
    const group = interlinkedBirthGroup();
    expect(checkWaiver(group, input({ asOf: '2026-09-01', eidLevel: 2 }), referenceFeeRules().waivers)?.applies).toBe(
      true,
    );
    const other = { ...version(PERMANENT), fees: { ...version(PERMANENT).fees, legalBasis: 'Thông tư khác 1/2026' } };
    expect(checkWaiver(other, input({ asOf: '2026-09-01', eidLevel: 2 }), referenceFeeRules().waivers)).toBeNull();
    expect(calc('1.003197', { asOf: '2026-09-01', eidLevel: 2 })).toMatchObject({ base: 0, waiver: null });
  });

  it('Circular 75/2022 Art. 4 comes first: an exempt person is exempt (no end date), the waiver is not used', () => {
    const fee = calc(PERMANENT, { asOf: '2026-09-01', eidLevel: 2 }, { residenceUnitCode: BORDER });
    expect(fee).toMatchObject({ amount: 0, exempted: 10_000, waived: 0, waiver: null });
    expect(fee.exemption).toMatchObject({ code: 'border_commune', status: 'granted' });
    const newborn = calculateFee(
      interlinkedBirthGroup(),
      input({
        asOf: '2026-09-01',
        eidLevel: 2,
        subject: subjectFromDeclared(feeSubjectRule(interlinkedBirthGroup())!, '2026-08-20'),
      }),
      lookup(),
    );
    expect(newborn).toMatchObject({ amount: 0, waived: 0, exemption: { code: 'child', status: 'granted' } });
  });

  it('Circular 117/2026 Art. 1(3): a claimed proof-based reason needs no proof nor review while the waiver leaves nothing due', () => {
    const fee = calc(PERMANENT, { asOf: '2026-09-01', eidLevel: 2, claim: 'disability' });
    expect(fee).toMatchObject({ amount: 0, exemption: null, waived: 10_000 });
    expect(fee.explanationVi.join(' ')).toContain('không cần xét vì lệ phí được miễn tạm thời');
    const after = calc(PERMANENT, { asOf: '2027-03-01', eidLevel: 2, claim: 'disability' });
    expect(after.exemption).toMatchObject({ code: 'disability', status: 'pending' });
  });
});

describe('FEE_WAIVERS_NOT_APPLIED: a waiver the province does not apply', () => {
  afterEach(() => setFeeWaiversNotApplied([]));

  it('is left out of every calculation: the online rate is due, and nothing is said of the waiver', () => {
    expect(calc(PERMANENT, { asOf: '2026-09-01', eidLevel: 2 })).toMatchObject({ amount: 0, waived: 10_000 });
    setFeeWaiversNotApplied([WAIVER]);
    expect(appliedFeeWaivers().map((w) => w.code)).not.toContain(WAIVER);
    const fee = calc(PERMANENT, { asOf: '2026-09-01', eidLevel: 2 });
    expect(fee).toMatchObject({ amount: 10_000, waived: 0 });
    expect(fee.waiver ?? null).toBeNull();
    expect(fee.explanationVi.join(' ')).not.toContain('117/2026');
    setFeeWaiversNotApplied([]);
    expect(calc(PERMANENT, { asOf: '2026-09-01', eidLevel: 2 })).toMatchObject({ amount: 0 });
  });

  it('refuses a code that names no reference waiver, naming the setting and the known codes', () => {
    expect(() => setFeeWaiversNotApplied(['online_eid_level2_2062'])).toThrow(
      /FEE_WAIVERS_NOT_APPLIED .*online_eid_level2_2062.*known: online_eid_level2_2026/,
    );
    expect(appliedFeeWaivers().map((w) => w.code)).toContain(WAIVER); // nothing changed
  });
});
