import { AppError } from '../errors';

/** The formats the kit reads. */
export type TableFormat = 'csv' | 'xlsx';

/** What the caller names its refusals with: its own error code, and how to save a readable file. */
export interface RefusalContext {
  /** The caller's code for an unreadable file, e.g. `CASHLESS.FILE_INVALID` (a `_INVALID` code: HTTP 400). */
  errorCode: string;
  formats: readonly TableFormat[];
}

/** The advice that ends every refusal, naming the formats the caller accepts. */
function saveAs(formats: readonly TableFormat[]): { vi: string; en: string } {
  return formats.includes('xlsx')
    ? {
        vi: 'Hãy lưu tệp dạng "CSV UTF-8 (Comma delimited)" hoặc Excel (.xlsx) rồi tải lên lại.',
        en: 'Save the file as "CSV UTF-8 (Comma delimited)" or Excel (.xlsx) and upload it again.',
      }
    : { vi: 'Hãy lưu tệp dạng "CSV UTF-8" rồi tải lên lại.', en: 'Save the file as "CSV UTF-8" and upload it again.' };
}

/**
 * The file as a whole cannot be read: an AppError with the caller's code, the message in
 * Vietnamese and English, and one field problem naming `field` ('file' unless a header or line).
 */
export function refuseFile(
  context: RefusalContext,
  vi: string,
  en: string,
  options: { advice?: boolean; field?: string } = {},
): AppError {
  const advice = options.advice === false ? { vi: '', en: '' } : saveAs(context.formats);
  const messageVi = advice.vi ? `${vi}. ${advice.vi}` : vi;
  const messageEn = advice.en ? `${en}. ${advice.en}` : en;
  const field = options.field ?? 'file';
  return new AppError(context.errorCode, messageVi, messageEn, [
    { field, code: context.errorCode, messageVi, messageEn },
  ]);
}
