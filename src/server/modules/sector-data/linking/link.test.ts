import { describe, expect, it } from 'vitest';
import { createLinker, linkList } from './link';
import { inMemoryRegistry } from './registry-memory';
import type { ListRow, RegistryPerson } from './types';

function person(over: Partial<RegistryPerson> & Pick<RegistryPerson, 'personId' | 'fullName'>): RegistryPerson {
  return {
    nationalId: null,
    legacyId: null,
    birthDate: '1990-03-25',
    birthYear: 1990,
    sex: 'male',
    unitCode: '03388',
    householdId: null,
    householdHeadName: null,
    status: 'alive',
    ...over,
  };
}

const PAO = person({ personId: 'p-pao', fullName: 'Giàng A Páo', nationalId: '012090000001', legacyId: '045000001' });
const MAI = person({
  personId: 'p-mai',
  fullName: 'Lò Thị Mai',
  nationalId: '012195000002',
  birthDate: '1995-05-03',
  birthYear: 1995,
  sex: 'female',
  unitCode: '03390',
  householdHeadName: 'Lò Văn Sơn',
});
const MAI_SISTER = person({
  personId: 'p-mao',
  fullName: 'Lò Thị Mao',
  nationalId: '012197000003',
  birthDate: '1997-08-14',
  birthYear: 1997,
  sex: 'female',
  unitCode: '03390',
  householdHeadName: 'Lò Văn Sơn',
});
const THUY = person({
  personId: 'p-thuy',
  fullName: 'Vàng Thị Thuỷ',
  nationalId: '012188000004',
  birthDate: '1988-11-30',
  birthYear: 1988,
  sex: 'female',
});
const OLD = person({
  personId: 'p-old',
  fullName: 'Lý A Sử',
  nationalId: '012050000005',
  birthDate: null,
  birthYear: 1950,
  unitCode: '03424',
});
// Two people with one name and one birth day in one commune: a list row without an ID cannot tell them apart.
const TWIN_A = person({
  personId: 'p-twin-a',
  fullName: 'Lò Văn Minh',
  nationalId: '012001000006',
  birthDate: '2001-01-01',
  birthYear: 2001,
  unitCode: '03433',
});
const TWIN_B = person({
  personId: 'p-twin-b',
  fullName: 'Lò Văn Minh',
  nationalId: '012001000007',
  birthDate: '2001-01-01',
  birthYear: 2001,
  unitCode: '03433',
});

const registry = inMemoryRegistry([PAO, MAI, MAI_SISTER, THUY, OLD, TWIN_A, TWIN_B]);
const options = { referenceYear: 2026 };

async function linkOne(row: Omit<ListRow, 'row'>) {
  const { links } = await linkList([{ row: 1, ...row }], registry, options);
  return links[0]!;
}

describe('linking a row with a valid ID number found in the registry', () => {
  it('is matched when every other field agrees, whatever the writing of the name, date and sex', async () => {
    const link = await linkOne({
      fullName: 'GIÀNG  A PÁO',
      birthDate: '25/03/1990',
      sex: 'Nam',
      idNumber: '012090000001',
      unitCode: '03388',
    });
    expect(link).toMatchObject({
      outcome: 'matched',
      personId: 'p-pao',
      nationalId: '012090000001',
      disagreements: [],
    });
  });

  it('accepts old tone placement and an Excel serial date without reporting a discrepancy', async () => {
    const link = await linkOne({ fullName: 'Vàng Thị Thủy', birthDate: 32477, sex: 'nu', idNumber: '12188000004' });
    expect(link).toMatchObject({ outcome: 'matched', personId: 'p-thuy' });
  });

  it('is matched with discrepancies naming the fields that differ', async () => {
    const link = await linkOne({
      fullName: 'Lò Thị Mai',
      birthDate: '04/05/1995',
      sex: 'Nam',
      idNumber: '012195000002',
      unitCode: '03388',
    });
    expect(link.outcome).toBe('matched_with_discrepancies');
    expect(link.personId).toBe('p-mai');
    expect(link.disagreements).toEqual(['birthDate', 'sex', 'unit']);
  });

  it('reports an ID belonging to someone else, and who the row really is', async () => {
    // Mai's row carries her sister Mao's number.
    const link = await linkOne({
      fullName: 'Lò Thị Mai',
      birthDate: '03/05/1995',
      sex: 'Nữ',
      idNumber: '012197000003',
      unitCode: '03390',
    });
    expect(link).toMatchObject({
      outcome: 'id_belongs_to_someone_else',
      idHolder: { personId: 'p-mao', nationalId: '012197000003' },
      personId: 'p-mai',
      nationalId: '012195000002',
    });
    expect(link.disagreements).not.toContain('nationalId');
  });

  it('finds the real person behind someone else’s number even with nothing but name and birth day', async () => {
    const link = await linkOne({ fullName: 'Lò Thị Mai', birthDate: '03/05/1995', idNumber: '012197000003' });
    expect(link).toMatchObject({ outcome: 'id_belongs_to_someone_else', personId: 'p-mai' });
  });

  it('keeps the finding on a second row of the person (not duplicate_in_list)', async () => {
    const { links } = await linkList(
      [
        { row: 1, fullName: 'Lò Thị Mai', birthDate: '03/05/1995', sex: 'Nữ', idNumber: '012195000002' },
        { row: 2, fullName: 'Lò Thị Mai', birthDate: '03/05/1995', sex: 'Nữ', idNumber: '012197000003' },
      ],
      registry,
      options,
    );
    expect(links.map((l) => l.outcome)).toEqual(['matched', 'id_belongs_to_someone_else']);
  });

  it('reports an ID belonging to someone else without a person when the row is nobody in the registry', async () => {
    const link = await linkOne({
      fullName: 'Tẩn Láo Sài',
      birthDate: '1/1/1970',
      sex: 'Nam',
      idNumber: '012090000001',
    });
    expect(link.outcome).toBe('id_belongs_to_someone_else');
    expect(link.personId).toBeUndefined();
    expect(link.idHolder?.personId).toBe('p-pao');
  });
});

