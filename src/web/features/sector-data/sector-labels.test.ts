import { describe, expect, it } from 'vitest';
import { LINK_OUTCOME_CODES, RowOutcome } from '../../../contracts/sector-links';
import { BatchState } from '../../../contracts/sector-data';
import { NAV_GROUPS } from '../../shell/navigation';
import { enSector as en } from './messages.en';
import { viSector as vi } from './messages.vi';
import {
  BATCH_STATES,
  LINK_FIELDS,
  OUTCOME_KIND,
  ROW_OUTCOMES,
  columnsFromRefusal,
  differingColumns,
  differingPersonFields,
  guessMapping,
  levelKey,
  linkFieldKey,
  missingRequired,
  outcomeKey,
  outcomeKind,
  personBirth,
  pageToShow,
  pollDelay,
  stateKey,
  type TypeField,
} from './sector-labels';

describe('sector-data labels', () => {
  it('know every outcome and batch state of the contracts, named in Vietnamese and English', () => {
    expect([...ROW_OUTCOMES].sort()).toEqual([...RowOutcome.options].sort());
    expect([...BATCH_STATES].sort()).toEqual([...BatchState.options].sort());
    const keys = [...ROW_OUTCOMES.map(outcomeKey), ...BATCH_STATES.map(stateKey), ...LINK_FIELDS.map(linkFieldKey)];
    for (const key of keys) {
      expect(vi[key], key).toBeTruthy();
      expect(en[key], key).toBeTruthy();
    }
  });

  it('colour the findings that need action apart from the clean matches', () => {
    expect(OUTCOME_KIND.matched).toBe('ok');
    expect(OUTCOME_KIND.id_belongs_to_someone_else).toBe('danger');
    expect(OUTCOME_KIND.invalid).toBe('danger');
    expect(OUTCOME_KIND.probable).toBe('info');
    expect(new Set(LINK_OUTCOME_CODES.map((o) => OUTCOME_KIND[o])).size).toBeGreaterThanOrEqual(4);
    expect(outcomeKind('something_new')).toBe('neutral');
    expect(outcomeKey('something_new')).toBe('sector.outcome.unlinked');
  });

  it('name agreement levels it knows and leave others unnamed', () => {
    expect(levelKey('swapped')).toBe('sector.level.swapped');
    expect(levelKey('year_only')).toBe('sector.level.year_only');
    expect(levelKey('telepathic')).toBeUndefined();
  });

  it('have the same placeholders in Vietnamese and English', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(vi) as Array<keyof typeof vi>) expect(names(en[key]), key).toEqual(names(vi[key]));
  });

  it('show the lists and the review queue to readers, the wizard to importers', () => {
    const items = NAV_GROUPS.flatMap((g) => g.items);
    expect(items.find((i) => i.path === '/du-lieu-chuyen-nganh')?.requires).toEqual(['sector.read']);
    expect(items.find((i) => i.path === '/du-lieu-chuyen-nganh/ra-soat')?.requires).toEqual(['sector.read']);
    expect(items.find((i) => i.path === '/du-lieu-chuyen-nganh/nhap')?.requires).toEqual(['sector.import']);
  });
});

describe('differences highlighted', () => {
  const header = ['STT', 'Mã thẻ BHYT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD'];
  const mapping = {
    cardNumber: 'Mã thẻ BHYT',
    fullName: 'Họ và tên',
    birthDate: 'Ngày sinh',
    sex: 'Giới tính',
    idNumber: 'Số CCCD',
  };

  it.each([
    [['name'], [2]],
    [
      ['birthDate', 'sex'],
      [3, 4],
    ],
    [['nationalId'], [5]],
    [['legacyId'], [5]],
    [['unit'], []], // the unit is the batch's, not a column
    [['household'], []], // no household-head column in this list
    [[], []],
  ])('marks the columns of %j', (disagreements, columns) => {
    expect([...differingColumns(header, mapping, disagreements)].sort()).toEqual(columns);
  });

  it('finds a mapped column however its header is spelled (case, diacritics, spaces)', () => {
    const typed = ['stt', 'HO VA TEN ', 'ngay  sinh'];
    expect([...differingColumns(typed, mapping, ['name', 'birthDate'])].sort()).toEqual([1, 2]);
  });

  it.each([
    [
      ['name', 'birthDate'],
      ['birthDate', 'fullName'],
    ],
    [['nationalId', 'legacyId'], ['nationalId']],
    [['unit', 'household'], ['unitCode']],
    [['sex', 'bogus'], ['sex']],
  ])('marks the registry fields of %j', (disagreements, fields) => {
    expect([...differingPersonFields(disagreements)].sort()).toEqual(fields);
  });
});

