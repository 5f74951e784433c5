/**
 * Vietnamese text typed with the pre-Unicode font encodings (DOMAIN.md §9) that old spreadsheets
 * still hold. Saved as "CSV UTF-8" or kept in an XLSX, such text is valid Unicode but wrong:
 * "Hµ Néi" is TCVN3 (ABC, .VnTime fonts) for "Hà Nội", "Haø Noäi" is VNI (VNI-Times) for it.
 * Stored as it is, a name never matches the registry; so a cell is checked for the marks of each
 * encoding, and a file holding them is refused with a message saying how to convert it.
 */
export type TextEncodingSign = 'unicode' | 'tcvn3' | 'vni';

/** Latin-1 characters that TCVN3 uses for Vietnamese letters and that Vietnamese Unicode text never holds. */
const TCVN3_MARKS = /[a-zA-Z][µ¸¶·¹¨©ª«¬®§¾»¼½ÆÇËÏ×Þßæçîþ¡¢£¤¥¦Ø]|[µ¸¶·¹¨©ª«¬®§¾»¼½ÆÇËÏ×Þßæçîþ¡¢£¤¥¦Ø][a-zA-Z]/;
/** VNI: a base letter then a Latin-1 character carrying the tone or the hat; ñ/Ñ for đ/Đ. */
const VNI_MARKS = /[a-zA-Z][øïûäåëöÿØÏÛÄÅËÖ]|[aeoAEO][âêÂÊ]|[ñÑ][a-zA-Z]/;
/** Letters only Vietnamese Unicode text has (precomposed tone letters U+1EA0–U+1EF9, ă đ ơ ư) or combining tones. */
const UNICODE_VIETNAMESE = /[\u1EA0-\u1EF9ăĂđĐơƠưƯ]|[a-zA-Z][\u0300\u0301\u0303\u0309\u0323]/;

/** Which encoding a cell's text shows the marks of, or null when it shows none (plain ASCII, numbers). */
export function encodingSign(text: string): TextEncodingSign | null {
  if (UNICODE_VIETNAMESE.test(text)) return 'unicode';
  if (TCVN3_MARKS.test(text)) return 'tcvn3';
  if (VNI_MARKS.test(text)) return 'vni';
  return null;
}

/** Watches the cells of a file; tells when legacy text appears, or Unicode and legacy text are mixed. */
export class EncodingWatch {
  private firstUnicodeLine: number | undefined;
  private firstLegacy: { line: number; sign: 'tcvn3' | 'vni' } | undefined;

  /** Looks at one row's cells; returns the problem the file now has, if any. */
  check(line: number, cells: readonly string[]): EncodingProblem | null {
    for (const cell of cells) {
      const sign = encodingSign(cell);
      if (sign === 'unicode') this.firstUnicodeLine ??= line;
      else if (sign) this.firstLegacy ??= { line, sign };
    }
    if (!this.firstLegacy) return null;
    return this.firstUnicodeLine !== undefined
      ? {
          kind: 'mixed',
          unicodeLine: this.firstUnicodeLine,
          legacyLine: this.firstLegacy.line,
          sign: this.firstLegacy.sign,
        }
      : { kind: 'legacy', legacyLine: this.firstLegacy.line, sign: this.firstLegacy.sign };
  }
}

export type EncodingProblem =
  | { kind: 'legacy'; legacyLine: number; sign: 'tcvn3' | 'vni' }
  | { kind: 'mixed'; unicodeLine: number; legacyLine: number; sign: 'tcvn3' | 'vni' };

const NAMES = { tcvn3: 'TCVN3 (ABC, phông .VnTime)', vni: 'VNI (phông VNI-Times)' } as const;
const CONVERT_VI =
  'Hãy chuyển sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã, từ TCVN3 hoặc VNI sang Unicode) rồi lưu dạng "CSV UTF-8" hoặc Excel (.xlsx).';
const CONVERT_EN =
  'Convert it to Unicode (e.g. with Unikey’s converter, from TCVN3 or VNI to Unicode), then save it as "CSV UTF-8" or Excel (.xlsx).';

/** The bilingual message of an encoding problem. */
export function encodingMessage(problem: EncodingProblem): { vi: string; en: string } {
  const name = NAMES[problem.sign];
  if (problem.kind === 'legacy')
    return {
      vi: `Tệp được gõ bằng bảng mã cũ ${name}, không phải Unicode (dòng ${problem.legacyLine}). ${CONVERT_VI}`,
      en: `The file was typed in the legacy ${name} encoding, not Unicode (line ${problem.legacyLine}). ${CONVERT_EN}`,
    };
  return {
    vi: `Tệp lẫn hai bảng mã: Unicode (dòng ${problem.unicodeLine}) và ${name} (dòng ${problem.legacyLine}). ${CONVERT_VI}`,
    en: `The file mixes two encodings: Unicode (line ${problem.unicodeLine}) and ${name} (line ${problem.legacyLine}). ${CONVERT_EN}`,
  };
}
