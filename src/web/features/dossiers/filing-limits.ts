import type { ResultDelivery } from '../../../contracts/dossiers';

/*
 * The contract's filing limits (src/contracts/dossiers.ts), copied: importing a value from that
 * file brings its schemas and zod (about 25 kB brotli) into the citizen's filing form's first load,
 * held to 150 kB (ADR 0023). filing-limits.test.ts checks each copy equals the contract's.
 */

/** How the citizen may receive the result, in the order the form offers them. */
export const RESULT_DELIVERIES = ['online', 'post', 'counter'] as const satisfies readonly ResultDelivery[];
/** The media types the server takes for an attachment. */
export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
/** The largest attachment the server takes, in bytes. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
/** The most files one dossier may carry. */
export const ATTACHMENTS_MAX_COUNT = 10;
