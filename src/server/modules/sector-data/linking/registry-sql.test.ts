import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../../test/db';
import { makeHousehold, makePerson } from '../../../../../test/factories';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/db';
import { copyRegistryBatch } from '../../population';
import { linkList } from './link';
import { refreshNameKeys } from './name-keys';
import { inMemoryRegistry } from './registry-memory';
import { sqlRegistry } from './registry-sql';
import type { BlockingKey, ListRow, RegistryView } from './types';

let database: TestDatabase;

const pao = makePerson({
  nationalId: '012090000001',
  idCardNumber: null,
  fullName: 'Giàng A Páo',
  birthDate: '1990-03-25',
  birthYear: 1990,
  sex: 'male',
  legacyId: '045000001',
});
const my = makePerson({
  nationalId: '012195000002',
  idCardNumber: null,
  fullName: 'Lý Thị Mỹ',
  birthDate: '1995-05-03',
  birthYear: 1995,
});
const old = makePerson({
  nationalId: '012050000005',
  idCardNumber: null,
  fullName: 'Sùng A Sử',
  birthDate: null,
  birthYear: 1950,
  sex: 'male',
});

beforeAll(async () => {
  database = await createTestDatabase();
  await copyRegistryBatch(database, makeHousehold('03388', [pao, my]));
  await copyRegistryBatch(database, makeHousehold('03424', [old]));
  expect(await refreshNameKeys(database.db)).toEqual({ written: 3, dropped: 0 });
});
afterAll(async () => database?.dispose());

const rows: ListRow[] = [
  { row: 1, fullName: 'GIANG A PAO', birthDate: '25/03/1990', sex: 'Nam', idNumber: '012090000001', unitCode: '03388' },
  {
    row: 2,
    fullName: 'Lí Thị Mĩ',
    birthDate: '03/05/1995',
    sex: 'Nữ',
    unitCode: '03388',
    householdHead: 'Giàng A Páo',
  },
  { row: 3, fullName: 'Xùng A Sử', birthDate: '1950', sex: 'Nam', unitCode: '03424' },
  { row: 4, fullName: 'Giàng A Páo', birthDate: '1990', idNumber: '045000001' },
  { row: 5, fullName: 'Lý Thị Mỹ', birthDate: '03/05/1995', idNumber: '012090000001' },
  { row: 6, fullName: 'Tẩn Láo Sài', birthDate: '1/1/1970', sex: 'Nam', unitCode: '03388' },
];

async function outcomes(view: RegistryView) {
  const { links } = await linkList(rows, view, { referenceYear: 2026 });
  return links.map((l) => [l.row, l.outcome, l.personId ?? null, l.score ?? null]);
}

describe('the SQL registry view', () => {
  it('looks people up by ID number with the household head’s name', async () => {
    const [found] = await sqlRegistry(database.db).byNationalIds(['012195000002', '012000000000']);
    expect(found).toMatchObject({
      personId: my.id,
      fullName: 'Lý Thị Mỹ',
      birthDate: '1995-05-03',
      unitCode: '03388',
      householdHeadName: 'Giàng A Páo',
    });
  });

  it('leaves the household head out for a list that names none (the joins spared)', async () => {
    const [found] = await sqlRegistry(database.db, { householdHeads: false }).byNationalIds(['012195000002']);
    expect(found).toMatchObject({ personId: my.id, householdHeadName: null });
  });

  it('answers year + given name + commune keys, several a commune and year, i/y alike', async () => {
    const keys: BlockingKey[] = [
      { kind: 'year_given_unit', birthYear: 1995, given: 'mi', unitCode: '03388' },
      { kind: 'year_given_unit', birthYear: 1995, given: 'pao', unitCode: '03388' },
      { kind: 'year_given_unit', birthYear: 1990, given: 'pao', unitCode: '03388' },
      { kind: 'year_given_unit', birthYear: 1990, given: 'pao', unitCode: '03424' },
    ];
    const found = await sqlRegistry(database.db).byBlockingKeys(keys);
    expect([...found].map(([id, people]) => [id, people.map((p) => p.personId)])).toEqual([
      ['g|1995|mi|03388', [my.id]],
      ['g|1995|pao|03388', []],
      ['g|1990|pao|03388', [pao.id]],
      ['g|1990|pao|03424', []],
    ]);
  });

  it('answers the blocking keys as the in-memory view does (i/y in the given name, year only, phonetic, CMND)', async () => {
    const view = sqlRegistry(database.db);
    const memory = inMemoryRegistry([...(await view.byNationalIds(['012090000001', '012195000002', '012050000005']))]);
    const viaSql = await outcomes(view);
    expect(viaSql).toEqual(await outcomes(memory));
    expect(viaSql.map((o) => [o[1], o[2]])).toEqual([
      ['matched', pao.id],
      ['matched', my.id],
      ['probable', old.id],
      ['duplicate_in_list', pao.id],
      ['id_belongs_to_someone_else', my.id],
      ['not_found', null],
    ]);
  });
});

describe('the phonetic keys of the registry', () => {
  const keysOf = async () =>
    queryRows<{ person_id: string; phonetic: string; birth_year: number }>(
      database.db,
      sql`select person_id, phonetic, birth_year from sector_data.registry_name_keys order by phonetic`,
    );

  it('keys each person by family and given name, spelling variants merged, and changes nothing when nothing changed', async () => {
    expect((await keysOf()).find((k) => k.person_id === old.id)).toMatchObject({
      phonetic: 'Sun Su', // Sùng and Xùng alike
      birth_year: 1950,
    });
    expect(await refreshNameKeys(database.db)).toEqual({ written: 0, dropped: 0 });
  });

  it('keys a renamed person again and drops the key of a person no longer in the registry', async () => {
    const extra = makePerson({
      nationalId: '012080000009',
      fullName: 'Lò Văn Minh',
      birthYear: 1980,
      birthDate: '1980-02-02',
    });
    await copyRegistryBatch(database, makeHousehold('03424', [extra]));
    expect(await refreshNameKeys(database.db)).toEqual({ written: 1, dropped: 0 });
    await database.db.execute(
      sql`update population.persons set full_name = 'Lò Văn Mình', name_key = 'lo van minh x' where id = ${extra.id}`,
    );
    expect(await refreshNameKeys(database.db)).toEqual({ written: 1, dropped: 1 });
    await database.db.execute(sql`delete from population.persons where id = ${extra.id}`);
    expect(await refreshNameKeys(database.db)).toEqual({ written: 0, dropped: 1 });
    expect((await keysOf()).map((k) => k.person_id).sort()).toEqual([pao.id, my.id, old.id].sort());
  });
});
