import { z } from 'zod';

/* The sync of dossier states to the National Public Service Portal (issue 17 §4, ADR 0035): the pushes as the administrator reads them, and the sandbox's behaviour. */

/** pending: to send or being retried; sent: accepted by the endpoint; dead: retries ran out (blocks the later pushes of its dossier). */
export const PUSH_STATES = ['pending', 'sent', 'dead'] as const;
export const PushState = z.enum(PUSH_STATES);
export type PushState = z.infer<typeof PushState>;

/** One push: a state change of one dossier, its sequence, and how sending it went. No personal data. */
export const PortalPush = z.object({
  id: z.string().uuid(),
  dossierCode: z.string(),
  seq: z.number().int(),
  /** The national status code sent (TrangThaiHoSo, assumed codes 1–10). */
  status: z.string(),
  state: PushState,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PortalPush = z.infer<typeof PortalPush>;

export const PortalPushQuery = z
  .object({
    state: PushState.optional(),
    dossierCode: z.string().trim().min(1).max(60).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const PortalPushList = z.object({
  /** Pushes per state, all dossiers. */
  counts: z.record(z.string(), z.number().int()),
  items: z.array(PortalPush),
});
export type PortalPushList = z.infer<typeof PortalPushList>;

/** The sandbox of the national endpoint: answer 500 to every push, or wait before answering (development only). */
export const PortalSandboxSettings = z
  .object({
    failing: z.boolean(),
    delayMs: z.number().int().min(0).max(60_000),
  })
  .strict();
export type PortalSandboxSettings = z.infer<typeof PortalSandboxSettings>;
