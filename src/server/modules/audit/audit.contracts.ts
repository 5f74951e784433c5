import { z } from 'zod';

// HTTP shapes of the audit routes: shared with the web app from src/contracts/audit.ts (one definition).
export * from '../../../contracts/audit';

export const ChainVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  headSeq: z.number().int(),
  firstBroken: z
    .object({
      seq: z.number().int(),
      reason: z.enum(['hash', 'prev_hash', 'gap', 'head', 'checkpoint', 'truncated']),
      checkpoint: z.object({ seq: z.number().int(), at: z.string() }).optional(),
    })
    .optional(),
  checkpoints: z
    .object({
      total: z.number().int(),
      verifiedUpTo: z.number().int().nullable(),
      invalid: z.array(
        z.object({ line: z.number().int(), reason: z.enum(['malformed', 'key', 'signature', 'incomplete']) }),
      ),
    })
    .optional(),
});
