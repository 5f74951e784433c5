/**
 * The rules of a change request (pure; correction-rules.test.ts): which link may propose which
 * field, the value proposed (the list's own value — the list is the evidence), and what the
 * person's ID number rules out. The registry write is population's (correctPersonData).
 */
import { isRealIsoDate, todayInVietnam } from '../../../../contracts/common';
import { foldForSearch, normalizeDeclared } from '../../../../shared/text';
import type { CorrectableField } from '../../population';
import { idSays } from '../linking/fields';

export type Verdict = { ok: true; value: string } | { ok: false; vi: string; en: string };

const bad = (vi: string, en: string): Verdict => ({ ok: false, vi, en });

/** The linking engine's name of each correctable field in a link's `disagreements`. */
export const DISAGREEMENT_OF: Readonly<Record<CorrectableField, string>> = {
  fullName: 'name',
  birthDate: 'birthDate',
  sex: 'sex',
};

export const FIELD_NAMES: Readonly<Record<CorrectableField, { vi: string; en: string }>> = {
  fullName: { vi: 'họ và tên', en: 'full name' },
  birthDate: { vi: 'ngày sinh', en: 'birth date' },
  sex: { vi: 'giới tính', en: 'sex' },
};

/**
 * Which links may propose a correction: a link `matched_with_discrepancies` (the row is this person,
 * and a field differs). Not `id_belongs_to_someone_else`: there the row is another person than the
 * holder of its ID number — the list's ID number is what is wrong, and "correcting" the holder's
 * name or birth date to the row's would make the registry describe the wrong person.
 */
export function mayProposeFrom(outcome: string): boolean {
  return outcome === 'matched_with_discrepancies';
}

/** The field differs between the row and the person (per the link). */
export function fieldDiffers(field: CorrectableField, disagreements: readonly string[]): boolean {
  return disagreements.includes(DISAGREEMENT_OF[field]);
}

/**
 * Does the name carry Vietnamese marks (tones, ă â ê ô ơ ư đ)? Letters only: an apostrophe or a
 * hyphen ("KSOR H'HEN") is not a mark. A list typed without them says nothing of them.
 */
const hasMarks = (name: string): boolean => {
  const letters = name
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
  return foldForSearch(letters) !== letters;
};

/** A name typed all in capitals or all in lower case: a list's way of typing, not the person's spelling. */
const oneCase = (name: string): boolean => name === name.toUpperCase() || name === name.toLowerCase();

/**
 * The value proposed for `field`, from the list row's normalised value (import's reading: a name as
 * declared, a date YYYY-MM-DD or a year YYYY, male / female) and the officer's `given` value, if any.
 * The officer may only spell the list's value better: a name in other capitals, or with its tone
 * marks when the list was typed without them; a date or a sex must be the list's. `registry` is the
 * registry's value of the field (a name without marks replaces only a name without marks).
 */
export function proposedValue(
  field: CorrectableField,
  listValue: unknown,
  given: string | undefined,
  registry?: string | null,
): Verdict {
  const names = FIELD_NAMES[field];
  if (typeof listValue !== 'string' || listValue === '')
    return bad(
      `Dòng danh sách không có ${names.vi}: không có gì để đề xuất`,
      `The list row has no ${names.en}: there is nothing to propose`,
    );
  if (field === 'fullName') return proposedName(listValue, given, registry ?? null);
  const value = given ?? listValue;
  if (value !== listValue)
    return bad(
      `Giá trị đề xuất phải là ${names.vi} của danh sách (${listValue})`,
      `The proposed value must be the list's ${names.en} (${listValue})`,
    );
  if (field === 'birthDate') {
    if (/^\d{4}$/.test(value))
      return bad(
        'Danh sách chỉ ghi năm sinh: không đủ để điều chỉnh ngày sinh',
        'The list gives the birth year only: not enough to correct a birth date',
      );
    if (!isRealIsoDate(value) || value > todayInVietnam())
      return bad(`Ngày sinh ${value} không hợp lệ`, `Birth date ${value} is not valid`);
  }
  return { ok: true, value };
}

/**
 * The name proposed: the list's, spelled better by the officer at most. Refused (the officer types
 * the name as the person writes it): a name with no marks over a registry name that has some (a list
 * typed without marks says nothing of them), and a name all in capitals or all in lower case (how a
 * list is typed, not how the registry writes a name — not normalised, since "Mac" could be "Mác").
 */
function proposedName(listValue: string, given: string | undefined, registry: string | null): Verdict {
  const list = normalizeDeclared(listValue);
  const value = normalizeDeclared(given ?? listValue);
  if (value === '') return bad('Họ và tên đề xuất bị bỏ trống', 'The proposed full name is empty');
  const same = hasMarks(list)
    ? value.toLowerCase() === list.toLowerCase()
    : foldForSearch(value) === foldForSearch(list);
  if (!same)
    return bad(
      `Họ và tên đề xuất phải là họ và tên của danh sách (${list}), chỉ được sửa chữ hoa hoặc thêm dấu khi danh sách gõ không dấu`,
      `The proposed full name must be the list's (${list}): only its capitals, or its marks when the list was typed without them, may differ`,
    );
  if (!hasMarks(value) && registry !== null && hasMarks(registry))
    return bad(
      `Họ và tên đề xuất (${value}) không có dấu, còn họ và tên trong CSDL dân cư có dấu: hãy nhập họ và tên có dấu đúng như giấy tờ`,
      `The proposed full name (${value}) has no marks where the registry's has some: type the full name with its marks, as on the person's papers`,
    );
  if (oneCase(value))
    return bad(
      `Họ và tên đề xuất (${value}) viết toàn chữ hoa hoặc toàn chữ thường: hãy nhập họ và tên viết hoa chữ đầu mỗi tiếng`,
      `The proposed full name (${value}) is all in capitals or all in lower case: type it with each word capitalised`,
    );
  return { ok: true, value };
}

/**
 * What the person's 12-digit ID number rules out (DOMAIN.md §2: d4 century + sex, d5–d6 birth
 * year): a sex or birth year it contradicts. Then the registry is right on that point and the list
 * is not evidence enough (the number itself is corrected by its own procedure).
 */
export function contradictsIdNumber(
  field: CorrectableField,
  value: string,
  nationalId: string | null,
): { vi: string; en: string } | undefined {
  const says = nationalId ? idSays(nationalId) : undefined;
  if (!says) return undefined;
  if (field === 'sex' && value !== says.sex)
    return {
      vi: 'Số định danh cá nhân của người này mã hoá giới tính khác với giá trị đề xuất: không thể điều chỉnh theo danh sách',
      en: "This person's ID number encodes another sex than the one proposed: it cannot be corrected from a list",
    };
  if (field === 'birthDate' && Number(value.slice(0, 4)) !== says.birthYear)
    return {
      vi: `Số định danh cá nhân của người này mã hoá năm sinh ${says.birthYear}, khác với ngày sinh đề xuất: không thể điều chỉnh theo danh sách`,
      en: `This person's ID number encodes birth year ${says.birthYear}, not the proposed birth date's: it cannot be corrected from a list`,
    };
  return undefined;
}

/** The reference people quote: YCDC-000012 (yêu cầu điều chỉnh). */
export function referenceOf(seq: number): string {
  return `YCDC-${String(seq).padStart(6, '0')}`;
}
