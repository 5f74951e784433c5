import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import type { ZipProblem } from '../../../platform/tabular-import';

/** Most entries an XLSX file may hold (a one-sheet workbook has about ten). */
export const MAX_ZIP_ENTRIES = 1000;

/**
 * Checks the ZIP container of an XLSX file on disk before exceljs opens it, in bounded memory:
 * reads the central directory, then inflates every entry as a stream, counting its output and
 * stopping as soon as the total passes `maxUncompressed` — so a "zip bomb" that lies about its
 * sizes is refused after at most that many bytes were produced (and thrown away), never held.
 * The platform's `checkZipContainer` does the same on bytes in memory, for small uploads.
 */
export async function checkZipFile(path: string, maxUncompressed: number): Promise<ZipProblem | null> {
  const handle = await open(path, 'r');
  let entries: Array<{ method: number; compressedSize: number; localOffset: number }>;
  let size: number;
  try {
    size = (await handle.stat()).size;
    const tailLength = Math.min(size, 0xffff + 22);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--)
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    if (eocd < 0) return 'not_zip';
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) return 'zip64';
    if (count > MAX_ZIP_ENTRIES) return 'too_many_entries';
    if (cdOffset + cdSize > size) return 'corrupt';
    const cd = Buffer.alloc(cdSize);
    await handle.read(cd, 0, cdSize, cdOffset);
    entries = [];
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > cd.length || cd.readUInt32LE(at) !== 0x02014b50) return 'corrupt';
      const entry = {
        method: cd.readUInt16LE(at + 10),
        compressedSize: cd.readUInt32LE(at + 20),
        localOffset: cd.readUInt32LE(at + 42),
      };
      if (entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) return 'zip64';
      if (entry.method !== 0 && entry.method !== 8) return 'unsupported_compression';
      entries.push(entry);
      at += 46 + cd.readUInt16LE(at + 28) + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32);
    }
    for (const e of entries) {
      const local = Buffer.alloc(30);
      await handle.read(local, 0, 30, e.localOffset);
      if (local.readUInt32LE(0) !== 0x04034b50) return 'corrupt';
      e.localOffset += 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (e.localOffset + e.compressedSize > size) return 'corrupt';
    }
  } finally {
    await handle.close();
  }
  let budget = maxUncompressed;
  for (const e of entries) {
    if (e.compressedSize === 0) continue;
    const used = e.method === 0 ? e.compressedSize : await inflatedSize(path, e.localOffset, e.compressedSize, budget);
    if (typeof used === 'string') return used;
    if (used > budget) return 'too_large';
    budget -= used;
  }
  return null;
}

/** Bytes one deflated entry inflates to, stopping past `budget` ('too_large'). */
function inflatedSize(path: string, start: number, length: number, budget: number): Promise<number | ZipProblem> {
  return new Promise((resolve) => {
    const input = createReadStream(path, { start, end: start + length - 1 });
    const inflate = createInflateRaw();
    let produced = 0;
    let settled = false;
    const settle = (value: number | ZipProblem) => {
      if (settled) return;
      settled = true;
      input.destroy();
      inflate.destroy();
      resolve(value);
    };
    inflate.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > budget) settle('too_large');
    });
    inflate.on('end', () => settle(produced));
    inflate.on('error', () => settle('corrupt'));
    input.on('error', () => settle('corrupt'));
    input.pipe(inflate);
  });
}
