import { inflateRawSync } from 'node:zlib';

/** Most entries an XLSX file may hold (a one-sheet workbook has about ten). */
const MAX_ENTRIES = 1000;

/** Why a ZIP container was refused. */
export type ZipProblem = 'not_zip' | 'zip64' | 'too_many_entries' | 'too_large' | 'unsupported_compression' | 'corrupt';

/**
 * Checks a ZIP container (XLSX) before a library unpacks it: walks the central directory and
 * inflates every entry with a hard output cap, so a "zip bomb" that lies about its sizes is
 * refused after at most `maxUncompressed` bytes instead of exhausting memory. Returns null when
 * the container is acceptable. Pure: no I/O. (ADR 0011.)
 */
export function checkZipContainer(bytes: Uint8Array, maxUncompressed: number): ZipProblem | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return 'not_zip';
  const entries = view.getUint16(eocd + 10, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || cdOffset === 0xffffffff) return 'zip64';
  if (entries > MAX_ENTRIES) return 'too_many_entries';
  let budget = maxUncompressed;
  let at = cdOffset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== 0x02014b50) return 'corrupt';
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) return 'zip64';
    const used = inflatedSize(bytes, view, localOffset, compressedSize, method, budget);
    if (typeof used === 'string') return used;
    budget -= used;
    at += 46 + nameLength + extraLength + commentLength;
  }
  return null;
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let i = last; i >= first; i--) if (view.getUint32(i, true) === 0x06054b50) return i;
  return -1;
}

/** Bytes an entry inflates to, refusing past `budget`. */
function inflatedSize(
  bytes: Uint8Array,
  view: DataView,
  localOffset: number,
  compressedSize: number,
  method: number,
  budget: number,
): number | ZipProblem {
  if (localOffset + 30 > view.byteLength || view.getUint32(localOffset, true) !== 0x04034b50) return 'corrupt';
  const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
  if (start + compressedSize > bytes.byteLength) return 'corrupt';
  const data = bytes.subarray(start, start + compressedSize);
  if (method === 0) return compressedSize <= budget ? compressedSize : 'too_large';
  if (method !== 8) return 'unsupported_compression';
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).byteLength;
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError
      ? 'too_large'
      : 'corrupt';
  }
}
