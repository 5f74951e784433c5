/**
 * Public face of the `portal-sync` module (issue 17 §4, ADR 0035): every state change of a dossier
 * is pushed to the National Public Service Portal's sync endpoint (PORTAL_SYNC_URL; the sandbox at
 * /portal-sandbox outside production) through the job queue, in order per dossier, idempotent on
 * (dossier code, sequence), retried with backoff; a push whose retries ran out is dead, blocks the
 * later pushes of its dossier only, and is retried by an administrator.
 */

/** HTTP routes for /api/v1/portal-sync (registered by app.ts). */
export { portalSyncRoutes, PORTAL_SYNC_ACTION } from './portal-sync.routes';

/** The sandbox of the national endpoint at /portal-sandbox (app.ts, when PORTAL_SANDBOX is on), and its reads for tests. */
export {
  registerPortalSandbox,
  readSandboxArrivals,
  readSandboxReceived,
  readSandboxSettings,
  setSandboxSettings,
  PORTAL_SANDBOX_PREFIX,
} from './portal-sandbox';

/** The work: registering it on the job queue (the server), the transport from the configuration, the loop without a queue. */
export {
  registerPortalSyncJobs,
  portalTransportFrom,
  startPortalSyncLoop,
  sendDue,
  MAX_ATTEMPTS,
  COLLECT_QUEUE,
  type PortalSyncJobOptions,
} from './runtime';

/** Turning the dossiers' transitions into pushes, and sending one dossier's pushes (called by the jobs). */
export { collectPushes, PUSH_QUEUE } from './collect';
export { sendDossierPushes, httpPortalTransport, type PortalTransport, type SendOutcome } from './push';

/** The payload mapping to the national portal's sync (assumed shape, ADR 0035). */
export { payloadOf, portalTime, nationalStatus, NATIONAL_STATUS, type PortalSyncPayload } from './payload';
