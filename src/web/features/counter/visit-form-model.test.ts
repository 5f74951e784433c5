import { describe, expect, it } from 'vitest';
import type { Visit } from '../../../contracts/counter';
import {
  correctionChanges,
  formProblems,
  loadCounterChoice,
  saveCounterChoice,
  toFormValues,
  toVisitInput,
  visitFromAssistedFiling,
} from './visit-form-model';

const visit: Visit = {
  id: 'v1',
  unitCode: '03445',
  unitName: 'Xã Mường Tè',
  counterLabel: 'Quầy 1',
  visitedAt: '2026-03-02T01:00:00.000Z',
  visitDate: '2026-03-02',
  officerName: 'Cán bộ',
  mine: true,
  canCorrect: true,
  citizen: { personId: 'p1', name: 'Lò Thị Thuỷ', masked: false },
  procedureCode: '1.004194',
  procedureNameVi: 'Đăng ký tạm trú',
  procedureNameEn: 'Temporary residence registration',
  guidedOnline: true,
  typedBy: null,
  outcome: 'information_only',
  dossierCode: null,
  note: 'Hỏi lệ phí',
  revision: 1,
  correctedAt: null,
};

describe('toVisitInput', () => {
  it('turns blanks into null and "none" typist into null', () => {
    expect(
      toVisitInput({
        nationalId: ' 012190000001 ',
        procedureCode: '',
        guidedOnline: true,
        typedBy: 'none',
        outcome: 'referred',
        dossierCode: '  ',
        note: '',
      }),
    ).toEqual({
      nationalId: '012190000001',
      procedureCode: null,
      guidedOnline: true,
      typedBy: null,
      outcome: 'referred',
      dossierCode: null,
      note: null,
    });
  });
});

describe('formProblems', () => {
  it('applies the server’s rules before sending', () => {
    expect(
      formProblems(
        toVisitInput({ nationalId: '012190000001', outcome: 'filed_online', typedBy: 'none', procedureCode: null }),
      ).map((p) => p.field),
    ).toEqual(['procedureCode', 'typedBy']);
  });
});

describe('correctionChanges', () => {
  it('sends only what differs, and a new ID number only when typed', () => {
    const values = { ...toFormValues(visit), outcome: 'filed_online' as const, typedBy: 'citizen_helped' as const };
    expect(correctionChanges(visit, values)).toEqual({ outcome: 'filed_online', typedBy: 'citizen_helped' });
    expect(correctionChanges(visit, { ...toFormValues(visit), nationalId: '012085000123', note: '' })).toEqual({
      nationalId: '012085000123',
      note: null,
    });
    expect(correctionChanges(visit, toFormValues(visit))).toEqual({});
  });
});

describe('counter choice storage', () => {
  it('round-trips and survives garbage or blocked storage', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    saveCounterChoice(storage, { unitCode: '03445', counterLabel: 'Quầy 2' });
    expect(loadCounterChoice(storage)).toEqual({ unitCode: '03445', counterLabel: 'Quầy 2' });
    store.set('dvc06.counter', '{not json');
    expect(loadCounterChoice(storage)).toEqual({ counterLabel: '' });
    expect(loadCounterChoice(undefined)).toEqual({ unitCode: undefined, counterLabel: '' });
    expect(() =>
      saveCounterChoice(
        {
          setItem: () => {
            throw new Error('blocked');
          },
        },
        { counterLabel: 'x' },
      ),
    ).not.toThrow();
  });
});

describe('visitFromAssistedFiling', () => {
  it('records a filing on the counter device as guided, filed online, typed by the citizen with help', () => {
    expect(visitFromAssistedFiling({ procedureCode: '1.004194', code: '000.00.12.X99-261127-0001' })).toEqual({
      procedureCode: '1.004194',
      guidedOnline: true,
      outcome: 'filed_online',
      typedBy: 'citizen_helped',
      dossierCode: '000.00.12.X99-261127-0001',
    });
    expect(
      toVisitInput({
        ...visitFromAssistedFiling({ procedureCode: '1.004194', code: null }),
        nationalId: '012190000101',
      }),
    ).toMatchObject({ dossierCode: null, typedBy: 'citizen_helped' });
  });
});
