import { z } from 'zod';
import { DossierChannel, DossierState } from './dossier-states';

/*
 * The overview of leaders and the Standing Agency (issue 14 §5): the figures other modules already
 * compute, each with the date or period it describes, for the caller's unit. A figure with nothing
 * to count is null (never a made-up zero share).
 */

/** A period of Vietnam dates, both included (YYYY-MM-DD). */
export const OverviewPeriod = z.object({ from: z.string(), to: z.string() });
export type OverviewPeriod = z.infer<typeof OverviewPeriod>;

export const OverviewDossiers = z.object({
  /** Dossiers submitted in the period (drafts excluded). */
  period: OverviewPeriod,
  submitted: z.number().int(),
  /** Of those, how many are now in each state (states with none left out). */
  byState: z.array(z.object({ state: DossierState, count: z.number().int() })),
  /** Of those, how many came by each channel. */
  byChannel: z.array(z.object({ channel: DossierChannel, count: z.number().int() })),
  /** Dossiers decided in the period with a deadline (withdrawn and not accepted left out), and those decided by it. */
  decided: z.number().int(),
  decidedOnTime: z.number().int(),
  /** decidedOnTime / decided; null when none was decided. */
  onTimeShare: z.number().nullable(),
  /** Running now (received, in processing) past their due time, at `asOf`. */
  overdueNow: z.number().int(),
  asOf: z.string(),
});
export type OverviewDossiers = z.infer<typeof OverviewDossiers>;

export const OverviewFeePayments = z.object({
  /** Whole months (YYYY-MM) covering the dossiers' period. */
  fromMonth: z.string(),
  toMonth: z.string(),
  /** Fee payments made online (gateway, VietQR) and in cash at the counter. */
  online: z.number().int(),
  cash: z.number().int(),
  /** online / (online + cash); null when no fee was paid. */
  onlineShare: z.number().nullable(),
});
export type OverviewFeePayments = z.infer<typeof OverviewFeePayments>;

export const OverviewCashless = z.object({
  /** The latest month (YYYY-MM) with figures reported by schools and health facilities; null: none in 12 months. */
  month: z.string().nullable(),
  reporting: z.number().int(),
  registered: z.number().int(),
  /** Share of transactions made without cash that month; null when none was reported. */
  cashlessShare: z.number().nullable(),
});
export type OverviewCashless = z.infer<typeof OverviewCashless>;

export const OverviewQuality = z.object({
  /** null before the first run (the scheduled run makes one when the server starts). */
  runId: z.number().int().nullable(),
  asOf: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** The score of the caller's unit (the province's for a province-wide reader), 0..1. */
  score: z.number().nullable(),
  persons: z.number().int(),
  personsWithFindings: z.number().int(),
});
export type OverviewQuality = z.infer<typeof OverviewQuality>;

/** GET /api/v1/overview. */
export const Overview = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  generatedAt: z.string(),
  dossiers: OverviewDossiers,
  feePayments: OverviewFeePayments,
  cashless: OverviewCashless,
  quality: OverviewQuality,
});
export type Overview = z.infer<typeof Overview>;
