/**
 * Public face of the `documents` module: the citizen's document store (kho dữ liệu, issue 17 §3) —
 * the electronic result documents of their dossiers (CT03, CT07, CT08), recorded as references to
 * the files already in the content-addressed store, and the slips and fee receipts issued to them
 * (stored once); listed on the account page, downloadable by their owner, the results reusable in a
 * later filing.
 */

/** HTTP routes for /api/v1/documents (registered by app.ts). */
export { documentsRoutes } from './documents.routes';

/**
 * The recording pass (run on the job queue by background-jobs.ts): records the result documents of
 * dossiers whose result was issued since the last pass, once per dossier × document.
 */
export { recordIssuedDocuments, DOCUMENT_TITLES } from './record';
/**
 * What the pass needs to record the slips and fee receipts issued to the citizen too (`papers`):
 * the file store, the public address, the receipts' issuers — from the configuration.
 */
export { issuedPapersDeps, type IssuedPapersDeps } from './issued-papers';

/** The owner's document by id (undefined: absent or someone else's), and its validity on a day. */
export { findOwnDocument, isValidOn } from './documents.service';

/**
 * Reuse in a later filing: which procedure documents a store document may stand in for, and the
 * check of one offered in a filing (the owner's, still valid, of a type serving that document).
 */
export { resolveReusableDocument, type ReusableDocument, type ReuseRefusal } from './reuse';
export { documentCodesServedBy, REUSABLE_FOR } from './document-types';

/** Error codes of the module. */
export { DOCUMENTS_ERRORS } from './documents.errors';