describe('linking a row by blocking and scoring', () => {
  it('matches without an ID number on name, birth day, sex and commune', async () => {
    const link = await linkOne({ fullName: 'giang a pao', birthDate: '1990-03-25', sex: 'M', unitCode: '03388' });
    expect(link).toMatchObject({ outcome: 'matched', personId: 'p-pao' });
    expect(link.score).toBeGreaterThanOrEqual(20);
  });

  it('matches a day and month swapped', async () => {
    const link = await linkOne({ fullName: 'Lò Thị Mai', birthDate: '05/03/1995', sex: 'nữ', unitCode: '03390' });
    expect(link).toMatchObject({ outcome: 'matched', personId: 'p-mai' });
    expect(link.explanation.find((e) => e.field === 'birthDate')?.level).toBe('swapped');
  });

  it('finds a person known by birth year only through year, given name and commune, with i/y spelling', async () => {
    const link = await linkOne({
      fullName: 'Lí A Sử',
      birthDate: '1950',
      sex: 'Nam',
      unitCode: '03424',
      householdHead: null,
    });
    expect(link.personId).toBe('p-old');
    expect(['matched', 'probable']).toContain(link.outcome);
  });

  it('finds a person by an old 9-digit CMND', async () => {
    const link = await linkOne({ fullName: 'Giàng A Páo', birthDate: '1990', idNumber: '045000001' });
    expect(link).toMatchObject({ outcome: 'matched', personId: 'p-pao' });
    expect(link.explanation.find((e) => e.field === 'legacyId')?.level).toBe('agree');
  });

  it('reports a wrong ID number (one digit off) as a discrepancy of a matched row', async () => {
    const link = await linkOne({
      fullName: 'Lò Thị Mai',
      birthDate: '03/05/1995',
      sex: 'Nữ',
      idNumber: '012195000092',
      unitCode: '03390',
    });
    expect(link).toMatchObject({
      outcome: 'matched_with_discrepancies',
      personId: 'p-mai',
      disagreements: ['nationalId'],
    });
  });

  it('leaves two equally good candidates for review (probable), listing both', async () => {
    const link = await linkOne({ fullName: 'Lò Văn Minh', birthDate: '01/01/2001', sex: 'Nam', unitCode: '03433' });
    expect(link.outcome).toBe('probable');
    expect(link.candidates?.map((c) => c.personId).sort()).toEqual(['p-twin-a', 'p-twin-b']);
  });

  it('gives probable to a weak candidate between the thresholds', async () => {
    // Same name and year, day unknown, no sex, no commune: between review and match.
    const link = await linkOne({ fullName: 'Vàng Thị Thuỷ', birthDate: '1988' });
    expect(link.outcome).toBe('probable');
    expect(link.personId).toBe('p-thuy');
  });

  it('is not_found for someone not in the registry', async () => {
    const link = await linkOne({ fullName: 'Phàn Mùi Chẻo', birthDate: '12/12/1982', sex: 'Nữ', unitCode: '03388' });
    expect(link).toMatchObject({ outcome: 'not_found', disagreements: [] });
    expect(link.personId).toBeUndefined();
  });
});

describe('duplicates in a list', () => {
  it('marks the second row of one person as duplicate_in_list, naming the first row', async () => {
    const { links } = await linkList(
      [
        { row: 1, fullName: 'Giàng A Páo', birthDate: '25/03/1990', sex: 'Nam', unitCode: '03388' },
        { row: 2, fullName: 'Lò Thị Mai', birthDate: '03/05/1995', sex: 'Nữ', unitCode: '03390' },
        { row: 3, fullName: 'GIANG A PAO', birthDate: '1990-03-25', idNumber: '012090000001' },
      ],
      registry,
      options,
    );
    expect(links.map((l) => l.outcome)).toEqual(['matched', 'matched', 'duplicate_in_list']);
    expect(links[2]).toMatchObject({ duplicateOfRow: 1, personId: 'p-pao' });
  });

  it('finds duplicates of people not in the registry, across chunks', async () => {
    const linker = createLinker(registry, options);
    const a = await linker.link([{ row: 1, fullName: 'Phàn Mùi Chẻo', birthDate: '12/12/1982' }]);
    const b = await linker.link([{ row: 2, fullName: 'Phan Mui Cheo', birthDate: '1982-12-12' }]);
    expect(a[0]!.outcome).toBe('not_found');
    expect(b[0]).toMatchObject({ outcome: 'duplicate_in_list', duplicateOfRow: 1 });
    expect(linker.stats.rows).toBe(2);
  });
});

describe('the explanation of a score', () => {
  it('lists each compared field with its level and weight, and the weights add up to the score', async () => {
    const link = await linkOne({ fullName: 'Giàng A Pao', birthDate: '25/03/1990', sex: 'Nữ', unitCode: '03388' });
    const fields = Object.fromEntries(link.explanation.map((e) => [e.field, e]));
    expect(fields.name?.level).toBe('folded');
    expect(fields.birthDate?.level).toBe('exact');
    expect(fields.sex).toMatchObject({ level: 'disagree' });
    expect(fields.sex!.weight).toBeLessThan(0);
    expect(fields.household).toBeUndefined();
    const sum = link.explanation.reduce((s, e) => s + e.weight, 0);
    expect(sum).toBeCloseTo(link.score!, 1);
  });
});
