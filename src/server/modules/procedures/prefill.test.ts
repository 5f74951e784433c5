import { describe, expect, it } from 'vitest';
import type { PersonDetail } from '../../../contracts/population';
import type { OwnHousehold } from '../population';
import { resolvePrefill, type RegistryView } from './prefill';
import { validateSubmission } from './form-validation';
import { referenceProcedure } from './test-support';

const TODAY = '2026-03-02';

function person(overrides: Partial<PersonDetail> = {}): PersonDetail {
  return {
    id: 'p-thuy',
    nationalId: '012190000001',
    fullName: 'Lò Thị Thuỷ',
    birthDate: '1990-03-15',
    birthYear: 1990,
    sex: 'female',
    residenceUnitCode: '03445',
    residenceUnitName: 'Xã Mường Tè',
    status: 'alive',
    legacyId: null,
    ethnicityCode: '03',
    ethnicityName: 'Thái',
    religionCode: '00',
    religionName: null,
    nationality: 'VN',
    birthPlaceProvinceCode: '012',
    birthPlaceUnitCode: null,
    homeTown: 'Than Uyên, Lai Châu',
    household: null,
    changes: [],
    residences: [
      {
        kind: 'permanent',
        unitCode: '03445',
        unitName: 'Xã Mường Tè',
        addressLine: 'Bản Mường',
        validFrom: '2010-01-01',
        validTo: null,
      },
      {
        kind: 'temporary',
        unitCode: '03388',
        unitName: 'Phường Đoàn Kết',
        addressLine: 'Tổ 5',
        validFrom: '2020-01-01',
        validTo: '2021-01-01',
      },
    ],
    idCard: { kind: 'cccd_chip', number: '012190000001', issuedOn: '2021-05-01', expiresOn: '2030-03-15' },
    eId: { level: 2, activatedOn: '2023-01-10' },
    deathDate: null,
    phone: '0912000001',
    email: null,
    healthInsuranceNo: null,
    taxCode: null,
    source: 'test',
    lastVerifiedAt: null,
    updatedAt: '2026-01-01T00:00:00Z',
    findings: [],
    ...overrides,
  };
}

const member = (
  m: Partial<OwnHousehold['members'][number]> & { personId: string; fullName: string },
): OwnHousehold['members'][number] => ({
  birthDate: '2000-01-01',
  birthYear: 2000,
  sex: 'male',
  nationalId: null,
  relationToHead: 'child',
  alive: true,
  ...m,
});

function household(relationToHead: string, members: OwnHousehold['members']): OwnHousehold {
  return { id: 'h1', addressLine: 'Bản Mường', unitCode: '03445', unitName: 'Xã Mường Tè', relationToHead, members };
}

/** Thuỷ is the wife of the head Sơn; they have a son Minh and a deceased grandmother. */
const family = household('spouse', [
  member({
    personId: 'p-son',
    fullName: 'Lò Văn Sơn',
    birthDate: '1988-07-01',
    nationalId: '012088000002',
    relationToHead: 'head',
  }),
  member({
    personId: 'p-thuy',
    fullName: 'Lò Thị Thuỷ',
    birthDate: '1990-03-15',
    sex: 'female',
    nationalId: '012190000001',
    relationToHead: 'spouse',
  }),
  member({
    personId: 'p-minh',
    fullName: 'Lò Văn Minh',
    birthDate: '2015-06-01',
    nationalId: '012215000003',
    relationToHead: 'child',
  }),
  member({
    personId: 'p-ba',
    fullName: 'Lò Thị Bà',
    birthDate: null,
    sex: 'female',
    relationToHead: 'parent',
    alive: false,
  }),
]);

const view = (overrides: Partial<RegistryView> = {}): RegistryView => ({
  person: person(),
  household: family,
  today: TODAY,
  ...overrides,
});