describe('columns by hand', () => {
  const fields: TypeField[] = [
    {
      key: 'cardNumber',
      labelVi: 'Mã thẻ BHYT',
      labelEn: 'Card number',
      required: true,
      aliases: ['Mã thẻ', 'Số thẻ'],
    },
    { key: 'fullName', labelVi: 'Họ và tên', labelEn: 'Full name', required: true, aliases: ['Họ tên'] },
    { key: 'birthDate', labelVi: 'Ngày sinh', labelEn: 'Date of birth', required: true, aliases: ['NS'] },
    { key: 'sex', labelVi: 'Giới tính', labelEn: 'Sex', required: false, aliases: ['GT'] },
  ];

  it('reads the file’s columns from the server’s refusal, in either language', () => {
    const vi =
      'Thiếu cột bắt buộc: Họ và tên. Các cột trong tệp: "STT", "Mã thẻ", "Họ tên chủ thẻ", "NS". Hãy đặt tên cột như mẫu hoặc chọn cột bằng tay';
    const en =
      'Required columns missing: Full name. Columns in the file: "STT", "Mã thẻ", "Họ tên chủ thẻ", "NS". Name the columns as in the template or map them by hand';
    const columns = ['STT', 'Mã thẻ', 'Họ tên chủ thẻ', 'NS'];
    expect(columnsFromRefusal(vi)).toEqual(columns);
    expect(columnsFromRefusal(en)).toEqual(columns);
    expect(columnsFromRefusal('Thiếu cột bắt buộc: Họ và tên. Các cột trong tệp: —. Hãy đặt tên cột')).toEqual([]);
    expect(columnsFromRefusal('Cột bị trùng: "Họ tên" (2) và "Họ và tên" (3)')).toEqual([]);
  });

  it('starts from the columns the usual names recognise, and says which required field is left', () => {
    const guessed = guessMapping(fields, ['STT', 'mã thẻ', 'Họ tên chủ thẻ', 'NS', 'Ghi chú']);
    expect(guessed).toEqual({ cardNumber: 'mã thẻ', birthDate: 'NS' });
    expect(missingRequired(fields, guessed).map((f) => f.key)).toEqual(['fullName']);
    expect(missingRequired(fields, { ...guessed, fullName: 'Họ tên chủ thẻ' })).toEqual([]);
  });

  it('gives one column to one field only', () => {
    const twice: TypeField[] = [
      { key: 'a', labelVi: 'A', labelEn: 'A', required: true, aliases: ['Tên'] },
      { key: 'b', labelVi: 'B', labelEn: 'B', required: false, aliases: ['Tên'] },
    ];
    expect(guessMapping(twice, ['Tên'])).toEqual({ a: 'Tên' });
  });
});

describe('registry birth dates', () => {
  it.each([
    ['1990-03-25', 1990, '25/03/1990'],
    [null, 1980, '1980'],
  ])('shows %s (%i) as %s', (date, year, shown) => {
    expect(personBirth(date, year)).toBe(shown);
  });
});

describe('progress polling', () => {
  it.each([
    [0, 1_000],
    [1, 2_000],
    [2, 4_000],
    [4, 16_000],
    [5, 30_000],
    [50, 30_000],
  ])('after %i failed asks in a row waits %i ms', (failures, ms) => {
    expect(pollDelay(failures)).toBe(ms);
  });
});

describe('an emptied page', () => {
  it.each([
    // shown, total, page, size → page to go to
    [0, 20, 3, 10, 2],
    [0, 21, 4, 10, 3],
    [0, 1, 2, 10, 1],
    [0, 0, 3, 10, undefined],
    [0, 5, 1, 10, undefined],
    [3, 23, 3, 10, undefined],
  ])('%i items shown of %i on page %i (size %i) goes to page %s', (shown, total, page, size, expected) => {
    expect(pageToShow(shown, total, page, size)).toBe(expected);
  });
});
