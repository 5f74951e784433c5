// What the citizen's light pages take from the documents feature without antd (ADR 0023): the filing
// form's offer to reuse a document from the store. index.ts also exports the account page's card,
// drawn with antd — imported from here, the filing form's chunk (loaded by every public page) stays light.
export { ReuseOffers } from './ReuseOffers';
export { reuseOffers } from './reuse-offers';
