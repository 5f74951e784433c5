/**
 * Who may do what with the document store (pure; the role × action matrix is tested in
 * documents.authz.test.ts): `documents.own.read` — a citizen lists and downloads the documents of
 * their own store (ownership is checked in documents.service.ts: another's document is not found).
 * No staff role holds it: officers see result files on the dossier's page.
 */
export const DOCUMENT_ACTIONS = { ownRead: 'documents.own.read' } as const;
