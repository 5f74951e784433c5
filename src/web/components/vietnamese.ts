import { foldForSearch } from '../../shared/text';

/** Lower-case text without Vietnamese diacritics ("Đoàn Kết" → "doan ket"), for client-side filtering: the text kernel's search fold. */
export function foldVietnamese(text: string): string {
  return foldForSearch(text);
}
