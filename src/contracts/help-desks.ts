import { z } from 'zod';
import { bilingual } from './messages';
import { IsoDate, UnitCode } from './common';
import { isEmail, isVietnamesePhone } from './contact-formats';

export { formatPhone, isEmail, isVietnamesePhone, normalisePhone } from './contact-formats';

/**
 * HTTP shapes of /api/v1/units/help-desks — where a citizen gets help in person: the one-stop
 * counter of a commune, the commune police, the province's Public Administration Service Centre.
 * Every row is dated (valid_from … valid_to): law and organisation change, so a change closes the
 * old row and opens a new one. Contacts are data an administrator records with their source;
 * the app never makes a number up (ADR 0024). Shared by the server (modules/units) and the web.
 */

/** Kinds of help desk: Bộ phận Một cửa, công an cấp xã (or tỉnh), Trung tâm Phục vụ hành chính công tỉnh. */
export const HELP_DESK_KINDS = ['one_stop_counter', 'police', 'service_centre'] as const;
export type HelpDeskKind = (typeof HELP_DESK_KINDS)[number];

/** Control characters (line breaks included): never in a desk's text. */
const CONTROL = /\p{Cc}/u;

/** A text field of a desk: trimmed, `min`–`max` characters, no control characters. */
function deskText(vi: string, en: string, min: number, max: number) {
  return z
    .string({ error: bilingual(`Nhập ${vi}`, `Enter the ${en}`) })
    .trim()
    .min(
      min,
      bilingual(
        `${vi[0]!.toUpperCase()}${vi.slice(1)} tối thiểu ${min} ký tự`,
        `The ${en} has at least ${min} characters`,
      ),
    )
    .max(
      max,
      bilingual(`${vi[0]!.toUpperCase()}${vi.slice(1)} tối đa ${max} ký tự`, `The ${en} has at most ${max} characters`),
    )
    .refine(
      (s) => !CONTROL.test(s),
      bilingual(`${vi} chứa ký tự điều khiển`, `The ${en} contains a control character`),
    );
}

const Phone = z
  .string()
  .max(30, bilingual('Số điện thoại tối đa 30 ký tự', 'The phone number has at most 30 characters'))
  .refine(
    isVietnamesePhone,
    bilingual(
      'Số điện thoại không đúng: số cố định (0213 3xxx xxx), di động (09xx xxx xxx) hoặc đường dây nóng (1800 xxxx)',
      'Not a Vietnamese phone number: a landline (0213 3xxx xxx), a mobile (09xx xxx xxx) or a hotline (1800 xxxx)',
    ),
  );

const Email = z
  .string()
  .max(254, bilingual('Thư điện tử tối đa 254 ký tự', 'The e-mail address has at most 254 characters'))
  .refine(isEmail, bilingual('Địa chỉ thư điện tử không đúng', 'Not a valid e-mail address'));

/** What an administrator records of a desk (a new desk, or the row that replaces one). */
export const HelpDeskContactInput = z.object({
  name: deskText('tên nơi hỗ trợ', 'desk name', 3, 200),
  address: deskText('địa chỉ', 'address', 5, 300),
  phone: Phone.nullable().optional(),
  email: Email.nullable().optional(),
  openingHours: deskText('giờ làm việc', 'opening hours', 3, 300).nullable().optional(),
  /** Where the contact comes from (a decision, the commune's web page): no number is recorded without one. */
  source: deskText('nguồn thông tin', 'source', 3, 300),
  /** First day the contact holds. */
  validFrom: IsoDate,
});
export type HelpDeskContactInput = z.infer<typeof HelpDeskContactInput>;

/** Body of POST /units/help-desks: a desk of a unit. */
export const NewHelpDeskBody = HelpDeskContactInput.extend({
  unitCode: UnitCode,
  kind: z.enum(HELP_DESK_KINDS, {
    error: bilingual(
      'Loại nơi hỗ trợ phải là one_stop_counter, police hoặc service_centre',
      'The kind is one_stop_counter, police or service_centre',
    ),
  }),
});
export type NewHelpDeskBody = z.infer<typeof NewHelpDeskBody>;

/** Body of POST /units/help-desks/:id/replace: the new row (same unit and kind) from `validFrom`. */
export const ReplaceHelpDeskBody = HelpDeskContactInput;
export type ReplaceHelpDeskBody = z.infer<typeof ReplaceHelpDeskBody>;

/** Body of POST /units/help-desks/:id/close: the last day the desk holds. */
export const CloseHelpDeskBody = z.object({ lastDay: IsoDate });
export type CloseHelpDeskBody = z.infer<typeof CloseHelpDeskBody>;

export const HelpDeskIdParams = z.object({
  id: z.uuid({ error: bilingual('Mã bản ghi không đúng', 'Not a record id') }),
});

/** Query of GET /units/help-desks: the desks of a unit and of the units above it, on a day (today). */
export const HelpDeskQuery = z.object({ unit: UnitCode.optional(), asOf: IsoDate.optional() });

/** Query of GET /units/help-desks/history: every row of a unit, closed ones too. */
export const HelpDeskHistoryQuery = z.object({ unit: UnitCode });

/** A desk as the public sees it. */
export const HelpDesk = z.object({
  id: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  unitLevel: z.enum(['province', 'district', 'commune']),
  kind: z.enum(HELP_DESK_KINDS),
  name: z.string(),
  address: z.string(),
  /** Digits only (0213…); the web groups them for reading and dials them as they are. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  openingHours: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type HelpDesk = z.infer<typeof HelpDesk>;

/** Answer of GET /units/help-desks: the unit's desks first, then those of the units above it. */
export const HelpDeskList = z.object({ asOf: z.string(), unitCode: z.string(), items: z.array(HelpDesk) });
export type HelpDeskList = z.infer<typeof HelpDeskList>;

/** A row of a unit's history, with who recorded and who closed it (administrators only). */
export const HelpDeskRecord = HelpDesk.extend({
  source: z.string(),
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  /** The row that took this one's place (a replacement), if any. */
  replacedById: z.string().nullable(),
});
export type HelpDeskRecord = z.infer<typeof HelpDeskRecord>;

export const HelpDeskHistory = z.object({ unitCode: z.string(), items: z.array(HelpDeskRecord) });
export type HelpDeskHistory = z.infer<typeof HelpDeskHistory>;
