import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db';
import { AppError } from '../../platform/errors';

/** A temporary directory for one test file's inputs, removed by `cleanup`. */
export function tempFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'dvc06-sector-'));
  return {
    dir,
    write(name: string, data: string | Uint8Array): string {
      const path = join(dir, name);
      writeFileSync(path, data);
      return path;
    },
    async xlsx(name: string, rows: unknown[][]): Promise<string> {
      const path = join(dir, name);
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Danh sách');
      for (const r of rows) sheet.addRow(r);
      await workbook.xlsx.writeFile(path);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A ZIP file (stored names, deflated data) from entries: the shape of an XLSX, for the zip-bomb tests. */
export function zipOf(entries: Array<{ name: string; data: Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = deflateRawSync(e.data);
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The AppError a piece of work throws (fails the test when it throws nothing or something else). */
export async function refusal(work: () => Promise<unknown>): Promise<AppError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/**
 * What the module holds, for "nothing committed" checks: committed batches, batches left importing,
 * and rows. (A file refused after its rows began to stream leaves a `failed` batch without rows.)
 */
export async function holdings(database: Database): Promise<{ committed: number; importing: number; rows: number }> {
  const [r] = await database.rows<{ committed: string | number; importing: string | number; rows: string | number }>(
    sql`select (select count(*) from sector_data.batches where state = 'committed') as committed,
               (select count(*) from sector_data.batches where state = 'importing') as importing,
               (select count(*) from sector_data.rows) as rows`,
  );
  return { committed: Number(r!.committed), importing: Number(r!.importing), rows: Number(r!.rows) };
}

/** A multipart/form-data body with one file in the part `file`, for `app.inject`. */
export function fileBody(
  data: string | Buffer,
  name = 'list.csv',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----dvc06sectordata';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    typeof data === 'string' ? Buffer.from(data) : data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
