/**
 * An amount of money in Vietnamese words, as written on receipts ("Số tiền bằng chữ"):
 * 15000 → "Mười lăm nghìn đồng". Pure.
 *
 * Rules of the written language: "mười" for a ten of 1; "lăm" for a unit 5 after a non-zero ten;
 * "mốt" for a unit 1 after a ten of 2 or more; "linh" for a zero ten before a non-zero unit
 * ("một trăm linh năm"); a group of three digits after a higher non-zero group is read in full
 * ("một nghìn không trăm linh năm"); empty groups are skipped ("một triệu đồng"); scales nghìn,
 * triệu, tỷ, then nghìn tỷ, triệu tỷ.
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const SCALES = ['', 'nghìn', 'triệu'] as const;

/** A group of three digits (0–999); `full` reads the hundreds even when zero. */
function group(n: number, full: boolean): string {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(DIGITS[hundreds]!, 'trăm');
  if (tens === 0) {
    if (units > 0 && words.length) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(DIGITS[tens]!, 'mươi');
  }
  if (units > 0) {
    if (units === 5 && tens > 0) words.push('lăm');
    else if (units === 1 && tens > 1) words.push('mốt');
    else words.push(DIGITS[units]!);
  }
  return words.join(' ');
}

/** Words of a number below one billion (tỷ); `full` when a higher part was read before. */
function belowBillion(n: number, full: boolean): string {
  const parts: string[] = [];
  const groups = [Math.floor(n / 1_000_000), Math.floor((n % 1_000_000) / 1000), n % 1000];
  let started = full;
  groups.forEach((g, i) => {
    if (g === 0) return;
    const scale = SCALES[2 - i]!;
    parts.push([group(g, started), scale].filter(Boolean).join(' '));
    started = true;
  });
  return parts.join(' ');
}

/** Words of a non-negative integer (no capital, no currency). */
export function integerToVietnamese(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error('a non-negative safe integer is required');
  if (n === 0) return DIGITS[0];
  const billions = Math.floor(n / 1_000_000_000);
  const rest = n % 1_000_000_000;
  const head = billions > 0 ? `${integerToVietnamese(billions)} tỷ` : '';
  const tail = rest > 0 ? belowBillion(rest, billions > 0) : '';
  return [head, tail].filter(Boolean).join(' ');
}

/** An amount in VND in words, capitalised, ending with "đồng": 15000 → "Mười lăm nghìn đồng". */
export function vndInWords(amount: number): string {
  const words = integerToVietnamese(amount);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} đồng`;
}
