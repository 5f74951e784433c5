import { describe, expect, it } from 'vitest';
import {
  contradictsIdNumber,
  fieldDiffers,
  mayProposeFrom,
  proposedValue,
  referenceOf,
  type Verdict,
} from './correction-rules';

const value = (v: Verdict) => (v.ok ? v.value : `refused: ${v.en}`);

describe('which links may propose', () => {
  it.each([
    ['matched_with_discrepancies', true],
    ['matched', false],
    ['probable', false],
    ['not_found', false],
    ['duplicate_in_list', false],
    // The row is someone else than the holder of its number: correcting the holder would be wrong.
    ['id_belongs_to_someone_else', false],
  ])('%s → %s', (outcome, may) => expect(mayProposeFrom(outcome)).toBe(may));

  it('names a field as differing by the engine’s disagreement code', () => {
    expect(fieldDiffers('fullName', ['name', 'unit'])).toBe(true);
    expect(fieldDiffers('birthDate', ['name'])).toBe(false);
    expect(fieldDiffers('sex', ['sex'])).toBe(true);
  });
});

describe('the value proposed', () => {
  it.each([
    // field, the list's value, the officer's value, what is proposed
    ['birthDate', '1995-05-04', undefined, '1995-05-04'],
    ['birthDate', '1995-05-04', '1995-05-04', '1995-05-04'],
    ['birthDate', '1995-05-04', '1995-04-05', "refused: The proposed value must be the list's birth date (1995-05-04)"],
    ['birthDate', '1995', undefined, 'refused: The list gives the birth year only: not enough to correct a birth date'],
    ['birthDate', '2999-01-01', undefined, 'refused: Birth date 2999-01-01 is not valid'],
    ['birthDate', null, undefined, 'refused: The list row has no birth date: there is nothing to propose'],
    ['sex', 'female', undefined, 'female'],
    ['sex', 'female', 'male', "refused: The proposed value must be the list's sex (female)"],
    ['fullName', 'Lò Văn Sởn', undefined, 'Lò Văn Sởn'],
    // Capitals may differ from a list with marks; the marks may not.
    ['fullName', 'LÒ VĂN SỞN', 'Lò Văn Sởn', 'Lò Văn Sởn'],
    ['fullName', 'LÒ VĂN SỞN', 'Lò Văn Sơn', expect.stringContaining('refused')],
    // A list typed without marks: the officer restores them.
    ['fullName', 'GIANG VAN PAO', 'Giàng Văn Páo', 'Giàng Văn Páo'],
    ['fullName', 'GIANG VAN PAO', 'Giàng A Páo', expect.stringContaining('refused')],
    // Tone marks placed the old way are stored the new way, as every declared name.
    ['fullName', 'Lò Thị Thúy', undefined, 'Lò Thị Thuý'],
  ] as const)('%s: list %s, given %s → %s', (field, list, given, expected) => {
    expect(value(proposedValue(field, list, given))).toEqual(expected);
  });
});

describe('the name proposed, against the registry’s', () => {
  it.each([
    // the list's name, the officer's, the registry's, what is proposed
    // A list typed without marks does not replace a registry name that has them…
    ['GIANG VAN PAO', undefined, 'Giàng A Páo', expect.stringMatching(/^refused: .*has no marks/)],
    ['Giang Van Pao', 'Giang Van Pao', 'Giàng A Páo', expect.stringMatching(/^refused: .*has no marks/)],
    // …unless the registry's has none either; restored marks are welcome.
    ['Lo Van Pao', undefined, 'Lo Van Bao', 'Lo Van Pao'],
    ['GIANG VAN PAO', 'Giàng Văn Páo', 'Giàng A Páo', 'Giàng Văn Páo'],
    // A name all in capitals or all in lower case is how a list is typed, not the person's spelling.
    ['lò thị mai', undefined, 'Lò Thị Mại', expect.stringMatching(/^refused: .*all in capitals or all in lower case/)],
    ['LÒ THỊ MAI', undefined, 'Lò Thị Mại', expect.stringMatching(/^refused: .*all in capitals or all in lower case/)],
    ['LÒ THỊ MAI', 'Lò Thị Mai', 'Lò Thị Mại', 'Lò Thị Mai'],
    // Apostrophes and hyphens are not marks: a list "KSOR H'HEN" is a list typed without marks…
    ["KSOR H'HEN", "Ksơr H'Hen", "Ksor H'Hên", "Ksơr H'Hen"],
    // …and "Ksor H'Hen" has none, so it does not replace a registry name that has some.
    ["KSOR H'HEN", "Ksor H'Hen", "Ksơr H'Hen", expect.stringMatching(/^refused: .*has no marks/)],
    ["KSOR H'HEN", "Ksor H'Hen", "Ksor H'Hem", "Ksor H'Hen"],
  ] as const)('list %s, given %s, registry %s → %s', (list, given, registry, expected) => {
    expect(value(proposedValue('fullName', list, given, registry))).toEqual(expected);
  });

  it('names the field in both languages when it refuses', () => {
    const refused = proposedValue('fullName', 'lò thị mai', undefined, 'Lò Thị Mại');
    expect(refused.ok ? 'accepted' : refused.vi).toContain('Họ và tên đề xuất');
    expect(refused.ok ? 'accepted' : refused.en).toContain('proposed full name');
  });
});

describe('what the ID number rules out', () => {
  // 012195000002: century/sex digit 1 = female born 19xx, year digits 95.
  it.each([
    ['sex', 'male', '012195000002', true],
    ['sex', 'female', '012195000002', false],
    ['birthDate', '1996-05-04', '012195000002', true],
    ['birthDate', '1995-12-31', '012195000002', false],
    ['fullName', 'Lò Thị Mai', '012195000002', false],
    ['sex', 'male', null, false],
  ] as const)('%s = %s with ID %s contradicts: %s', (field, v, id, contradicts) => {
    expect(contradictsIdNumber(field, v, id) !== undefined).toBe(contradicts);
  });
});

it('gives requests a reference people can quote', () => {
  expect(referenceOf(12)).toBe('YCDC-000012');
  expect(referenceOf(1234567)).toBe('YCDC-1234567');
});
