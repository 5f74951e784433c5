import { describe, expect, it } from 'vitest';
import type { ProcedureVersion } from '../procedures';
import { fullAddress, maskNationalId, resultDocumentData, resultDocumentKinds } from './result-documents';

const version = { nameVi: 'Đăng ký thường trú', form: { fields: {} } } as unknown as ProcedureVersion;
const ctx = { unitName: 'Phường Đoàn Kết', officerName: 'Cán bộ minh hoạ', now: new Date('2026-12-07T03:00:00Z') };

describe('the address a result document prints', () => {
  it('writes a structured address (from 5/12/2026) as house and street, village, commune and province', () => {
    const data = resultDocumentData(
      'CT08',
      {
        code: 'X',
        applicantName: 'Lò Thị Lan',
        form: { fullName: 'Lò Thị Lan', addressCommune: '03388', addressVillage: 'Tổ 3', addressStreet: 'Số 12' },
      },
      version,
      ctx,
    );
    expect(data.person.address).toBe('Số 12, Tổ 3, Phường Đoàn Kết, tỉnh Lai Châu');
  });

  it('keeps the one-line address of earlier versions as typed', () => {
    const data = resultDocumentData(
      'CT08',
      { code: 'X', applicantName: 'Lò Thị Lan', form: { address: 'Bản Nà Luồng, xã Bình Lư' } },
      version,
      ctx,
    );
    expect(data.person.address).toBe('Bản Nà Luồng, xã Bình Lư');
  });
});

describe('the registry address a CT07 prints', () => {
  it.each([
    ['Bản Pa Phìn', 'Xã Mường Tè, tỉnh Lai Châu', 'Bản Pa Phìn, Xã Mường Tè, tỉnh Lai Châu'],
    ['Bản Pa Phìn, Xã Mường Tè', 'Xã Mường Tè, tỉnh Lai Châu', 'Bản Pa Phìn, Xã Mường Tè, tỉnh Lai Châu'],
    ['Bản Pa Phìn, xã Mường Tè, tỉnh Lai Châu', 'none added', 'Bản Pa Phìn, xã Mường Tè, tỉnh Lai Châu'],
  ])('%s → %s', (line, _what, expected) => {
    expect(fullAddress(line, 'Xã Mường Tè')).toBe(expected);
  });

  it('masks the ID number but its first four and last two digits', () => {
    expect(maskNationalId('012190000101')).toBe('0121******01');
    expect(maskNationalId(undefined)).toBeUndefined();
  });
});

describe('which result documents a dossier gets', () => {
  const birth = {
    kind: 'register_birth',
    fullName: 'childFullName',
    birthDate: 'childBirthDate',
    sex: 'childSex',
  } as const;
  const born = { registryOutcome: { childPersonId: 'p', childNationalId: '012226000001' } };
  const of = (v: Partial<ProcedureVersion>) =>
    ({ resultDocuments: [], registryEffect: null, components: [], ...v }) as unknown as ProcedureVersion;

  it('adds the birth extract to what the version declares when its decision registered a birth', () => {
    expect(resultDocumentKinds(born, of({ registryEffect: birth }))).toEqual(['BIRTH_EXTRACT']);
    const group = of({
      resultDocuments: ['CT08'],
      components: [{ step: { kind: 'registry', effect: birth } }] as unknown as ProcedureVersion['components'],
    });
    expect(resultDocumentKinds(born, group)).toEqual(['CT08', 'BIRTH_EXTRACT']);
  });

  it('adds nothing when no birth was registered (an older version, another procedure)', () => {
    expect(resultDocumentKinds({ registryOutcome: null }, of({ registryEffect: birth }))).toEqual([]);
    expect(
      resultDocumentKinds({ registryOutcome: { deceasedNationalId: '012' } }, of({ resultDocuments: ['CT08'] })),
    ).toEqual(['CT08']);
  });
});
