import { describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { AppError, statusForCode } from '../../platform/errors';
import { checkFiles, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from './attachments';

/**
 * Decompression bombs: an image's header declares its size, and a small file can declare
 * 100000×100000 pixels (40 GB once decoded in an officer's browser). Refused by reading the header.
 */
const chunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
};

/** A PNG whose header declares width × height (the pixel data is one empty compressed block). */
function png(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A baseline JPEG whose frame header (SOF0) declares width × height. */
function jpeg(width: number, height: number): Buffer {
  const app0 = Buffer.from([
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  ]);
  const sof = Buffer.from([
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x03,
    0x01,
    0x22,
    0x00,
    0x02,
    0x11,
    0x01,
    0x03,
    0x11,
    0x01,
  ]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

const DOCUMENTS = ['portrait'];
const file = (data: Buffer, fileName = 'anh.png') => ({ field: 'file:portrait', fileName, data });

async function refusal(data: Buffer, fileName?: string): Promise<AppError> {
  const error = await checkFiles([file(data, fileName)], DOCUMENTS).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('images declaring too many pixels (decompression bombs)', () => {
  it('refuses a PNG declaring 100000×100000 pixels with a bilingual 400 naming the field', async () => {
    const e = await refusal(png(100_000, 100_000));
    expect(statusForCode(e.code)).toBe(400);
    expect(e.fields?.[0]?.field).toBe('file:portrait');
    expect(e.messageVi).toContain('100000×100000');
    expect(e.messageEn).toContain('100000×100000');
  });

  it('refuses a JPEG declaring 65000×65000 pixels', async () => {
    const e = await refusal(jpeg(65_000, 65_000), 'anh.jpg');
    expect(e.fields?.[0]?.field).toBe('file:portrait');
  });

  it('refuses one side over the limit, and an area over the limit with both sides within it', async () => {
    await refusal(png(MAX_IMAGE_SIDE + 1, 10));
    const side = Math.ceil(Math.sqrt(MAX_IMAGE_PIXELS)) + 1;
    expect(side).toBeLessThanOrEqual(MAX_IMAGE_SIDE);
    await refusal(png(side, side));
  });

  it('refuses an image whose header cannot be read (400, not 500), even cut from a larger buffer', async () => {
    const e = await refusal(png(100, 100).subarray(0, 20));
    expect(statusForCode(e.code)).toBe(400);
  });

  it('accepts the photos and scans of real documents', async () => {
    const checked = await checkFiles(
      [file(png(4000, 3000)), { ...file(jpeg(6000, 8000), 'scan.jpg'), field: 'file:portrait' }],
      DOCUMENTS,
    );
    expect(checked.map((c) => c.mediaType)).toEqual(['image/png', 'image/jpeg']);
  });
});