describe('resolvePrefill', () => {
  it('fills CT01 of a current-household procedure from the record, the household and the e-ID', async () => {
    const { form } = await referenceProcedure('1.010039'); // adjust residence information
    const r = resolvePrefill(form, view(), { nationalId: '012190000001' });
    expect(r.values).toMatchObject({
      fullName: 'Lò Thị Thuỷ',
      birthDate: '1990-03-15',
      sex: 'female',
      nationalId: '012190000001',
      phone: '0912000001',
      headFullName: 'Lò Văn Sơn',
      headNationalId: '012088000002',
      relationToHead: 'spouse',
      address: 'Bản Mường, Xã Mường Tè',
    });
    expect(r.sources).toMatchObject({
      fullName: 'registry.person',
      nationalId: 'eid',
      headFullName: 'registry.household',
      members: 'registry.household',
      requestContent: 'typed',
    });
    expect(r.editable).toMatchObject({
      fullName: false,
      nationalId: false,
      phone: true,
      members: true,
      requestContent: true,
    });
    expect(r.missing).toEqual(['email']); // the registry has no e-mail for her: she types it
    expect(r.typedCount).toBe(1 + 1 + 3); // e-mail, request content, three consents
  });

  it('offers the other living members as choices, none chosen — not the citizen, not the deceased', async () => {
    const { form } = await referenceProcedure('1.004222');
    const { values, choices, sources } = resolvePrefill(form, view(), {});
    expect(values.members).toEqual([]); // the applicant alone until they pick others (issue 14 §2)
    expect(sources.members).toBe('registry.household');
    expect(choices.members).toEqual([
      {
        fullName: 'Lò Văn Sơn',
        birthDate: '1988-07-01',
        sex: 'male',
        nationalId: '012088000002',
        relationToHead: 'head',
      },
      {
        fullName: 'Lò Văn Minh',
        birthDate: '2015-06-01',
        sex: 'male',
        nationalId: '012215000003',
        relationToHead: 'child',
      },
    ]);
  });

  it('leaves the destination household head and the new address to type for permanent residence', async () => {
    const { form } = await referenceProcedure('1.004222');
    const r = resolvePrefill(form, view(), { nationalId: '012190000001' });
    for (const f of ['headFullName', 'relationToHead', 'headNationalId', 'address']) {
      expect(r.sources[f], f).toBe('typed');
      expect(r.values[f], f).toBeUndefined();
    }
  });

  it('fills the parents of a newborn from the couple: the citizen and the spouse, by sex', async () => {
    const { form } = await referenceProcedure('1.001193');
    const r = resolvePrefill(form, view(), { nationalId: '012190000001' });
    expect(r.values).toMatchObject({
      motherFullName: 'Lò Thị Thuỷ',
      motherNationalId: '012190000001',
      fatherFullName: 'Lò Văn Sơn',
      fatherBirthDate: '1988-07-01',
      declarantAddress: 'Bản Mường, Xã Mường Tè',
    });
    expect(r.editable.motherFullName).toBe(true);
    const asHead = resolvePrefill(
      form,
      view({ household: { ...family, relationToHead: 'head' }, person: person({ id: 'p-son', sex: 'male' }) }),
      {},
    );
    expect(asHead.values.fatherFullName).toBe('Lò Văn Sơn');
    expect(asHead.values.motherFullName).toBe('Lò Thị Thuỷ');
  });

  it('uses the current temporary residence when there is one, and skips expired ones', async () => {
    const { form } = await referenceProcedure('1.002755'); // extension of temporary residence
    expect(resolvePrefill(form, view(), {}).sources.address).toBe('typed'); // her temporary residence ended in 2021
    const current = person({
      residences: [
        ...person().residences,
        {
          kind: 'temporary',
          unitCode: '03388',
          unitName: 'Phường Đoàn Kết',
          addressLine: 'Tổ 7, phường Đoàn Kết',
          validFrom: '2025-01-01',
          validTo: '2026-12-31',
        },
      ],
    });
    const r = resolvePrefill(form, view({ person: current }), {});
    expect(r.values.address).toBe('Tổ 7, phường Đoàn Kết'); // the commune is already in the line
    expect(r.sources.address).toBe('registry.person');
  });

  it('falls back to typing everything the registry cannot answer when the citizen has no record', async () => {
    const { form } = await referenceProcedure('1.004222');
    const r = resolvePrefill(form, { person: null, household: null, today: TODAY }, { nationalId: '012190000001' });
    expect(r.values).toEqual({ nationalId: '012190000001' });
    expect(
      Object.entries(r.sources)
        .filter(([, s]) => s !== 'typed')
        .map(([f]) => f),
    ).toEqual(['nationalId']);
    expect(r.typedCount).toBe(18);
  });

  it('produces values that pass the version’s own validation and lock check once the citizen adds what they type', async () => {
    const version = await referenceProcedure('1.010039');
    const prefill = resolvePrefill(version.form, view(), { nationalId: '012190000001' });
    const submitted = { ...prefill.values, requestContent: 'Điều chỉnh quan hệ với chủ hộ', email: 'thuy@example.vn' };
    expect(validateSubmission(version, submitted, prefill)).toMatchObject({ ok: true });
    expect(validateSubmission(version, { ...submitted, headFullName: 'Người khác' }, prefill)).toMatchObject({
      ok: false,
      errors: [{ field: 'headFullName' }],
    });
  });
});
