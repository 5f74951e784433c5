import { describe, expect, it } from 'vitest';
import { VisitCorrectionBody, VisitCreateBody, visitProblems, type VisitFacts } from '../../../contracts/counter';
import { maskName } from './counter.presenter';
import { visitTime } from './counter.rules';

type Rule = Pick<VisitFacts, 'procedureCode' | 'typedBy' | 'outcome' | 'dossierCode'>;
const base: Rule = { procedureCode: '1.004194', typedBy: 'citizen_alone', outcome: 'filed_online', dossierCode: null };

describe('visitProblems (rules across fields)', () => {
  it.each<[string, Partial<Rule>, string[]]>([
    ['an online filing typed by the citizen', {}, []],
    [
      'a paper filing entered by the officer, with its dossier code',
      { outcome: 'filed_paper', typedBy: 'officer_on_behalf', dossierCode: '000.00.12.H30-260302-0001' },
      [],
    ],
    [
      'a question with no procedure and nothing typed',
      { outcome: 'information_only', procedureCode: null, typedBy: null },
      [],
    ],
    ['a referral with no procedure', { outcome: 'referred', procedureCode: null, typedBy: null }, []],
    ['missing documents for a known procedure', { outcome: 'incomplete_documents', typedBy: null }, []],
    ['a filing without a procedure', { procedureCode: null }, ['procedureCode']],
    [
      'missing documents without a procedure',
      { outcome: 'incomplete_documents', procedureCode: null, typedBy: null },
      ['procedureCode'],
    ],
    ['an online filing without who typed it', { typedBy: null }, ['typedBy']],
    ['a paper filing without who typed it', { outcome: 'filed_paper', typedBy: null }, ['typedBy']],
    [
      'a dossier code on a mere question',
      { outcome: 'information_only', typedBy: null, dossierCode: 'X-260302-0001' },
      ['dossierCode'],
    ],
    [
      'a filing with neither procedure nor typist',
      { procedureCode: null, typedBy: null },
      ['procedureCode', 'typedBy'],
    ],
  ])('%s → problems on %j', (_name, over, fields) => {
    expect(visitProblems({ ...base, ...over }).map((p) => p.field)).toEqual(fields);
  });

  it('names every problem in Vietnamese and English', () => {
    for (const p of visitProblems({ procedureCode: null, typedBy: null, outcome: 'filed_online', dossierCode: null })) {
      expect(p.messageVi.length).toBeGreaterThan(5);
      expect(p.messageEn.length).toBeGreaterThan(5);
      expect(p.code).toMatch(/^COUNTER\./);
    }
  });
});

describe('request bodies', () => {
  const valid = {
    nationalId: '012190000001',
    counterLabel: ' Quầy 1 ',
    procedureCode: '1.004194',
    guidedOnline: true,
    typedBy: 'citizen_alone',
    outcome: 'filed_online',
  };

  it('accepts a complete visit and trims the counter label', () => {
    const parsed = VisitCreateBody.parse(valid);
    expect(parsed.counterLabel).toBe('Quầy 1');
  });

  it.each([
    [{ outcome: 'done' }, 'outcome'],
    [{ typedBy: 'robot' }, 'typedBy'],
    [{ guidedOnline: 'yes' }, 'guidedOnline'],
    [{ nationalId: '12345' }, 'nationalId'],
    [{ counterLabel: '   ' }, 'counterLabel'],
    [{ dossierCode: 'abc' }, 'dossierCode'],
    [{ note: 'CCCD 012190000001 để quên' }, 'note'],
    [{ visitedAt: '2026-03-02 08:00' }, 'visitedAt'],
    [{ extra: 1 }, ''],
  ])('rejects %j naming %s', (over, field) => {
    const result = VisitCreateBody.safeParse({ ...valid, ...over });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(field);
  });

  it('refuses an empty correction and accepts clearing a field with null', () => {
    expect(VisitCorrectionBody.safeParse({ reason: 'x' }).success).toBe(false);
    expect(VisitCorrectionBody.safeParse({ dossierCode: null }).success).toBe(true);
  });
});

describe('visitTime', () => {
  const now = new Date('2026-03-02T03:00:00Z'); // 10:00 in Vietnam

  it('is now when not given, and the given time when earlier the same Vietnamese day', () => {
    expect(visitTime(undefined, now)).toBe(now);
    expect(visitTime('2026-03-02T07:45:00+07:00', now).toISOString()).toBe('2026-03-02T00:45:00.000Z');
  });

  it.each(['2026-03-01T16:59:00Z', '2026-03-02T11:00:00+07:00', '2026-03-01T23:59:00+07:00'])(
    'refuses %s (another day, or the future)',
    (given) => {
      expect(() => visitTime(given, now)).toThrow(/COUNTER\.VISITED_AT_INVALID/);
    },
  );
});

describe('maskName', () => {
  it.each([
    ['Lò Thị Thuỷ', 'L. T. T.'],
    ['Giàng A Páo', 'G. A. P.'],
    ['  Đèo   văn  Ánh ', 'Đ. V. Á.'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});
