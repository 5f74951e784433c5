import type { viDocuments } from './messages.vi';

/** Text of the documents feature, English. */
export const enDocuments: Record<keyof typeof viDocuments, string> = {
  'documents.store.title': 'My document store',
  'documents.store.intro':
    'Electronic documents the authorities issued to you through online dossiers: results, the receipt and appointment slips, other slips and fee receipts. You can download them; a result still valid can be reused in a later filing instead of uploading.',
  'documents.store.none':
    'No documents yet. When a dossier of yours is received, its fee paid or its result issued, its documents are kept here.',
  'documents.store.download': 'Download',
  'documents.store.issuedBy': 'Issued by',
  'documents.store.issuedOn': 'Issued on',
  'documents.store.dossier': 'Dossier',
  'documents.store.validUntil': 'Valid until the end of {date}',
  'documents.store.noLimit': 'No time limit',
  'documents.store.expired': 'Expired ({date})',
  'documents.reuse.use': 'Use a document from my store',
  'documents.reuse.using': 'Using: {title} (issued {date})',
  'documents.reuse.upload': 'Upload another file',
};
