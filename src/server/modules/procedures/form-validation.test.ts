import { beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureForm } from '../../../contracts/procedures';
import { checkLockedFields, validateFormData, validateSubmission, type PrefillSnapshot } from './form-validation';
import { referenceProcedure } from './test-support';

let ct01: { form: ProcedureForm }; // 1.004222: permanent residence, CT01
let stay: { form: ProcedureForm }; // 2.001159: stay notification (typed guests table)
beforeAll(async () => {
  ct01 = await referenceProcedure('1.004222');
  stay = await referenceProcedure('2.001159');
});

const valid = () => ({
  fullName: 'Lò Thị Thuỷ',
  birthDate: '1990-03-15',
  sex: 'female',
  nationalId: '012190000001',
  phone: '0912000001',
  headFullName: 'Lò Văn Sơn',
  relationToHead: 'spouse',
  headNationalId: '012090000002',
  address: 'Bản Mường, xã Mường Tè',
  requestContent: 'Đăng ký thường trú vào hộ ông Lò Văn Sơn',
  members: [
    {
      fullName: 'Lò Văn Minh',
      birthDate: '2015-06-01',
      sex: 'male',
      nationalId: '012215000003',
      relationToHead: 'child',
    },
  ],
  consentHead: true,
});

function errorsOf(data: unknown, version = ct01) {
  const r = validateFormData(version, data);
  return r.ok ? [] : r.errors;
}

describe('validateFormData (JSON Schema of the version, bilingual messages)', () => {
  it('accepts a complete CT01 and returns it normalised (NFC, trimmed)', () => {
    const decomposed = 'Lò Thị Thuỷ'.normalize('NFD');
    const r = validateFormData(ct01, { ...valid(), fullName: `  ${decomposed} ` });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.fullName).toBe('Lò Thị Thuỷ'.normalize('NFC'));
  });

  it('rejects an unknown field, naming it', () => {
    const errors = errorsOf({ ...valid(), favouriteColour: 'đỏ' });
    expect(errors).toEqual([
      {
        field: 'favouriteColour',
        vi: 'Trường "favouriteColour" không có trong tờ khai này',
        en: 'Field "favouriteColour" is not part of this form',
      },
    ]);
  });

  it('rejects an unknown column inside a table row', () => {
    const data = valid();
    (data.members[0] as Record<string, unknown>).shoeSize = 40;
    expect(errorsOf(data).map((e) => e.field)).toEqual(['members.0.shoeSize']);
  });

  it('names a missing required field by its Vietnamese and English label', () => {
    const { requestContent: _omitted, ...data } = valid();
    expect(errorsOf(data)).toEqual([
      { field: 'requestContent', vi: 'Chưa nhập "Nội dung đề nghị"', en: '"What you request" is required' },
    ]);
  });

  it('treats a blank string as missing', () => {
    expect(errorsOf({ ...valid(), requestContent: '   ' })[0]?.vi).toBe('Chưa nhập "Nội dung đề nghị"');
  });

  it.each([
    ['birthDate', 19900315, '"Ngày, tháng, năm sinh" phải là chữ'],
    ['consentHead', 'có', '"Chủ hộ đã đồng ý" phải là có/không'],
    ['members', { fullName: 'x' }, '"Thành viên cùng thay đổi" phải là danh sách'],
    ['birthDate', '2025-02-30', '"Ngày, tháng, năm sinh" phải là một ngày có thật, dạng năm-tháng-ngày'],
    ['birthDate', '15/03/1990', '"Ngày, tháng, năm sinh" phải là một ngày có thật, dạng năm-tháng-ngày'],
    ['nationalId', '01219000000', '"Số định danh cá nhân" phải gồm đúng 12 chữ số'],
    ['phone', '+84912000001', '"Số điện thoại liên hệ" phải 10 hoặc 11 chữ số, bắt đầu bằng 0'],
    ['email', 'not-an-address', '"Thư điện tử" không phải địa chỉ thư điện tử hợp lệ'],
    ['sex', 'other', '"Giới tính" phải là một trong: Nam, Nữ'],
    ['requestContent', 'x'.repeat(2001), '"Nội dung đề nghị" tối đa 2000 ký tự'],
  ])('rejects %s = %j: %s', (field, value, vi) => {
    const errors = errorsOf({ ...valid(), [field]: value });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field, vi });
    expect(errors[0]!.en).toMatch(/^"/);
  });

  it('names a table cell by column label and row number', () => {
    const data = valid();
    data.members.push({
      fullName: 'Lò Thị Hoa',
      birthDate: '2018-13-01',
      sex: 'female',
      nationalId: '012318000004',
      relationToHead: 'child',
    });
    expect(errorsOf(data)).toEqual([
      {
        field: 'members.1.birthDate',
        vi: '"Ngày sinh (Thành viên cùng thay đổi, dòng 2)" phải là một ngày có thật, dạng năm-tháng-ngày',
        en: '"Date of birth (Members changing with you, row 2)" must be a real date (YYYY-MM-DD)',
      },
    ]);
  });

  it('reports every wrong field, one message each', () => {
    const errors = errorsOf({ ...valid(), nationalId: 12, phone: 'abc', sex: null });
    expect(errors.map((e) => e.field).sort()).toEqual(['nationalId', 'phone', 'sex']);
  });

  it.each([null, [], 'a form', 42])('rejects a body that is not an object (%j)', (body) => {
    expect(errorsOf(body)[0]?.field).toBe('(body)');
  });

  it('validates against the version given: the stay notification requires at least one guest', () => {
    const errors = errorsOf(
      {
        fullName: 'A',
        birthDate: '1980-01-01',
        sex: 'male',
        nationalId: '012080000001',
        phone: '0912000009',
        stayAddress: 'x',
        arrivalDate: '2026-01-02',
        departureDate: '2026-01-05',
        reason: 'Thăm người thân',
        guests: [],
      },
      stay,
    );
    expect(errors).toEqual([
      { field: 'guests', vi: '"Danh sách người lưu trú" cần ít nhất 1 dòng', en: '"Guests" needs at least 1 row' },
    ]);
  });
});

