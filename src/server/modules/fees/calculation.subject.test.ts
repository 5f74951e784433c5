import { describe, expect, it } from 'vitest';
import {
  calculateFee,
  declaredSubject,
  feeSubjectRule,
  filerSubject,
  referenceFeeRules,
  subjectFromDeclared,
  subjectFromRecord,
  type ApplicantFacts,
} from './index';
import {
  BORDER,
  TOWN,
  input,
  interlinkedBirthGroup,
  lookup,
  plain,
  useReferenceVersions,
  version,
} from './calculation.test-support';

useReferenceVersions();

/** Permanent residence registration (CT01: the form names the person registered). */
const PERMANENT = '1.004222';
const FILED = '2026-03-10'; // before the temporary online waiver: only the exemption decides
const elderlyFiler: Partial<ApplicantFacts> = { birthDate: '1950-01-01' }; // 76: exempt themself (Art. 4)

describe('whose exemption: the person the procedure registers, from the form fields (Circular 75/2022/TT-BTC Art. 4)', () => {
  it('the interlinked birth group registers the newborn; CT01 the person it names; a free procedure nobody', () => {
    const rules = referenceFeeRules().subjects;
    expect(feeSubjectRule(interlinkedBirthGroup(), rules)).toMatchObject({
      party: 'newborn',
      birthDateField: 'childBirthDate',
      nationalIdField: null,
      confirmed: false,
    });
    expect(feeSubjectRule(version(PERMANENT), rules)).toMatchObject({
      party: 'registered_person',
      nationalIdField: 'nationalId',
      birthDateField: 'birthDate',
    });
    expect(feeSubjectRule(version('1.003197'), rules)).toBeUndefined(); // no fee: nothing to exempt
    const rule = feeSubjectRule(version(PERMANENT), rules)!;
    expect(declaredSubject(rule, { nationalId: '012190000101', birthDate: '2016-02-30' })).toEqual({
      nationalId: '012190000101',
      birthDate: null, // not a real date
    });
    expect(declaredSubject(rule, { nationalId: '123', birthDate: '2016-02-29' })).toEqual({
      nationalId: null,
      birthDate: '2016-02-29',
    });
  });
});

describe('Circular 75/2022/TT-BTC Art. 4(1) children: the newborn of the interlinked birth group is exempt, not billed as its parent', () => {
  const rule = () => feeSubjectRule(interlinkedBirthGroup())!;
  it.each([
    // [case, channel, declared birth date, filing date, exemption, due]
    ['a newborn, paper filing by a parent who is not exempt', 'paper', '2026-03-01', FILED, 'child', 0],
    ['a newborn, online filing by a parent who is not exempt', 'online', '2026-02-20', FILED, 'child', 0],
    ['a child of 5 registered late, paper filing', 'paper', '2021-03-11', FILED, 'child', 0],
    ['no date of birth declared yet (a draft): nothing to check, the direct rate', 'paper', null, FILED, null, 20_000],
    [
      'a date of birth after the filing date: an officer checks it, the direct rate',
      'paper',
      '2026-04-01',
      FILED,
      null,
      20_000,
    ],
  ] as const)('Circular 75/2022 Art. 4(1): %s', (_case, channel, birthDate, asOf, code, due) => {
    const group = interlinkedBirthGroup();
    const fee = calculateFee(
      group,
      input({ channel, asOf, subject: subjectFromDeclared(rule(), birthDate) }),
      lookup(),
      [],
    );
    expect(fee.base).toBe(channel === 'paper' ? 20_000 : 10_000);
    expect(fee.amount).toBe(due);
    expect(fee.exemption?.code ?? null).toBe(code);
    expect(fee.subject).toEqual({
      party: 'newborn',
      labelVi: rule().labelVi,
      labelEn: rule().labelEn,
      facts: birthDate ? 'declared' : 'unknown',
    });
    expect(fee.explanationVi.some((l) => l.includes('không phải người nộp hồ sơ'))).toBe(true);
    if (code) {
      expect(fee.exemption).toMatchObject({ status: 'granted', legalBasis: 'Thông tư 75/2022/TT-BTC, Điều 4' });
      expect(fee.exemption!.reasonVi).toContain('ngày sinh khai trên tờ khai');
      expect(fee.exemption!.reasonVi).toContain('dưới 16 tuổi');
    }
  });

  it('Circular 75/2022 Art. 4(1): checked on the parent instead (no subject), the same dossier was billed in full', () => {
    const fee = calculateFee(interlinkedBirthGroup(), input({ channel: 'paper', asOf: FILED }), lookup(), []);
    expect(fee).toMatchObject({ amount: 20_000, exemption: null, subject: { party: 'filer' } });
  });
});

describe('Circular 75/2022/TT-BTC Art. 4: a filing on behalf of another person is exempt by that person, not by the filer', () => {
  const rule = () => feeSubjectRule(version(PERMANENT))!;
  const registered = (facts: Partial<ApplicantFacts>) =>
    subjectFromRecord(rule(), { ...plain, personId: 'p2', ...facts });
  it.each([
    [
      'Art. 4(1) a child of 10 filed for by a parent who is not exempt',
      {},
      () => registered({ birthDate: '2016-01-01' }),
      'child',
      0,
    ],
    [
      'Art. 4 a resident of a border commune filed for by a relative',
      {},
      () => registered({ residenceUnitCode: BORDER }),
      'border_commune',
      0,
    ],
    [
      'Art. 4 an adult filed for by an exempt elderly relative pays: the filer’s age does not count',
      elderlyFiler,
      () => registered({}),
      null,
      20_000,
    ],
    [
      'Art. 4 a person the registry does not hold, declared born 2015: a child',
      elderlyFiler,
      () => subjectFromDeclared(rule(), '2015-05-05'),
      'child',
      0,
    ],
    [
      'Art. 4 no one else named: the filer is the person registered',
      elderlyFiler,
      () => filerSubject({ ...plain, ...elderlyFiler }, true),
      'elderly',
      0,
    ],
  ] as const)('Circular 75/2022 %s', (_case, filer, subjectOf, code, due) => {
    const subject = subjectOf();
    const fee = calculateFee(
      version(PERMANENT),
      input({ channel: 'paper', asOf: FILED, subject }, filer),
      lookup(),
      [],
    );
    expect(fee.exemption?.code ?? null).toBe(code);
    expect(fee.amount).toBe(due);
    expect(fee.subject?.party).toBe(subject.party);
  });

  it('reads the lists of the person registered (their commune), not of the filer', () => {
    const subject = registered({ residenceUnitCode: TOWN });
    const fee = calculateFee(
      version(PERMANENT),
      input({ channel: 'paper', asOf: FILED, subject }, { residenceUnitCode: BORDER }),
      lookup(),
      [],
    );
    expect(fee).toMatchObject({ amount: 20_000, exemption: null });
    expect(fee.explanationVi.join(' ')).toContain('Phường Đoàn Kết');
  });
});
