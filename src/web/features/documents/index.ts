// The documents feature's public face (issue 17 §3): the citizen's document store on their page.
export { DocumentsCard } from './DocumentsCard';
export { getMyDocuments, documentFileUrl } from './documents-api';
