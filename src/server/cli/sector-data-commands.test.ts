import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db';

/** `dvc06 import` on PostgreSQL (a fresh test database) when DATABASE_URL is set, else on a fresh embedded directory. */
const BIN = `${process.cwd()}/bin/dvc06.js`;
const dir = mkdtempSync(join(tmpdir(), 'dvc06-cli-import-'));
let database: TestDatabase | undefined;
let env: Record<string, string>;

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
  } else env = { ...base, DATA_DIR: join(dir, 'data') };
}, 60_000);
afterAll(async () => {
  await database?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 120_000 });

describe('dvc06 import', () => {
  const file = join(dir, 'bhyt.csv');
  writeFileSync(file, 'STT,Mã thẻ BHYT,Họ và tên,Ngày sinh\n1,HS1,Lò Văn A,1990\n2,,Lò Văn B,1991\n');

  it('imports a list, printing the batch id and the counts; the same file again creates nothing', () => {
    const first = cli('import', 'health-insurance', file, '--unit', '03388');
    expect(first.status, first.stderr).toBe(0);
    const id = /batch ([0-9a-f-]{36})/.exec(first.stdout)?.[1];
    expect(id).toBeTruthy();
    expect(first.stdout).toContain('rows 2, valid 1, errors 1');
    const again = cli('import', 'health-insurance', file, '--unit', '03388');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(`batch ${id}`);
    expect(again.stdout).toContain('nothing new created');
  }, 120_000);

  it('refuses a bad file, an unknown type and an unknown unit with a bilingual message and exit 1', () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const bad = cli('import', 'health-insurance', empty, '--unit', '03388');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('SECTOR.FILE_INVALID: Tệp rỗng');
    expect(bad.stderr).toContain('The file is empty');
    expect(cli('import', 'nope', file).stderr).toContain('SECTOR.TYPE_INVALID');
    expect(cli('import', 'health-insurance', file, '--unit', '99999').stderr).toContain('SECTOR.UNIT_INVALID');
  }, 120_000);
});
