import { z } from 'zod';

// HTTP shapes of the audit routes: shared with the web app from src/contracts/audit.ts (one definition).
export * from '../../../contracts/audit';

export const ChainVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  headSeq: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.enum(['hash', 'prev_hash', 'gap', 'head']) }).optional(),
});
