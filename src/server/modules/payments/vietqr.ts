/**
 * VietQR (NAPAS 247) payloads: the EMVCo merchant-presented QR code a Vietnamese banking app
 * scans to pre-fill a bank transfer, for citizens who pay from their banking app. Pure: no I/O.
 *
 * A payload is a list of TLV fields — two-digit ID, two-digit decimal length, value — ending with
 * field 63, a CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR) over
 * every preceding character including "6304", written as 4 upper-case hex digits.
 *
 *   00 "01"                         payload format indicator
 *   01 "12"                         point of initiation: dynamic (one transfer, with an amount)
 *   38 ┬ 00 "A000000727"            NAPAS VietQR GUID
 *      ├ 01 ┬ 00 <6-digit BIN>      acquirer (the bank holding the receiving account)
 *      │    └ 01 <account number>   beneficiary account
 *      └ 02 "QRIBFTTA"              service: inter-bank fund transfer 24/7 to an account
 *   53 "704" (VND)   54 <amount>    58 "VN"
 *   62 ─ 08 <purpose>               the transfer's description: our payment reference
 *   63 <CRC>
 */

export const VIETQR_GUID = 'A000000727';
export const VIETQR_SERVICE_TO_ACCOUNT = 'QRIBFTTA';

/** CRC-16/CCITT-FALSE of the UTF-8 bytes of `text` (check value of "123456789" is 0x29B1). */
export function crc16CcittFalse(text: string): number {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** One TLV field; throws when the value does not fit in two decimal digits of length. */
export function tlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new Error(`EMVCo field id must be two digits: ${id}`);
  if (value.length > 99) throw new Error(`EMVCo field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

export interface VietqrInput {
  /** 6-digit NAPAS BIN of the receiving bank. */
  bankBin: string;
  /** The receiving account number. */
  accountNo: string;
  /** Integer VND, > 0. */
  amount: number;
  /** Transfer description (field 62-08): upper-case letters and digits, at most 25 characters. */
  purpose: string;
}

/** Builds the VietQR payload with its CRC. Throws on input a bank app would refuse. */
export function vietqrPayload(input: VietqrInput): string {
  if (!/^\d{6}$/.test(input.bankBin)) throw new Error('bankBin must be 6 digits');
  if (!/^[0-9A-Za-z]{1,19}$/.test(input.accountNo)) throw new Error('accountNo must be 1-19 letters or digits');
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0 || String(input.amount).length > 13)
    throw new Error('amount must be a positive integer of at most 13 digits');
  if (!/^[0-9A-Z]{1,25}$/.test(input.purpose)) throw new Error('purpose must be 1-25 upper-case letters or digits');
  const beneficiary = tlv('00', input.bankBin) + tlv('01', input.accountNo);
  const merchant = tlv('00', VIETQR_GUID) + tlv('01', beneficiary) + tlv('02', VIETQR_SERVICE_TO_ACCOUNT);
  const body =
    tlv('00', '01') +
    tlv('01', '12') +
    tlv('38', merchant) +
    tlv('53', '704') +
    tlv('54', String(input.amount)) +
    tlv('58', 'VN') +
    tlv('62', tlv('08', input.purpose)) +
    '6304';
  return body + crc16CcittFalse(body).toString(16).toUpperCase().padStart(4, '0');
}

/** TLV fields of one level, in order; throws on a truncated or malformed field. */
export function parseTlv(text: string): Array<{ id: string; value: string }> {
  const fields: Array<{ id: string; value: string }> = [];
  for (let at = 0; at < text.length;) {
    const head = text.slice(at, at + 4);
    if (!/^\d{4}$/.test(head)) throw new Error(`malformed EMVCo field at ${at}`);
    const length = Number(head.slice(2));
    const value = text.slice(at + 4, at + 4 + length);
    if (value.length !== length) throw new Error(`truncated EMVCo field ${head.slice(0, 2)} at ${at}`);
    fields.push({ id: head.slice(0, 2), value });
    at += 4 + length;
  }
  return fields;
}

export interface DecodedVietqr {
  pointOfInitiation: string;
  guid: string;
  bankBin: string;
  accountNo: string;
  service: string;
  currency: string;
  amount: number | null;
  country: string;
  purpose: string | null;
  crcValid: boolean;
}

/** Reads a VietQR payload back (what a bank app does): fields and whether its CRC is right. */
export function decodeVietqr(payload: string): DecodedVietqr {
  const top = new Map(parseTlv(payload).map((f) => [f.id, f.value]));
  const crc = top.get('63') ?? '';
  const crcValid =
    payload.endsWith(`6304${crc}`) &&
    crc === crc16CcittFalse(payload.slice(0, -4)).toString(16).toUpperCase().padStart(4, '0');
  const merchant = new Map(parseTlv(top.get('38') ?? '').map((f) => [f.id, f.value]));
  const beneficiary = new Map(parseTlv(merchant.get('01') ?? '').map((f) => [f.id, f.value]));
  const additional = new Map(parseTlv(top.get('62') ?? '').map((f) => [f.id, f.value]));
  const amount = top.get('54');
  return {
    pointOfInitiation: top.get('01') ?? '',
    guid: merchant.get('00') ?? '',
    bankBin: beneficiary.get('00') ?? '',
    accountNo: beneficiary.get('01') ?? '',
    service: merchant.get('02') ?? '',
    currency: top.get('53') ?? '',
    amount: amount === undefined ? null : Number(amount),
    country: top.get('58') ?? '',
    purpose: additional.get('08') ?? null,
    crcValid,
  };
}
