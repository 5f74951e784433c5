// The documents feature's public face (issue 17 §3): the citizen's document store on their page,
// and the offer to reuse its documents on the filing form.
export { DocumentsCard } from './DocumentsCard';
export { ReuseOffers } from './ReuseOffers';
export { reuseOffers } from './reuse-offers';
export { getMyDocuments, documentFileUrl } from './documents-api';
