import { z } from 'zod';
import { UnitCode } from '../common';
import { CounterLabel } from './counter-label';

/**
 * Body of POST /counter/device: an officer makes this browser a counter device for the rest of
 * the day. Citizens who then sign in with their own e-ID and file on it are recorded as filing
 * "assisted", with the officer who guided them and the counter.
 */
export const CounterDeviceStartBody = z
  .object({
    /** The counter's unit; defaults to the officer's only unit where they may record. */
    unitCode: UnitCode.optional(),
    counterLabel: CounterLabel,
  })
  .strict();
export type CounterDeviceStartBody = z.infer<typeof CounterDeviceStartBody>;

/** A counter device in use: where, which counter, the guiding officer, until when (end of the day in Vietnam). */
export const CounterDeviceInfo = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  counterLabel: z.string(),
  officerName: z.string(),
  startedAt: z.string(),
  expiresAt: z.string(),
});
export type CounterDeviceInfo = z.infer<typeof CounterDeviceInfo>;

/** GET /counter/device: this browser's counter device, or null when it is an ordinary browser. */
export const CounterDeviceState = z.object({ device: CounterDeviceInfo.nullable() });
export type CounterDeviceState = z.infer<typeof CounterDeviceState>;
