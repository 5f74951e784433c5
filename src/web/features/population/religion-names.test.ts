import { describe, expect, it } from 'vitest';
import { religionName } from './religion-names';

describe('religionName', () => {
  it.each([
    ['vi', '00', 'Không', 'Không'],
    ['en', '00', 'Không', 'None'],
    ['en', '01', 'Phật giáo', 'Buddhism'],
    ['vi', '08', 'Tin Lành', 'Tin Lành'],
    ['en', '99', 'Khác', 'Khác'],
    ['en', null, null, null],
  ] as const)('in %s names code %s (%s) as %s', (lang, code, nameVi, expected) => {
    expect(religionName(lang, code, nameVi)).toBe(expected);
  });
});
