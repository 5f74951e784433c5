// The online fee payment feature's public face: other features import only this file.
export * from './pages';

/** What other features use: the "Thanh toán lệ phí" card of the citizen's dossier page. */
export { PayFeeCard } from './PayFeeCard';
/** The fee receipt's address (the dossier's page links to it once paid). */
export { receiptUrl } from './payments-api';
