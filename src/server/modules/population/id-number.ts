/**
 * Pure rules for the 12-digit personal identification number, số định danh cá nhân
 * (DOMAIN.md §2; Identity Law 26/2023). Layout, no check digit:
 *   d1–d3  code of the province (or country) where the birth was registered ("012" Lai Châu)
 *   d4     century + sex: 1900s male 0 / female 1, 2000s 2/3, 2100s 4/5, 2200s 6/7, 2300s 8/9
 *   d5–d6  last two digits of the birth year
 *   d7–d12 serial
 * The set of known province codes is data passed in by the caller (reference/id-province-codes.json).
 */

/** Sex as recorded in the population registry (DOMAIN.md §2 d4; population.schema `sex`). */
export type Sex = 'male' | 'female';

/** Both sexes, in the order forms list them. */
export const SEXES: readonly Sex[] = ['male', 'female'];

/** Vietnamese labels used on forms (Giới tính: Nam / Nữ). */
export const SEX_LABELS_VI: Readonly<Record<Sex, string>> = { male: 'Nam', female: 'Nữ' };

/** Type guard for values coming from forms, files and APIs. */
export function isSex(value: unknown): value is Sex {
  return value === 'male' || value === 'female';
}

/** Machine-readable reason why an ID number is not valid for a person. */
export type IdProblemCode =
  | 'ID.FORMAT'
  | 'ID.PROVINCE_UNKNOWN'
  | 'ID.CENTURY_SEX_DIGIT'
  | 'ID.SEX_MISMATCH'
  | 'ID.BIRTH_YEAR_MISMATCH'
  | 'ID.CENTURY_MISMATCH';

/** One problem found, with the form field it concerns and a plain message in Vietnamese and English. */
export interface IdProblem {
  code: IdProblemCode;
  field: 'id' | 'birthDate' | 'sex';
  messageVi: string;
  messageEn: string;
}

/** What the number itself says about its holder. */
export interface DecodedId {
  provinceCode: string;
  sex: Sex;
  birthYear: number;
  serial: string;
}

/** Optional context. `currentYear` lets callers flag a d4 that implies a birth year in the future. */
export interface IdCheckOptions {
  currentYear?: number;
}

/** First and last birth years the century/sex digit can encode (DOMAIN.md §2: 1900s … 2300s). */
export const ENCODABLE_BIRTH_YEARS = { from: 1900, to: 2399 } as const;

const SEX_VI: Readonly<Record<Sex, string>> = { male: 'nam', female: 'nữ' };

function problem(code: IdProblemCode, field: IdProblem['field'], messageVi: string, messageEn: string): IdProblem {
  return { code, field, messageVi, messageEn };
}

/** Explains why `id` is not 12 plain digits, or returns undefined when it is. */
function formatProblem(id: string): IdProblem | undefined {
  if (/^\d{12}$/.test(id)) return undefined;
  const f = (vi: string, en: string) => problem('ID.FORMAT', 'id', vi, en);
  if (id.trim() === '') return f('Chưa nhập số định danh cá nhân.', 'The personal ID number is missing.');
  if (/\s/.test(id)) {
    return f(
      'Số định danh cá nhân có dấu cách hoặc khoảng trắng; hãy nhập liền 12 chữ số, không có dấu cách.',
      'The personal ID number contains spaces; enter the 12 digits with no spaces.',
    );
  }
  if (isLegacyIdFormat(id)) {
    return f(
      'Đây là số Chứng minh nhân dân 9 số (cũ), không phải số định danh cá nhân 12 số; hãy ghi vào trường CMND cũ.',
      'This is an old 9-digit identity card (CMND) number, not a 12-digit personal ID number; record it in the legacy CMND field.',
    );
  }
  if (!/^\d+$/.test(id)) {
    return f(
      'Số định danh cá nhân chỉ được gồm các chữ số 0–9, không có chữ cái hay ký hiệu.',
      'The personal ID number may contain only the digits 0–9, no letters or symbols.',
    );
  }
  return f(
    `Số định danh cá nhân phải gồm đúng 12 chữ số (đang có ${id.length} chữ số).`,
    `The personal ID number must be exactly 12 digits (${id.length} digits given).`,
  );
}

/** Decodes the four parts of a 12-digit string (caller has checked the format). */
function decodeParts(id: string): DecodedId {
  const d4 = Number(id[3]);
  return {
    provinceCode: id.slice(0, 3),
    sex: d4 % 2 === 0 ? 'male' : 'female',
    birthYear: 1900 + Math.floor(d4 / 2) * 100 + Number(id.slice(4, 6)),
    serial: id.slice(6),
  };
}

/**
 * Reads a personal ID number (DOMAIN.md §2). Problems: ID.FORMAT when it is not exactly 12
 * ASCII digits (whitespace is rejected, not stripped, and the message says so; a 9-digit
 * legacy CMND gets its own message); ID.PROVINCE_UNKNOWN when d1–d3 is not in
 * `knownProvinceCodes`; ID.CENTURY_SEX_DIGIT when `options.currentYear` is given and d4–d6
 * mean a birth year after it. `decoded` is returned whenever the format is right, even with
 * other problems, so screens can show what the number says.
 */
