import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../../test/db';
import { holdings, refusal, tempFiles, zipOf } from '../test-support';
import { DEFAULT_IMPORT_LIMITS, prepareImport, runImport, type ImportLimits } from './run-import';
import { encodingSign } from './legacy-encoding';

let database: TestDatabase;
const files = tempFiles();

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
  files.cleanup();
});

const HEADER = 'STT,Mã thẻ BHYT,Họ và tên,Ngày sinh,Giới tính';

/** Imports a file and returns the refusal; asserts nothing was kept. */
async function refused(name: string, data: string | Uint8Array, limits: ImportLimits = DEFAULT_IMPORT_LIMITS) {
  const path = files.write(name, data);
  const request = { datasetType: 'health-insurance', unitCode: '03388', fileName: name, path, createdBy: 'test' };
  const error = await refusal(async () =>
    runImport(database, await prepareImport(database, request, limits), { limits }),
  );
  expect(await holdings(database)).toEqual({ committed: 0, importing: 0, rows: 0 });
  expect(error.messageVi).not.toBe(error.messageEn);
  expect(error.fields?.[0]?.field).toBeTruthy();
  return error;
}

describe('bad input: clear bilingual refusals, no crash, nothing committed', () => {
  it('refuses an empty file', async () => {
    const error = await refused('empty.csv', '');
    expect(error.code).toBe('SECTOR.FILE_INVALID');
    expect(error.messageVi).toContain('Tệp rỗng');
    expect(error.messageEn).toContain('empty');
  });

  it('refuses a file of the wrong type (an old .xls, UTF-16 text, an image)', async () => {
    expect(
      (await refused('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).messageEn,
    ).toContain('.xls');
    expect((await refused('u16.csv', Buffer.from('\uFEFFSTT', 'utf16le'))).messageEn).toContain('UTF-16');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200)]);
    expect((await refused('photo.csv', png)).code).toBe('SECTOR.FILE_INVALID');
  });

  it('refuses a header-only file', async () => {
    const error = await refused('header.csv', `${HEADER}\n,,,,\n`);
    expect(error.messageVi).toContain('chỉ có dòng tiêu đề');
    expect(error.messageEn).toContain('no data rows');
  });

  it('refuses 100 MB of garbage', async () => {
    const garbage = Buffer.allocUnsafe(100 * 1024 * 1024);
    for (let at = 0; at < garbage.length; at += 1024 * 1024) randomBytes(1024 * 1024).copy(garbage, at);
    const error = await refused('garbage.csv', garbage);
    expect(error.code).toBe('SECTOR.FILE_INVALID');
    expect(error.messageEn).toContain('binary data');
    // Random bytes may begin with a valid UTF-8 letter: still binary data, not "mixed encodings".
    const afterALetter = Buffer.concat([Buffer.from('STT,Họ và tên\n'), randomBytes(64 * 1024)]);
    expect((await refused('letter-then-garbage.csv', afterALetter)).messageEn).toContain('binary data');
  }, 60_000);

  it('refuses a zip bomb disguised as XLSX, by its unpacked size and by its number of entries', async () => {
    const limits = { ...DEFAULT_IMPORT_LIMITS, maxUnpackedBytes: 5 * 1024 * 1024 };
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect((await refused('bomb.xlsx', bomb, limits)).messageEn).toContain('too large once unpacked');
    const many = zipOf(Array.from({ length: 1001 }, (_, i) => ({ name: `x${i}.xml`, data: Buffer.from('a') })));
    expect((await refused('many.xlsx', many, limits)).messageEn).toContain('unusual structure');
    expect(
      (await refused('zip-garbage.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), randomBytes(500)]))).code,
    ).toBe('SECTOR.FILE_INVALID');
  });

  it('refuses duplicate columns, naming them', async () => {
    const error = await refused(
      'dup.csv',
      `STT,Mã thẻ BHYT,Họ và tên,Ngày sinh,Họ tên\n1,HS1,Lò Văn A,1990,Lò Văn A\n`,
    );
    expect(error.code).toBe('SECTOR.HEADER_INVALID');
    expect(error.messageVi).toContain('"Họ và tên" (3) và "Họ tên" (5)');
    expect(error.messageEn).toContain('Duplicate columns');
  });

  it('refuses a file missing a required column, listing the columns it has', async () => {
    const error = await refused('missing.csv', `STT,Họ và tên,Ngày sinh\n1,Lò Văn A,1990\n`);
    expect(error.messageVi).toContain('Mã thẻ BHYT');
    expect(error.messageEn).toContain('Card number');
  });

  it('refuses mixed encodings: UTF-8 text then bytes of a legacy code page', async () => {
    const utf8 = Buffer.from(`${HEADER}\n1,HS1,Lò Văn Thuỷ,1990,Nam\n`);
    const legacy = Buffer.from([
      0x32, 0x2c, 0x48, 0x53, 0x32, 0x2c, 0x48, 0xb5, 0x20, 0x4e, 0xe9, 0x69, 0x2c, 0x31, 0x39, 0x39, 0x30, 0x2c, 0x4e,
      0x61, 0x6d, 0x0a,
    ]);
    const error = await refused('mixed-bytes.csv', Buffer.concat([utf8, legacy]));
    expect(error.messageEn).toContain('mixes encodings');
    expect(error.messageEn).toContain('line 3');
  });

  it('refuses mixed encodings in valid UTF-8: Unicode names and TCVN3-typed names in one file', async () => {
    const error = await refused(
      'mixed-text.csv',
      `${HEADER}\n1,HS1,Lò Văn Thuỷ,1990,Nam\n2,HS2,NguyÔn V¨n Hïng,1991,Nam\n`,
    );
    expect(error.messageVi).toContain('lẫn hai bảng mã');
    expect(error.messageEn).toContain('TCVN3');
  });

  it('refuses a list typed in a legacy encoding, saying how to convert it', async () => {
    const error = await refused('vni.csv', `${HEADER}\n1,HS1,Nguyeãn Vaên Huøng,1990,Nam\n`);
    expect(error.messageEn).toContain('VNI');
    expect(error.messageVi).toContain('Unikey');
  });
});

describe('legacy text marks', () => {
  it.each([
    ['Lò Văn Thuỷ', 'unicode'],
    ['Hà Nội', 'unicode'],
    ['Hµ Néi', 'tcvn3'],
    ['NguyÔn V¨n Hïng', 'tcvn3'],
    ['Haø Noäi', 'vni'],
    ['Nguyeãn Vaên Huøng', 'vni'],
    ['Giang A Pao', null],
    ['Lò Thị Mai', 'unicode'],
    ['José', null],
  ])('reads %s as %s', (text, sign) => {
    expect(encodingSign(text)).toBe(sign);
  });
});
