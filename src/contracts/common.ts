import { z } from 'zod';
import { bilingual } from './messages';

/** Is `s` (YYYY-MM-DD) a real calendar date? Rejects 2025-02-30. */
export function isRealIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** A calendar date as YYYY-MM-DD that really exists. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, bilingual('Ngày phải có dạng YYYY-MM-DD', 'Date must be YYYY-MM-DD'))
  .refine(isRealIsoDate, bilingual('Ngày không tồn tại trong lịch', 'This date does not exist in the calendar'));
export type IsoDate = z.infer<typeof IsoDate>;

/** A 2- to 5-digit administrative unit code (province 2, district 3, commune 5 digits). */
export const UnitCode = z
  .string()
  .regex(/^\d{2,5}$/, bilingual('Mã đơn vị hành chính gồm 2 đến 5 chữ số', 'A unit code has 2 to 5 digits'));

/** Page parameters for list endpoints. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1, bilingual('Trang bắt đầu từ 1', 'Page starts at 1')).max(10_000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1, bilingual('Số dòng mỗi trang tối thiểu là 1', 'Page size is at least 1'))
    .max(100, bilingual('Số dòng mỗi trang tối đa là 100', 'Page size is at most 100'))
    .default(20),
});

/** A page of items. */
export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** Today's date in Vietnam (UTC+7), as YYYY-MM-DD. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD date as Vietnamese users read it: dd/mm/yyyy (other strings unchanged). */
export function formatDateVi(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (iso ?? '…');
}
