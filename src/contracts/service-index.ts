import { z } from 'zod';
import { UnitCode } from './common';
import { bilingual } from './messages';
import { KpiStructure, PeriodCode } from './kpi';
import { ProcedureCode } from './procedures';

/*
 * Ratings of a service by the citizen whose dossier it was, and the national service index's
 * ratios (Bộ chỉ số 766, Decision 766/QĐ-TTg; issue 17 §5).
 */

/** Hài lòng / bình thường / không hài lòng. */
export const RATING_VALUES = ['satisfied', 'neutral', 'dissatisfied'] as const;
export const RatingValue = z.enum(RATING_VALUES, {
  error: bilingual(
    'Mức đánh giá là "satisfied" (hài lòng), "neutral" (bình thường) hoặc "dissatisfied" (không hài lòng)',
    'The rating is "satisfied", "neutral" or "dissatisfied"',
  ),
});
export type RatingValue = z.infer<typeof RatingValue>;

/** Longest comment a citizen may leave with a rating. */
export const RATING_COMMENT_MAX = 500;

export const RatingInput = z
  .object({
    value: RatingValue,
    comment: z
      .string()
      .trim()
      .max(
        RATING_COMMENT_MAX,
        bilingual(`Góp ý tối đa ${RATING_COMMENT_MAX} ký tự`, `A comment has at most ${RATING_COMMENT_MAX} characters`),
      )
      .optional(),
    /** The token of the link in the result message, when the citizen came from it. */
    linkToken: z.string().max(200).optional(),
  })
  .strict();
export type RatingInput = z.infer<typeof RatingInput>;

export const RatingParams = z.object({
  dossierId: z.uuid({ error: bilingual('Mã hồ sơ không hợp lệ', 'Not a valid dossier id') }),
});

export const RatingLinkParams = z.object({
  token: z.string().min(1).max(200),
});

export const Rating = z.object({
  dossierId: z.string(),
  dossierCode: z.string().nullable(),
  value: RatingValue,
  comment: z.string().nullable(),
  /** Where the citizen rated: the dossier page or the link in the result message. */
  via: z.enum(['web', 'link']),
  ratedAt: z.string(),
});
export type Rating = z.infer<typeof Rating>;

/** A dossier's rating as its page shows it: whether it can be rated now, and the rating once given. */
export const DossierRating = z.object({
  dossierId: z.string(),
  /** The result was returned and no rating was given yet (for the owner; staff: always false). */
  canRate: z.boolean(),
  rating: Rating.nullable(),
});
export type DossierRating = z.infer<typeof DossierRating>;

/** What the link in the result message leads to, once the owner signed in. */
export const RatingLinkTarget = z.object({ dossierId: z.string(), dossierCode: z.string().nullable() });
export type RatingLinkTarget = z.infer<typeof RatingLinkTarget>;

export const ServiceIndexQuery = z
  .object({
    period: PeriodCode,
    /** A unit of the structure asked (default: the province). */
    unit: UnitCode.optional(),
    procedure: ProcedureCode.optional(),
    structure: KpiStructure.optional(),
  })
  .strict();
export type ServiceIndexQuery = z.infer<typeof ServiceIndexQuery>;

export const SERVICE_INDEX_RATIOS = [
  'received_online',
  'fully_online',
  'paid_online',
  'decided_on_time',
  'result_digitised',
  'documents_reused',
  'satisfied',
] as const;
export type ServiceIndexRatioKey = (typeof SERVICE_INDEX_RATIOS)[number];

export const ServiceIndexRatio = z.object({
  key: z.enum(SERVICE_INDEX_RATIOS),
  labelVi: z.string(),
  labelEn: z.string(),
  numerator: z.number().int(),
  denominator: z.number().int(),
  /** numerator / denominator; null when there is nothing to count (never a made-up 0 % or 100 %). */
  ratio: z.number().nullable(),
  /** The kpi source counting the same figure per commune. */
  kpiSource: z.string(),
  /** What is not counted yet, when something is missing (null: nothing is). */
  noteVi: z.string().nullable(),
  noteEn: z.string().nullable(),
});
export type ServiceIndexRatio = z.infer<typeof ServiceIndexRatio>;

export const ServiceIndex = z.object({
  period: z.string(),
  /** First day and the day counted up to (the period's last day, or today while it runs). */
  from: z.string(),
  asOf: z.string(),
  structure: KpiStructure,
  unit: z.object({ code: z.string(), name: z.string() }),
  procedure: z.string().nullable(),
  ratios: z.array(ServiceIndexRatio),
  ratings: z.object({
    satisfied: z.number().int(),
    neutral: z.number().int(),
    dissatisfied: z.number().int(),
  }),
});
export type ServiceIndex = z.infer<typeof ServiceIndex>;
