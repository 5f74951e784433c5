import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import { makeHousehold, makePerson } from '../../../test/factories';
import { openDatabase, type Database } from '../platform/db';
import { copyRegistryBatch } from '../modules/population';

/** `dvc06 import` then `dvc06 link` on PostgreSQL (a fresh test database) when DATABASE_URL is set, else on a fresh embedded directory. */
const BIN = `${process.cwd()}/bin/dvc06.js`;
const dir = mkdtempSync(join(tmpdir(), 'dvc06-cli-link-'));
let database: TestDatabase | undefined;
let env: Record<string, string>;

const cli = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 120_000 });

const registry = makeHousehold('03388', [
  makePerson({
    nationalId: '012090000001',
    idCardNumber: null,
    fullName: 'Giàng A Páo',
    birthDate: '1990-03-25',
    birthYear: 1990,
    sex: 'male',
  }),
  makePerson({
    nationalId: '012195000002',
    idCardNumber: null,
    fullName: 'Lý Thị Mỹ',
    birthDate: '1995-05-03',
    birthYear: 1995,
  }),
]);

beforeAll(async () => {
  const base = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'never',
  };
  if (process.env.DATABASE_URL) {
    database = await createTestDatabase();
    env = { ...base, DATABASE_URL: database.url! };
    await copyRegistryBatch(database, registry);
  } else {
    env = { ...base, DATA_DIR: join(dir, 'data') };
    // A first command creates and migrates the embedded directory; the registry is then loaded into it.
    expect(cli('link', '00000000-0000-4000-8000-000000000000', '--out', join(dir, 'none.csv')).status).toBe(1);
    const embedded: Database = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'data', 'pglite') });
    try {
      await copyRegistryBatch(embedded, registry);
    } finally {
      await embedded.close();
    }
  }
}, 120_000);
afterAll(async () => {
  await database?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('dvc06 link', () => {
  it('links an imported batch and writes one line per source row, error rows as invalid', () => {
    const list = join(dir, 'bhyt.csv');
    writeFileSync(
      list,
      [
        'STT;Mã thẻ BHYT;Họ và tên;Ngày sinh;Giới tính;Số CCCD',
        '1;HS1;GIANG A PAO;25/03/1990;Nam;012090000001',
        '2;HS2;Lò Văn Không;31/02/1990;Nam;',
        '3;HS3;Lý Thị Mỹ;03/05/1995;Nữ;012090000001',
        '4;HS4;Tẩn Láo Sài;01/01/1970;Nam;',
        '5;HS5;Lý Thị Mỹ;03/05/1995;Nam;',
      ].join('\n'),
    );
    const imported = cli('import', 'health-insurance', list, '--unit', '03388');
    expect(imported.status, imported.stderr).toBe(0);
    const id = /batch ([0-9a-f-]{36})/.exec(imported.stdout)![1]!;
    const outFile = join(dir, 'links.csv');
    const linked = cli('link', id, '--out', outFile);
    expect(linked.status, linked.stderr).toBe(0);
    expect(linked.stdout).toContain('linked 4, invalid 1');
    expect(linked.stdout).toContain('wrote 5 rows');
    const lines = readFileSync(outFile, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('row,outcome,national_id,score,disagreements');
    const cells = lines.slice(1).map((l) => l.split(','));
    expect(cells.map((c) => c.length)).toEqual([5, 5, 5, 5, 5]);
    expect(cells.map((c) => [c[0], c[1], c[2]])).toEqual([
      ['1', 'matched', '012090000001'],
      ['2', 'invalid', ''],
      // Páo's number on Mỹ's row: the number written is the person the row really is.
      ['3', 'id_belongs_to_someone_else', '012195000002'],
      ['4', 'not_found', ''],
      ['5', 'duplicate_in_list', '012195000002'],
    ]);
    expect(Number(cells[0]![3])).toBeGreaterThan(0);
    expect(cells[1]![3]).toBe('');
    expect(cells[4]![4]).toBe('sex');
  }, 120_000);

  it('refuses an unknown batch and a bad id with a bilingual message and exit 1', () => {
    const unknown = cli('link', '00000000-0000-4000-8000-000000000000', '--out', join(dir, 'x.csv'));
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('SECTOR.BATCH_NOT_FOUND');
    expect(unknown.stderr).toContain('Import batch not found');
    expect(cli('link', 'abc', '--out', join(dir, 'x.csv')).stderr).toContain('SECTOR.BATCH_NOT_FOUND');
  }, 120_000);
});
