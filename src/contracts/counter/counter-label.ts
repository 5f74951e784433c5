import { z } from 'zod';
import { bilingual } from '../messages';

/** Longest counter label ("Quầy 1", "Quầy tư pháp – hộ tịch"). */
export const COUNTER_LABEL_MAX = 40;

/** The name or number of a counter, as the officer types it. */
export const CounterLabel = z
  .string()
  .trim()
  .min(1, bilingual('Nhập tên hoặc số quầy', 'Enter the counter name or number'))
  .max(
    COUNTER_LABEL_MAX,
    bilingual(
      `Tên quầy tối đa ${COUNTER_LABEL_MAX} ký tự`,
      `The counter label is at most ${COUNTER_LABEL_MAX} characters`,
    ),
  )
  .transform((s) => s.normalize('NFC'));
