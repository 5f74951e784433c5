import { z } from 'zod';
import { bilingual } from '../messages';
import { IsoDate, UnitCode } from '../common';

/** HTTP shapes of GET /counter/summary: the figures of the visits per unit and day. */

/** Longest date range of one summary request (a year, leap day included). */
export const SUMMARY_MAX_DAYS = 366;

/** Query of GET /counter/summary. */
export const SummaryQuery = z
  .object({ from: IsoDate, to: IsoDate, unitCode: UnitCode.optional() })
  .strict()
  .refine((q) => q.from <= q.to, {
    message: bilingual('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', '"from" must not be after "to"'),
    path: ['to'],
  })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < SUMMARY_MAX_DAYS, {
    message: bilingual(
      `Khoảng thời gian tối đa ${SUMMARY_MAX_DAYS} ngày`,
      `The range is at most ${SUMMARY_MAX_DAYS} days`,
    ),
    path: ['to'],
  });
export type SummaryQuery = z.infer<typeof SummaryQuery>;

/** Visits by who typed them; `none` = nothing was typed (a question, a referral). */
export const TypedByCounts = z.object({
  citizen_alone: z.number().int(),
  citizen_helped: z.number().int(),
  officer_on_behalf: z.number().int(),
  none: z.number().int(),
});
export type TypedByCounts = z.infer<typeof TypedByCounts>;
export const OutcomeCounts = z.object({
  filed_online: z.number().int(),
  filed_paper: z.number().int(),
  information_only: z.number().int(),
  referred: z.number().int(),
  incomplete_documents: z.number().int(),
});
export type OutcomeCounts = z.infer<typeof OutcomeCounts>;

/** Figures of a set of visits (one unit and day, or the totals). Shares are 0..1, null when there is nothing to divide. */
export const SummaryFigures = z.object({
  visits: z.number().int(),
  guidedOnline: z.number().int(),
  /** guidedOnline / visits: target 1 asks for 100%. */
  guidedOnlineShare: z.number().nullable(),
  typedBy: TypedByCounts,
  outcomes: OutcomeCounts,
  /** Dossiers filed online that the citizen typed (alone or helped): "guiding them to do it" rather than "doing it for them". */
  selfFiledOnline: z.number().int(),
  /** selfFiledOnline / outcomes.filed_online. */
  selfFiledOnlineShare: z.number().nullable(),
});
export type SummaryFigures = z.infer<typeof SummaryFigures>;

export const SummaryRow = SummaryFigures.extend({
  unitCode: z.string(),
  unitName: z.string().nullable(),
  date: z.string(),
});
export type SummaryRow = z.infer<typeof SummaryRow>;

export const CounterSummary = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(SummaryRow),
  totals: SummaryFigures,
});
export type CounterSummary = z.infer<typeof CounterSummary>;