describe('checkLockedFields (prefilled values the citizen may not change)', () => {
  const prefill = (): PrefillSnapshot => {
    const v = valid();
    return {
      values: {
        fullName: v.fullName,
        birthDate: v.birthDate,
        sex: v.sex,
        nationalId: v.nationalId,
        phone: v.phone,
        members: v.members,
      },
      sources: {
        fullName: 'registry.person',
        birthDate: 'registry.person',
        sex: 'registry.person',
        nationalId: 'eid',
        phone: 'registry.person',
        members: 'registry.household',
        requestContent: 'typed',
      },
      editable: {
        fullName: false,
        birthDate: false,
        sex: false,
        nationalId: false,
        phone: true,
        members: true,
        requestContent: true,
      },
    };
  };

  it('accepts the prefilled values unchanged, a changed editable phone, and typed fields', () => {
    expect(checkLockedFields(ct01, { ...valid(), phone: '0987654321' }, prefill())).toEqual([]);
  });

  it('rejects a changed registry value, naming the field and the registry', () => {
    expect(checkLockedFields(ct01, { ...valid(), birthDate: '1991-03-15' }, prefill())).toEqual([
      {
        field: 'birthDate',
        vi: '"Ngày, tháng, năm sinh" lấy từ CSDL quốc gia về dân cư, không được sửa',
        en: '"Date of birth" comes from the population registry and cannot be changed',
      },
    ]);
  });

  it('rejects a changed e-ID value and an omitted locked value', () => {
    const { fullName: _dropped, ...withoutName } = valid();
    const errors = checkLockedFields(ct01, { ...withoutName, nationalId: '012190000099' }, prefill());
    expect(errors.map((e) => e.field).sort()).toEqual(['fullName', 'nationalId']);
    expect(errors.find((e) => e.field === 'nationalId')?.vi).toContain('tài khoản định danh điện tử');
  });

  it('compares text in NFC: the same name in decomposed form is not a change', () => {
    expect(checkLockedFields(ct01, { ...valid(), fullName: 'Lò Thị Thuỷ'.normalize('NFD') }, prefill())).toEqual([]);
  });

  it('lets the citizen drop household members and change their relation to the new head, not their identity', () => {
    const moved = valid();
    expect(checkLockedFields(ct01, { ...moved, members: [] }, prefill())).toEqual([]);
    expect(
      checkLockedFields(
        ct01,
        { ...moved, members: [{ ...moved.members[0]!, relationToHead: 'grandchild' }] },
        prefill(),
      ),
    ).toEqual([]);
    const errors = checkLockedFields(
      ct01,
      { ...moved, members: [{ ...moved.members[0]!, birthDate: '2016-06-01' }] },
      prefill(),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        field: 'members.0.birthDate',
        vi: '"Ngày sinh" (dòng 1) lấy từ CSDL quốc gia về dân cư, không được sửa',
      }),
    ]);
  });

  it('checks a member chosen from the offered rows (none chosen by default) like a prefilled row', () => {
    const moved = valid();
    const offered: PrefillSnapshot = { ...prefill(), values: { ...prefill().values, members: [] } };
    offered.choices = { members: moved.members };
    expect(checkLockedFields(ct01, { ...moved, members: [] }, offered)).toEqual([]);
    expect(checkLockedFields(ct01, moved, offered)).toEqual([]);
    const errors = checkLockedFields(
      ct01,
      { ...moved, members: [{ ...moved.members[0]!, birthDate: '2016-06-01' }] },
      offered,
    );
    expect(errors.map((e) => e.field)).toEqual(['members.0.birthDate']);
  });

  it('allows a new member row only where the form allows new rows', () => {
    const extra = { fullName: 'Người mới', relationToHead: 'other' };
    expect(checkLockedFields(ct01, { ...valid(), members: [...valid().members, extra] }, prefill())).toEqual([]);
    const closed = structuredClone(ct01);
    closed.form.fields.members!.allowNewRows = false;
    expect(
      checkLockedFields(closed, { ...valid(), members: [...valid().members, extra] }, prefill()).map((e) => e.field),
    ).toEqual(['members.1']);
  });

  it('validateSubmission runs the schema first, then the lock check', () => {
    expect(validateSubmission(ct01, { ...valid(), unknown: 1 }, prefill())).toMatchObject({
      ok: false,
      errors: [{ field: 'unknown' }],
    });
    expect(validateSubmission(ct01, { ...valid(), sex: 'male' }, prefill())).toMatchObject({
      ok: false,
      errors: [{ field: 'sex' }],
    });
    expect(validateSubmission(ct01, valid(), prefill())).toMatchObject({ ok: true });
    expect(validateSubmission(ct01, { ...valid(), sex: 'male' })).toMatchObject({ ok: true }); // no prefill: nothing is locked
  });
});
