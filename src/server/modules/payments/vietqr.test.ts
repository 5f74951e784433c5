import { describe, expect, it } from 'vitest';
import { crc16CcittFalse, decodeVietqr, parseTlv, tlv, vietqrPayload } from './vietqr';

describe('CRC-16/CCITT-FALSE', () => {
  it.each([
    ['123456789', 0x29b1],
    ['', 0xffff],
    ['A', 0xb915],
  ])('gives the catalogued check value for %j', (text, crc) => {
    expect(crc16CcittFalse(text)).toBe(crc);
  });
});

describe('VietQR payload', () => {
  const input = { bankBin: '970436', accountNo: '0000012345678', amount: 15_000, purpose: 'DVCABC123XYZ789' };

  it('writes the NAPAS fields in order with a dynamic point of initiation', () => {
    const payload = vietqrPayload(input);
    expect(payload.startsWith('000201010212')).toBe(true);
    expect(payload).toContain('38570010A00000072701270006970436011300000123456780208QRIBFTTA');
    expect(payload).toContain('5303704540515000');
    expect(payload).toContain('5802VN62190815DVCABC123XYZ789');
    expect(payload).toMatch(/6304[0-9A-F]{4}$/);
  });

  it('ends with the CRC of everything before it, including "6304"', () => {
    const payload = vietqrPayload(input);
    expect(payload.slice(-4)).toBe(crc16CcittFalse(payload.slice(0, -4)).toString(16).toUpperCase().padStart(4, '0'));
  });

  it('decodes back to the same account, amount and reference', () => {
    const decoded = decodeVietqr(vietqrPayload(input));
    expect(decoded).toEqual({
      pointOfInitiation: '12',
      guid: 'A000000727',
      bankBin: '970436',
      accountNo: '0000012345678',
      service: 'QRIBFTTA',
      currency: '704',
      amount: 15_000,
      country: 'VN',
      purpose: 'DVCABC123XYZ789',
      crcValid: true,
    });
  });

  it('detects a payload altered after signing (CRC mismatch)', () => {
    const payload = vietqrPayload(input).replace('540515000', '540519000');
    expect(decodeVietqr(payload).crcValid).toBe(false);
  });

  it.each([
    [{ bankBin: '97043' }, 'bankBin'],
    [{ accountNo: '000-123' }, 'accountNo'],
    [{ amount: 0 }, 'amount'],
    [{ amount: 1.5 }, 'amount'],
    [{ purpose: "DVC'; drop table x" }, 'purpose'],
    [{ purpose: 'A'.repeat(26) }, 'purpose'],
  ])('refuses %j', (change, field) => {
    expect(() => vietqrPayload({ ...input, ...change })).toThrow(field);
  });

  it('refuses a TLV value over 99 characters and reads malformed TLV as an error', () => {
    expect(() => tlv('62', 'x'.repeat(100))).toThrow();
    expect(() => parseTlv('000201000501')).toThrow('truncated');
    expect(() => parseTlv('0A0201')).toThrow('malformed');
  });
});