export function decodeNationalId(
  id: string,
  knownProvinceCodes: ReadonlySet<string>,
  options: IdCheckOptions = {},
): { decoded?: DecodedId; problems: IdProblem[] } {
  const format = formatProblem(id);
  if (format) return { problems: [format] };
  const decoded = decodeParts(id);
  const problems: IdProblem[] = [];
  if (!knownProvinceCodes.has(decoded.provinceCode)) {
    problems.push(
      problem(
        'ID.PROVINCE_UNKNOWN',
        'id',
        `3 chữ số đầu của số định danh cá nhân (${decoded.provinceCode}) không phải mã tỉnh hoặc quốc gia nơi đăng ký khai sinh.`,
        `The first 3 digits of the personal ID number (${decoded.provinceCode}) are not a known province or country code of birth registration.`,
      ),
    );
  }
  if (options.currentYear !== undefined && decoded.birthYear > options.currentYear) {
    problems.push(
      problem(
        'ID.CENTURY_SEX_DIGIT',
        'id',
        `Chữ số thứ 4–6 của số định danh cá nhân cho năm sinh ${decoded.birthYear}, sau năm hiện tại ${options.currentYear}.`,
        `Digits 4–6 of the personal ID number give birth year ${decoded.birthYear}, after the current year ${options.currentYear}.`,
      ),
    );
  }
  return { decoded, problems };
}

/** Problems between the decoded number and the declared birth year. */
function birthYearProblems(id: string, decoded: DecodedId, birthYear: number): IdProblem[] {
  const { from, to } = ENCODABLE_BIRTH_YEARS;
  if (!Number.isInteger(birthYear) || birthYear < from || birthYear > to) {
    return [
      problem(
        'ID.CENTURY_SEX_DIGIT',
        'birthDate',
        `Năm sinh ${birthYear} nằm ngoài khoảng số định danh cá nhân mã hoá được (${from}–${to}); hãy kiểm tra lại ngày sinh.`,
        `Birth year ${birthYear} is outside the range the personal ID number can encode (${from}–${to}); check the date of birth.`,
      ),
    ];
  }
  const problems: IdProblem[] = [];
  const yy = id.slice(4, 6);
  if (String(birthYear % 100).padStart(2, '0') !== yy) {
    problems.push(
      problem(
        'ID.BIRTH_YEAR_MISMATCH',
        'birthDate',
        `Chữ số thứ 5–6 của số định danh cá nhân (${yy}) không khớp với năm sinh đã khai (${birthYear}).`,
        `Digits 5–6 of the personal ID number (${yy}) do not match the declared birth year (${birthYear}).`,
      ),
    );
  }
  const idCentury = decoded.birthYear - (decoded.birthYear % 100);
  if (birthYear - (birthYear % 100) !== idCentury) {
    problems.push(
      problem(
        'ID.CENTURY_MISMATCH',
        'birthDate',
        `Chữ số thứ 4 của số định danh cá nhân (${id[3]}) ứng với người sinh năm ${idCentury}–${idCentury + 99}, khác với năm sinh đã khai (${birthYear}).`,
        `Digit 4 of the personal ID number (${id[3]}) means born ${idCentury}–${idCentury + 99}, but the declared birth year is ${birthYear}.`,
      ),
    );
  }
  return problems;
}

function sexProblem(id: string, decoded: DecodedId, sex: Sex): IdProblem[] {
  if (decoded.sex === sex) return [];
  return [
    problem(
      'ID.SEX_MISMATCH',
      'sex',
      `Chữ số thứ 4 của số định danh cá nhân (${id[3]}) ứng với giới tính ${SEX_VI[decoded.sex]}, khác với giới tính đã khai (${SEX_VI[sex]}).`,
      `Digit 4 of the personal ID number (${id[3]}) means ${decoded.sex}, but the declared sex is ${sex}.`,
    ),
  ];
}

/**
 * Full validity check of a person's ID number (DOMAIN.md §2 "Valid = 12 digits, known code,
 * d4 and d5–d6 consistent with recorded sex and birth date"): the problems of
 * {@link decodeNationalId}, plus, when given, the declared birth year (ID.BIRTH_YEAR_MISMATCH
 * for d5–d6, ID.CENTURY_MISMATCH for d4, ID.CENTURY_SEX_DIGIT when the year is outside
 * 1900–2399 and so cannot be encoded) and declared sex (ID.SEX_MISMATCH for d4).
 */
export function checkNationalId(
  input: { id: string; birthYear?: number; sex?: Sex },
  knownProvinceCodes: ReadonlySet<string>,
  options: IdCheckOptions = {},
): { valid: boolean; decoded?: DecodedId; problems: IdProblem[] } {
  const { decoded, problems } = decodeNationalId(input.id, knownProvinceCodes, options);
  if (!decoded) return { valid: false, problems };
  if (input.sex !== undefined) problems.push(...sexProblem(input.id, decoded, input.sex));
  if (input.birthYear !== undefined) problems.push(...birthYearProblems(input.id, decoded, input.birthYear));
  return { valid: problems.length === 0, decoded, problems };
}

/**
 * True when `id` has the shape of an old 9-digit identity card number, CMND (DOMAIN.md §2:
 * no longer valid since 31/12/2024, kept as a separate legacy field, not derivable from the
 * 12-digit number). Shape only: exactly 9 ASCII digits.
 */
export function isLegacyIdFormat(id: string): boolean {
  return /^\d{9}$/.test(id);
}

/**
 * The 4th digit (century + sex) for a birth year and sex (DOMAIN.md §2), for generators:
 * 1900s male '0' / female '1', 2000s '2'/'3', 2100s '4'/'5', 2200s '6'/'7', 2300s '8'/'9'.
 * Throws RangeError for years outside 1900–2399 or not whole numbers: they cannot be encoded.
 */
export function centurySexDigit(birthYear: number, sex: Sex): string {
  const { from, to } = ENCODABLE_BIRTH_YEARS;
  if (!Number.isInteger(birthYear) || birthYear < from || birthYear > to) {
    throw new RangeError(`Birth year ${birthYear} cannot be encoded in a personal ID number (${from}–${to}).`);
  }
  const century = Math.floor((birthYear - from) / 100);
  return String(century * 2 + (sex === 'female' ? 1 : 0));
}
